// What the attribution tagger sees at one token of a paragraph: the word, whether it is an
// attribution verb, whether it stands inside quotation marks, how far the nearest attribution
// verb is on either side within the sentence, and the tags already given to its left.
import { feature, hashOf, hashString } from '../feature-hash.ts';
import { shapeOf } from '../ner/ner-features.ts';

/** Verbs and phrases that introduce what someone said, thought or wrote, by lemma. */
const CUE_LEMMAS = new Set([
  'say', 'tell', 'add', 'state', 'claim', 'argue', 'note', 'explain', 'insist', 'warn', 'write', 'report', 'announce', 'deny',
  'confirm', 'admit', 'acknowledge', 'suggest', 'believe', 'think', 'want', 'fear', 'hope', 'expect', 'predict', 'ask', 'reply',
  'respond', 'tweet', 'according', 'accuse', 'allege', 'assert', 'contend', 'declare', 'describe', 'emphasize', 'estimate', 'indicate',
  'maintain', 'mention', 'observe', 'point', 'promise', 'recall', 'remark', 'reveal', 'show', 'stress', 'testify', 'urge', 'vow',
  'call', 'criticize', 'blame', 'praise', 'question', 'demand', 'boast', 'concede', 'counter', 'joke', 'quip', 'recount', 'post',
  'feel', 'know', 'worry', 'doubt', 'agree', 'disagree', 'plan', 'intend', 'decide', 'signal', 'hint', 'charge', 'complain',
]);
const IRREGULAR: Record<string, string> = {
  said: 'say', says: 'say', told: 'tell', tells: 'tell', wrote: 'write', written: 'write', thought: 'think', thinks: 'think',
  knew: 'know', known: 'know', felt: 'feel', according: 'according', shown: 'show',
};

const lemmas = new Map<string, string>();
/** Words remembered with their lemma; past this the memory starts over. */
const MAX_REMEMBERED = 50000;

/** A rough lemma: irregular forms, then the -s, -ed, -ing endings (remembered per word). */
export function lemmaOf(lower: string): string {
  let lemma = lemmas.get(lower);
  if (lemma === undefined) {
    if (lemmas.size >= MAX_REMEMBERED) lemmas.clear();
    lemma = findLemma(lower);
    lemmas.set(lower, lemma);
  }
  return lemma;
}

function findLemma(lower: string): string {
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  for (const [suffix, replacement] of [['ies', 'y'], ['ied', 'y'], ['ing', ''], ['ed', ''], ['es', ''], ['s', '']] as const) {
    if (lower.length > suffix.length + 2 && lower.endsWith(suffix)) {
      const stem = lower.slice(0, -suffix.length) + replacement;
      if (CUE_LEMMAS.has(stem)) return stem;
      if (CUE_LEMMAS.has(`${stem}e`)) return `${stem}e`;
    }
  }
  return lower;
}

const OPEN_QUOTES = new Set(['“', '‘', '«']);
const CLOSE_QUOTES = new Set(['”', '’', '»']);
const SENTENCE_END = /^[.!?]$/;
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you']);

export interface ParagraphView {
  isCue: boolean[];
  /** Inside quotation marks (the marks themselves included). */
  quoted: boolean[];
  sentenceStart: boolean[];
  /** Hashes of each token's lower-case word, lemma, shape, ending and cue distances. */
  h: { lower: Int32Array; lemma: Int32Array; shape: Int32Array; s3: Int32Array; next: Int32Array; prev: Int32Array };
  pronoun: boolean[];
}

function distanceBin(d: number): string {
  return d <= 3 ? String(d) : d <= 6 ? '4-6' : d <= 12 ? '7-12' : 'far';
}

/** Hashes of the distance bins, by distance up to 13 (13 stands for every distance past 12); then of no cue. */
const BIN_HASHES = Array.from({ length: 14 }, (_, d) => hashOf(distanceBin(d)));
const NO_CUE = hashOf('none');

/** The hash of a distance's bin, or of no cue (a negative distance), without building its name. */
function binHash(d: number): number {
  return d < 0 ? NO_CUE : BIN_HASHES[Math.min(d, 13)]!;
}

interface WordFacts {
  lower: number;
  lemma: number;
  shape: number;
  s3: number;
  cue: boolean;
  pronoun: boolean;
}

const facts = new Map<string, WordFacts>();

/** What a word says by itself, remembered per word (the memory starts over past MAX_REMEMBERED). */
function factsOf(word: string): WordFacts {
  let f = facts.get(word);
  if (f) return f;
  const lower = word.toLowerCase();
  const lemma = lemmaOf(lower);
  f = { lower: hashString(lower), lemma: hashString(lemma), shape: hashString(shapeOf(word)), s3: hashString(lower.slice(-3)), cue: CUE_LEMMAS.has(lemma), pronoun: PRONOUNS.has(lower) };
  if (facts.size >= MAX_REMEMBERED) facts.clear();
  facts.set(word, f);
  return f;
}

export function paragraphView(words: readonly string[]): ParagraphView {
  const n = words.length;
  const wf = words.map(factsOf);
  const isCue = wf.map((f) => f.cue);
  const quoted: boolean[] = [];
  let open = false;
  for (const w of words) {
    if (OPEN_QUOTES.has(w) && w !== '’') {
      open = true;
      quoted.push(true);
    } else if (CLOSE_QUOTES.has(w) && (w !== '’' || open)) {
      quoted.push(open);
      open = false;
    } else if (w === '"') {
      quoted.push(true);
      open = !open;
    } else quoted.push(open);
  }
  const ends = words.map((w) => SENTENCE_END.test(w));
  const next = new Int32Array(n);
  const prev = new Int32Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (ends[i]) last = -1;
    prev[i] = binHash(last < 0 ? -1 : i - last);
    if (isCue[i]) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (ends[i]) last = -1;
    next[i] = binHash(last < 0 ? -1 : last - i);
    if (isCue[i]) last = i;
  }
  return {
    isCue,
    quoted,
    sentenceStart: words.map((_, i) => i === 0 || ends[i - 1]!),
    h: {
      lower: Int32Array.from(wf, (f) => f.lower),
      lemma: Int32Array.from(wf, (f) => f.lemma),
      shape: Int32Array.from(wf, (f) => f.shape),
      s3: Int32Array.from(wf, (f) => f.s3),
      next,
      prev,
    },
    pronoun: wf.map((f) => f.pronoun),
  };
}

const P_START = hashString('<p>');
const P_END = hashString('</p>');

/** Feature templates: each number stands for one kind of feature. */
const T = {
  Bias: 1, Lower: 2, Lemma: 3, Shape: 4, S3: 5, L1: 6, L2: 7, R1: 8, R2: 9, L1Lower: 10, LowerR1: 11, Quoted: 12, QuotedTag: 13,
  QuotedPair: 14, Cue: 15, CueTag: 16, CueL1: 17, CueR1: 18, Next: 19, Prev: 20, NextPrevQuoted: 21, Pronoun: 22, Position: 23,
  Tag1: 24, Tags2: 25, Tag1Lower: 26, Tag1Next: 27, Tag1Prev: 28,
} as const;

export function attributionFeatures(v: ParagraphView, i: number, prev: string, prev2: string): number[] {
  const out = tagFreeFeatures(v, i, []);
  out.push(...tagHistoryFeatures(v, i, prev, prev2, []));
  return out;
}

/** The features of a token that do not look at tags, written into `out` (emptied first). */
function tagFreeFeatures(v: ParagraphView, i: number, out: number[]): number[] {
  const h = v.h;
  const n = v.isCue.length;
  const lw = h.lower[i]!;
  const l1 = i > 0 ? h.lower[i - 1]! : P_START;
  const r1 = i + 1 < n ? h.lower[i + 1]! : P_END;
  const q = v.quoted[i] ? 1 : 0;
  const cue = v.isCue[i] ? 1 : 0;
  out.length = 0;
  out.push(
    feature(T.Bias, 0),
    feature(T.Lower, lw),
    feature(T.Lemma, h.lemma[i]!),
    feature(T.Shape, h.shape[i]!),
    feature(T.S3, h.s3[i]!),
    feature(T.L1, l1),
    feature(T.L2, i > 1 ? h.lower[i - 2]! : P_START),
    feature(T.R1, r1),
    feature(T.R2, i + 2 < n ? h.lower[i + 2]! : P_END),
    feature(T.L1Lower, l1, lw),
    feature(T.LowerR1, lw, r1),
    feature(T.Quoted, q),
    feature(T.QuotedPair, i > 0 && v.quoted[i - 1] ? 1 : 0, q),
    feature(T.Cue, cue),
    feature(T.CueL1, i > 0 && v.isCue[i - 1] ? 1 : 0),
    feature(T.CueR1, i + 1 < n && v.isCue[i + 1] ? 1 : 0),
    feature(T.Next, h.next[i]!),
    feature(T.Prev, h.prev[i]!),
    feature(T.NextPrevQuoted, h.next[i]!, h.prev[i]!, q),
    feature(T.Pronoun, v.pronoun[i] ? 1 : 0),
    feature(T.Position, v.sentenceStart[i] ? 1 : 0),
  );
  return out;
}

/** Templates of the emission features that conjoin what a tag history used to carry. */
const E = { QuotedCue: 40, ShapeL1: 41, ShapeR1: 42, NextQuoted: 43, PrevQuoted: 44, LowerNext: 45, LowerPrev: 46, QuoteEdge: 47 } as const;

/**
 * What the structured (Viterbi) attribution tagger sees at one token: the tag-free features, and
 * conjunctions that stand in for the tag features (a cue inside a quotation, the shapes beside the
 * word, the word with its distance to the nearest cue, the edge of a quotation); the tags
 * themselves are scored through the transitions. Written into `out` (emptied first).
 */
export function attributionEmissions(v: ParagraphView, i: number, out: number[]): number[] {
  tagFreeFeatures(v, i, out);
  const h = v.h;
  const n = v.isCue.length;
  const q = v.quoted[i] ? 1 : 0;
  out.push(
    feature(E.QuotedCue, q, v.isCue[i] ? 1 : 0),
    feature(E.ShapeL1, i > 0 ? h.shape[i - 1]! : P_START, h.shape[i]!),
    feature(E.ShapeR1, h.shape[i]!, i + 1 < n ? h.shape[i + 1]! : P_END),
    feature(E.NextQuoted, h.next[i]!, q),
    feature(E.PrevQuoted, h.prev[i]!, q),
    feature(E.LowerNext, h.lower[i]!, h.next[i]!),
    feature(E.LowerPrev, h.lower[i]!, h.prev[i]!),
    feature(E.QuoteEdge, i > 0 && v.quoted[i - 1] ? 1 : 0, q, i + 1 < n && v.quoted[i + 1] ? 1 : 0),
  );
  return out;
}

// The greedy tagger's features (attributionFeatures) split by what each looks at, so that the
// tagger may add up the scores of those of one word in one place once and remember them
// (tag-attributions.ts): the token's own word, a neighbour one or two tokens away, the rest of
// the paragraph's state at the token, and the tags to its left. Together they are exactly
// attributionFeatures's (test/annotate/tagger-speed.test.ts checks it); training reads that one.

/** The places a word's features are remembered for, relative to the token scored. */
export const WORD_PLACES = { L2: 0, L1: 1, R1: 2, R2: 3 } as const;
export type WordPlace = (typeof WORD_PLACES)[keyof typeof WORD_PLACES];

/** The features of a token that look at its own word only, written into `out` (emptied first). */
export function ownWordFeatures(word: string, out: number[]): number[] {
  const f = factsOf(word);
  out.length = 0;
  out.push(
    feature(T.Bias, 0),
    feature(T.Lower, f.lower),
    feature(T.Lemma, f.lemma),
    feature(T.Shape, f.shape),
    feature(T.S3, f.s3),
    feature(T.Cue, f.cue ? 1 : 0),
    feature(T.Pronoun, f.pronoun ? 1 : 0),
  );
  return out;
}

/** The features of a token that look only at the word at `place` from it (null past the paragraph's edge), written into `out` (emptied first). */
export function placeWordFeatures(word: string | null, place: WordPlace, out: number[]): number[] {
  const f = word === null ? null : factsOf(word);
  const left = place === WORD_PLACES.L1 || place === WORD_PLACES.L2;
  const lower = f ? f.lower : left ? P_START : P_END;
  out.length = 0;
  if (place === WORD_PLACES.L1) out.push(feature(T.L1, lower), feature(T.CueL1, f?.cue ? 1 : 0));
  else if (place === WORD_PLACES.R1) out.push(feature(T.R1, lower), feature(T.CueR1, f?.cue ? 1 : 0));
  else out.push(feature(left ? T.L2 : T.R2, lower));
  return out;
}

/** The tag-free features of token i that look at more than one word or at the paragraph's state there, written into `out` (emptied first). */
export function stateFeatures(v: ParagraphView, i: number, out: number[]): number[] {
  const h = v.h;
  const n = v.isCue.length;
  const lw = h.lower[i]!;
  const q = v.quoted[i] ? 1 : 0;
  out.length = 0;
  out.push(
    feature(T.L1Lower, i > 0 ? h.lower[i - 1]! : P_START, lw),
    feature(T.LowerR1, lw, i + 1 < n ? h.lower[i + 1]! : P_END),
    feature(T.Quoted, q),
    feature(T.QuotedPair, i > 0 && v.quoted[i - 1] ? 1 : 0, q),
    feature(T.Next, h.next[i]!),
    feature(T.Prev, h.prev[i]!),
    feature(T.NextPrevQuoted, h.next[i]!, h.prev[i]!, q),
    feature(T.Position, v.sentenceStart[i] ? 1 : 0),
  );
  return out;
}

/** The features of token i that look at the two tags before it, written into `out` (emptied first). */
export function tagHistoryFeatures(v: ParagraphView, i: number, prev: string, prev2: string, out: number[]): number[] {
  const h = v.h;
  const t1 = hashOf(prev);
  out.length = 0;
  out.push(
    feature(T.QuotedTag, v.quoted[i] ? 1 : 0, t1),
    feature(T.CueTag, v.isCue[i] ? 1 : 0, t1),
    feature(T.Tag1, t1),
    feature(T.Tags2, hashOf(prev2), t1),
    feature(T.Tag1Lower, t1, h.lower[i]!),
    feature(T.Tag1Next, t1, h.next[i]!),
    feature(T.Tag1Prev, t1, h.prev[i]!),
  );
  return out;
}
