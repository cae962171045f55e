// Check-worthiness with the committed ranker on a CheckThat!-format file: precision, recall and F1
// of the "Yes" class at 0.5.
// Usage: npm run bench:checkworthy -- [../shared/data/checkworthy/ct24/CT24_checkworthy_english_dev.tsv]
import { join } from 'node:path';
import { checkworthiness } from '../src/claims/checkworthy.ts';
import { readCheckworthy } from '../scripts/read-checkworthy.ts';

const file = process.argv[2] ?? join('..', 'shared', 'data', 'checkworthy', 'ct24', 'CT24_checkworthy_english_dev.tsv');
const sentences = readCheckworthy(file);
let tp = 0;
let fp = 0;
let fn = 0;
const started = performance.now();
for (const s of sentences) {
  const yes = checkworthiness(s.text) >= 0.5;
  if (yes && s.yes) tp++;
  if (yes && !s.yes) fp++;
  if (!yes && s.yes) fn++;
}
const seconds = (performance.now() - started) / 1000;
const p = tp / (tp + fp || 1);
const r = tp / (tp + fn || 1);
console.log(`${sentences.length} sentences, ${(sentences.length / seconds).toFixed(0)} sentences/s`);
console.log(`Yes precision ${p.toFixed(3)} recall ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}`);
