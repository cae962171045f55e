// Soft word similarity from word vectors learned in this repository (models/word-vectors.bin.gz,
// made by scripts/train-word-vectors.ts from unlabelled news text: PPMI over a ±5-word window,
// truncated SVD). Two claims that state one fact in different words ("unpaid" / "uncompensated",
// "prosecutor" / "attorney") share few stems but near vectors; these helpers turn that into
// sentence-pair features. Keys are Porter2 stems as `termsOf` gives them; weights are the
// stem → idf maps of `idfWeights` (src/align/pair-features.ts).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const MODEL_URL = new URL('../../models/word-vectors.bin.gz', import.meta.url);

/** The model file's header line (JSON), before `count × dims` int8 components. */
export interface WordVectorsHeader {
  format: 'triangulate-word-vectors/1';
  dims: number;
  /** Stems, in the order of the rows. */
  words: string[];
  [about: string]: unknown;
}

export interface WordVectors {
  dims: number;
  words: readonly string[];
  /** Row i is words[i]'s vector, L2-normalised. */
  matrix: Float32Array;
  index: ReadonlyMap<string, number>;
}

/**
 * The file's bytes: gzip of a JSON header line, a newline, then one int8 row per word (each row
 * scaled so its largest component is ±127; rows are re-normalised here, cosine ignores the scale).
 */
export function parseWordVectors(gz: Buffer): WordVectors {
  const bytes = gunzipSync(gz);
  const newline = bytes.indexOf(10);
  const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as WordVectorsHeader;
  if (header.format !== 'triangulate-word-vectors/1') throw new Error(`word vectors: unknown format ${String(header.format)}`);
  const { dims, words } = header;
  const body = new Int8Array(bytes.buffer, bytes.byteOffset + newline + 1, bytes.length - newline - 1);
  if (body.length !== dims * words.length) throw new Error(`word vectors: ${body.length} components for ${words.length} × ${dims}`);
  const matrix = new Float32Array(body.length);
  for (let r = 0; r < words.length; r++) {
    let norm = 0;
    for (let j = 0; j < dims; j++) norm += body[r * dims + j]! ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < dims; j++) matrix[r * dims + j] = body[r * dims + j]! * scale;
  }
  return { dims, words, matrix, index: new Map(words.map((w, i) => [w, i])) };
}

let loaded: WordVectors | null = null;

/** The committed model, read once on first use. */
export function wordVectors(): WordVectors {
  loaded ??= parseWordVectors(readFileSync(MODEL_URL));
  return loaded;
}

/** A stem's unit vector (a view into the model: do not write to it), or undefined when it has none. */
export function vectorOf(stem: string, m: WordVectors = wordVectors()): Float32Array | undefined {
  const i = m.index.get(stem);
  return i === undefined ? undefined : m.matrix.subarray(i * m.dims, (i + 1) * m.dims);
}

/** Cosine of two stems: 1 for the same stem, 0 when either has no vector. */
export function stemCosine(a: string, b: string): number {
  if (a === b) return 1;
  const va = vectorOf(a);
  const vb = vectorOf(b);
  return va && vb ? dot(va, vb) : 0;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
}

/**
 * How much of a's weight b holds, softly: the weighted mean over a's stems of the best cosine to
 * any of b's stems, 1 for a stem b has itself, negative cosines counted as 0. A stem without a
 * vector (a number, a rare name) counts only when b has it. 0 when a is empty.
 */
export function softCoverage(wa: ReadonlyMap<string, number>, wb: ReadonlyMap<string, number>, model: WordVectors = wordVectors()): number {
  const { dims, matrix, index } = model;
  const rows: number[] = [];
  for (const s of wb.keys()) {
    const i = index.get(s);
    if (i !== undefined) rows.push(i * dims);
  }
  let total = 0;
  let covered = 0;
  for (const [s, w] of wa) {
    total += w;
    if (wb.has(s)) {
      covered += w;
      continue;
    }
    const i = index.get(s);
    if (i === undefined) continue;
    const o = i * dims;
    let best = 0;
    for (const r of rows) {
      let c = 0;
      for (let j = 0; j < dims; j++) c += matrix[o + j]! * matrix[r + j]!;
      if (c > best) best = c;
    }
    covered += w * best;
  }
  return total ? covered / total : 0;
}

/** The weighted mean of a text's stem vectors (stems without one left out); all zeros when none has one. */
export function meanVector(weights: ReadonlyMap<string, number>, model: WordVectors = wordVectors()): Float32Array {
  const { dims, matrix, index } = model;
  const out = new Float32Array(dims);
  for (const [s, w] of weights) {
    const i = index.get(s);
    if (i === undefined) continue;
    for (let j = 0; j < dims; j++) out[j]! += w * matrix[i * dims + j]!;
  }
  return out;
}

/** Cosine of two texts' weighted mean vectors; 0 when either has no stem with a vector. */
export function meanVectorCosine(wa: ReadonlyMap<string, number>, wb: ReadonlyMap<string, number>, model: WordVectors = wordVectors()): number {
  const a = meanVector(wa, model);
  const b = meanVector(wb, model);
  const na = dot(a, a);
  const nb = dot(b, b);
  return na > 0 && nb > 0 ? dot(a, b) / Math.sqrt(na * nb) : 0;
}
