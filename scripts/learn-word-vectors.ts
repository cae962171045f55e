// Word vectors from token sequences by the count method of Levy, Goldberg & Dagan (2015):
// co-occurrence counts in a ±window (nearer words weigh more: for a window of 5, 1, .8, .6, .4,
// .2, word2vec's dynamic window in expectation), positive PMI with the context distribution
// smoothed (counts^0.75, so rare contexts do not get inflated PMI), then a truncated SVD
// (scripts/randomized-svd.ts) with the singular values weighted by Σ^p. Rows are L2-normalised
// and quantised to int8. Deterministic: ties broken by the stem, a seeded test matrix, one thread.
import { gzipSync } from 'node:zlib';
import { randomizedSvd, type Csr } from './randomized-svd.ts';
import type { Token } from './word-vector-tokens.ts';

export interface LearnOptions {
  dims: number;
  /** At most this many stems get vectors, the most frequent first. */
  maxVocab: number;
  /** A stem seen fewer times gets no vector: its co-occurrences are too few to place it. */
  minCount: number;
  /** A context seen fewer times is not counted. */
  minContextCount: number;
  window: number;
  smoothing: number;
  /**
   * p in U·Σ^p: 1 is the plain SVD; Levy et al. find .5 or 0 better for word similarity. 0 chosen
   * on STS Benchmark train (softCoverage r .736 against .714 at .5; dev and MSRP untouched).
   */
  eigenWeight: number;
  seed: number;
  log?: (message: string) => void;
}

export const DEFAULT_OPTIONS: LearnOptions = { dims: 128, maxVocab: 25_000, minCount: 5, minContextCount: 3, window: 5, smoothing: 0.75, eigenWeight: 0, seed: 20_110 };

export interface Learned {
  words: string[];
  dims: number;
  /** words.length × dims, each row scaled so its largest component is ±127. */
  quantised: Int8Array;
  contexts: number;
  /** Positive entries of the PPMI matrix. */
  nonZeros: number;
  singularValues: number[];
}

const byCount = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function learnWordVectors(units: readonly (readonly Token[])[], options: LearnOptions): Learned {
  const log = options.log ?? (() => {});
  const { window } = options;
  const counts = new Map<string, number>();
  const lowerCounts = new Map<string, number>();
  for (const toks of units) {
    for (const t of toks) {
      counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
      if (t.content && !t.capitalised) lowerCounts.set(t.text, (lowerCounts.get(t.text) ?? 0) + 1);
    }
  }
  // A stem's vector is learned from its lower-case uses when it has enough of them: a name that
  // shares its letters ("Steve Jobs", "Duncan Hunter", "the Post") would pull "job", "hunter" and
  // "post" towards films, deer and newspapers. A stem seen mostly capitalised ("Senate",
  // "Pentagon") learns from every use.
  const learnsFrom = (t: Token): boolean => t.content && (!t.capitalised || (lowerCounts.get(t.text) ?? 0) < options.minCount);
  const contentCounts = new Map<string, number>();
  for (const toks of units) for (const t of toks) if (learnsFrom(t)) contentCounts.set(t.text, (contentCounts.get(t.text) ?? 0) + 1);
  const targets = [...contentCounts]
    .filter(([s, n]) => n >= options.minCount && /^\p{L}/u.test(s))
    .sort(byCount)
    .slice(0, options.maxVocab)
    .map(([s]) => s);
  const contexts = [...counts].filter(([, n]) => n >= options.minContextCount).sort(byCount).map(([s]) => s);
  const targetId = new Map(targets.map((s, i) => [s, i]));
  const contextId = new Map(contexts.map((s, i) => [s, i]));
  const C = contexts.length;
  log(`${targets.length} target stems (count ≥ ${options.minCount}), ${C} contexts`);

  // co-occurrences as codes (target · C + context) · 16 + distance, sorted: a typed-array sort
  // instead of millions of map entries
  let codes = new Float64Array(1 << 16);
  let n = 0;
  for (const toks of units) {
    const t = toks.map((x) => (learnsFrom(x) ? (targetId.get(x.text) ?? -1) : -1));
    const c = toks.map((x) => contextId.get(x.text) ?? -1);
    for (let i = 0; i < toks.length; i++) {
      if (t[i]! < 0) continue;
      for (let d = 1; d <= window; d++) {
        for (const j of [i - d, i + d]) {
          if (j < 0 || j >= toks.length || c[j]! < 0) continue;
          if (n === codes.length) {
            const grown = new Float64Array(codes.length * 2);
            grown.set(codes);
            codes = grown;
          }
          codes[n++] = (t[i]! * C + c[j]!) * 16 + d;
        }
      }
    }
  }
  const sorted = codes.subarray(0, n).sort();
  log(`${n} co-occurrences sorted`);

  // weighted counts per (target, context)
  const pairRow: number[] = [];
  const pairCol: number[] = [];
  const pairWeight: number[] = [];
  for (let p = 0; p < n; ) {
    const pair = Math.floor(sorted[p]! / 16);
    let w = 0;
    while (p < n && Math.floor(sorted[p]! / 16) === pair) {
      w += (window + 1 - (sorted[p]! % 16)) / window;
      p++;
    }
    pairRow.push(Math.floor(pair / C));
    pairCol.push(pair % C);
    pairWeight.push(w);
  }
  codes = new Float64Array(0);

  // PPMI: log p(w,c) / (p(w) · p_α(c)), p_α(c) = #c^α / Σ #c'^α; only the positive entries
  const rowSum = new Float64Array(targets.length);
  const colSum = new Float64Array(C);
  pairWeight.forEach((w, k) => {
    rowSum[pairRow[k]!]! += w;
    colSum[pairCol[k]!]! += w;
  });
  let smoothedTotal = 0;
  for (let c = 0; c < C; c++) smoothedTotal += colSum[c]! ** options.smoothing;
  const rowStart = new Int32Array(targets.length + 1);
  const col: number[] = [];
  const value: number[] = [];
  for (let k = 0; k < pairWeight.length; k++) {
    const r = pairRow[k]!;
    const pmi = Math.log((pairWeight[k]! * smoothedTotal) / (rowSum[r]! * colSum[pairCol[k]!]! ** options.smoothing));
    if (pmi <= 0) continue;
    rowStart[r + 1]!++;
    col.push(pairCol[k]!);
    value.push(pmi);
  }
  for (let r = 0; r < targets.length; r++) rowStart[r + 1]! += rowStart[r]!;
  const ppmi: Csr = { rows: targets.length, cols: C, rowStart, col: Int32Array.from(col), value: Float32Array.from(value) };
  log(`PPMI: ${pairWeight.length} pairs, ${value.length} positive`);

  const { u, s, k } = randomizedSvd(ppmi, options.dims, { seed: options.seed, powerIterations: 3, log });
  const weight = Array.from(s, (x) => x ** options.eigenWeight);
  const quantised = new Int8Array(targets.length * k);
  for (let r = 0; r < targets.length; r++) {
    let max = 0;
    for (let j = 0; j < k; j++) max = Math.max(max, Math.abs(u[r * k + j]! * weight[j]!));
    for (let j = 0; j < k; j++) quantised[r * k + j] = max > 0 ? Math.round((u[r * k + j]! * weight[j]! * 127) / max) : 0;
  }
  return { words: targets, dims: k, quantised, contexts: C, nonZeros: value.length, singularValues: Array.from(s) };
}

/** The model file (read by src/align/word-vectors.ts): gzip of a JSON header line, then the int8 rows. */
export function encodeWordVectors(learned: Learned, about: Record<string, unknown>): Buffer {
  const header = { format: 'triangulate-word-vectors/1', ...about, dims: learned.dims, words: learned.words };
  return gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), Buffer.from(learned.quantised.buffer, learned.quantised.byteOffset, learned.quantised.byteLength)]), { level: 9 });
}
