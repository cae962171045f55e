// Attribution spans in text: who (source), the verb or phrase that attributes (cue), and what
// was attributed (content), tagged paragraph by paragraph with the committed perceptron model.
import { spansOfTags } from '../bio.ts';
import { tagSequence } from '../greedy-tagger.ts';
import { readFileSync } from 'node:fs';
import { FrozenPerceptron, unpackPerceptron, type Scorer } from '../perceptron.ts';
import { FrozenSequenceModel, transitionFeature } from '../viterbi-tagger.ts';
import { tokenize } from '../../text/tokenize.ts';
import { attributionEmissions, attributionFeatures, paragraphView } from './attribution-features.ts';

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
  return scorer instanceof FrozenSequenceModel ? scorer.tag(view, words.length, attributionEmissions) : tagSequence(view, words.length, scorer, attributionFeatures, false);
}

/** Attribution spans of `text[start, end)`, one paragraph, as character offsets into `text`. */
export function attributionSpans(text: string, start: number, end: number, scorer?: AttributionModel): AttributionSpan[] {
  const tokens = tokenize(text, start, end);
  if (tokens.length === 0) return [];
  const tags = tagParagraphWords(tokens.map((t) => t.text), scorer);
  return spansOfTags<AttributionPart>(tags).map((s) => ({ kind: s.type, start: tokens[s.first]!.start, end: tokens[s.end - 1]!.end }));
}
