// Trains the check-worthiness ranker (src/claims/checkworthy.ts) on CLEF CheckThat! 2024 English
// train, prints F1 of the "Yes" class on its dev file, and writes models/checkworthy.json.
// Usage: npm run train:checkworthy -- [../shared/data/checkworthy/ct24]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkworthyFeatures } from '../src/claims/checkworthy-features.ts';
import { sparseScorer, trainSparse } from '../src/learn/sparse-logistic.ts';
import { readCheckworthy } from './read-checkworthy.ts';

const dir = process.argv[2] ?? join('..', 'shared', 'data', 'checkworthy', 'ct24');
const train = readCheckworthy(join(dir, 'CT24_checkworthy_english_train.tsv'));
const model = trainSparse(
  train.map((s) => ({ features: checkworthyFeatures(s.text), positive: s.yes })),
  { epochs: 10, positiveWeight: 2 },
);
const scorer = sparseScorer(model);
const dev = readCheckworthy(join(dir, 'CT24_checkworthy_english_dev.tsv'));
let tp = 0;
let fp = 0;
let fn = 0;
for (const s of dev) {
  const yes = scorer.score(checkworthyFeatures(s.text)) >= 0.5;
  if (yes && s.yes) tp++;
  if (yes && !s.yes) fp++;
  if (!yes && s.yes) fn++;
}
const p = tp / (tp + fp || 1);
const r = tp / (tp + fn || 1);
process.stderr.write(`${train.length} train sentences; dev Yes: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}\n`);
const json = JSON.stringify({ source: 'CLEF CheckThat! 2024 English train', ...model });
writeFileSync(join('models', 'checkworthy.json.gz'), gzipSync(json, { level: 9 }));
process.stderr.write(`${Object.keys(model.weights).length} weights written to models/checkworthy.json.gz\n`);
