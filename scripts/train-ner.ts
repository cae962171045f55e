// Trains the named-entity tagger (a structured perceptron, Viterbi over BIO tags:
// src/annotate/viterbi-tagger.ts) on GMB's newswire, two thirds of Wikigold's articles and, weighed
// lightly, the tweets of the Broad Twitter Corpus and WNUT-17 train, and writes
// models/ner-perceptron.bin.gz. Deterministic: fixed splits (scripts/read-ner-corpora.ts: every
// tenth GMB sentence and every third Wikigold article held out for the bench), fixed shuffling
// seed, weights rounded to integers.
// Data: ../shared/data/ner/gmb-kaggle/ner_dataset.csv (GMB 2.x, VOA newswire; ODbL database,
// public-domain texts; labels are silver: titles are stripped from person spans here, `gpe`
// (mostly nationality words) becomes MISC, `tim` is dropped),
// ../shared/data/ner/wikigold/wikigold.conll.txt (hand-labelled Wikipedia, CoNLL-2003 labels,
// CC BY 3.0), ../shared/data/ner/btc and ../shared/data/ner/wnut17 (CC BY 4.0; tags mapped).
// `--tune` trains without the tuning parts (every seventh training GMB sentence, one training
// Wikigold article in four) and scores them after every epoch, writing nothing: the settings
// below were chosen that way (bench/README.md, "Names").
// Usage: npm run train:ner -- [path/to/ner] [--epochs N] [--wikigold-weight W] [--tweet-weight W] [--min-magnitude M] [--tune]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWindows1252 } from '../src/ingest/decode-text.ts';
import { packPerceptron, unpackPerceptron } from '../src/annotate/perceptron.ts';
import { FrozenSequenceModel, trainStructured, type WeightedSequence } from '../src/annotate/viterbi-tagger.ts';
import { NER_TAGS, TITLE_WORDS } from '../src/annotate/ner/ner-tags.ts';
import { featuresAt, viewOf, type SentenceView } from '../src/annotate/ner/ner-features.ts';
import { loadLexicon, tagWords } from '../src/annotate/ner/tag-names.ts';
import { readWikigold, WIKIGOLD_HELD_OUT } from './read-wikigold.ts';
import { GMB_HELD_OUT, GMB_TUNING, readBtc, readWnut, WIKIGOLD_TUNING, type TaggedSentence } from './read-ner-corpora.ts';
import { scoreNames } from '../bench/ner-score.ts';


const TYPE_MAP: Record<string, string | null> = { per: 'PER', org: 'ORG', geo: 'LOC', gpe: 'MISC', art: 'MISC', eve: 'MISC', nat: 'MISC', tim: null };
const SEED = 20251122;
/** Settings chosen with --tune (bench/README.md, "Names"). */
const EPOCHS = 6;
const WIKIGOLD_WEIGHT = 6;
const TWEET_WEIGHT = 0.3;
/**
 * Weights are stored as integers of hundredths; features whose weights all stay under 0.8 are
 * dropped: a smaller table probes faster, and on the tuning parts F1 moved by under .005 (GMB
 * .837 both, Wikigold .743 → .740 at 0.08).
 */
const SCALE = 100;
const MIN_MAGNITUDE = 80;

/** GMB rows to sentences with our tag set. */
export function readGmb(dir: string): TaggedSentence[] {
  const text = decodeWindows1252(readFileSync(join(dir, 'ner_dataset.csv')));
  const sentences: TaggedSentence[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line.trim() === '') continue;
    const fields = parseCsvLine(line);
    if (fields.length < 4) continue;
    const [marker, word, , tag] = fields as [string, string, string, string];
    if (marker.startsWith('Sentence:')) sentences.push({ words: [], tags: [] });
    const current = sentences[sentences.length - 1];
    if (!current) continue;
    const [bio, type] = tag.split('-') as [string, string | undefined];
    const mapped = type ? TYPE_MAP[type] : null;
    current.words.push(word);
    current.tags.push(mapped ? `${bio}-${mapped}` : 'O');
  }
  for (const s of sentences) stripTitles(s);
  return sentences.filter((s) => s.words.length > 0);
}

/** "President Bush" is tagged as one person; the person is "Bush", the title a word before it. */
function stripTitles(s: TaggedSentence): void {
  for (let i = 0; i < s.words.length; i++) {
    if (s.tags[i] !== 'B-PER') continue;
    let j = i;
    while (j < s.words.length && s.tags[j]!.endsWith('PER') && (j === i || s.tags[j] === 'I-PER') && TITLE_WORDS.has(s.words[j]!.toLowerCase().replace(/\.$/, ''))) j++;
    if (j === i) continue;
    if (j < s.words.length && s.tags[j] === 'I-PER') {
      for (let k = i; k < j; k++) s.tags[k] = 'O';
      s.tags[j] = 'B-PER';
    } else {
      for (let k = i; k < j; k++) s.tags[k] = 'O'; // a title alone ("Mr.") names nobody
    }
  }
}

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++; // the comma
    } else {
      const next = line.indexOf(',', i);
      const end = next < 0 ? line.length : next;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

function numberAfter(args: string[], flag: string, fallback: number): number {
  const at = args.indexOf(flag);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

function main(): void {
  const args = process.argv.slice(2);
  const epochs = numberAfter(args, '--epochs', EPOCHS);
  const wikigoldWeight = numberAfter(args, '--wikigold-weight', WIKIGOLD_WEIGHT);
  const tweetWeight = numberAfter(args, '--tweet-weight', TWEET_WEIGHT);
  const minMagnitude = numberAfter(args, '--min-magnitude', MIN_MAGNITUDE);
  const tune = args.includes('--tune');
  const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? join('..', 'shared', 'data', 'ner');
  const gmb = readGmb(join(dir, 'gmb-kaggle'));
  const wikigold = readWikigold(dir).filter((s) => !WIKIGOLD_HELD_OUT(s));
  const gmbTrain = gmb.filter((_, i) => !GMB_HELD_OUT(i) && !(tune && GMB_TUNING(i)));
  const wikigoldTrain = wikigold.filter((s) => !(tune && WIKIGOLD_TUNING(s)));
  const tweets = tweetWeight > 0 ? [...readBtc(dir), ...readWnut(dir, 'train')] : [];
  const lexicon = loadLexicon();
  const sequences: Array<WeightedSequence<SentenceView>> = [
    ...gmbTrain.map((s) => ({ view: viewOf(s.words, lexicon), tags: s.tags })),
    ...wikigoldTrain.map((s) => ({ view: viewOf(s.words, lexicon), tags: s.tags, weight: wikigoldWeight })),
    ...tweets.map((s) => ({ view: viewOf(s.words, lexicon), tags: s.tags, weight: tweetWeight })),
  ];
  process.stderr.write(
    `${gmbTrain.length} GMB sentences, ${wikigoldTrain.length} Wikigold ×${wikigoldWeight}, ${tweets.length} tweets ×${tweetWeight}${tune ? ' (tuning parts left out)' : ''}; ${epochs} epochs\n`,
  );
  const tuningSets = [
    { name: 'gmb tuning', sentences: gmb.filter((_, i) => GMB_TUNING(i)) },
    { name: 'wikigold tuning', sentences: wikigold.filter(WIKIGOLD_TUNING) },
  ];
  const data = trainStructured(sequences, NER_TAGS, featuresAt, {
    epochs,
    seed: SEED,
    scale: SCALE,
    minMagnitude,
    log: (line) => process.stderr.write(`${line}\n`),
    afterEpoch: tune
      ? (epoch, averaged) => {
          const model = new FrozenSequenceModel(unpackPerceptron(packPerceptron(averaged())));
          const scores = tuningSets.map((set) => scoreNames(set, (words) => tagWords(words, model, lexicon)));
          for (const s of scores) process.stderr.write(`${s.lines.join('\n')}\n`);
          process.stderr.write(`TUNE epoch ${epoch}: ${scores.map((s, i) => `${tuningSets[i]!.name} ${s.f1.toFixed(3)}`).join(', ')}\n`);
        }
      : undefined,
  });
  if (tune) return;
  const packed = packPerceptron(data);
  const out = join('models', 'ner-perceptron.bin.gz');
  writeFileSync(out, packed);
  process.stderr.write(`${data.features.length} features, ${(packed.length / 1e6).toFixed(1)} MB gzipped, written to ${out}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
