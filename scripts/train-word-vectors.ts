// Learns models/word-vectors.bin.gz: word vectors for the most frequent content stems of
// unlabelled news text under ../shared/data (scripts/read-news-text.ts names the sets and why
// some are left out), by the count method of Levy, Goldberg & Dagan (2015): co-occurrence counts
// in a ±5-word window (nearer words weigh more: 1, .8, .6, .4, .2, word2vec's dynamic window in
// expectation), positive PMI with the context distribution smoothed (counts^0.75), then a
// truncated SVD (scripts/randomized-svd.ts) with the singular values weighted by √σ
// (eigenvalue weighting p = .5). Rows are L2-normalised and stored as int8.
// Deterministic: fixed reading order, ties broken by the stem, seeded test matrix, one thread.
// Usage: npm run train:vectors -- [dataDir=../shared/data] [--dims 128] [--vocab 25000] [--min-count 8] [--out models/word-vectors.bin.gz]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readNewsTexts } from './read-news-text.ts';
import { randomizedSvd, type Csr } from './randomized-svd.ts';
import { vectorTokensOf } from './word-vector-tokens.ts';

const WINDOW = 5;
const SMOOTHING = 0.75;
const EIGEN_WEIGHT = 0.5;
/** A context seen fewer times says nothing reliable about its neighbours. */
const MIN_CONTEXT_COUNT = 3;
const SEED = 20_110;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const dataDir = positional[0] ?? join('..', 'shared', 'data');
const dims = Number(option('dims', '128'));
const maxVocab = Number(option('vocab', '25000'));
const minCount = Number(option('min-count', '8'));
const out = option('out', join('models', 'word-vectors.bin.gz'));
const eigenWeight = Number(option('eigen-weight', String(EIGEN_WEIGHT)));

const started = performance.now();
const log = (m: string): void => void process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${m}\n`);

// 1. tokens, and how often each occurs
const sources = readNewsTexts(dataDir);
const units: Array<Array<{ text: string; content: boolean }>> = [];
const counts = new Map<string, number>();
const contentCounts = new Map<string, number>();
const sourceSizes: Array<{ name: string; units: number; tokens: number }> = [];
for (const { name, texts } of sources) {
  let tokens = 0;
  for (const text of texts) {
    const toks = vectorTokensOf(text);
    if (toks.length < 2) continue;
    units.push(toks);
    tokens += toks.length;
    for (const t of toks) {
      counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
      if (t.content) contentCounts.set(t.text, (contentCounts.get(t.text) ?? 0) + 1);
    }
  }
  sourceSizes.push({ name, units: texts.length, tokens });
}
const totalTokens = sourceSizes.reduce((s, x) => s + x.tokens, 0);
log(`${units.length} units, ${totalTokens} tokens, ${counts.size} token types`);

// 2. the stems that get vectors (letters only, frequent enough) and the contexts counted
const byCount = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const targets = [...contentCounts]
  .filter(([s, n]) => n >= minCount && /^\p{L}/u.test(s))
  .sort(byCount)
  .slice(0, maxVocab)
  .map(([s]) => s);
const contexts = [...counts].filter(([, n]) => n >= MIN_CONTEXT_COUNT).sort(byCount).map(([s]) => s);
const targetId = new Map(targets.map((s, i) => [s, i]));
const contextId = new Map(contexts.map((s, i) => [s, i]));
const C = contexts.length;
log(`${targets.length} target stems (count ≥ ${minCount}), ${C} contexts`);

// 3. co-occurrences as sorted codes (target · C + context) · 8 + distance: a typed-array sort
// instead of millions of map entries
let codes = new Float64Array(1 << 24);
let n = 0;
for (const toks of units) {
  const t = toks.map((x) => (x.content ? (targetId.get(x.text) ?? -1) : -1));
  const c = toks.map((x) => contextId.get(x.text) ?? -1);
  for (let i = 0; i < toks.length; i++) {
    if (t[i]! < 0) continue;
    for (let d = 1; d <= WINDOW; d++) {
      for (const j of [i - d, i + d]) {
        if (j < 0 || j >= toks.length || c[j]! < 0) continue;
        if (n === codes.length) {
          const grown = new Float64Array(codes.length * 2);
          grown.set(codes);
          codes = grown;
        }
        codes[n++] = (t[i]! * C + c[j]!) * 8 + d;
      }
    }
  }
}
units.length = 0;
const sorted = codes.subarray(0, n).sort();
log(`${n} co-occurrences sorted`);

// 4. weighted counts per (target, context), then PPMI with smoothed context probabilities
const pairRow: number[] = [];
const pairCol: number[] = [];
const pairWeight: number[] = [];
for (let p = 0; p < n; ) {
  const pair = Math.floor(sorted[p]! / 8);
  let w = 0;
  while (p < n && Math.floor(sorted[p]! / 8) === pair) {
    w += (WINDOW + 1 - (sorted[p]! % 8)) / WINDOW;
    p++;
  }
  pairRow.push(Math.floor(pair / C));
  pairCol.push(pair % C);
  pairWeight.push(w);
}
codes = new Float64Array(0);
const rowSum = new Float64Array(targets.length);
const colSum = new Float64Array(C);
pairWeight.forEach((w, k) => {
  rowSum[pairRow[k]!]! += w;
  colSum[pairCol[k]!]! += w;
});
let smoothedTotal = 0;
for (let c = 0; c < C; c++) smoothedTotal += colSum[c]! ** SMOOTHING;
const rowStart = new Int32Array(targets.length + 1);
const col: number[] = [];
const value: number[] = [];
for (let k = 0; k < pairWeight.length; k++) {
  const r = pairRow[k]!;
  const pmi = Math.log((pairWeight[k]! * smoothedTotal) / (rowSum[r]! * colSum[pairCol[k]!]! ** SMOOTHING));
  if (pmi <= 0) continue;
  rowStart[r + 1]!++;
  col.push(pairCol[k]!);
  value.push(pmi);
}
for (let r = 0; r < targets.length; r++) rowStart[r + 1]! += rowStart[r]!;
const ppmi: Csr = { rows: targets.length, cols: C, rowStart, col: Int32Array.from(col), value: Float32Array.from(value) };
log(`PPMI: ${pairWeight.length} pairs, ${value.length} positive`);

// 5. truncated SVD; embedding U·Σ^p, rows L2-normalised, int8 with each row's largest component ±127
const { u, s, k } = randomizedSvd(ppmi, dims, { seed: SEED, powerIterations: 3, log });
log(`SVD done; singular values ${s[0]!.toFixed(1)} … ${s[k - 1]!.toFixed(1)}`);
const quantised = new Int8Array(targets.length * k);
for (let r = 0; r < targets.length; r++) {
  let max = 0;
  for (let j = 0; j < k; j++) max = Math.max(max, Math.abs(u[r * k + j]! * s[j]! ** eigenWeight));
  for (let j = 0; j < k; j++) quantised[r * k + j] = max > 0 ? Math.round((u[r * k + j]! * s[j]! ** eigenWeight * 127) / max) : 0;
}
const header = {
  format: 'triangulate-word-vectors/1',
  method: `PPMI (window ±${WINDOW}, linear distance weights, context smoothing ${SMOOTHING}, contexts seen ≥ ${MIN_CONTEXT_COUNT} times) + randomised truncated SVD, U·Σ^${eigenWeight}, int8`,
  sources: sourceSizes,
  tokens: totalTokens,
  dims: k,
  minCount,
  words: targets,
};
const file = gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), Buffer.from(quantised.buffer)]), { level: 9 });
writeFileSync(out, file);
log(`${targets.length} × ${k} written to ${out} (${(file.length / 1e6).toFixed(2)} MB); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
