// The features the named-entity tagger sees at one token: the word, its shape, prefixes and
// suffixes, the words, shapes, name-list classes and word clusters within two tokens either
// side, and where the token stands in the sentence. None looks at tags: the tagger's transitions
// between tags are scored apart (src/annotate/viterbi-tagger.ts). Shared by training
// (scripts/train-ner.ts) and tagging, so that both see exactly the same thing.
import { feature, hashOf, hashString } from '../feature-hash.ts';
import { stemOf } from '../../text/terms.ts';
import { TITLE_WORDS } from './ner-tags.ts';

/** Word shape: X for upper case, x for lower, d for digits, other characters kept, runs cut to two. */
export function shapeOf(word: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    // ASCII by code, the rest of Unicode by property
    const c =
      code < 128
        ? code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : ch
        : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 2) shape += c;
  }
  return shape;
}

/** The shape with every run cut to one ("Xx", "X.X.", "d"): coarser, for the farther neighbours. */
function shortShapeOf(shape: string): string {
  return shape.replace(/(.)\1+/g, '$1');
}

/** Name lists by lower-case word, built from compromise's lexicon by scripts/build-gazetteer.ts. */
export type Gazetteer = ReadonlyMap<string, string>;

/** Word clusters by Porter2 stem, at two granularities (models/ner-clusters.json.gz, scripts/build-ner-clusters.ts). */
export interface Clusters {
  coarse: ReadonlyMap<string, number>;
  fine: ReadonlyMap<string, number>;
}

/** What the features know of words besides the words: name lists and clusters. */
export interface NameLexicon {
  gazetteer: Gazetteer;
  clusters: Clusters | null;
}

export function clustersFrom(json: { sizes: number[]; stems: string[]; ids: number[][] }): Clusters {
  const coarse = new Map<string, number>();
  const fine = new Map<string, number>();
  json.stems.forEach((s, i) => {
    coarse.set(s, json.ids[0]![i]!);
    fine.set(s, json.ids[1]![i]!);
  });
  return { coarse, fine };
}

export interface SentenceView {
  words: readonly string[];
  /** Each token's hashes, `SLOTS` numbers per token (see the slot names below). */
  h: Int32Array;
  /** Hash of the sentence's casing: most words capitalised (a headline, a title-cased line) or not. */
  casing: number;
}

/** Typographic quotes and apostrophes as the straight ones the training text uses. */
function plainPunctuation(word: string): string {
  return word.replace(/[’‘‛`]/g, "'").replace(/[“”„]/g, '"');
}

const START = hashString('<s>');
const END = hashString('</s>');

/** Feature templates: each number stands for one kind of feature. */
const T = {
  Bias: 1, Word: 2, Lower: 3, P2: 4, P3: 5, P4: 6, S2: 7, S3: 8, S4: 9, Shape: 10, Short: 11,
  L1: 12, L2: 13, R1: 14, R2: 15, ShapeL1: 16, ShapeR1: 17, ShortL2: 18, ShortR2: 19, Shapes3: 20, L1Lower: 21, LowerR1: 22,
  L1Shape: 23, ShapeR1Lower: 24, First: 25, Last: 26, Gaz: 27, GazL1: 28, GazR1: 29, GazL2: 30, GazR2: 31, GazShape: 32, GazL1Gaz: 33,
  Coarse: 34, Fine: 35, FineL1: 36, FineR1: 37, CoarseShort: 38, Casing: 39, L2L1: 40,
} as const;

/**
 * A word's hashes, by slot; after them, the features of the word alone (template and hash
 * combined once per word, not once per token: the tagger's hot path).
 */
const WORD = 0, LOWER = 1, P2 = 2, P3 = 3, P4 = 4, S2 = 5, S3 = 6, S4 = 7, SHAPE = 8, SHORT = 9, GAZ = 10, C_COARSE = 11, C_FINE = 12;
const HASHES = 13;
const UNIGRAMS = 15;
const SLOTS = HASHES + UNIGRAMS;
/** Words remembered with their hashes, per lexicon; past this the memory starts over. */
const MAX_REMEMBERED = 100000;
const remembered = new WeakMap<NameLexicon, Map<string, Int32Array>>();
const NONE = hashString('-');

/** A word's hashes and the features of the word alone (`SLOTS` numbers, remembered per lexicon). */
export function wordHashes(word: string, lexicon: NameLexicon): Int32Array {
  let memo = remembered.get(lexicon);
  if (!memo) {
    memo = new Map();
    remembered.set(lexicon, memo);
  }
  let h = memo.get(word);
  if (h) return h;
  const plain = plainPunctuation(word);
  const lower = plain.toLowerCase();
  const gaz = lexicon.gazetteer.get(lower) ?? (TITLE_WORDS.has(lower.replace(/\.$/, '')) ? 'title' : '-');
  const shape = shapeOf(plain);
  const stem = lexicon.clusters && /^\p{L}/u.test(lower) ? stemOf(lower) : '';
  const coarse = stem ? lexicon.clusters!.coarse.get(stem) : undefined;
  const fine = stem ? lexicon.clusters!.fine.get(stem) : undefined;
  h = new Int32Array(SLOTS);
  h.set([
    hashString(plain),
    hashString(lower),
    hashString(lower.slice(0, 2)),
    hashString(lower.slice(0, 3)),
    hashString(lower.slice(0, 4)),
    hashString(lower.slice(-2)),
    hashString(lower.slice(-3)),
    hashString(lower.slice(-4)),
    hashString(shape),
    hashString(shortShapeOf(shape)),
    hashOf(gaz),
    coarse === undefined ? NONE : coarse + 1,
    fine === undefined ? NONE : fine + 1,
  ]);
  h.set(
    [
      feature(T.Bias, 0),
      feature(T.Word, h[WORD]!),
      feature(T.Lower, h[LOWER]!),
      feature(T.P2, h[P2]!),
      feature(T.P3, h[P3]!),
      feature(T.P4, h[P4]!),
      feature(T.S2, h[S2]!),
      feature(T.S3, h[S3]!),
      feature(T.S4, h[S4]!),
      feature(T.Shape, h[SHAPE]!),
      feature(T.Short, h[SHORT]!),
      feature(T.Gaz, h[GAZ]!),
      feature(T.GazShape, h[GAZ]!, h[SHAPE]!),
      feature(T.Coarse, h[C_COARSE]!),
      feature(T.Fine, h[C_FINE]!),
    ],
    HASHES,
  );
  if (memo.size >= MAX_REMEMBERED) memo.clear();
  memo.set(word, h);
  return h;
}

const TITLE_CASED = /^\p{Lu}/u;
const LETTERS = /^\p{L}/u;

export function viewOf(words: readonly string[], lexicon: NameLexicon): SentenceView {
  const n = words.length;
  const h = new Int32Array(n * SLOTS);
  let letters = 0;
  let capitalised = 0;
  for (let i = 0; i < n; i++) {
    h.set(wordHashes(words[i]!, lexicon), i * SLOTS);
    if (LETTERS.test(words[i]!)) {
      letters++;
      if (TITLE_CASED.test(words[i]!)) capitalised++;
    }
  }
  return { words, h, casing: casingOf(letters, capitalised) };
}

/** The hash of a sentence's casing from its count of words with letters and of those capitalised. */
function casingOf(letters: number, capitalised: number): number {
  // a line where nearly every word is capitalised tells less by capitals ("Police Say Suspect Fled")
  return letters >= 4 && capitalised / letters > 0.7 ? CASINGS[1] : CASINGS[0];
}

/** The two casings a sentence may have, as hashes: plain, title-cased. */
export const CASINGS = [hashOf('plain'), hashOf('title-case')] as const;

/** The casing hash of a sentence (SentenceView's `casing`), for a tagger that builds no view. */
export function sentenceCasing(words: readonly string[]): number {
  let letters = 0;
  let capitalised = 0;
  for (const w of words) {
    if (LETTERS.test(w)) {
      letters++;
      if (TITLE_CASED.test(w)) capitalised++;
    }
  }
  return casingOf(letters, capitalised);
}

export function gazetteerFrom(json: { entries: Record<string, string[]> }): Gazetteer {
  const map = new Map<string, string>();
  for (const [word, classes] of Object.entries(json.entries)) {
    map.set(word, TITLE_WORDS.has(word) ? [...classes, 'title'].join('+') : classes.join('+'));
  }
  return map;
}

/** The features of token i's word alone (the same for every occurrence of the word: a tagger may add up their scores once per word). */
export function wordFeaturesAt(s: SentenceView, i: number): Int32Array {
  return s.h.subarray(i * SLOTS + HASHES, (i + 1) * SLOTS);
}

/** The emission features at token i, as hashes, written into `out` (emptied first): the word's own and its context's. */
export function featuresAt(s: SentenceView, i: number, out: number[] = []): number[] {
  contextFeaturesAt(s, i, out);
  for (const f of wordFeaturesAt(s, i)) out.push(f);
  return out;
}

/** The features of token i that look at its neighbours or its place in the sentence, written into `out` (emptied first). */
export function contextFeaturesAt(s: SentenceView, i: number, out: number[]): number[] {
  const h = s.h;
  const n = s.words.length;
  const at = i * SLOTS;
  out.length = 0;
  const hasL1 = i > 0;
  const hasL2 = i > 1;
  const hasR1 = i + 1 < n;
  const hasR2 = i + 2 < n;
  const l1 = at - SLOTS;
  const l2 = at - 2 * SLOTS;
  const r1 = at + SLOTS;
  const r2 = at + 2 * SLOTS;
  const lw = h[at + LOWER]!;
  const sh = h[at + SHAPE]!;
  const short = h[at + SHORT]!;
  const g = h[at + GAZ]!;
  const lowerL1 = hasL1 ? h[l1 + LOWER]! : START;
  const lowerL2 = hasL2 ? h[l2 + LOWER]! : START;
  const lowerR1 = hasR1 ? h[r1 + LOWER]! : END;
  const gazL1 = hasL1 ? h[l1 + GAZ]! : START;
  out.push(
    feature(T.L1, lowerL1),
    feature(T.L2, lowerL2),
    feature(T.R1, lowerR1),
    feature(T.R2, hasR2 ? h[r2 + LOWER]! : END),
    feature(T.ShapeL1, hasL1 ? h[l1 + SHAPE]! : START),
    feature(T.ShapeR1, hasR1 ? h[r1 + SHAPE]! : END),
    feature(T.ShortL2, hasL2 ? h[l2 + SHORT]! : START),
    feature(T.ShortR2, hasR2 ? h[r2 + SHORT]! : END),
    feature(T.Shapes3, hasL1 ? h[l1 + SHORT]! : START, short, hasR1 ? h[r1 + SHORT]! : END),
    feature(T.L1Lower, lowerL1, lw),
    feature(T.LowerR1, lw, lowerR1),
    feature(T.L1Shape, lowerL1, sh),
    feature(T.ShapeR1Lower, sh, lowerR1),
    feature(T.First, i === 0 ? 1 : 0, short),
    feature(T.Last, i === n - 1 ? 1 : 0),
    feature(T.GazL1, gazL1),
    feature(T.GazR1, hasR1 ? h[r1 + GAZ]! : END),
    feature(T.GazL2, hasL2 ? h[l2 + GAZ]! : START),
    feature(T.GazR2, hasR2 ? h[r2 + GAZ]! : END),
    feature(T.GazL1Gaz, gazL1, g),
    feature(T.FineL1, hasL1 ? h[l1 + C_FINE]! : START),
    feature(T.FineR1, hasR1 ? h[r1 + C_FINE]! : END),
    feature(T.CoarseShort, h[at + C_COARSE]!, short),
    feature(T.Casing, s.casing, short),
    feature(T.L2L1, lowerL2, lowerL1),
  );
  return out;
}

// The same features as featuresAt, split by what each looks at, so that a tagger may add up the
// scores of the ones that recur once and remember them (src/annotate/ner/tag-names.ts): those of
// one word in one place (the token itself, or a neighbour one or two tokens to its left or right),
// and the few that look at two or three words at once. Together they are exactly featuresAt's
// (test/annotate/tagger-speed.test.ts checks it); training reads featuresAt, whose order it needs.

/** The places a word's features are remembered for, relative to the token scored. */
export const PLACES = { L2: 0, L1: 1, R1: 2, R2: 3 } as const;
export type Place = (typeof PLACES)[keyof typeof PLACES];

/**
 * The features of token i that look only at the word at `place` from it (`w`: that word's
 * hashes, null past the sentence's edge), written into `out` (emptied first).
 */
export function placeFeatures(w: Int32Array | null, place: Place, out: number[]): number[] {
  out.length = 0;
  const left = place === PLACES.L1 || place === PLACES.L2;
  const edge = left ? START : END;
  const lower = w ? w[LOWER]! : edge;
  const gaz = w ? w[GAZ]! : edge;
  if (place === PLACES.L1 || place === PLACES.R1) {
    const near = place === PLACES.L1;
    out.push(
      feature(near ? T.L1 : T.R1, lower),
      feature(near ? T.ShapeL1 : T.ShapeR1, w ? w[SHAPE]! : edge),
      feature(near ? T.GazL1 : T.GazR1, gaz),
      feature(near ? T.FineL1 : T.FineR1, w ? w[C_FINE]! : edge),
    );
  } else {
    const far = place === PLACES.L2;
    out.push(feature(far ? T.L2 : T.R2, lower), feature(far ? T.ShortL2 : T.ShortR2, w ? w[SHORT]! : edge), feature(far ? T.GazL2 : T.GazR2, gaz));
  }
  return out;
}

/** The features of a token that look at its own word only, wherever it stands: the word's (wordFeaturesAt) and its cluster with its shape. */
export function ownFeatures(w: Int32Array, out: number[]): number[] {
  out.length = 0;
  for (let s = HASHES; s < SLOTS; s++) out.push(w[s]!);
  out.push(feature(T.CoarseShort, w[C_COARSE]!, w[SHORT]!));
  return out;
}

/** The feature of a token's word and whether it opens the sentence. */
export function firstFeature(w: Int32Array, first: boolean): number {
  return feature(T.First, first ? 1 : 0, w[SHORT]!);
}

/** The feature of a token's word and the sentence's casing (sentenceCasing). */
export function casingFeature(w: Int32Array, casing: number): number {
  return feature(T.Casing, casing, w[SHORT]!);
}

/** The feature of whether a token closes the sentence. */
export function lastFeature(last: boolean): number {
  return feature(T.Last, last ? 1 : 0);
}

/**
 * The features of a token that look at two or three words at once (each word's hashes, null past
 * the sentence's edge), written into `out` (emptied first).
 */
export function pairFeatures(l2: Int32Array | null, l1: Int32Array | null, w: Int32Array, r1: Int32Array | null, out: number[]): number[] {
  out.length = 0;
  const lw = w[LOWER]!;
  const sh = w[SHAPE]!;
  const lowerL1 = l1 ? l1[LOWER]! : START;
  const lowerR1 = r1 ? r1[LOWER]! : END;
  out.push(
    feature(T.Shapes3, l1 ? l1[SHORT]! : START, w[SHORT]!, r1 ? r1[SHORT]! : END),
    feature(T.L1Lower, lowerL1, lw),
    feature(T.LowerR1, lw, lowerR1),
    feature(T.L1Shape, lowerL1, sh),
    feature(T.ShapeR1Lower, sh, lowerR1),
    feature(T.GazL1Gaz, l1 ? l1[GAZ]! : START, w[GAZ]!),
    feature(T.L2L1, l2 ? l2[LOWER]! : START, lowerL1),
  );
  return out;
}
