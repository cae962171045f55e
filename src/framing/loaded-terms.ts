// Loaded terms of one sentence, outside quotations (a speaker's words are not the outlet's). A
// term is listed only on general evidence that it evaluates, precision first:
// - the Words-to-watch list (models/words-to-watch.json, with a neutral alternative where one exists);
// - the lexicon built from WordNet and AFINN (models/loaded-lexicon.json.gz, scripts/
//   build-loaded-lexicon.ts): evaluative adjectives and adverbs, loaded verbs of saying, verbs
//   that impute intent, labels, loaded nouns; an adjective with an evaluative or figurative sense
//   before an abstract noun is listed with it ("explosive report", "inflammatory rhetoric"), and
//   so is a verb that imputes intent with its object ("feigned ignorance");
// - the word model trained on BASIL (models/framing.json), only at a probability chosen for
//   precision and only on words the lexicon calls evaluable: concrete words (colours, objects,
//   physical or static actions: "brown", "airline", "mailed", "containing") never are.
// Each term says why it is loaded. Also how likely a sentence is to be lexically biased.
import { readFileSync } from 'node:fs';
import { sparseScorer, type SparseModel, type SparseScorer } from '../learn/sparse-logistic.ts';
import { wordsOf, type WordInfo } from './framing-words.ts';
import { loadedLexicon } from './loaded-lexicon.ts';
import { wordFeatures } from './word-features.ts';

export type LoadedReason = 'watch-list' | 'lexicon' | 'model';

export interface LoadedTerm {
  term: string;
  start: number;
  end: number;
  neutral: string | null;
  /** Where the evidence comes from: `watch-list` (Words to watch), `lexicon` (WordNet and AFINN), `model` (the word model trained on BASIL). */
  reason: LoadedReason;
  /** Why it is loaded, in words: its category and what that does ("evaluative adjective: judges rather than describes"). */
  why: string;
}

interface FramingModel {
  word: SparseModel;
  cueWords: string[];
  /** The word model's probability from which an evaluable word is listed, chosen for precision on a tuning part of the training years. */
  threshold?: number;
  /** Words the lexicon lists that BASIL's annotators never marked, however often they met them in the training years ("like", "claims", "leading"): not listed. */
  notLoaded?: string[];
}

const MODEL_URL = new URL('../../models/framing.json', import.meta.url);
const WATCH_URL = new URL('../../models/words-to-watch.json', import.meta.url);

/** What each category does to the sentence: the reader's reason. */
const WHY: Record<string, string> = {
  'evaluative adjective': 'evaluative adjective: judges rather than describes',
  'evaluative adverb': 'evaluative adverb: judges how it was done',
  'evaluative phrase': 'evaluative or figurative adjective on an abstract noun: judges rather than describes',
  'loaded verb of saying': 'loaded verb of saying: colours what was said',
  'verb that imputes intent': 'imputes intent: states a motive as fact',
  label: 'label: names people or a group by a judgement',
  'loaded noun': 'loaded noun: a judgement in a name',
  'expression of doubt': 'expression of doubt: casts doubt on what was said',
  editorializing: "editorializing: the outlet's own comment",
  puffery: 'puffery: praise without information',
  model: 'word the lexical-bias model trained on BASIL takes for loaded',
};

interface Loaded {
  scorer: SparseScorer;
  cues: Set<string>;
  threshold: number;
  notLoaded: Set<string>;
  watch: Map<string, { neutral: string | null; category: string }>;
  phrases: RegExp;
}
let loaded: Loaded | null = null;

function load(): Loaded {
  if (!loaded) {
    const model = JSON.parse(readFileSync(MODEL_URL, 'utf8')) as FramingModel;
    const watchFile = JSON.parse(readFileSync(WATCH_URL, 'utf8')) as { neutral: Record<string, string | null>; category: Record<string, string> };
    const watch = new Map(Object.entries(watchFile.neutral).map(([w, neutral]) => [w, { neutral, category: watchFile.category[w] ?? 'loaded noun' }]));
    const escaped = [...watch.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[-\s]/g, (c) => (c === '-' ? '-' : '\\s+')));
    loaded = {
      scorer: sparseScorer(model.word),
      cues: new Set(model.cueWords),
      threshold: model.threshold ?? 0.5,
      notLoaded: new Set(model.notLoaded ?? []),
      watch,
      phrases: new RegExp(`\\b(${escaped.join('|')})\\b`, 'gi'),
    };
  }
  return loaded;
}

/** How likely a sentence is to be lexically biased, 0 to 1: its most loaded word's probability. */
export function lexicalBias(sentence: string): number {
  const { scorer, cues } = load();
  const words = wordsOf(sentence);
  return words.reduce((best, _, i) => Math.max(best, scorer.score(wordFeatures(words, i, sentence, cues))), 0);
}

/** Another word model, threshold or list of words not loaded than the committed ones: for choosing them (scripts/train-framing.ts). */
export interface LoadedTermsOptions {
  threshold?: number;
  scorer?: SparseScorer;
  notLoaded?: ReadonlySet<string>;
}

/** Loaded terms of `text` (one sentence), offsets relative to it; `quoted` spans are skipped. */
export function loadedTermsOf(text: string, quoted: ReadonlyArray<{ start: number; end: number }> = [], options: LoadedTermsOptions = {}): LoadedTerm[] {
  const lx = { ...load(), ...loadedLexicon() };
  const threshold = options.threshold ?? lx.threshold;
  const scorer = options.scorer ?? lx.scorer;
  const notLoaded = options.notLoaded ?? lx.notLoaded;
  const out: LoadedTerm[] = [];
  // characters inside a quotation or a term already found: checked per character, not per term found
  const taken = new Uint8Array(text.length + 1);
  const take = (start: number, end: number): void => {
    taken.fill(1, Math.max(0, start), Math.min(end, text.length));
  };
  for (const q of quoted) take(q.start, q.end);
  const free = (start: number, end: number): boolean => {
    for (let i = Math.max(0, start); i < Math.min(end, text.length); i++) if (taken[i]) return false;
    return true;
  };
  const list = (start: number, end: number, neutral: string | null, reason: LoadedReason, category: string): void => {
    out.push({ term: text.slice(start, end), start, end, neutral, reason, why: WHY[category] ?? category });
    take(start, end);
  };
  lx.phrases.lastIndex = 0;
  for (const m of text.matchAll(lx.phrases)) {
    const entry = lx.watch.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (entry && free(m.index, m.index + m[0].length) && !notLoaded.has(m[0].toLowerCase())) list(m.index, m.index + m[0].length, entry.neutral, 'watch-list', entry.category);
  }
  const words = wordsOf(text);
  /** The next word, when only spaces stand between (a phrase does not run over punctuation) and it is free. */
  const next = (i: number): WordInfo | null => {
    const n = words[i + 1];
    return n && /^\s+$/.test(text.slice(words[i]!.end, n.start)) && free(n.start, n.end) ? n : null;
  };
  const headAfter = (i: number): WordInfo | null => {
    const n = next(i);
    return n && lx.abstractHeads.has(n.word) ? n : null;
  };
  const capitalised = (w: WordInfo): boolean => /^\p{Lu}/u.test(text.slice(w.start, w.start + 1));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // a capital inside the sentence, or one at its start before another, is a name ("Dick Grand", "the Supreme Court", "August"), not a judgement
    if (!free(w.start, w.end) || notLoaded.has(w.word) || (capitalised(w) && (i > 0 || (words[1] !== undefined && capitalised(words[1]))))) continue;
    const entry = lx.words.get(w.word);
    if (entry) {
      const [category, neutral] = entry;
      // an evaluative adjective or a verb that imputes intent takes its abstract noun along: the judgement is the phrase's
      const head = category === 'evaluative adjective' || category === 'verb that imputes intent' ? headAfter(i) : null;
      list(w.start, head ? head.end : w.end, head ? null : neutral, 'lexicon', head && category === 'evaluative adjective' ? 'evaluative phrase' : category);
      continue;
    }
    if (lx.phraseAdjectives.has(w.word)) {
      const head = headAfter(i);
      if (head) {
        list(w.start, head.end, null, 'lexicon', 'evaluative phrase');
        continue;
      }
    }
    if (lx.evaluable.has(w.word) && scorer.score(wordFeatures(words, i, text, lx.cues)) >= threshold) list(w.start, w.end, null, 'model', 'model');
  }
  return out.sort((a, b) => a.start - b.start);
}
