// The features the named-entity tagger sees at one token: the word and its shape, affixes, the
// words and shapes around it and the tags it has already given to the left. Shared by training
// (scripts/train-ner.ts) and tagging, so that both see exactly the same thing.
import { TITLE_WORDS } from './ner-tags.ts';

/** Word shape: X for upper case, x for lower, d for digits, other characters kept, runs cut to two. */
export function shapeOf(word: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 2) shape += c;
  }
  return shape;
}

export interface SentenceView {
  words: readonly string[];
  lower: readonly string[];
  shapes: readonly string[];
  /** Gazetteer classes of each word ("first", "place", "org-part"…), joined, or "-". */
  gazetteer: readonly string[];
}

/** Name lists by lower-case word, built from compromise's lexicon by scripts/build-gazetteer.ts. */
export type Gazetteer = ReadonlyMap<string, string>;

/** Typographic quotes and apostrophes as the straight ones the training text uses. */
function plainPunctuation(word: string): string {
  return word.replace(/[’‘‛`]/g, "'").replace(/[“”„]/g, '"');
}

export function viewOf(rawWords: readonly string[], gazetteer: Gazetteer): SentenceView {
  const words = rawWords.map(plainPunctuation);
  const lower = words.map((w) => w.toLowerCase());
  return {
    words,
    lower,
    shapes: words.map(shapeOf),
    gazetteer: lower.map((w) => gazetteer.get(w) ?? (TITLE_WORDS.has(w.replace(/\.$/, '')) ? 'title' : '-')),
  };
}

export function gazetteerFrom(json: { entries: Record<string, string[]> }): Gazetteer {
  const map = new Map<string, string>();
  for (const [word, classes] of Object.entries(json.entries)) {
    map.set(word, TITLE_WORDS.has(word) ? [...classes, 'title'].join('+') : classes.join('+'));
  }
  return map;
}

const START = '<s>';
const END = '</s>';

/** Feature strings at token i, given the two tags already chosen to its left. */
export function featuresAt(s: SentenceView, i: number, prev: string, prev2: string): string[] {
  const w = s.words[i]!;
  const lw = s.lower[i]!;
  const sh = s.shapes[i]!;
  const l1 = i > 0 ? s.lower[i - 1]! : START;
  const l2 = i > 1 ? s.lower[i - 2]! : START;
  const r1 = i + 1 < s.words.length ? s.lower[i + 1]! : END;
  const r2 = i + 2 < s.words.length ? s.lower[i + 2]! : END;
  const sh1 = i > 0 ? s.shapes[i - 1]! : START;
  const shr = i + 1 < s.words.length ? s.shapes[i + 1]! : END;
  return [
    'b',
    `w=${w}`,
    `lw=${lw}`,
    `p3=${lw.slice(0, 3)}`,
    `s3=${lw.slice(-3)}`,
    `s2=${lw.slice(-2)}`,
    `sh=${sh}`,
    `l1=${l1}`,
    `l2=${l2}`,
    `r1=${r1}`,
    `r2=${r2}`,
    `sh-1=${sh1}`,
    `sh+1=${shr}`,
    `sh-1,sh,sh+1=${sh1},${sh},${shr}`,
    `l1,lw=${l1},${lw}`,
    `lw,r1=${lw},${r1}`,
    `t-1=${prev}`,
    `t-2,t-1=${prev2},${prev}`,
    `t-1,lw=${prev},${lw}`,
    `t-1,sh=${prev},${sh}`,
    i === 0 ? 'first' : 'inner',
    `g=${s.gazetteer[i]}`,
    `g-1=${i > 0 ? s.gazetteer[i - 1] : START}`,
    `g+1=${i + 1 < s.words.length ? s.gazetteer[i + 1] : END}`,
    `g,sh=${s.gazetteer[i]},${sh}`,
  ];
}
