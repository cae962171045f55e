// Attribution spans in text: who (source), the verb or phrase that attributes (cue), and what
// was attributed (content), tagged paragraph by paragraph with the committed perceptron model.
import { spansOfTags } from '../bio.ts';
import { tagSequence } from '../greedy-tagger.ts';
import { readFileSync } from 'node:fs';
import { bestClass, FrozenPerceptron, unpackPerceptron, type Scorer } from '../perceptron.ts';
import { FrozenSequenceModel, transitionFeature } from '../viterbi-tagger.ts';
import { tokenize } from '../../text/tokenize.ts';
import {
  attributionEmissions, attributionFeatures, ownWordFeatures, paragraphView, placeWordFeatures, stateFeatures, tagHistoryFeatures, WORD_PLACES,
  type ParagraphView,
} from './attribution-features.ts';

export const ATTRIBUTION_TAGS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;
export type AttributionPart = 'SRC' | 'CUE' | 'CON';

export interface AttributionSpan {
  kind: AttributionPart;
  start: number;
  end: number;
}

const MODEL_URL = new URL('../../../models/attribution-perceptron.bin.gz', import.meta.url);
let model: AttributionModel | null = null;

function loadModel(): AttributionModel {
  model ??= readAttributionModel(MODEL_URL);
  return model;
}

/** A tagger model: greedy (features see the tags to the left) or structured (Viterbi over tag transitions). */
export type AttributionModel = Scorer | FrozenSequenceModel;

/** A model file of either kind: a structured model stores its tag transitions as features. */
export function readAttributionModel(path: string | URL): AttributionModel {
  const data = unpackPerceptron(readFileSync(path));
  const start = transitionFeature('<s>');
  return Array.prototype.includes.call(data.features, start) ? new FrozenSequenceModel(data) : new FrozenPerceptron(data);
}

/** Tags for the words of one paragraph. */
export function tagParagraphWords(words: readonly string[], scorer: AttributionModel = loadModel()): string[] {
  const view = paragraphView(words);
  if (scorer instanceof FrozenSequenceModel) return scorer.tag(view, words.length, attributionEmissions);
  if (scorer instanceof FrozenPerceptron && scorer.exactSums) return tagRemembering(words, view, scorer);
  return tagSequence(view, words.length, scorer, attributionFeatures, false);
}

/** Words remembered with their scores, per model; past this the memory starts over. */
const MAX_REMEMBERED = 50000;
/** Rows of a remembered word's scores: its features in each place (WORD_PLACES: 0 to 3), then its own. */
const OWN = 4;
const ROWS = 5;

interface Memory {
  words: Map<string, Float64Array>;
  /** The rows of each place past a paragraph's edge (WORD_PLACES: 0 to 3). */
  edges: Float64Array;
}

const memories = new WeakMap<FrozenPerceptron, Memory>();

function memoryOf(scorer: FrozenPerceptron): Memory {
  let memory = memories.get(scorer);
  if (!memory) {
    const k = scorer.classes.length;
    const edges = new Float64Array(4 * k);
    const scratch: number[] = [];
    for (const place of [WORD_PLACES.L2, WORD_PLACES.L1, WORD_PLACES.R1, WORD_PLACES.R2]) scorer.addScores(placeWordFeatures(null, place, scratch), edges, place * k);
    memory = { words: new Map(), edges };
    memories.set(scorer, memory);
  }
  return memory;
}

function remember(word: string, memory: Memory, scorer: FrozenPerceptron, scratch: number[]): Float64Array {
  let scores = memory.words.get(word);
  if (scores) return scores;
  const k = scorer.classes.length;
  scores = new Float64Array(ROWS * k);
  for (const place of [WORD_PLACES.L2, WORD_PLACES.L1, WORD_PLACES.R1, WORD_PLACES.R2]) scorer.addScores(placeWordFeatures(word, place, scratch), scores, place * k);
  scorer.addScores(ownWordFeatures(word, scratch), scores, OWN * k);
  if (memory.words.size >= MAX_REMEMBERED) memory.words.clear();
  memory.words.set(word, scores);
  return scores;
}

/**
 * The greedy tagger (tagSequence over attributionFeatures, any tag after any), with the scores of
 * the features of one word in one place (13 of the 28 at a token) added up once per word and
 * remembered: the table lookups are most of its time. The model's sums are exact (exactSums), so
 * each token's scores, and so its tag, are the very ones tagSequence finds.
 */
function tagRemembering(words: readonly string[], view: ParagraphView, scorer: FrozenPerceptron): string[] {
  const k = scorer.classes.length;
  const n = words.length;
  const memory = memoryOf(scorer);
  const edges = memory.edges;
  const scratch: number[] = [];
  const seen = words.map((w) => remember(w, memory, scorer, scratch));
  const scores = new Float64Array(k);
  const tags: string[] = [];
  let prev = '<s>';
  let prev2 = '<s>';
  for (let i = 0; i < n; i++) {
    const own = seen[i]!;
    const l2 = i > 1 ? seen[i - 2]! : edges;
    const l1 = i > 0 ? seen[i - 1]! : edges;
    const r1 = i + 1 < n ? seen[i + 1]! : edges;
    const r2 = i + 2 < n ? seen[i + 2]! : edges;
    for (let c = 0; c < k; c++) {
      scores[c] = own[OWN * k + c]! + l2[WORD_PLACES.L2 * k + c]! + l1[WORD_PLACES.L1 * k + c]! + r1[WORD_PLACES.R1 * k + c]! + r2[WORD_PLACES.R2 * k + c]!;
    }
    scorer.addScores(stateFeatures(view, i, scratch), scores, 0);
    scorer.addScores(tagHistoryFeatures(view, i, prev, prev2, scratch), scores, 0);
    const tag = scorer.classes[bestClass(scores, 0, k)]!;
    tags.push(tag);
    prev2 = prev;
    prev = tag;
  }
  return tags;
}

/** Attribution spans of `text[start, end)`, one paragraph, as character offsets into `text`. */
export function attributionSpans(text: string, start: number, end: number, scorer?: AttributionModel): AttributionSpan[] {
  const tokens = tokenize(text, start, end);
  if (tokens.length === 0) return [];
  const tags = tagParagraphWords(tokens.map((t) => t.text), scorer);
  return spansOfTags<AttributionPart>(tags).map((s) => ({ kind: s.type, start: tokens[s.first]!.start, end: tokens[s.end - 1]!.end }));
}
