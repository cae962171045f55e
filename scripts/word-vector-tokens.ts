// The tokens word vectors are learned over. Words are cut and stemmed as `termsOf`
// (src/text/terms.ts) cuts and stems them, so that a learned vector's key is the stem a claim's
// `Terms.stems` holds; unlike `termsOf`, function words and numbers stay in the sequence, as
// contexts that a neighbour's window counts but no vector is learned for.
import { STOPWORDS, stemOf } from '../src/text/terms.ts';

/** The word pattern of src/text/terms.ts (not exported there). */
const WORD = /\p{N}+(?:[.,]\p{N}+)*%?|\p{L}[\p{L}\p{M}'’-]*/gu;

/** Every number is one context: a vector for "1,200" would be noise. */
export const NUMBER_TOKEN = '<num>';

export interface Token {
  text: string;
  /** A content stem, as `termsOf` keeps it: the only tokens that get vectors. */
  content: boolean;
}

export function vectorTokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    if (/^\p{N}/u.test(raw)) {
      out.push({ text: NUMBER_TOKEN, content: false });
      continue;
    }
    const lower = raw.toLowerCase().replace(/’/g, "'");
    if (STOPWORDS.has(lower)) out.push({ text: lower, content: false });
    else if (lower.length >= 2) out.push({ text: stemOf(lower.replace(/'s$/, '')), content: true });
  }
  return out;
}
