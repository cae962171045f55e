// Trains the same-fact classifier (src/align/same-fact.ts) on STS Benchmark train: a pair whose
// similarity is SAME_FROM or more (of 5) states the same fact, give or take a detail. Writes
// models/same-fact.json and prints accuracy and F1 on STS dev, binarised the same way. MSRP is
// only measured (bench/paraphrase.ts): its licence forbids shipping weights trained on it.
// Usage: npm run train:paraphrase -- [../shared/data/paraphrase/stsb]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { frequenciesOf, pairFeatures, PAIR_FEATURES } from '../src/align/pair-features.ts';
import { classify, trainLogistic } from '../src/learn/logistic.ts';
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
  const predicted = featuresOf(dev).map((row) => classify(model, row));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  dev.forEach((p, i) => {
    const gold = label(p);
    if (predicted[i] === gold) right++;
    if (predicted[i] === 'same' && gold === 'same') tp++;
    if (predicted[i] === 'same' && gold !== 'same') fp++;
    if (predicted[i] !== 'same' && gold === 'same') fn++;
  });
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  process.stderr.write(`STS dev: accuracy ${(right / dev.length).toFixed(3)} F1 ${((2 * precision * recall) / (precision + recall || 1)).toFixed(3)}\n`);
  writeFileSync(join('models', 'same-fact.json'), `${JSON.stringify({ source: `STS Benchmark train, same = score >= ${SAME_FROM}`, ...model })}\n`);
}

main();
