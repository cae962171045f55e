// Trains the word model of loaded terms (src/framing/loaded-terms.ts) on BASIL's lexical-bias
// spans of the events of TRAIN_YEARS (2015-2016 are for the bench) and writes models/framing.json:
// hashed logistic weights over src/framing/word-features.ts, the reporting words of PolNeAR train
// (cue words seen MIN_CUE times or more) that one feature uses, the threshold from which the model
// lists a word, and the words the lexicon lists that the annotators never marked.
// The threshold is chosen for precision: a model trained on FIT_YEARS is run on TUNE_YEAR with
// each threshold of the grid, and the lowest one at which the words it alone lists are right (they
// overlap a gold lexical span) at least MODEL_PRECISION of the time is kept; the model written is
// then trained on all of TRAIN_YEARS. Not loaded: a word the lexicon or the watch list lists
// NOT_LOADED_SEEN times or more in the fitting years' sentences without ever touching a gold span.
// Usage: npm run train:framing -- [../shared/data/framing/basil] [../shared/data/attribution/polnear/train]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordsOf } from '../src/framing/framing-words.ts';
import { loadedTermsOf } from '../src/framing/loaded-terms.ts';
import { wordFeatures } from '../src/framing/word-features.ts';
import { sparseScorer, trainSparse } from '../src/learn/sparse-logistic.ts';
import { readBasil, type BasilArticle } from './read-basil.ts';
import { readPolnear } from './read-polnear.ts';
import { scoreLexical, sentenceF1 } from './score-lexical.ts';

export const TRAIN_YEARS = ['2010', '2011', '2012', '2013', '2014'];
const FIT_YEARS = ['2010', '2011', '2012', '2013'];
const TUNE_YEAR = '2014';
const POSITIVE_WEIGHT = 6;
const EPOCHS = 3;
/** A cue word of PolNeAR seen this often is a reporting word. */
const MIN_CUE = 3;
const GRID = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.99];
const MODEL_PRECISION = 0.3;
const NOT_LOADED_SEEN = 3;

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

function train(articles: readonly BasilArticle[], cueWords: ReadonlySet<string>) {
  const sentences = articles.flatMap((a) => a.sentences);
  const examples = sentences.flatMap((s) => {
    const words = wordsOf(s.text);
    return words.map((w, i) => ({ features: wordFeatures(words, i, s.text, cueWords), positive: s.spans.some((b) => b.kind === 'lex' && w.start >= b.start && w.end <= b.end) }));
  });
  process.stderr.write(`${sentences.length} sentences, ${examples.length} words (${examples.filter((e) => e.positive).length} in lexical-bias spans)\n`);
  return trainSparse(examples, { epochs: EPOCHS, positiveWeight: POSITIVE_WEIGHT });
}

/** Words the lexicon or the watch list lists often in these articles and that never touch a gold span. */
function notLoadedIn(articles: readonly BasilArticle[]): string[] {
  const score = scoreLexical(articles, (text, quoted) => loadedTermsOf(text, quoted, { threshold: 2, notLoaded: new Set() }));
  const seen = new Map<string, { n: number; right: number }>();
  for (const t of score.listed) {
    if (t.term.includes(' ')) continue;
    const c = seen.get(t.term.toLowerCase()) ?? { n: 0, right: 0 };
    c.n++;
    if (t.right) c.right++;
    seen.set(t.term.toLowerCase(), c);
  }
  return [...seen].filter(([, c]) => c.n >= NOT_LOADED_SEEN && c.right === 0).map(([w]) => w).sort();
}

const dir = process.argv[2] ?? join('..', 'shared', 'data', 'framing', 'basil');
const polnear = process.argv[3] ?? join('..', 'shared', 'data', 'attribution', 'polnear', 'train');
const cueWords = readCueWords(polnear);
const fit = readBasil(dir, FIT_YEARS);
const tune = readBasil(dir, [TUNE_YEAR]);
const fitScorer = sparseScorer(train(fit, cueWords));
const fitNotLoaded = new Set(notLoadedIn(fit));
let threshold = GRID[GRID.length - 1]!;
for (const t of GRID) {
  const score = scoreLexical(tune, (text, quoted) => loadedTermsOf(text, quoted, { threshold: t, scorer: fitScorer, notLoaded: fitNotLoaded }));
  const model = score.byReason.model ?? { right: 0, listed: 0 };
  const s = sentenceF1(score.sentence);
  const precision = model.right / (model.listed || 1);
  process.stderr.write(`${TUNE_YEAR} at ${t}: sentence P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)}; listed terms right ${(score.terms.right / (score.terms.listed || 1)).toFixed(3)} of ${score.terms.listed}; the model's ${precision.toFixed(3)} of ${model.listed}\n`);
  if (precision >= MODEL_PRECISION && threshold === GRID[GRID.length - 1] && model.listed > 0) threshold = t;
}
process.stderr.write(`threshold ${threshold}\n`);
const all = readBasil(dir, TRAIN_YEARS);
const word = train(all, cueWords);
const notLoaded = notLoadedIn(all);
process.stderr.write(`${Object.keys(word.weights).length} weights; ${notLoaded.length} words not loaded\n`);
writeFileSync(
  join('models', 'framing.json'),
  `${JSON.stringify({ source: `BASIL lexical-bias spans of ${TRAIN_YEARS.join(', ')}; cue words of PolNeAR train; threshold chosen on ${TUNE_YEAR} with a model of ${FIT_YEARS.join(', ')}`, word, cueWords: [...cueWords].sort(), threshold, notLoaded })}\n`,
);
