// `npm run bench`: every benchmark in turn on the data under ../shared/data, one after another
// (never in parallel: speed figures need the machine to themselves).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '..', 'shared', 'data');
const BENCHES: Array<[string, string[]]> = [
  ['extraction.ts', [join(DATA, 'extraction', 'zyte')]],
  ['text-speed.ts', [join(DATA, 'extraction', 'zyte')]],
  ['segmentation.ts', [join(DATA, 'ner')]],
  ['ner.ts', [join(DATA, 'ner')]],
  ['attribution.ts', [join(DATA, 'attribution', 'polnear', 'dev')]],
  ['annotate-speed.ts', [join(DATA, 'extraction', 'zyte')]],
  ['paraphrase.ts', [join(DATA, 'paraphrase', 'msrp', 'msr_paraphrase_train.txt')]],
  ['checkworthy.ts', [join(DATA, 'checkworthy', 'ct24', 'CT24_checkworthy_english_dev.tsv')]],
  ['stance.ts', [join(DATA, 'stance', 'fnc-1', 'train_bodies.csv'), join(DATA, 'stance', 'fnc-1', 'train_test_stances.csv')]],
  ['alignment.ts', []],
  ['framing.ts', [join(DATA, 'framing', 'basil'), '--years', '2015,2016']],
  ['timeline.ts', [join(DATA, 'framing', 'basil')]],
  ['events.ts', [join(DATA, 'events', 'ecbplus')]],
  ['near-duplicates.ts', [join(DATA, 'stance', 'fnc-1', 'train_bodies.csv')]],
  ['scale.ts', [join(DATA, 'extraction', 'zyte'), '--max', '100000']],
  ['analyze-speed.ts', []],
  // needs `npm run build` (the server runs from dist/, pinned to one core)
  ['serve-load.ts', []],
];

let failed = 0;
for (const [script, args] of BENCHES) {
  console.log(`\n## ${script} ${args.join(' ')}`);
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'bench', script), ...args], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
