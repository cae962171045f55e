// Whether two sentences state the same fact: the pair's features (`pair-features.ts`) weighed by a
// logistic model trained on STS Benchmark by `scripts/train-paraphrase.ts` (models/same-fact.json).
import { readFileSync } from 'node:fs';
import { probabilities, type LogisticModel } from '../learn/logistic.ts';
import type { Terms } from '../text/terms.ts';
import { pairFeatures, type Frequencies } from './pair-features.ts';

const MODEL_URL = new URL('../../models/same-fact.json', import.meta.url);
let model: LogisticModel | null = null;

export function loadSameFactModel(): LogisticModel {
  model ??= JSON.parse(readFileSync(MODEL_URL, 'utf8')) as LogisticModel;
  return model;
}

/** The probability that the two sentences state the same fact. */
export function sameFactProbability(a: Terms, b: Terms, freq: Frequencies, m: LogisticModel = loadSameFactModel()): number {
  return probabilities(m, pairFeatures(a, b, freq))[m.classes.indexOf('same')]!;
}
