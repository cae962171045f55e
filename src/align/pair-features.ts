// What two sentences share, as numbers a classifier weighs: how much of each one's weighted
// content the other covers (TF-IDF cosine, idf-weighted coverage both ways), shared word pairs,
// the longest common run, names, numbers and negation. Inverse document frequencies come from
// the collection at hand (a story's sentences, a benchmark's pairs): no outside vocabulary.
import type { Terms } from '../text/terms.ts';
import { sensesOf, synonymCoverage } from './synonyms.ts';

export interface Frequencies {
  documents: number;
  df: Map<string, number>;
}

export function frequenciesOf(collection: Iterable<readonly string[]>): Frequencies {
  const df = new Map<string, number>();
  let documents = 0;
  for (const stems of collection) {
    documents++;
    for (const s of new Set(stems)) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return { documents, df };
}

export function idf(freq: Frequencies, stem: string): number {
  return Math.log((freq.documents + 1) / ((freq.df.get(stem) ?? 0) + 1)) + 1;
}

export const PAIR_FEATURES = [
  'cosine',
  'coverA',
  'coverB',
  'coverMin',
  'jaccard',
  'bigrams',
  'lcs',
  'names',
  'namesMissing',
  'numbersShared',
  'numbersConflict',
  'negationDiffers',
  'lengthRatio',
  'unmatchedWeight',
  'synonymCoverA',
  'synonymCoverB',
  'synonymCoverMin',
  'synonymCoverMax',
] as const;

function bigrams(stems: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < stems.length; i++) out.add(`${stems[i - 1]} ${stems[i]}`);
  return out;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[b.length]!;
}

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Index of `synonymCoverMax` in the features: how much of the shorter sentence the longer one holds. */
export const CONTAINMENT = PAIR_FEATURES.indexOf('synonymCoverMax');

/** A text's stems weighed by idf, each occurrence adding its weight. */
export function idfWeights(stems: readonly string[], freq: Frequencies): Map<string, number> {
  const w = new Map<string, number>();
  for (const s of stems) w.set(s, (w.get(s) ?? 0) + idf(freq, s));
  return w;
}

/** The cosine of two weighted term sets. */
export function weightedCosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [s, v] of a) {
    na += v * v;
    const u = b.get(s);
    if (u) dot += v * u;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export function pairFeatures(a: Terms, b: Terms, freq: Frequencies): number[] {
  const wa = idfWeights(a.stems, freq);
  const wb = idfWeights(b.stems, freq);
  const cosine = weightedCosine(wa, wb);
  const cover = (x: Map<string, number>, y: Map<string, number>): number => {
    let total = 0;
    let covered = 0;
    for (const [s, v] of x) {
      total += v;
      if (y.has(s)) covered += v;
    }
    return total ? covered / total : 0;
  };
  const coverA = cover(wa, wb);
  const coverB = cover(wb, wa);
  // a word counts as present when the other sentence has it or a WordNet synonym of it
  const synA = synonymCoverage(wa, wb, sensesOf(wb.keys()));
  const synB = synonymCoverage(wb, wa, sensesOf(wa.keys()));
  let unmatched = 0;
  for (const [s, v] of wa) if (!wb.has(s)) unmatched += v;
  for (const [s, v] of wb) if (!wa.has(s)) unmatched += v;
  const namesA = new Set(a.names);
  const namesB = new Set(b.names);
  let namesMissing = 0;
  for (const n of namesA) if (!namesB.has(n)) namesMissing++;
  for (const n of namesB) if (!namesA.has(n)) namesMissing++;
  const numA = new Set(a.numbers);
  const numB = new Set(b.numbers);
  let sharedNumbers = 0;
  for (const n of numA) if (numB.has(n)) sharedNumbers++;
  const conflict = numA.size > 0 && numB.size > 0 ? numA.size + numB.size - 2 * sharedNumbers : 0;
  return [
    cosine,
    coverA,
    coverB,
    Math.min(coverA, coverB),
    jaccard(new Set(a.stems), new Set(b.stems)),
    jaccard(bigrams(a.stems), bigrams(b.stems)),
    lcsLength(a.stems, b.stems) / (Math.min(a.stems.length, b.stems.length) || 1),
    jaccard(namesA, namesB),
    Math.min(namesMissing, 6),
    sharedNumbers,
    Math.min(conflict, 6),
    a.negated !== b.negated ? 1 : 0,
    Math.abs(Math.log((a.stems.length + 1) / (b.stems.length + 1))),
    Math.log1p(unmatched),
    synA,
    synB,
    Math.min(synA, synB),
    Math.max(synA, synB),
  ];
}
