// An averaged perceptron over hashed features (32-bit numbers) and a small fixed set of classes: scoring for
// tagging, updates and averaging for training, and a compact serialised form for the weights.
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface PerceptronData {
  classes: string[];
  /** Weights scaled by `scale` and rounded to integers. */
  scale: number;
  /** Feature hashes, sorted. */
  features: number[];
  /** One integer per class for each feature, feature after feature. */
  values: number[];
}

/** PerceptronData with its numbers in any array-like form (typed arrays when read from a file). */
export interface FrozenData {
  classes: string[];
  scale: number;
  features: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** What a tagger needs of a model: its classes and the best class for some features. */
export interface Scorer {
  readonly classes: readonly string[];
  predict(features: readonly number[], allowed?: (cls: number) => boolean): number;
}

/** Features a token may have, at most, for sumsAreExact: the name tagger has 40, the attribution tagger 28. */
const MAX_SUMMED = 256;

/**
 * Every weight (its value / scale, stored as a float32) is a multiple of its own unit in the last
 * place, so all are multiples of the smallest weight's unit q. A sum of such multiples is exact in
 * a double while it stays below 2^53·q: true of every sum of MAX_SUMMED weights when
 * MAX_SUMMED·max|w| < 2^53·q. Read off the stored numbers, one pass without allocation.
 */
export function sumsAreExact(values: ArrayLike<number>, scale: number): boolean {
  let smallest = Infinity;
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const a = v < 0 ? -v : v;
    if (a === 0) continue;
    if (a < smallest) smallest = a;
    if (a > largest) largest = a;
  }
  if (largest === 0) return true;
  const least = Math.abs(Math.fround(smallest / scale));
  const most = Math.abs(Math.fround(largest / scale));
  // a float32's unit in the last place is 2^-23 of its leading power of two; one power lower for safety
  const unit = 2 ** (Math.floor(Math.log2(least)) - 24);
  return MAX_SUMMED * most < 2 ** 53 * unit;
}

/**
 * A model's weights for tagging: rows of one flat array found through an open-addressing table of
 * feature hashes (typed arrays, linear probing; slot s holds a hash at 2s and its row offset at
 * 2s + 1, -1 when empty, so a probe reads one cache line), which measured several times faster
 * than a Map on the tagging hot path. Shared by the greedy and the Viterbi taggers' frozen models.
 */
export class WeightTable {
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly values: Float32Array;
  private readonly classes: number;
  /** Whether any sum of a token's weights is exact in a double, in any order (sumsAreExact). */
  readonly exactSums: boolean;

  constructor(data: FrozenData) {
    const n = (this.classes = data.classes.length);
    let size = 1;
    while (size < data.features.length * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2);
    for (let slot = 0; slot < size; slot++) this.table[slot * 2 + 1] = -1;
    for (let i = 0; i < data.features.length; i++) {
      const f = data.features[i]!;
      let slot = f & this.mask;
      while (this.table[slot * 2 + 1] !== -1) slot = (slot + 1) & this.mask;
      this.table[slot * 2] = f;
      this.table[slot * 2 + 1] = i * n;
    }
    this.values = new Float32Array(data.values.length);
    for (let i = 0; i < data.values.length; i++) this.values[i] = data.values[i]! / data.scale;
    this.exactSums = sumsAreExact(data.values, data.scale);
  }

  /** Adds the weights of these features for every class into out[at .. at + classes); a filter spares absent features the probe. */
  addScores(features: readonly number[], out: Float64Array, at: number, filter?: FeatureFilter): void {
    const n = this.classes;
    const table = this.table;
    const values = this.values;
    for (const f of features) {
      if (filter && !filter.mayHave(f)) continue;
      let slot = f & this.mask;
      let row = -1;
      for (;;) {
        row = table[slot * 2 + 1]!;
        if (row === -1 || table[slot * 2] === f) break;
        slot = (slot + 1) & this.mask;
      }
      if (row < 0) continue;
      for (let c = 0; c < n; c++) out[at + c]! += values[row + c]!;
    }
  }
}

/**
 * A bitset of a model's features (one hash, a Bloom filter): most features a token has are not in
 * the model, and one look in this array, eight times smaller than the table, spares most of them
 * a probe of the table, a cache miss each. 16 bits a feature: about 1 in 16 absent features passes.
 */
export class FeatureFilter {
  private readonly bits: Int32Array;
  private readonly mask: number;

  constructor(features: ArrayLike<number>) {
    let size = 1 << 5;
    while (size < features.length * 16) size <<= 1;
    this.mask = size - 1;
    this.bits = new Int32Array(size >>> 5);
    for (let i = 0; i < features.length; i++) {
      const b = this.bitOf(features[i]!);
      this.bits[b >>> 5]! |= 1 << (b & 31);
    }
  }

  /** Set apart from the table's slot bits by a multiplicative hash. */
  private bitOf(f: number): number {
    return (Math.imul(f, 0x9e3779b1) >>> 7) & this.mask;
  }

  /** False: the model certainly lacks the feature. */
  mayHave(f: number): boolean {
    const b = this.bitOf(f);
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

/** A trained model for tagging only, one class at a time (greedy). */
export class FrozenPerceptron implements Scorer {
  readonly classes: readonly string[];
  private readonly weights: WeightTable;
  private readonly scores: Float64Array;
  /** Whether any sum of a token's weights is exact in a double, in any order (sumsAreExact). */
  readonly exactSums: boolean;

  constructor(data: FrozenData) {
    this.classes = data.classes;
    this.weights = new WeightTable(data);
    this.exactSums = this.weights.exactSums;
    this.scores = new Float64Array(data.classes.length);
  }

  /** Adds the weights of these features for every class into out[at .. at + classes). */
  addScores(features: readonly number[], out: Float64Array, at: number): void {
    this.weights.addScores(features, out, at);
  }

  predict(features: readonly number[], allowed?: (cls: number) => boolean): number {
    const scores = this.scores.fill(0);
    this.addScores(features, scores, 0);
    return bestClass(scores, 0, this.classes.length, allowed);
  }
}

/** The best-scoring class in scores[at .. at + n), the first of equals; `allowed` may forbid some (0 when all are). */
export function bestClass(scores: Float64Array, at: number, n: number, allowed?: (cls: number) => boolean): number {
  let best = -1;
  for (let c = 0; c < n; c++) {
    if (allowed && !allowed(c)) continue;
    if (best < 0 || scores[at + c]! > scores[at + best]!) best = c;
  }
  return best < 0 ? 0 : best;
}

/** A model being trained: weights that grow, with the running totals that averaging needs. */
export class Perceptron implements Scorer {
  readonly classes: readonly string[];
  private readonly weights = new Map<number, Float64Array>();
  private readonly totals = new Map<number, Float64Array>();
  private readonly stamps = new Map<number, Float64Array>();
  private instances = 0;

  constructor(classes: readonly string[]) {
    this.classes = classes;
  }

  /** Index of the best-scoring class for these features; `allowed` may forbid some. */
  predict(features: readonly number[], allowed?: (cls: number) => boolean): number {
    const n = this.classes.length;
    const scores = new Float64Array(n);
    for (const f of features) {
      const w = this.weights.get(f);
      if (!w) continue;
      for (let c = 0; c < n; c++) scores[c]! += w[c]!;
    }
    let best = -1;
    for (let c = 0; c < n; c++) {
      if (allowed && !allowed(c)) continue;
      if (best < 0 || scores[c]! > scores[best]!) best = c;
    }
    return best < 0 ? 0 : best;
  }

  /** One training step: reward the truth and penalise the guess when they differ. */
  update(truth: number, guess: number, features: readonly number[]): void {
    this.instances++;
    if (truth === guess) return;
    for (const f of features) {
      this.bump(f, truth, 1);
      this.bump(f, guess, -1);
    }
  }

  private bump(feature: number, cls: number, delta: number): void {
    const n = this.classes.length;
    let w = this.weights.get(feature);
    if (!w) {
      w = new Float64Array(n);
      this.weights.set(feature, w);
      this.totals.set(feature, new Float64Array(n));
      this.stamps.set(feature, new Float64Array(n));
    }
    const totals = this.totals.get(feature)!;
    const stamps = this.stamps.get(feature)!;
    totals[cls]! += (this.instances - stamps[cls]!) * w[cls]!;
    stamps[cls] = this.instances;
    w[cls]! += delta;
  }

  /** Replaces each weight by its average over all training steps. */
  average(): void {
    for (const [feature, w] of this.weights) {
      const totals = this.totals.get(feature)!;
      const stamps = this.stamps.get(feature)!;
      for (let c = 0; c < w.length; c++) {
        const total = totals[c]! + (this.instances - stamps[c]!) * w[c]!;
        w[c] = total / Math.max(1, this.instances);
      }
    }
  }

  /** The weights as data, dropping features whose every weight rounds to zero at this scale. */
  toData(scale: number, minMagnitude: number): PerceptronData {
    const features: number[] = [];
    const values: number[] = [];
    for (const feature of [...this.weights.keys()].sort((a, b) => a - b)) {
      const row = Array.from(this.weights.get(feature)!, (v) => Math.round(v * scale));
      if (!row.some((v) => Math.abs(v) >= minMagnitude)) continue;
      features.push(feature);
      values.push(...row);
    }
    return { classes: [...this.classes], scale, features, values };
  }
}

/**
 * A model file, gzipped: a 4-byte little-endian length, that many bytes of JSON (`classes`,
 * `scale`, the number of features), then the features and the values as little-endian Int32s.
 * Parsing arrays of millions of numbers from JSON took a third of a second at every start of
 * `analyze`; copying bytes into typed arrays takes a few milliseconds.
 */
export function packPerceptron(data: PerceptronData): Buffer {
  const header = Buffer.from(JSON.stringify({ classes: data.classes, scale: data.scale, features: data.features.length }), 'utf8');
  const out = Buffer.alloc(4 + header.length + (data.features.length + data.values.length) * 4);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  let at = 4 + header.length;
  for (const v of data.features) at = out.writeInt32LE(v, at);
  for (const v of data.values) at = out.writeInt32LE(v, at);
  return gzipSync(out, { level: 9 });
}

/** The data of a model file, its numbers as typed arrays. */
export function unpackPerceptron(gz: Buffer): FrozenData {
  const bytes = gunzipSync(gz);
  const length = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as { classes: string[]; scale: number; features: number };
  // copied into a fresh buffer: the numbers start at an offset an Int32Array view may not take;
  // read one by one on a big-endian machine, where a view would read them backwards
  const numbers =
    endianness() === 'LE'
      ? new Int32Array(bytes.buffer.slice(bytes.byteOffset + 4 + length, bytes.byteOffset + bytes.length))
      : Int32Array.from({ length: (bytes.length - 4 - length) / 4 }, (_, i) => bytes.readInt32LE(4 + length + i * 4));
  return { classes: header.classes, scale: header.scale, features: numbers.subarray(0, header.features), values: numbers.subarray(header.features) };
}

/** A committed model file (`packPerceptron`), ready for tagging. */
export function readPerceptron(url: URL): FrozenPerceptron {
  return new FrozenPerceptron(unpackPerceptron(readFileSync(url)));
}
