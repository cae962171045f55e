// A small multilayer perceptron (one tanh hidden layer, softmax out) over standardised dense
// features: the stance classifier, where agreeing and disagreeing depend on how refuting or
// hedging words combine with how much of the claim an article holds, which one linear layer does
// not capture. Plain SGD with class weights, a fixed seed for the initial weights and the order:
// the same data gives the same model.
import { seededRandom } from './seeded-random.ts';

export interface MlpModel {
  classes: string[];
  features: string[];
  mean: number[];
  scale: number[];
  /** hidden × (inputs + 1), the bias last in each row. */
  hidden: number[][];
  /** classes × (hidden + 1). */
  output: number[][];
}


function forward(model: Pick<MlpModel, 'hidden' | 'output'>, x: readonly number[]): { h: number[]; p: number[] } {
  const h = model.hidden.map((w) => Math.tanh(w.reduce((s, wj, j) => s + wj * (j < x.length ? x[j]! : 1), 0)));
  const z = model.output.map((w) => w.reduce((s, wj, j) => s + wj * (j < h.length ? h[j]! : 1), 0));
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return { h, p: e.map((v) => v / sum) };
}

export function trainMlp(
  rows: ReadonlyArray<readonly number[]>,
  labels: readonly string[],
  features: readonly string[],
  classes: readonly string[],
  options: { hiddenUnits?: number; epochs?: number; rate?: number; l2?: number; seed?: number; classWeights?: Record<string, number> } = {},
): MlpModel {
  const { hiddenUnits = 32, epochs = 30, rate = 0.01, l2 = 1e-5, seed = 20251122, classWeights = {} } = options;
  const width = features.length;
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / (rows.length || 1));
  const scale = mean.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / (rows.length || 1)) || 1);
  const x = rows.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
  const y = labels.map((l) => classes.indexOf(l));
  const rand = seededRandom(seed);
  const init = (n: number): number[] => Array.from({ length: n }, () => (rand() * 2 - 1) / Math.sqrt(n));
  const model: MlpModel = { classes: [...classes], features: [...features], mean, scale, hidden: Array.from({ length: hiddenUnits }, () => init(width + 1)), output: classes.map(() => init(hiddenUnits + 1)) };
  const order = x.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const step = rate / (1 + epoch * 0.1);
    for (const i of order) {
      const xi = x[i]!;
      const { h, p } = forward(model, xi);
      const weight = classWeights[classes[y[i]!]!] ?? 1;
      const dz = p.map((pc, c) => (pc - (c === y[i] ? 1 : 0)) * weight);
      const dh = h.map((hk, k) => (1 - hk * hk) * dz.reduce((s, d, c) => s + d * model.output[c]![k]!, 0));
      model.output.forEach((w, c) => {
        for (let k = 0; k <= hiddenUnits; k++) w[k]! -= step * (dz[c]! * (k < hiddenUnits ? h[k]! : 1) + l2 * w[k]!);
      });
      model.hidden.forEach((w, k) => {
        for (let j = 0; j <= width; j++) w[j]! -= step * (dh[k]! * (j < width ? xi[j]! : 1) + l2 * w[j]!);
      });
    }
  }
  const round = (w: number[][]): number[][] => w.map((r) => r.map((v) => Math.round(v * 1e5) / 1e5));
  return { ...model, hidden: round(model.hidden), output: round(model.output) };
}

export function mlpProbabilities(model: MlpModel, row: readonly number[]): number[] {
  return forward(model, row.map((v, j) => (v - model.mean[j]!) / model.scale[j]!)).p;
}

export function mlpClassify(model: MlpModel, row: readonly number[]): string {
  const p = mlpProbabilities(model, row);
  return model.classes[p.indexOf(Math.max(...p))]!;
}
