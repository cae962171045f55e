// Word clusters for the name tagger, learned in the repo: k-means (cosine, spherical) over the
// word vectors of models/word-vectors.bin.gz (themselves learned from unlabelled text), at two
// granularities. A word the tagger never saw in training still shares a cluster with words it
// did ("Sheinbaum" has no vector, but "ministry" and "agency" share one cluster). Writes
// models/ner-clusters.json.gz: `{ about, sizes, stems, ids }` with ids[g][i] the cluster of stems[i]
// at granularity g. Deterministic: fixed seed for the starting centroids, fixed iteration count.
// Usage: npm run build:ner-clusters
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { wordVectors } from '../src/align/word-vectors.ts';
import { mulberry32 } from '../src/learn/seeded-random.ts';

const SIZES = [64, 512];
const ITERATIONS = 12;
const SEED = 20251212;

/** Spherical k-means: each row to the centroid of highest cosine, centroids re-normalised means. */
function kMeans(matrix: Float32Array, rows: number, dims: number, k: number): Int32Array {
  const random = mulberry32(SEED + k);
  const centroids = new Float32Array(k * dims);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let r = Math.floor(random() * rows);
    while (picked.has(r)) r = (r + 1) % rows;
    picked.add(r);
    centroids.set(matrix.subarray(r * dims, (r + 1) * dims), c * dims);
  }
  const assign = new Int32Array(rows);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < dims; j++) s += matrix[r * dims + j]! * centroids[c * dims + j]!;
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assign[r] !== best) moved++;
      assign[r] = best;
    }
    centroids.fill(0);
    for (let r = 0; r < rows; r++) for (let j = 0; j < dims; j++) centroids[assign[r]! * dims + j]! += matrix[r * dims + j]!;
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let j = 0; j < dims; j++) norm += centroids[c * dims + j]! ** 2;
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let j = 0; j < dims; j++) centroids[c * dims + j]! *= scale;
    }
    process.stderr.write(`k=${k} iteration ${it + 1}: ${moved} moved\n`);
  }
  return assign;
}

function main(): void {
  const { dims, words, matrix } = wordVectors();
  const ids = SIZES.map((k) => Array.from(kMeans(matrix, words.length, dims, k)));
  const out = { about: `spherical k-means (${ITERATIONS} iterations, seed ${SEED}) over models/word-vectors.bin.gz; keys are Porter2 stems`, sizes: SIZES, stems: words, ids };
  const path = 'models/ner-clusters.json.gz';
  const gz = gzipSync(Buffer.from(JSON.stringify(out), 'utf8'), { level: 9 });
  writeFileSync(path, gz);
  process.stderr.write(`${words.length} stems, ${(gz.length / 1e3).toFixed(0)} kB written to ${path}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
