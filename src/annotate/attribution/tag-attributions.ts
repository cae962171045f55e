// Attribution spans in text: who (source), the verb or phrase that attributes (cue), and what
// was attributed (content), tagged paragraph by paragraph with the committed perceptron model.
import { spansOfTags } from '../bio.ts';
import { tagSequence } from '../greedy-tagger.ts';
import { readPerceptron, type Scorer } from '../perceptron.ts';
import { tokenize } from '../../text/tokenize.ts';
import { attributionFeatures, paragraphView } from './attribution-features.ts';

export const ATTRIBUTION_TAGS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;
export type AttributionPart = 'SRC' | 'CUE' | 'CON';

export interface AttributionSpan {
  kind: AttributionPart;
  start: number;
  end: number;
}

const MODEL_URL = new URL('../../../models/attribution-perceptron.bin.gz', import.meta.url);
let model: Scorer | null = null;

function loadModel(): Scorer {
  model ??= readPerceptron(MODEL_URL);
  return model;
}

/** Tags for the words of one paragraph. */
export function tagParagraphWords(words: readonly string[], scorer: Scorer = loadModel()): string[] {
  return tagSequence(paragraphView(words), words.length, scorer, attributionFeatures, false);
}

/** Attribution spans of `text[start, end)`, one paragraph, as character offsets into `text`. */
export function attributionSpans(text: string, start: number, end: number, scorer?: Scorer): AttributionSpan[] {
  const tokens = tokenize(text, start, end);
  if (tokens.length === 0) return [];
  const tags = tagParagraphWords(tokens.map((t) => t.text), scorer);
  return spansOfTags<AttributionPart>(tags).map((s) => ({ kind: s.type, start: tokens[s.first]!.start, end: tokens[s.end - 1]!.end }));
}
