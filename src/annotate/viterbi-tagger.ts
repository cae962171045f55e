// Sequence tagging with a structured perceptron: per-token features that do not look at tags
// (emissions), one weight per pair of neighbouring tags (first-order transitions), the best
// whole sequence found by Viterbi under BIO constraints (I-X only after B-X or I-X). Training
// makes averaged updates on whole sentences (Collins 2002). The model file is the same format as
// the greedy tagger's (packPerceptron): transitions are stored as features of their own.
import { mayFollow } from './bio.ts';
import { feature, hashOf } from './feature-hash.ts';
import { FeatureFilter, WeightTable, type FrozenData, type PerceptronData } from './perceptron.ts';
import { mulberry32, shuffleInPlace } from '../learn/seeded-random.ts';

/**
 * Emission features of token i, as hashes, written into `out` (emptied first) and returned; they
 * may not depend on tags. Tagging passes one array for every token: no garbage per token.
 */
export type EmissionFunction<V> = (view: V, i: number, out: number[]) => number[];

const START = '<s>';
/** Template number of the transition features: far from any feature template of the taggers. */
const TRANSITION = 0x7a11;

/** The feature whose weight for class c scores "c follows `prev`". */
export function transitionFeature(prev: string): number {
  return feature(TRANSITION, hashOf(prev));
}

/** Row p (0 is the sentence start, p ≥ 1 is class p - 1) lists the classes allowed after p. */
function allowedAfter(classes: readonly string[]): boolean[] {
  const k = classes.length;
  const allowed = new Array<boolean>((k + 1) * k);
  for (let p = 0; p <= k; p++) for (let c = 0; c < k; c++) allowed[p * k + c] = mayFollow(p === 0 ? START : classes[p - 1]!, classes[c]!);
  return allowed;
}

/** What Viterbi needs of a model: emission scores of a token and the transition scores. */
interface SequenceScorer {
  readonly classes: readonly string[];
  /** Adds the scores of these features for every class into out[at .. at + k). */
  addScores(features: readonly number[], out: Float64Array, at: number): void;
  /** (k + 1) × k: row 0 from the start, row p + 1 from class p. */
  transitions(): Float64Array;
}

/** Viterbi's tables, kept between sentences (grown when one is longer): a sentence allocates none. Every cell read is written first. */
let scoreTable = new Float64Array(1024);
let backTable = new Int32Array(1024);
/** Cells past which a sentence's tables are its own, not kept (a page of junk read as one sentence must not hold memory after it). */
const MAX_KEPT = 1 << 16;

/** The best tag sequence under the scorer's weights and BIO constraints. */
function viterbi(emissions: Float64Array, n: number, trans: Float64Array, allowed: readonly boolean[], k: number): number[] {
  if (n === 0) return [];
  if (scoreTable.length < n * k && n * k <= MAX_KEPT) {
    scoreTable = new Float64Array(Math.min(n * k * 2, MAX_KEPT));
    backTable = new Int32Array(scoreTable.length);
  }
  const own = scoreTable.length < n * k;
  const score = own ? new Float64Array(n * k) : scoreTable;
  const back = own ? new Int32Array(n * k) : backTable;
  for (let c = 0; c < k; c++) score[c] = allowed[c] ? trans[c]! + emissions[c]! : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let c = 0; c < k; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < k; p++) {
        if (!allowed[(p + 1) * k + c]) continue;
        const s = score[(i - 1) * k + p]! + trans[(p + 1) * k + c]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * k + c] = best + emissions[i * k + c]!;
      back[i * k + c] = arg;
    }
  }
  let last = 0;
  for (let c = 1; c < k; c++) if (score[(n - 1) * k + c]! > score[(n - 1) * k + last]!) last = c;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * k + path[i]!]!;
  return path;
}

function decode<V>(view: V, n: number, scorer: SequenceScorer, emit: EmissionFunction<V>, allowed: readonly boolean[]): number[] {
  const k = scorer.classes.length;
  const emissions = new Float64Array(n * k);
  const scratch: number[] = [];
  for (let i = 0; i < n; i++) scorer.addScores(emit(view, i, scratch), emissions, i * k);
  return viterbi(emissions, n, scorer.transitions(), allowed, k);
}

/** A trained model for tagging: an open-addressing table of feature hashes over one flat array of weights. */
export class FrozenSequenceModel implements SequenceScorer {
  readonly classes: readonly string[];
  readonly allowed: readonly boolean[];
  private readonly weights: WeightTable;
  /** Spares most absent features a probe (77 to 87% of three of the word-pair features are absent). */
  private readonly filter: FeatureFilter;
  private readonly trans: Float64Array;
  /**
   * Whether any sum of a token's weights is exact in a double, whatever the order it is added in
   * (sumsAreExact): then a tagger may add up parts of a token's score apart and remember them,
   * and still get the very same score (src/annotate/ner/tag-names.ts).
   */
  readonly exactSums: boolean;

  constructor(data: FrozenData) {
    this.classes = data.classes;
    const k = data.classes.length;
    this.weights = new WeightTable(data);
    this.filter = new FeatureFilter(data.features);
    this.exactSums = this.weights.exactSums;
    this.allowed = allowedAfter(this.classes);
    this.trans = new Float64Array((k + 1) * k);
    for (let p = 0; p <= k; p++) this.addScores([transitionFeature(p === 0 ? START : this.classes[p - 1]!)], this.trans, p * k);
  }

  addScores(features: readonly number[], out: Float64Array, at: number): void {
    this.weights.addScores(features, out, at, this.filter);
  }

  transitions(): Float64Array {
    return this.trans;
  }

  /** The best tags for a sequence of `length` tokens. */
  tag<V>(view: V, length: number, emit: EmissionFunction<V>): string[] {
    return decode(view, length, this, emit, this.allowed).map((c) => this.classes[c]!);
  }

  /** The best tags given the emission scores already added up (`length` × classes, token after token). */
  tagScored(emissions: Float64Array, length: number): string[] {
    return viterbi(emissions, length, this.trans, this.allowed, this.classes.length).map((c) => this.classes[c]!);
  }
}

/** Weights being trained, with the running totals averaging needs (lazy: a stamp per weight). */
class TrainingWeights implements SequenceScorer {
  readonly classes: readonly string[];
  private readonly weights = new Map<number, Float64Array>();
  private readonly totals = new Map<number, Float64Array>();
  private readonly stamps = new Map<number, Float64Array>();
  private readonly transitionFeatures: number[];
  /** The averaging clock: one tick per training sequence. */
  clock = 0;

  constructor(classes: readonly string[]) {
    this.classes = classes;
    this.transitionFeatures = [START, ...classes].map(transitionFeature);
  }

  addScores(features: readonly number[], out: Float64Array, at: number): void {
    const k = this.classes.length;
    for (const f of features) {
      const w = this.weights.get(f);
      if (!w) continue;
      for (let c = 0; c < k; c++) out[at + c]! += w[c]!;
    }
  }

  transitions(): Float64Array {
    const k = this.classes.length;
    const out = new Float64Array((k + 1) * k);
    this.transitionFeatures.forEach((f, p) => this.addScores([f], out, p * k));
    return out;
  }

  /** The feature of "a tag after class p" (p = -1 for the start). */
  transitionOf(p: number): number {
    return this.transitionFeatures[p + 1]!;
  }

  bump(f: number, cls: number, delta: number): void {
    const k = this.classes.length;
    let w = this.weights.get(f);
    if (!w) {
      w = new Float64Array(k);
      this.weights.set(f, w);
      this.totals.set(f, new Float64Array(k));
      this.stamps.set(f, new Float64Array(k));
    }
    const totals = this.totals.get(f)!;
    const stamps = this.stamps.get(f)!;
    totals[cls]! += (this.clock - stamps[cls]!) * w[cls]!;
    stamps[cls] = this.clock;
    w[cls]! += delta;
  }

  /** The averaged weights as data (PerceptronData), features whose weights all round below `minMagnitude` dropped. */
  averagedData(scale: number, minMagnitude: number): PerceptronData {
    const features: number[] = [];
    const values: number[] = [];
    for (const f of [...this.weights.keys()].sort((a, b) => a - b)) {
      const w = this.weights.get(f)!;
      const totals = this.totals.get(f)!;
      const stamps = this.stamps.get(f)!;
      const row = Array.from(w, (v, c) => Math.round(((totals[c]! + (this.clock - stamps[c]!) * v) / Math.max(1, this.clock)) * scale));
      if (!row.some((v) => Math.abs(v) >= minMagnitude)) continue;
      features.push(f);
      values.push(...row);
    }
    return { classes: [...this.classes], scale, features, values };
  }
}

export interface WeightedSequence<V> {
  view: V;
  tags: readonly string[];
  /** How much an error on this sequence moves the weights (1 by default): lighter for corpora far from the target. */
  weight?: number;
}

/** Trains the structured perceptron: Viterbi on each sequence, then +w for the gold path's features and −w for the guessed path's where they differ. */
export function trainStructured<V>(
  sequences: ReadonlyArray<WeightedSequence<V>>,
  classes: readonly string[],
  emit: EmissionFunction<V>,
  options: {
    epochs: number;
    seed: number;
    scale: number;
    minMagnitude: number;
    log?: (line: string) => void;
    /** Called after each epoch with the weights averaged so far (for choosing the number of epochs on a tuning set). */
    afterEpoch?: (epoch: number, averaged: () => PerceptronData) => void;
  },
): PerceptronData {
  const model = new TrainingWeights(classes);
  const allowed = allowedAfter(classes);
  const index = new Map<string, number>(classes.map((t, i) => [t, i]));
  const random = mulberry32(options.seed);
  const order = sequences.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    let wrong = 0;
    let total = 0;
    for (const s of order) {
      const { view, tags, weight = 1 } = sequences[s]!;
      model.clock++;
      const n = tags.length;
      const features = Array.from({ length: n }, (_, i) => emit(view, i, []));
      const k = classes.length;
      const emissions = new Float64Array(n * k);
      features.forEach((f, i) => model.addScores(f, emissions, i * k));
      const guess = viterbi(emissions, n, model.transitions(), allowed, k);
      const gold = tags.map((t) => index.get(t)!);
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = guess[i]!;
        const gPrev = i > 0 ? gold[i - 1]! : -1;
        const pPrev = i > 0 ? guess[i - 1]! : -1;
        total++;
        if (g !== p) {
          wrong++;
          for (const f of features[i]!) {
            model.bump(f, g, weight);
            model.bump(f, p, -weight);
          }
        }
        if (g !== p || gPrev !== pPrev) {
          model.bump(model.transitionOf(gPrev), g, weight);
          model.bump(model.transitionOf(pPrev), p, -weight);
        }
      }
    }
    options.log?.(`epoch ${epoch + 1}: token accuracy ${(1 - wrong / total).toFixed(4)}`);
    options.afterEpoch?.(epoch + 1, () => model.averagedData(options.scale, options.minMagnitude));
  }
  return model.averagedData(options.scale, options.minMagnitude);
}
