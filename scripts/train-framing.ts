// Trains the word model of loaded terms (src/framing/loaded-terms.ts) on BASIL's lexical-bias
// spans of the events of TRAIN_YEARS (the other years are for the bench) and writes
// models/framing.json: hashed logistic weights over src/framing/word-features.ts, and the
// reporting words of PolNeAR train (cue words seen MIN_CUE times or more) that one feature uses.
// The settings (positive weight, epochs, threshold) were chosen by training on 2010-2013 and
// measuring on 2014 (sentence F1 .207; a sentence-level bag-of-words ranker reached .14 at best
// and is not used).
// Usage: npm run train:framing -- [../shared/data/framing/basil] [../shared/data/attribution/polnear/train]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordsOf } from '../src/framing/framing-words.ts';
import { wordFeatures } from '../src/framing/word-features.ts';
import { trainSparse } from '../src/learn/sparse-logistic.ts';
import { readBasil } from './read-basil.ts';
import { readPolnear } from './read-polnear.ts';

export const TRAIN_YEARS = ['2010', '2011', '2012', '2013', '2014'];
const POSITIVE_WEIGHT = 6;
const EPOCHS = 3;
/** A cue word of PolNeAR seen this often is a reporting word. */
const MIN_CUE = 3;

function readCueWords(polnearTrain: string): Set<string> {
  const counts = new Map<string, number>();
  for (const doc of readPolnear(polnearTrain)) {
    for (const span of doc.spans) {
      if (span.kind !== 'CUE') continue;
      for (const w of doc.text.slice(span.start, span.end).toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= MIN_CUE).map(([w]) => w));
}

const dir = process.argv[2] ?? join('..', 'shared', 'data', 'framing', 'basil');
const polnear = process.argv[3] ?? join('..', 'shared', 'data', 'attribution', 'polnear', 'train');
const cueWords = readCueWords(polnear);
const sentences = readBasil(dir, TRAIN_YEARS).flatMap((a) => a.sentences);
const examples = sentences.flatMap((s) => {
  const words = wordsOf(s.text);
  return words.map((w, i) => ({ features: wordFeatures(words, i, s.text, cueWords), positive: s.spans.some((b) => b.kind === 'lex' && w.start >= b.start && w.end <= b.end) }));
});
const word = trainSparse(examples, { epochs: EPOCHS, positiveWeight: POSITIVE_WEIGHT });
process.stderr.write(`${sentences.length} sentences, ${examples.length} words (${examples.filter((e) => e.positive).length} in lexical-bias spans) of ${TRAIN_YEARS.join(', ')}; ${Object.keys(word.weights).length} weights\n`);
writeFileSync(join('models', 'framing.json'), `${JSON.stringify({ source: `BASIL lexical-bias spans of ${TRAIN_YEARS.join(', ')}; cue words of PolNeAR train`, word, cueWords: [...cueWords].sort() })}\n`);
