// Loaded terms of one sentence, outside quotations (a speaker's words are not the outlet's): words
// of the Words-to-watch list (models/words-to-watch.json, with a neutral alternative where one
// exists) and words the word model trained on BASIL takes for loaded (its features: the word,
// AFINN valence, shape, colourful reporting verbs, neighbours). Also how likely a sentence is
// to be lexically biased. Models: models/framing.json (scripts/train-framing.ts).
import { readFileSync } from 'node:fs';
import { sparseScorer, type SparseModel, type SparseScorer } from '../learn/sparse-logistic.ts';
import { wordsOf } from './framing-words.ts';
import { wordFeatures } from './word-features.ts';

export interface LoadedTerm {
  term: string;
  start: number;
  end: number;
  neutral: string | null;
  /** Why it is loaded: `watch-list` (Words to watch) or `model` (the word model trained on BASIL). */
  reason: 'watch-list' | 'model';
}

interface FramingModel {
  word: SparseModel;
  cueWords: string[];
}

const MODEL_URL = new URL('../../models/framing.json', import.meta.url);
const WATCH_URL = new URL('../../models/words-to-watch.json', import.meta.url);
/** The word model's probability from which a word is loaded. */
const WORD_LOADED = 0.5;

let loaded: { words: SparseScorer; cues: Set<string>; watch: Map<string, string | null>; phrases: RegExp } | null = null;

function load() {
  if (!loaded) {
    const model = JSON.parse(readFileSync(MODEL_URL, 'utf8')) as FramingModel;
    const watch = new Map(Object.entries((JSON.parse(readFileSync(WATCH_URL, 'utf8')) as { neutral: Record<string, string | null> }).neutral));
    const escaped = [...watch.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[-\s]/g, (c) => (c === '-' ? '-' : '\\s+')));
    loaded = { words: sparseScorer(model.word), cues: new Set(model.cueWords), watch, phrases: new RegExp(`\\b(${escaped.join('|')})\\b`, 'gi') };
  }
  return loaded;
}

/** How likely a sentence is to be lexically biased, 0 to 1: its most loaded word's probability. */
export function lexicalBias(sentence: string): number {
  const { words: scorer, cues } = load();
  const words = wordsOf(sentence);
  return words.reduce((best, _, i) => Math.max(best, scorer.score(wordFeatures(words, i, sentence, cues))), 0);
}

/** Loaded terms of `text` (one sentence), offsets relative to it; `quoted` spans are skipped. */
export function loadedTermsOf(text: string, quoted: ReadonlyArray<{ start: number; end: number }> = []): LoadedTerm[] {
  const { watch, phrases } = load();
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
  phrases.lastIndex = 0;
  for (const m of text.matchAll(phrases)) {
    const key = m[0].toLowerCase().replace(/\s+/g, ' ');
    if (free(m.index, m.index + m[0].length)) {
      out.push({ term: m[0], start: m.index, end: m.index + m[0].length, neutral: watch.get(key) ?? null, reason: 'watch-list' });
      take(m.index, m.index + m[0].length);
    }
  }
  const words = wordsOf(text);
  const { words: wordScorer, cues } = load();
  words.forEach((w, i) => {
    if (!free(w.start, w.end)) return;
    if (wordScorer.score(wordFeatures(words, i, text, cues)) >= WORD_LOADED) {
      out.push({ term: text.slice(w.start, w.end), start: w.start, end: w.end, neutral: null, reason: 'model' });
      take(w.start, w.end);
    }
  });
  return out.sort((a, b) => a.start - b.start);
}
