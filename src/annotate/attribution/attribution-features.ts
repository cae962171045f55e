// What the attribution tagger sees at one token of a paragraph: the word, whether it is an
// attribution verb, whether it stands inside quotation marks, how far the nearest attribution
// verb is on either side within the sentence, and the tags already given to its left.
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

/** A rough lemma: irregular forms, then the -s, -ed, -ing endings. */
export function lemmaOf(lower: string): string {
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
  lower: string[];
  shapes: string[];
  isCue: boolean[];
  /** Inside quotation marks (the marks themselves included). */
  quoted: boolean[];
  nextCue: string[];
  prevCue: string[];
}

function distanceBin(d: number): string {
  return d <= 3 ? String(d) : d <= 6 ? '4-6' : d <= 12 ? '7-12' : 'far';
}

export function paragraphView(words: readonly string[]): ParagraphView {
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shapeOf);
  const isCue = lower.map((w) => CUE_LEMMAS.has(lemmaOf(w)));
  const quoted: boolean[] = [];
  let open = false;
  words.forEach((w, i) => {
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
    void i;
  });
  const nextCue: string[] = new Array(words.length).fill('none');
  const prevCue: string[] = new Array(words.length).fill('none');
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    if (SENTENCE_END.test(words[i]!)) last = -1;
    prevCue[i] = last < 0 ? 'none' : distanceBin(i - last);
    if (isCue[i]) last = i;
  }
  last = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (SENTENCE_END.test(words[i]!)) last = -1;
    nextCue[i] = last < 0 ? 'none' : distanceBin(last - i);
    if (isCue[i]) last = i;
  }
  return { lower, shapes, isCue, quoted, nextCue, prevCue };
}

export function attributionFeatures(v: ParagraphView, i: number, prev: string, prev2: string): string[] {
  const lw = v.lower[i]!;
  const l1 = i > 0 ? v.lower[i - 1]! : '<p>';
  const l2 = i > 1 ? v.lower[i - 2]! : '<p>';
  const r1 = i + 1 < v.lower.length ? v.lower[i + 1]! : '</p>';
  const r2 = i + 2 < v.lower.length ? v.lower[i + 2]! : '</p>';
  const q = v.quoted[i] ? 'q' : 'nq';
  const cue = v.isCue[i] ? 'cue' : 'nocue';
  const sentenceStart = i === 0 || SENTENCE_END.test(v.lower[i - 1]!) ? 'start' : 'mid';
  return [
    'b',
    `lw=${lw}`,
    `lemma=${lemmaOf(lw)}`,
    `sh=${v.shapes[i]}`,
    `s3=${lw.slice(-3)}`,
    `l1=${l1}`,
    `l2=${l2}`,
    `r1=${r1}`,
    `r2=${r2}`,
    `l1,lw=${l1},${lw}`,
    `lw,r1=${lw},${r1}`,
    `q=${q}`,
    `q,t-1=${q},${prev}`,
    `q-1,q=${i > 0 && v.quoted[i - 1] ? 'q' : 'nq'},${q}`,
    `cue=${cue}`,
    `cue,t-1=${cue},${prev}`,
    `cue-1=${i > 0 && v.isCue[i - 1] ? 'cue' : 'nocue'}`,
    `cue+1=${i + 1 < v.isCue.length && v.isCue[i + 1] ? 'cue' : 'nocue'}`,
    `next=${v.nextCue[i]}`,
    `prev=${v.prevCue[i]}`,
    `next,prev,q=${v.nextCue[i]},${v.prevCue[i]},${q}`,
    `pron=${PRONOUNS.has(lw)}`,
    `pos=${sentenceStart}`,
    `t-1=${prev}`,
    `t-2,t-1=${prev2},${prev}`,
    `t-1,lw=${prev},${lw}`,
    `t-1,next=${prev},${v.nextCue[i]}`,
    `t-1,prev=${prev},${v.prevCue[i]}`,
  ];
}
