// Trains the named-entity tagger (an averaged perceptron, greedy left to right) on the GMB
// newswire table and on two thirds of Wikigold's articles, and writes
// models/ner-perceptron.bin.gz. Deterministic: fixed splits (every tenth GMB sentence and every
// third Wikigold article held out), fixed shuffling seed.
// Data: ../shared/data/ner/gmb-kaggle/ner_dataset.csv (GMB 2.x, VOA newswire; ODbL database,
// public-domain texts; labels are silver: titles are stripped from person spans here, `gpe`
// (mostly nationality words) becomes MISC, `tim` is dropped) and
// ../shared/data/ner/wikigold/wikigold.conll.txt (hand-labelled Wikipedia, CoNLL-2003 labels,
// CC BY 3.0), whose sentences count WIKIGOLD_WEIGHT times: they are few, and gold.
// Usage: npm run train:ner -- [path/to/ner] [--epochs N]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWindows1252 } from '../src/ingest/decode-text.ts';
import { trainGreedy } from '../src/annotate/greedy-tagger.ts';
import { packPerceptron } from '../src/annotate/perceptron.ts';
import { NER_TAGS, TITLE_WORDS } from '../src/annotate/ner/ner-tags.ts';
import { featuresAt, viewOf } from '../src/annotate/ner/ner-features.ts';
import { loadGazetteer } from '../src/annotate/ner/tag-names.ts';
import { readWikigold, WIKIGOLD_HELD_OUT } from './read-wikigold.ts';

export interface TaggedSentence {
  words: string[];
  tags: string[];
}

const TYPE_MAP: Record<string, string | null> = { per: 'PER', org: 'ORG', geo: 'LOC', gpe: 'MISC', art: 'MISC', eve: 'MISC', nat: 'MISC', tim: null };
const HELD_OUT_EVERY = 10;
const WIKIGOLD_WEIGHT = 3;
const SEED = 20251122;
/** Weights are stored as integers of hundredths; features whose weights all round below this are dropped. */
const SCALE = 100;
const MIN_MAGNITUDE = 8;

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

function main(): void {
  const args = process.argv.slice(2);
  const epochsAt = args.indexOf('--epochs');
  const epochs = epochsAt >= 0 ? Number(args[epochsAt + 1]) : 5;
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--epochs') ?? join('..', 'shared', 'data', 'ner');
  const sentences = readGmb(join(dir, 'gmb-kaggle'));
  const wikigold = readWikigold(dir).filter((s) => !WIKIGOLD_HELD_OUT(s));
  const trainSet = [...sentences.filter((_, i) => i % HELD_OUT_EVERY !== HELD_OUT_EVERY - 1), ...Array.from({ length: WIKIGOLD_WEIGHT }, () => wikigold).flat()];
  process.stderr.write(`${sentences.length} GMB sentences, ${wikigold.length} Wikigold sentences ×${WIKIGOLD_WEIGHT}; training on ${trainSet.length}\n`);
  const gazetteer = loadGazetteer();
  const model = trainGreedy(
    trainSet.map((s) => ({ view: viewOf(s.words, gazetteer), tags: s.tags })),
    NER_TAGS,
    featuresAt,
    { epochs, seed: SEED, log: (line) => process.stderr.write(`${line}\n`) },
  );
  const data = model.toData(SCALE, MIN_MAGNITUDE);
  const packed = packPerceptron(data);
  const out = join('models', 'ner-perceptron.bin.gz');
  writeFileSync(out, packed);
  process.stderr.write(`${data.features.length} features, ${(packed.length / 1e6).toFixed(1)} MB gzipped, written to ${out}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
