// What a story is about, as few weighted terms: an article's stems (function words left out)
// weighed by tf-idf, with the document frequencies of the articles ingested so far kept in a
// hashed table (2^20 counters: a million articles' vocabulary fits, collisions are rare and
// harmless), and capitalised words (names) counting double. The top TOP_TERMS terms stand for
// the article; a story keeps the sum of its articles' vectors, cut to its top terms.
import { hashString } from '../annotate/feature-hash.ts';
import { stemOf, STOPWORDS } from '../text/terms.ts';

export const TOP_TERMS = 30;
const BITS = 20;
const NAME_WEIGHT = 2;

export type TermVector = Map<string, number>;

export class DocumentFrequencies {
  readonly counts: Uint32Array;
  documents: number;

  constructor(counts?: Uint32Array, documents = 0) {
    this.counts = counts ?? new Uint32Array(1 << BITS);
    this.documents = documents;
  }

  private slot(term: string): number {
    return (hashString(term) >>> 0) & ((1 << BITS) - 1);
  }

  add(terms: Iterable<string>): void {
    for (const t of new Set(terms)) this.counts[this.slot(t)]!++;
    this.documents++;
  }

  idf(term: string): number {
    return Math.log((this.documents + 1) / (this.counts[this.slot(term)]! + 1)) + 1;
  }
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;

/**
 * The article's raw terms: stems of its words (function words left out), names marked "n:"
 * (capitalised words not opening a sentence), years marked "y:". Its own pass over the text,
 * lighter than `termsOf` (no offsets, quantities or negation): ingest runs it on every article.
 */
export function articleTerms(title: string | null, text: string): string[] {
  const out: string[] = [];
  let sentenceStart = true;
  for (const m of `${title ?? ''}\n${text}`.matchAll(WORD)) {
    const raw = m[0];
    const before = m.index > 0 ? m.input!.charCodeAt(m.index - 2) : 46;
    const opens = sentenceStart || before === 46 || before === 63 || before === 33 || before === 10;
    sentenceStart = false;
    const first = raw.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      // years tell two like events apart ("the 2008 earthquake"), other numbers do not
      if (/^(19|20)\d\d$/.test(raw)) out.push(`y:${raw}`);
      continue;
    }
    const lower = raw.toLowerCase();
    if (!opens && raw !== lower && lower.length > 2) out.push(`n:${lower.replace(/['’]s$/, '')}`);
    if (lower.length < 3 || STOPWORDS.has(lower)) continue;
    out.push(stemOf(lower.replace(/['’]s$/, '')));
  }
  return out;
}

export function termVector(terms: readonly string[], df: DocumentFrequencies): TermVector {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + (t.startsWith('n:') || t.startsWith('y:') ? NAME_WEIGHT : 1));
  const weighted = [...tf].map(([t, n]) => [t, (1 + Math.log(n)) * df.idf(t)] as [string, number]);
  return normalised(new Map(weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_TERMS)));
}

export function normalised(v: TermVector): TermVector {
  const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
  return new Map([...v].map(([t, x]) => [t, x / norm]));
}

export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  for (const [t, x] of a) dot += x * (b.get(t) ?? 0);
  return dot;
}

/** A story's vector after one more article: the sum, cut to the top terms, normalised. */
export function mergeVectors(story: TermVector, article: TermVector, articles: number): TermVector {
  const sum = new Map(story);
  for (const [t, x] of sum) sum.set(t, x * articles);
  for (const [t, x] of article) sum.set(t, (sum.get(t) ?? 0) + x);
  return normalised(new Map([...sum].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_TERMS)));
}
