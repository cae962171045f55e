// Multinomial logistic regression over small dense feature vectors: the classifiers of the claims
// stage (same fact or not, a headline's stance, check-worthiness) are a few dozen features each.
// Features are standardised with the training set's means and deviations, kept in the model.
// Training is plain stochastic gradient descent with L2 and a fixed shuffling seed: the same data
// gives the same model. No library fits (the well-kept ones are for tensors and GPUs).
import { shuffledOrder } from './seeded-random.ts';

export interface LogisticModel {
  classes: string[];
  features: string[];
  mean: number[];
  scale: number[];
  /** One row of weights per class, the bias last. */
  weights: number[][];
}

export interface TrainOptions {
  epochs?: number;
  rate?: number;
  l2?: number;
  seed?: number;
  /** Weight of each class's examples (for rare classes); 1 by default. */
  classWeights?: Record<string, number>;
}


function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

export function trainLogistic(
  rows: ReadonlyArray<readonly number[]>,
  labels: readonly string[],
  features: readonly string[],
  classes: readonly string[],
  options: TrainOptions = {},
): LogisticModel {
  const { epochs = 30, rate = 0.05, l2 = 1e-4, seed = 20251122, classWeights = {} } = options;
  const width = features.length;
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / (rows.length || 1));
  const scale = mean.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / (rows.length || 1)) || 1);
  const x = rows.map((r) => [...r.map((v, j) => (v - mean[j]!) / scale[j]!), 1]);
  const y = labels.map((l) => classes.indexOf(l));
  const weights = classes.map(() => new Array<number>(width + 1).fill(0));
  for (let epoch = 0; epoch < epochs; epoch++) {
    const step = rate / (1 + epoch * 0.2);
    for (const i of shuffledOrder(x.length, seed + epoch)) {
      const xi = x[i]!;
      const probs = softmax(weights.map((w) => w.reduce((s, wj, j) => s + wj * xi[j]!, 0)));
      const weight = classWeights[classes[y[i]!]!] ?? 1;
      for (let c = 0; c < classes.length; c++) {
        const g = ((c === y[i] ? 1 : 0) - probs[c]!) * weight;
        const w = weights[c]!;
        for (let j = 0; j <= width; j++) w[j]! += step * (g * xi[j]! - (j < width ? l2 * w[j]! : 0));
      }
    }
  }
  return { classes: [...classes], features: [...features], mean, scale, weights: weights.map((w) => w.map((v) => Math.round(v * 1e6) / 1e6)) };
}

/** Class probabilities for one feature vector, in the model's class order. */
export function probabilities(model: LogisticModel, row: readonly number[]): number[] {
  const x = [...row.map((v, j) => (v - model.mean[j]!) / model.scale[j]!), 1];
  return softmax(model.weights.map((w) => w.reduce((s, wj, j) => s + wj * x[j]!, 0)));
}

export function classify(model: LogisticModel, row: readonly number[]): string {
  const p = probabilities(model, row);
  return model.classes[p.indexOf(Math.max(...p))]!;
}
