// What a story is about, as few weighted terms: an article's stems (function words left out)
// weighed by tf-idf, with the document frequencies of the articles ingested so far kept in a
// hashed table (2^20 counters: a million articles' vocabulary fits, collisions are rare and
// harmless), and capitalised words (names) counting double. The top TOP_TERMS terms stand for
// the article; a story keeps the sum of its articles' vectors, cut to its top terms.
import { hashString } from '../annotate/feature-hash.ts';
import { termsOf } from '../text/terms.ts';

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

/** The article's raw terms: stems, names marked "n:" (capitalised words not opening a sentence), years marked "y:". */
export function articleTerms(title: string | null, text: string): string[] {
  const t = termsOf(`${title ?? ''}\n${text}`);
  // years tell two like events apart ("the 2008 earthquake", "in 2011"), other numbers do not
  const years = t.numbers.filter((n) => /^(19|20)\d\d$/.test(n)).map((n) => `y:${n}`);
  return [...t.stems.filter((s) => s.length > 2 && !/^\d+$/.test(s)), ...t.names.filter((n) => n.length > 2).map((n) => `n:${n}`), ...years];
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
