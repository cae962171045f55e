// Binary logistic regression over hashed sparse features (word n-grams): the check-worthiness
// ranker. Weights live in a table of 2^BITS slots addressed by the feature hash; the trained
// model keeps only the slots whose weight matters. Deterministic SGD (fixed shuffle seed).
import { shuffledOrder } from './seeded-random.ts';

export const BITS = 18;
const MASK = (1 << BITS) - 1;

export interface SparseModel {
  bias: number;
  /** Slot → weight, for the slots kept. */
  weights: Record<string, number>;
}

export interface SparseScorer {
  score(features: readonly number[]): number;
}


const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function trainSparse(
  examples: ReadonlyArray<{ features: readonly number[]; positive: boolean }>,
  options: { epochs?: number; rate?: number; l2?: number; seed?: number; positiveWeight?: number; keepAbove?: number } = {},
): SparseModel {
  const { epochs = 8, rate = 0.1, l2 = 1e-6, seed = 20251122, positiveWeight = 1, keepAbove = 1e-3 } = options;
  const w = new Float64Array(1 << BITS);
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const step = rate / (1 + epoch);
    for (const i of shuffledOrder(examples.length, seed + epoch)) {
      const { features, positive } = examples[i]!;
      let z = bias;
      for (const f of features) z += w[f & MASK]!;
      const g = ((positive ? 1 : 0) - sigmoid(z)) * (positive ? positiveWeight : 1);
      bias += step * g;
      for (const f of features) w[f & MASK]! += step * (g - l2 * w[f & MASK]!);
    }
  }
  const weights: Record<string, number> = {};
  w.forEach((v, slot) => {
    if (Math.abs(v) >= keepAbove) weights[slot] = Math.round(v * 1e4) / 1e4;
  });
  return { bias: Math.round(bias * 1e4) / 1e4, weights };
}

export function sparseScorer(model: SparseModel): SparseScorer {
  const w = new Float64Array(1 << BITS);
  for (const [slot, v] of Object.entries(model.weights)) w[Number(slot)] = v;
  return {
    score(features) {
      let z = model.bias;
      for (const f of features) z += w[f & MASK]!;
      return sigmoid(z);
    },
  };
}
