// Whether two sentences state the same fact: the pair's features (`pair-features.ts`) weighed by a
// logistic model trained by `scripts/train-paraphrase.ts` on claim pairs of the story gold's
// even-year events (models/same-fact.json; the odd years are held out for reporting).
import { readFileSync } from 'node:fs';
import { probabilities, type LogisticModel } from '../learn/logistic.ts';
import type { Terms } from '../text/terms.ts';
import { CONTAINMENT, idf, pairFeatures, type Frequencies } from './pair-features.ts';

const MODEL_URL = new URL('../../models/same-fact.json', import.meta.url);
export interface SameFactModel extends LogisticModel {
  /** The probability from which two sentences are taken for the same fact. */
  threshold: number;
}

let model: SameFactModel | null = null;

export function loadSameFactModel(): SameFactModel {
  model ??= JSON.parse(readFileSync(MODEL_URL, 'utf8')) as SameFactModel;
  return model;
}

export function isSameFact(probability: number, m: SameFactModel = loadSameFactModel()): boolean {
  return probability >= m.threshold;
}

/**
 * A news sentence often states another's fact and more ("“We reject any such actions,” she said
 * at a press conference, emphasising …"): STS, where a sentence with more to it scores lower,
 * does not teach that. So a pair is also the same fact when the longer sentence holds CONTAINED
 * of the shorter one's weighted words (synonyms counting) and the shorter one has at least
 * MIN_INFORMATIVE informative words (idf over 2) to hold; its score is then the threshold.
 */
const CONTAINED = 0.75;
const MIN_INFORMATIVE = 3;

/** The same-fact score of a pair: the model's probability, raised to the threshold for a contained fact. */
export function sameFactScore(a: Terms, b: Terms, freq: Frequencies, m: SameFactModel = loadSameFactModel()): number {
  const features = pairFeatures(a, b, freq);
  const p = probabilities(m, features)[m.classes.indexOf('same')]!;
  if (p >= m.threshold) return p;
  const shorter = a.stems.length <= b.stems.length ? a : b;
  const informative = [...new Set(shorter.stems)].filter((s) => idf(freq, s) > 2).length;
  return features[CONTAINMENT]! >= CONTAINED && informative >= MIN_INFORMATIVE ? m.threshold : p;
}
