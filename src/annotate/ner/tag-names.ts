// Tags the names in a sentence's tokens with the committed structured-perceptron model (Viterbi
// over BIO tags): persons, organisations, places and other names, as token ranges. The model,
// the name lists and the word clusters are read once, on first use.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { spansOfTags, type BioSpan } from '../bio.ts';
import { unpackPerceptron } from '../perceptron.ts';
import { FrozenSequenceModel } from '../viterbi-tagger.ts';
import { clustersFrom, contextFeaturesAt, gazetteerFrom, viewOf, wordFeaturesAt, type Gazetteer, type NameLexicon } from './ner-features.ts';

export type NameType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export type NameSpan = BioSpan<NameType>;

const MODEL_URL = new URL('../../../models/ner-perceptron.bin.gz', import.meta.url);
const GAZETTEER_URL = new URL('../../../models/gazetteer.json', import.meta.url);
const CLUSTERS_URL = new URL('../../../models/ner-clusters.json.gz', import.meta.url);
let model: FrozenSequenceModel | null = null;
let names: Gazetteer | null = null;
let lexicon: NameLexicon | null = null;

export function loadNameModel(): FrozenSequenceModel {
  model ??= new FrozenSequenceModel(unpackPerceptron(readFileSync(MODEL_URL)));
  return model;
}

export function loadGazetteer(): Gazetteer {
  names ??= gazetteerFrom(JSON.parse(readFileSync(GAZETTEER_URL, 'utf8')) as { entries: Record<string, string[]> });
  return names;
}

/** The name lists and the word clusters the features read. */
export function loadLexicon(): NameLexicon {
  lexicon ??= {
    gazetteer: loadGazetteer(),
    clusters: clustersFrom(JSON.parse(gunzipSync(readFileSync(CLUSTERS_URL)).toString('utf8')) as { sizes: number[]; stems: string[]; ids: number[][] }),
  };
  return lexicon;
}

/** Words remembered with the scores of their own features, per model; past this the memory starts over. */
const MAX_REMEMBERED = 100000;
const wordScores = new WeakMap<FrozenSequenceModel, Map<string, Float64Array>>();

/**
 * BIO tags for the words of one sentence: the best sequence under the model. The scores of a
 * word's own features (15 of the 40 at each token) are added up once per word and remembered:
 * the table lookups are most of the tagger's time.
 */
export function tagWords(words: readonly string[], tagger: FrozenSequenceModel = loadNameModel(), names: NameLexicon = loadLexicon()): string[] {
  const view = viewOf(words, names);
  const k = tagger.classes.length;
  const n = words.length;
  let memo = wordScores.get(tagger);
  if (!memo) {
    memo = new Map();
    wordScores.set(tagger, memo);
  }
  const emissions = new Float64Array(n * k);
  const scratch: number[] = [];
  for (let i = 0; i < n; i++) {
    let own = memo.get(words[i]!);
    if (!own) {
      own = new Float64Array(k);
      tagger.addScores(Array.from(wordFeaturesAt(view, i)), own, 0);
      if (memo.size >= MAX_REMEMBERED) memo.clear();
      memo.set(words[i]!, own);
    }
    emissions.set(own, i * k);
    tagger.addScores(contextFeaturesAt(view, i, scratch), emissions, i * k);
  }
  return tagger.tagScored(emissions, n);
}

/** Name spans from BIO tags. */
export function spansOf(tags: readonly string[]): NameSpan[] {
  return spansOfTags<NameType>(tags);
}
