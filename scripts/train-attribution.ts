// Trains the attribution tagger (source, cue and content spans in BIO, averaged perceptron) on
// PolNeAR's training compartment and writes models/attribution-perceptron.bin.gz.
// Data: ../shared/data/attribution/polnear/train (PolNeAR v1.0.0, political news of 2016).
// Usage: npm run train:attribution -- [path/to/polnear/train] [--epochs N] [--structured] [--hold-out-every N --out PATH]
//   The committed tagger is greedy (each tag sees the two before it). --structured trains a
//   structured perceptron decoded by Viterbi (src/annotate/viterbi-tagger.ts) over the tag-free
//   features instead: on the held-out quarter of train its spans are better (source F1 .500 → .610,
//   dossier speaker spans .792 → .810) but the speakers it names are not (overlap F1 .894 → .890;
//   story gold, even years: accuracy .840 → .830, wrong .035 → .041), at 6.4 MB against 1.1 MB
//   and ~18% slower tagging: not committed (bench/README.md).
//   --hold-out-every N: leave out every Nth article (the last of each N, as `bench:attribution
//   --held-out-every N` scores them) and write to --out instead of the committed model: for tuning
//   the speaker rules on training articles the tagger has not seen, before dev is scored once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributionEmissions, attributionFeatures, paragraphView } from '../src/annotate/attribution/attribution-features.ts';
import { trainStructured } from '../src/annotate/viterbi-tagger.ts';
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
  const structured = args.includes('--structured');
  // 12 epochs for the structured tagger (chosen on the held-out quarter of train: 4 → .572, 8 → .599, 12 → .610 source F1), 4 for the greedy one
  const epochs = epochsAt >= 0 ? Number(args[epochsAt + 1]) : structured ? 12 : 4;
  const valueOf = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const dir = args.find((a, i) => !a.startsWith('--') && !['--epochs', '--hold-out-every', '--out'].includes(args[i - 1]!)) ?? join('..', 'shared', 'data', 'attribution', 'polnear', 'train');
  const every = Number(valueOf('--hold-out-every') ?? 0);
  const docs = readPolnear(dir).filter((_, i) => !every || i % every !== every - 1);
  const sequences = docs.flatMap(tagParagraphs).filter((p) => p.tokens.length > 0).map((p) => ({ view: paragraphView(p.tokens.map((t) => t.text)), tags: p.tags }));
  process.stderr.write(`${docs.length} articles, ${sequences.length} paragraphs\n`);
  const log = (l: string): void => void process.stderr.write(`${l}\n`);
  const data = !structured
    ? trainGreedy(sequences, ATTRIBUTION_TAGS, attributionFeatures, { epochs, seed: SEED, strictBio: false, log }).toData(SCALE, MIN_MAGNITUDE)
    : trainStructured(sequences, ATTRIBUTION_TAGS, attributionEmissions, { epochs, seed: SEED, scale: SCALE, minMagnitude: MIN_MAGNITUDE, log });
  const packed = packPerceptron(data);
  const out = valueOf('--out') ?? join('models', 'attribution-perceptron.bin.gz');
  if (every && !valueOf('--out')) throw new Error('--hold-out-every needs --out: the committed model is trained on every article');
  writeFileSync(out, packed);
  process.stderr.write(`${data.features.length} features, ${(packed.length / 1e6).toFixed(1)} MB gzipped, written to ${out}\n`);
}

main();
