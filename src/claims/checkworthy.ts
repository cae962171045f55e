// How worth checking a sentence is, 0 to 1: the committed logistic ranker
// (models/checkworthy.json.gz, trained by `scripts/train-checkworthy.ts` on CheckThat! 2024).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sparseScorer, type SparseModel, type SparseScorer } from '../learn/sparse-logistic.ts';
import { checkworthyFeatures } from './checkworthy-features.ts';

const MODEL_URL = new URL('../../models/checkworthy.json.gz', import.meta.url);
let scorer: SparseScorer | null = null;

export function checkworthiness(sentence: string): number {
  scorer ??= sparseScorer(JSON.parse(gunzipSync(readFileSync(MODEL_URL)).toString('utf8')) as SparseModel);
  return scorer.score(checkworthyFeatures(sentence));
}
