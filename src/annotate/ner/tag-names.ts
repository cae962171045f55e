// Tags the names in a sentence's tokens with the committed perceptron model: persons,
// organisations, places and other names, as token ranges. The model is read once, on first use.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ALLOWED_AFTER, NER_TAGS } from './ner-tags.ts';
import { featuresAt, gazetteerFrom, viewOf, type Gazetteer } from './ner-features.ts';
import { FrozenPerceptron, type PerceptronData, type Scorer } from './perceptron.ts';

export type NameType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NameSpan {
  /** Token range, end exclusive. */
  first: number;
  end: number;
  type: NameType;
}

const MODEL_URL = new URL('../../../models/ner-perceptron.json.gz', import.meta.url);
const GAZETTEER_URL = new URL('../../../models/gazetteer.json', import.meta.url);
let model: Scorer | null = null;
let names: Gazetteer | null = null;

function loadModel(): Scorer {
  model ??= new FrozenPerceptron(JSON.parse(gunzipSync(readFileSync(MODEL_URL)).toString('utf8')) as PerceptronData);
  return model;
}

export function loadGazetteer(): Gazetteer {
  names ??= gazetteerFrom(JSON.parse(readFileSync(GAZETTEER_URL, 'utf8')) as { entries: Record<string, string[]> });
  return names;
}

/** BIO tags for the words of one sentence, greedy left to right. */
export function tagWords(words: readonly string[], tagger: Scorer = loadModel(), gazetteer: Gazetteer = loadGazetteer()): string[] {
  const view = viewOf(words, gazetteer);
  const tags: string[] = [];
  let prev = '<s>';
  let prev2 = '<s>';
  for (let i = 0; i < words.length; i++) {
    const p = prev;
    const best = tagger.predict(featuresAt(view, i, prev, prev2), (c) => ALLOWED_AFTER(p, NER_TAGS[c]!));
    const tag = NER_TAGS[best]!;
    tags.push(tag);
    prev2 = prev;
    prev = tag;
  }
  return tags;
}

/** Name spans from BIO tags. */
export function spansOf(tags: readonly string[]): NameSpan[] {
  const spans: NameSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (!tag.startsWith('B-')) continue;
    const type = tag.slice(2) as NameType;
    let end = i + 1;
    while (end < tags.length && tags[end] === `I-${type}`) end++;
    spans.push({ first: i, end, type });
    i = end - 1;
  }
  return spans;
}
