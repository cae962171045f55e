// Same-fact detection with the committed model on a file of MSRP's format: accuracy and F1 of the
// paraphrase class, at the model's threshold. Inverse document frequencies come from the file's own sentences.
// Usage: npm run bench:paraphrase -- [../shared/data/paraphrase/msrp/msr_paraphrase_train.txt]
import { join } from 'node:path';
import { frequenciesOf } from '../src/align/pair-features.ts';
import { isSameFact, sameFactScore } from '../src/align/same-fact.ts';
import { termsOf } from '../src/text/terms.ts';
import { readMsrp } from '../scripts/read-pairs.ts';

const file = process.argv[2] ?? join('..', 'shared', 'data', 'paraphrase', 'msrp', 'msr_paraphrase_train.txt');
const pairs = readMsrp(file);
const started = performance.now();
const terms = pairs.map((p) => [termsOf(p.a), termsOf(p.b)] as const);
const freq = frequenciesOf(terms.flatMap(([a, b]) => [a.stems, b.stems]));
const predicted = terms.map(([a, b]) => isSameFact(sameFactScore(a, b, freq)));
const seconds = (performance.now() - started) / 1000;
let tp = 0;
let fp = 0;
let fn = 0;
let right = 0;
pairs.forEach((p, i) => {
  const gold = p.score === 1;
  if (predicted[i] === gold) right++;
  if (predicted[i] && gold) tp++;
  if (predicted[i] && !gold) fp++;
  if (!predicted[i] && gold) fn++;
});
const precision = tp / (tp + fp || 1);
const recall = tp / (tp + fn || 1);
const f1 = (2 * precision * recall) / (precision + recall || 1);
console.log(`${pairs.length} pairs, ${(pairs.length / seconds).toFixed(0)} pairs/s; precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}`);
console.log(`accuracy ${(right / pairs.length).toFixed(3)} F1 ${f1.toFixed(3)}`);
