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
  /** Capitalised and not the first word of a sentence: most likely a name ("Jobs", "Hunter", "Post"). */
  capitalised: boolean;
}

const QUOTES_AND_SPACE = new Set([...' \t\n\r"\'“”‘’()[]-–—']);

/** Whether the text between two words ends a sentence: a full stop or the like, give or take quotation marks and brackets. */
function endsSentence(between: string): boolean {
  let i = between.length - 1;
  while (i >= 0 && QUOTES_AND_SPACE.has(between[i]!)) i--;
  return i >= 0 && '.!?:;…'.includes(between[i]!);
}

export function vectorTokensOf(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const first = last === 0 || endsSentence(text.slice(last, m.index));
    last = m.index + raw.length;
    if (/^\p{N}/u.test(raw)) {
      out.push({ text: NUMBER_TOKEN, content: false, capitalised: false });
      continue;
    }
    const capitalised = !first && /^\p{Lu}/u.test(raw);
    const lower = raw.toLowerCase().replace(/’/g, "'");
    if (STOPWORDS.has(lower)) out.push({ text: lower, content: false, capitalised });
    else if (lower.length >= 2) out.push({ text: stemOf(lower.replace(/'s$/, '')), content: true, capitalised });
  }
  return out;
}
