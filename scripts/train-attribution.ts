// Trains the attribution tagger (source, cue and content spans in BIO, greedy averaged
// perceptron) on PolNeAR's training compartment and writes models/attribution-perceptron.bin.gz.
// Data: ../shared/data/attribution/polnear/train (PolNeAR v1.0.0, political news of 2016).
// Usage: npm run train:attribution -- [path/to/polnear/train] [--epochs N]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributionFeatures, paragraphView } from '../src/annotate/attribution/attribution-features.ts';
import { ATTRIBUTION_TAGS } from '../src/annotate/attribution/tag-attributions.ts';
import { trainGreedy } from '../src/annotate/greedy-tagger.ts';
import { packPerceptron } from '../src/annotate/perceptron.ts';
import { readPolnear, tagParagraphs } from './read-polnear.ts';

const SEED = 20251123;
const SCALE = 100;
/** Features whose weights all round below this (in hundredths) are dropped: 1.3 MB instead of 3 MB, F1 within .003. */
const MIN_MAGNITUDE = 150;

function main(): void {
  const args = process.argv.slice(2);
  const epochsAt = args.indexOf('--epochs');
  const epochs = epochsAt >= 0 ? Number(args[epochsAt + 1]) : 4;
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--epochs') ?? join('..', 'shared', 'data', 'attribution', 'polnear', 'train');
  const docs = readPolnear(dir);
  const sequences = docs.flatMap(tagParagraphs).filter((p) => p.tokens.length > 0).map((p) => ({ view: paragraphView(p.tokens.map((t) => t.text)), tags: p.tags }));
  process.stderr.write(`${docs.length} articles, ${sequences.length} paragraphs\n`);
  const model = trainGreedy(sequences, ATTRIBUTION_TAGS, attributionFeatures, { epochs, seed: SEED, strictBio: false, log: (l) => process.stderr.write(`${l}\n`) });
  const data = model.toData(SCALE, MIN_MAGNITUDE);
  const packed = packPerceptron(data);
  const out = join('models', 'attribution-perceptron.bin.gz');
  writeFileSync(out, packed);
  process.stderr.write(`${data.features.length} features, ${(packed.length / 1e6).toFixed(1)} MB gzipped, written to ${out}\n`);
}

main();
