// The features the named-entity tagger sees at one token: the word and its shape, affixes, the
// words and shapes around it and the tags it has already given to the left. Shared by training
// (scripts/train-ner.ts) and tagging, so that both see exactly the same thing.
import { feature, hashOf, hashString } from '../feature-hash.ts';
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

export interface SentenceView {
  words: readonly string[];
  /** Hashes of each token's word, lower-case word, affixes, shape and gazetteer classes. */
  h: { word: Int32Array; lower: Int32Array; p3: Int32Array; s3: Int32Array; s2: Int32Array; shape: Int32Array; gaz: Int32Array };
}

/** Name lists by lower-case word, built from compromise's lexicon by scripts/build-gazetteer.ts. */
export type Gazetteer = ReadonlyMap<string, string>;

/** Typographic quotes and apostrophes as the straight ones the training text uses. */
function plainPunctuation(word: string): string {
  return word.replace(/[’‘‛`]/g, "'").replace(/[“”„]/g, '"');
}

/** A word's hashes, by slot. */
const WORD = 0, LOWER = 1, P3 = 2, S3 = 3, S2 = 4, SHAPE = 5, GAZ = 6;
/** Words remembered with their hashes, per gazetteer; past this the memory starts over. */
const MAX_REMEMBERED = 100000;
const remembered = new WeakMap<Gazetteer, Map<string, Int32Array>>();

function wordHashes(word: string, gazetteer: Gazetteer): Int32Array {
  let memo = remembered.get(gazetteer);
  if (!memo) {
    memo = new Map();
    remembered.set(gazetteer, memo);
  }
  let h = memo.get(word);
  if (h) return h;
  const plain = plainPunctuation(word);
  const lower = plain.toLowerCase();
  const gaz = gazetteer.get(lower) ?? (TITLE_WORDS.has(lower.replace(/\.$/, '')) ? 'title' : '-');
  h = Int32Array.of(hashString(plain), hashString(lower), hashString(lower.slice(0, 3)), hashString(lower.slice(-3)), hashString(lower.slice(-2)), hashString(shapeOf(plain)), hashOf(gaz));
  if (memo.size >= MAX_REMEMBERED) memo.clear();
  memo.set(word, h);
  return h;
}

export function viewOf(words: readonly string[], gazetteer: Gazetteer): SentenceView {
  const n = words.length;
  const h = { word: new Int32Array(n), lower: new Int32Array(n), p3: new Int32Array(n), s3: new Int32Array(n), s2: new Int32Array(n), shape: new Int32Array(n), gaz: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const w = wordHashes(words[i]!, gazetteer);
    h.word[i] = w[WORD]!;
    h.lower[i] = w[LOWER]!;
    h.p3[i] = w[P3]!;
    h.s3[i] = w[S3]!;
    h.s2[i] = w[S2]!;
    h.shape[i] = w[SHAPE]!;
    h.gaz[i] = w[GAZ]!;
  }
  return { words, h };
}

export function gazetteerFrom(json: { entries: Record<string, string[]> }): Gazetteer {
  const map = new Map<string, string>();
  for (const [word, classes] of Object.entries(json.entries)) {
    map.set(word, TITLE_WORDS.has(word) ? [...classes, 'title'].join('+') : classes.join('+'));
  }
  return map;
}

const START = hashString('<s>');
const END = hashString('</s>');

/** Feature templates: each number stands for one kind of feature. */
const T = { Bias: 1, Word: 2, Lower: 3, P3: 4, S3: 5, S2: 6, Shape: 7, L1: 8, L2: 9, R1: 10, R2: 11, ShapeL1: 12, ShapeR1: 13, Shapes3: 14, L1Lower: 15, LowerR1: 16, Tag1: 17, Tags2: 18, Tag1Lower: 19, Tag1Shape: 20, Position: 21, Gaz: 22, GazL1: 23, GazR1: 24, GazShape: 25 } as const;

/** Features at token i (as hashes), given the two tags already chosen to its left. */
export function featuresAt(s: SentenceView, i: number, prev: string, prev2: string): number[] {
  const h = s.h;
  const n = s.words.length;
  const lw = h.lower[i]!;
  const sh = h.shape[i]!;
  const l1 = i > 0 ? h.lower[i - 1]! : START;
  const r1 = i + 1 < n ? h.lower[i + 1]! : END;
  const sh1 = i > 0 ? h.shape[i - 1]! : START;
  const shr = i + 1 < n ? h.shape[i + 1]! : END;
  const t1 = hashOf(prev);
  const g = h.gaz[i]!;
  return [
    feature(T.Bias, 0),
    feature(T.Word, h.word[i]!),
    feature(T.Lower, lw),
    feature(T.P3, h.p3[i]!),
    feature(T.S3, h.s3[i]!),
    feature(T.S2, h.s2[i]!),
    feature(T.Shape, sh),
    feature(T.L1, l1),
    feature(T.L2, i > 1 ? h.lower[i - 2]! : START),
    feature(T.R1, r1),
    feature(T.R2, i + 2 < n ? h.lower[i + 2]! : END),
    feature(T.ShapeL1, sh1),
    feature(T.ShapeR1, shr),
    feature(T.Shapes3, sh1, sh, shr),
    feature(T.L1Lower, l1, lw),
    feature(T.LowerR1, lw, r1),
    feature(T.Tag1, t1),
    feature(T.Tags2, hashOf(prev2), t1),
    feature(T.Tag1Lower, t1, lw),
    feature(T.Tag1Shape, t1, sh),
    feature(T.Position, i === 0 ? 1 : 0),
    feature(T.Gaz, g),
    feature(T.GazL1, i > 0 ? h.gaz[i - 1]! : START),
    feature(T.GazR1, i + 1 < n ? h.gaz[i + 1]! : END),
    feature(T.GazShape, g, sh),
  ];
}
