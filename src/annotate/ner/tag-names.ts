// Tags the names in a sentence's tokens with the committed structured-perceptron model (Viterbi
// over BIO tags): persons, organisations, places and other names, as token ranges. The model,
// the name lists and the word clusters are read once, on first use.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { spansOfTags, type BioSpan } from '../bio.ts';
import { unpackPerceptron } from '../perceptron.ts';
import { FrozenSequenceModel } from '../viterbi-tagger.ts';
import {
  CASINGS, casingFeature, clustersFrom, featuresAt, firstFeature, gazetteerFrom, lastFeature, ownFeatures, pairFeatures, placeFeatures, PLACES,
  sentenceCasing, viewOf, wordHashes, type Gazetteer, type NameLexicon,
} from './ner-features.ts';

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

/** Words remembered with their hashes and scores, per model and lexicon; past this the memory starts over. */
const MAX_REMEMBERED = 50000;

/**
 * Rows of a remembered word's scores (each one score per class): the sums of the weights of its
 * features in each place it may stand relative to the token scored (PLACES: 0 to 3), of its own
 * features, of its opening the sentence or not, and of its word with each casing (CASINGS).
 */
const OWN = 4, FIRST = 5, NOT_FIRST = 6, CASING = 7;
const ROWS = 9;

interface Remembered {
  h: Int32Array;
  scores: Float64Array;
}

/** What a model and a lexicon remember: the words, and the scores of what lies past a sentence's edges. */
interface Memory {
  words: Map<string, Remembered>;
  /** The row of each place past an edge (PLACES: 0 to 3), then of closing the sentence and not. */
  edges: Float64Array;
}

const memories = new WeakMap<FrozenSequenceModel, WeakMap<NameLexicon, Memory>>();
const EDGE_LAST = 4, EDGE_NOT_LAST = 5;

function memoryOf(tagger: FrozenSequenceModel, names: NameLexicon): Memory {
  let byLexicon = memories.get(tagger);
  if (!byLexicon) {
    byLexicon = new WeakMap();
    memories.set(tagger, byLexicon);
  }
  let memory = byLexicon.get(names);
  if (!memory) {
    const k = tagger.classes.length;
    const edges = new Float64Array(6 * k);
    const scratch: number[] = [];
    for (const place of [PLACES.L2, PLACES.L1, PLACES.R1, PLACES.R2]) tagger.addScores(placeFeatures(null, place, scratch), edges, place * k);
    tagger.addScores([lastFeature(true)], edges, EDGE_LAST * k);
    tagger.addScores([lastFeature(false)], edges, EDGE_NOT_LAST * k);
    memory = { words: new Map(), edges };
    byLexicon.set(names, memory);
  }
  return memory;
}

function remember(word: string, memory: Memory, tagger: FrozenSequenceModel, names: NameLexicon, scratch: number[]): Remembered {
  let r = memory.words.get(word);
  if (r) return r;
  const k = tagger.classes.length;
  const h = wordHashes(word, names);
  const scores = new Float64Array(ROWS * k);
  for (const place of [PLACES.L2, PLACES.L1, PLACES.R1, PLACES.R2]) tagger.addScores(placeFeatures(h, place, scratch), scores, place * k);
  tagger.addScores(ownFeatures(h, scratch), scores, OWN * k);
  tagger.addScores([firstFeature(h, true)], scores, FIRST * k);
  tagger.addScores([firstFeature(h, false)], scores, NOT_FIRST * k);
  CASINGS.forEach((casing, c) => tagger.addScores([casingFeature(h, casing)], scores, (CASING + c) * k));
  r = { h, scores };
  if (memory.words.size >= MAX_REMEMBERED) memory.words.clear();
  memory.words.set(word, r);
  return r;
}

/**
 * BIO tags for the words of one sentence: the best sequence under the model. Of the 40 features
 * at a token, all but the 7 that look at two or three words at once depend on one word in one
 * place (the token, or a neighbour), with at most the sentence's casing or edge: their scores are
 * added up once per word and remembered, as the table lookups are most of the tagger's time. The
 * model's sums are exact (exactSums), so the scores are the very ones featuresAt's features add
 * up to, in any order.
 */
export function tagWords(words: readonly string[], tagger: FrozenSequenceModel = loadNameModel(), names: NameLexicon = loadLexicon()): string[] {
  return tagger.tagScored(emissionsOf(words, tagger, names), words.length);
}

/** The emission scores of a sentence's tokens (tokens × classes, token after token): those of featuresAt's features. */
export function emissionsOf(words: readonly string[], tagger: FrozenSequenceModel, names: NameLexicon): Float64Array {
  const k = tagger.classes.length;
  const n = words.length;
  const emissions = new Float64Array(n * k);
  const scratch: number[] = [];
  if (!tagger.exactSums) {
    const view = viewOf(words, names);
    for (let i = 0; i < n; i++) tagger.addScores(featuresAt(view, i, scratch), emissions, i * k);
    return emissions;
  }
  const memory = memoryOf(tagger, names);
  const edges = memory.edges;
  const seen = new Array<Remembered>(n);
  for (let i = 0; i < n; i++) seen[i] = remember(words[i]!, memory, tagger, names, scratch);
  const casingRow = (CASING + (sentenceCasing(words) === CASINGS[0] ? 0 : 1)) * k;
  for (let i = 0; i < n; i++) {
    const own = seen[i]!;
    const l2 = i > 1 ? seen[i - 2]! : null;
    const l1 = i > 0 ? seen[i - 1]! : null;
    const r1 = i + 1 < n ? seen[i + 1]! : null;
    const r2 = i + 2 < n ? seen[i + 2]! : null;
    const s = own.scores;
    const l2s = l2 ? l2.scores : edges;
    const l1s = l1 ? l1.scores : edges;
    const r1s = r1 ? r1.scores : edges;
    const r2s = r2 ? r2.scores : edges;
    const firstRow = (i === 0 ? FIRST : NOT_FIRST) * k;
    const lastRow = (i === n - 1 ? EDGE_LAST : EDGE_NOT_LAST) * k;
    const at = i * k;
    for (let c = 0; c < k; c++) {
      emissions[at + c] =
        s[OWN * k + c]! + s[firstRow + c]! + s[casingRow + c]! + edges[lastRow + c]! +
        l2s[PLACES.L2 * k + c]! + l1s[PLACES.L1 * k + c]! + r1s[PLACES.R1 * k + c]! + r2s[PLACES.R2 * k + c]!;
    }
    tagger.addScores(pairFeatures(l2 && l2.h, l1 && l1.h, own.h, r1 && r1.h, scratch), emissions, at);
  }
  return emissions;
}

/** Name spans from BIO tags. */
export function spansOf(tags: readonly string[]): NameSpan[] {
  return spansOfTags<NameType>(tags);
}
