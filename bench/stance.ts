// Stance with the committed model on FNC-1-format files: the official weighted score, per-class
// and macro F1. Weights (idf) come from the files' own bodies and headlines.
// Usage: npm run bench:stance -- [<bodies.csv> <stances.csv>]
import { join } from 'node:path';
import { articleFrequencies } from '../src/check/stance-features.ts';
import { stanceOf } from '../src/check/stance.ts';
import { fncScore } from '../scripts/fnc-score.ts';
import { readBodies, readStances, STANCES } from '../scripts/read-fnc.ts';
import { sentencesOf } from '../scripts/stance-data.ts';

const dir = join('..', 'shared', 'data', 'stance', 'fnc-1');
const bodiesFile = process.argv[2] ?? join(dir, 'train_bodies.csv');
const stancesFile = process.argv[3] ?? join(dir, 'train_test_stances.csv');
const bodies = readBodies(bodiesFile);
const pairs = readStances(stancesFile);
const started = performance.now();
const split = new Map<string, string[]>();
for (const p of pairs) if (!split.has(p.bodyId)) split.set(p.bodyId, sentencesOf(bodies.get(p.bodyId) ?? ''));
const freq = articleFrequencies([...split.values()], [...new Set(pairs.map((p) => p.headline))]);
const predicted = pairs.map((p) => stanceOf(p.headline, split.get(p.bodyId)!, freq).stance);
const seconds = (performance.now() - started) / 1000;
const s = fncScore(pairs.map((p) => p.stance), predicted);
console.log(`${pairs.length} pairs, ${(pairs.length / seconds).toFixed(0)} pairs/s; ${STANCES.map((c) => `${c} F1 ${s.f1[c].toFixed(3)}`).join(', ')}`);
console.log(`FNC score ${s.score.toFixed(3)} disagree F1 ${s.f1.disagree.toFixed(3)} macro F1 ${s.macroF1.toFixed(3)}`);
