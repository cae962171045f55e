// Trains the same-fact classifier (src/align/same-fact.ts) on STS Benchmark train: a pair whose
// similarity is SAME_FROM or more (of 5) states the same fact, give or take a detail. The decision
// threshold is the one with the best F1 on STS dev's news pairs. Writes models/same-fact.json. MSRP is
// only measured (bench/paraphrase.ts): its licence forbids shipping weights trained on it.
// Usage: npm run train:paraphrase -- [../shared/data/paraphrase/stsb]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { frequenciesOf, pairFeatures, PAIR_FEATURES } from '../src/align/pair-features.ts';
import { probabilities, trainLogistic } from '../src/learn/logistic.ts';
import { termsOf } from '../src/text/terms.ts';
import { readSts, type Pair } from './read-pairs.ts';

export const SAME_FROM = 3.5;

function featuresOf(pairs: readonly Pair[]): number[][] {
  const terms = pairs.map((p) => [termsOf(p.a), termsOf(p.b)] as const);
  const freq = frequenciesOf(terms.flatMap(([a, b]) => [a.stems, b.stems]));
  return terms.map(([a, b]) => pairFeatures(a, b, freq));
}

function main(): void {
  const dir = process.argv[2] ?? join('..', 'shared', 'data', 'paraphrase', 'stsb');
  const train = readSts(join(dir, 'sts-train.csv'));
  const dev = readSts(join(dir, 'sts-dev.csv'));
  const label = (p: Pair): string => (p.score >= SAME_FROM ? 'same' : 'different');
  const model = trainLogistic(featuresOf(train), train.map(label), PAIR_FEATURES, ['different', 'same'], { epochs: 40 });
  // the decision threshold: the one that makes the best F1 on STS dev's news pairs, where claims come from
  const news = dev.filter((p) => p.genre === 'main-news');
  const probs = featuresOf(news).map((row) => probabilities(model, row)[1]!);
  let best = { threshold: 0.5, f1: -1, accuracy: 0 };
  for (let t = 0.1; t <= 0.9001; t += 0.02) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let right = 0;
    news.forEach((p, i) => {
      const gold = label(p) === 'same';
      const said = probs[i]! >= t;
      if (said === gold) right++;
      if (said && gold) tp++;
      if (said && !gold) fp++;
      if (!said && gold) fn++;
    });
    const precision = tp / (tp + fp || 1);
    const recall = tp / (tp + fn || 1);
    const f1 = (2 * precision * recall) / (precision + recall || 1);
    if (f1 > best.f1) best = { threshold: Math.round(t * 100) / 100, f1, accuracy: right / news.length };
  }
  process.stderr.write(`STS dev news pairs: best F1 ${best.f1.toFixed(3)} (accuracy ${best.accuracy.toFixed(3)}) at ${best.threshold}\n`);
  writeFileSync(join('models', 'same-fact.json'), `${JSON.stringify({ source: `STS Benchmark train, same = score >= ${SAME_FROM}; threshold: best F1 on STS dev news`, threshold: best.threshold, ...model })}\n`);
}

main();
