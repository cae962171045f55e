// An averaged perceptron over string features and a small fixed set of classes: scoring for
// tagging, updates and averaging for training, and a compact serialised form for the weights.

export interface PerceptronData {
  classes: string[];
  /** Weights scaled by `scale` and rounded: feature → one integer per class. */
  scale: number;
  weights: Record<string, number[]>;
}

export class Perceptron {
  readonly classes: readonly string[];
  private readonly weights = new Map<string, Float64Array>();
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private instances = 0;

  constructor(classes: readonly string[], weights?: Map<string, Float64Array>) {
    this.classes = classes;
    if (weights) for (const [f, w] of weights) this.weights.set(f, w);
  }

  static fromData(data: PerceptronData): Perceptron {
    const weights = new Map<string, Float64Array>();
    for (const [feature, values] of Object.entries(data.weights)) {
      weights.set(feature, Float64Array.from(values, (v) => v / data.scale));
    }
    return new Perceptron(data.classes, weights);
  }

  /** Index of the best-scoring class for these features; `allowed` may forbid some. */
  predict(features: readonly string[], allowed?: (cls: number) => boolean): number {
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
  update(truth: number, guess: number, features: readonly string[]): void {
    this.instances++;
    if (truth === guess) return;
    for (const f of features) {
      this.bump(f, truth, 1);
      this.bump(f, guess, -1);
    }
  }

  private bump(feature: string, cls: number, delta: number): void {
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
    const weights: Record<string, number[]> = {};
    const names = [...this.weights.keys()].sort();
    for (const feature of names) {
      const w = this.weights.get(feature)!;
      const values = Array.from(w, (v) => Math.round(v * scale));
      if (values.some((v) => Math.abs(v) >= minMagnitude)) weights[feature] = values;
    }
    return { classes: [...this.classes], scale, weights };
  }
}
