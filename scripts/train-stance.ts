// Trains the stance classifier of `triangulate check` (src/check/stance.ts) on FNC-1
// train_train_stances.csv and writes models/stance.json; prints the FNC score on
// train_test_stances.csv. A small MLP (32 tanh units) over the stance features; rare classes weigh
// more (disagree most) so that they are not drowned. Weights and sizes were set before measuring.
// Usage: npm run train:stance -- [../shared/data/stance/fnc-1]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STANCE_FEATURES } from '../src/check/stance-features.ts';
import { mlpClassify, trainMlp } from '../src/learn/mlp.ts';
import { fncScore } from './fnc-score.ts';
import { readBodies, readStances, STANCES, type Stance } from './read-fnc.ts';
import { stanceRows } from './stance-data.ts';

const CLASS_WEIGHTS: Record<Stance, number> = { agree: 2, disagree: 6, discuss: 1, unrelated: 0.5 };

const dir = process.argv[2] ?? join('..', 'shared', 'data', 'stance', 'fnc-1');
const bodies = readBodies(join(dir, 'train_bodies.csv'));
const train = readStances(join(dir, 'train_train_stances.csv'));
const started = performance.now();
const rows = stanceRows(train, bodies);
process.stderr.write(`${train.length} pairs, features in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
const model = trainMlp(rows, train.map((p) => p.stance), STANCE_FEATURES, STANCES, { hiddenUnits: 32, epochs: 20, classWeights: CLASS_WEIGHTS });
const test = readStances(join(dir, 'train_test_stances.csv'));
const predicted = stanceRows(test, bodies).map((r) => mlpClassify(model, r) as Stance);
const s = fncScore(test.map((p) => p.stance), predicted);
process.stderr.write(`train_test: FNC score ${s.score.toFixed(3)} disagree F1 ${s.f1.disagree.toFixed(3)} macro F1 ${s.macroF1.toFixed(3)} (${STANCES.map((c) => `${c} ${s.f1[c].toFixed(3)}`).join(', ')})\n`);
writeFileSync(join('models', 'stance.json'), `${JSON.stringify({ source: 'FNC-1 train_train_stances.csv', classWeights: CLASS_WEIGHTS, ...model })}\n`);
