// Tags the names in a sentence's tokens with the committed perceptron model: persons,
// organisations, places and other names, as token ranges. The model is read once, on first use.
import { readFileSync } from 'node:fs';
import { spansOfTags, type BioSpan } from '../bio.ts';
import { tagSequence } from '../greedy-tagger.ts';
import { featuresAt, gazetteerFrom, viewOf, type Gazetteer } from './ner-features.ts';
import { readPerceptron, type Scorer } from '../perceptron.ts';

export type NameType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export type NameSpan = BioSpan<NameType>;

const MODEL_URL = new URL('../../../models/ner-perceptron.bin.gz', import.meta.url);
const GAZETTEER_URL = new URL('../../../models/gazetteer.json', import.meta.url);
let model: Scorer | null = null;
let names: Gazetteer | null = null;

function loadModel(): Scorer {
  model ??= readPerceptron(MODEL_URL);
  return model;
}

export function loadGazetteer(): Gazetteer {
  names ??= gazetteerFrom(JSON.parse(readFileSync(GAZETTEER_URL, 'utf8')) as { entries: Record<string, string[]> });
  return names;
}

/** BIO tags for the words of one sentence, greedy left to right. */
export function tagWords(words: readonly string[], tagger: Scorer = loadModel(), gazetteer: Gazetteer = loadGazetteer()): string[] {
  return tagSequence(viewOf(words, gazetteer), words.length, tagger, featuresAt);
}

/** Name spans from BIO tags. */
export function spansOf(tags: readonly string[]): NameSpan[] {
  return spansOfTags<NameType>(tags);
}
