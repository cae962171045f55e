// Whether two sentences state the same fact: the pair's features (`pair-features.ts`) weighed by a
// logistic model trained on STS Benchmark by `scripts/train-paraphrase.ts` (models/same-fact.json).
import { readFileSync } from 'node:fs';
import { probabilities, type LogisticModel } from '../learn/logistic.ts';
import type { Terms } from '../text/terms.ts';
import { pairFeatures, type Frequencies } from './pair-features.ts';

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

/** The probability that the two sentences state the same fact. */
export function sameFactProbability(a: Terms, b: Terms, freq: Frequencies, m: LogisticModel = loadSameFactModel()): number {
  return probabilities(m, pairFeatures(a, b, freq))[m.classes.indexOf('same')]!;
}
