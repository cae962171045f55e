// An averaged perceptron over hashed features (32-bit numbers) and a small fixed set of classes: scoring for
// tagging, updates and averaging for training, and a compact serialised form for the weights.

export interface PerceptronData {
  classes: string[];
  /** Weights scaled by `scale` and rounded to integers. */
  scale: number;
  /** Feature hashes, sorted. */
  features: number[];
  /** One integer per class for each feature, feature after feature. */
  values: number[];
}

/** What a tagger needs of a model: its classes and the best class for some features. */
export interface Scorer {
  readonly classes: readonly string[];
  predict(features: readonly number[], allowed?: (cls: number) => boolean): number;
}

/** A trained model for tagging only: one flat array of weights, rows found by feature name. */
export class FrozenPerceptron implements Scorer {
  readonly classes: readonly string[];
  private readonly rows: Map<number, number>;
  private readonly values: Float32Array;
  private readonly scores: Float64Array;

  constructor(data: PerceptronData) {
    this.classes = data.classes;
    const n = data.classes.length;
    this.rows = new Map();
    data.features.forEach((f, i) => this.rows.set(f, i * n));
    this.values = new Float32Array(data.values.length);
    for (let i = 0; i < data.values.length; i++) this.values[i] = data.values[i]! / data.scale;
    this.scores = new Float64Array(n);
  }

  predict(features: readonly number[], allowed?: (cls: number) => boolean): number {
    const n = this.classes.length;
    const scores = this.scores.fill(0);
    for (const f of features) {
      const row = this.rows.get(f);
      if (row === undefined) continue;
      for (let c = 0; c < n; c++) scores[c]! += this.values[row + c]!;
    }
    let best = -1;
    for (let c = 0; c < n; c++) {
      if (allowed && !allowed(c)) continue;
      if (best < 0 || scores[c]! > scores[best]!) best = c;
    }
    return best < 0 ? 0 : best;
  }
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
