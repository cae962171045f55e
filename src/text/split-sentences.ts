// Sentence boundaries inside one block of text, as offsets. Rule-based: a boundary is terminal
// punctuation, any closing quotes or brackets, white space and a plausible sentence start,
// unless the word before the full stop is an abbreviation, an initial or a number's label.

export interface SpanRange {
  start: number;
  end: number;
}

/** Titles and labels after which a full stop never ends a sentence ("Gen. Smith", "Dr. Ruiz"). */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'sen', 'sens', 'rep', 'reps', 'gov', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'cpl',
  'pvt', 'rev', 'fr', 'hon', 'pres', 'supt', 'det', 'insp', 'atty', 'amb', 'messrs', 'mme', 'mlle', 'mt', 'ft', 'vs', 'cf', 'approx',
  'dept', 'univ', 'assn', 'hwy', 'apt', 'gov', 'e.g', 'i.e', 'viz', 'al',
]);
/** Labels of a number or a date ("No. 5", "Jan. 20"): an abbreviation only when a digit follows. */
const NUMBER_LABELS = new Set([
  'no', 'nos', 'vol', 'vols', 'p', 'pp', 'fig', 'figs', 'art', 'ch', 'sec', 'para', 'ed', 'op',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);
/** Abbreviations that often end a sentence as well: a boundary only when a typical opener follows. */
const AMBIGUOUS = new Set([
  'inc', 'ltd', 'co', 'corp', 'llc', 'plc', 'etc', 'am', 'pm', 'a.m', 'p.m', 'jr', 'sr', 'bros', 'st', 'ave', 'blvd', 'rd', 'est',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky', 'la', 'md', 'mass', 'mich', 'minn',
  'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'penn', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
]);
/** Words that open sentences; after an ambiguous abbreviation they signal a boundary. */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'but', 'and', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'in', 'on', 'at', 'this', 'that', 'these', 'those', 'there',
  'his', 'her', 'its', 'their', 'our', 'if', 'when', 'while', 'after', 'before', 'as', 'so', 'yet', 'however', 'meanwhile', 'still', 'also',
  'for', 'since', 'although', 'though', 'what', 'why', 'how', 'who', 'where', 'some', 'many', 'most', 'no', 'now', 'then', 'officials', 'one',
]);

/** Asides in parentheses longer than this are not held together. */
const MAX_PARENTHESIS_CHARS = 200;

const TERMINAL = /[.!?…]/;
const CLOSERS = /["”’')\]»]/;
const OPENERS = /["“‘'(\[«¿¡]/;

/** Sentences of `text[start, end)`, trimmed, tiling it but for the white space between them. */
export function splitSentences(text: string, start = 0, end = text.length): SpanRange[] {
  const spans: SpanRange[] = [];
  let sentenceStart = skipSpace(text, start, end);
  let depth = 0;
  let parenStart = 0;
  for (let i = sentenceStart; i < end; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') {
      if (depth === 0) parenStart = i;
      depth++;
    }
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (!TERMINAL.test(ch)) continue;
    let j = i + 1;
    while (j < end && TERMINAL.test(text[j]!)) j++;
    let closeParens = 0;
    while (j < end && CLOSERS.test(text[j]!)) {
      if (text[j] === ')' || text[j] === ']') closeParens++;
      j++;
    }
    if (j < end && !/\s/.test(text[j]!)) continue;
    const next = skipSpace(text, j, end);
    if (next >= end) break;
    // a parenthesis never closed within reach is a typo, not a long aside
    if (depth - closeParens > 0 && i - parenStart < MAX_PARENTHESIS_CHARS) continue;
    if (!isBoundary(text, sentenceStart, i, next, end)) continue;
    if (closeParens) depth = Math.max(0, depth - closeParens);
    spans.push({ start: sentenceStart, end: j });
    sentenceStart = next;
    i = next - 1;
    depth = 0;
  }
  const last = trimEnd(text, sentenceStart, end);
  if (last > sentenceStart) spans.push({ start: sentenceStart, end: last });
  return spans;
}

function isBoundary(text: string, sentenceStart: number, stop: number, next: number, end: number): boolean {
  const nextChar = text[next]!;
  const nextWord = wordAt(text, next, end);
  const startsLikeSentence = /[\p{Lu}\d]/u.test(nextChar) || OPENERS.test(nextChar);
  if (!startsLikeSentence) return false;
  if (text[stop] !== '.') return true;
  const before = wordBefore(text, sentenceStart, stop);
  const lower = before.toLowerCase();
  if (before === '') return true;
  // an initial ("John F. Kennedy") or a dotted acronym ("U.S."): a boundary only before an opener
  if (/^\p{Lu}$/u.test(before) || /^(\p{L}\.)+\p{L}$/u.test(before)) {
    return SENTENCE_OPENERS.has(nextWord.toLowerCase()) && /^\p{Lu}\p{Ll}/u.test(nextWord);
  }
  if (TITLES.has(lower)) return false;
  if (NUMBER_LABELS.has(lower) && /\d/.test(nextChar)) return false;
  // lower-case "ill", "wash", "am" are words; only their capitalised or dotted forms are abbreviations
  if (AMBIGUOUS.has(lower) && (/^\p{Lu}/u.test(before) || before.includes('.') || lower === 'etc')) {
    return SENTENCE_OPENERS.has(nextWord.toLowerCase());
  }
  return true;
}

/** The word ending just before `stop` (letters and inner dots), without the final dot. */
function wordBefore(text: string, from: number, stop: number): string {
  let k = stop;
  while (k > from && /[\p{L}\p{N}.]/u.test(text[k - 1]!)) k--;
  return text.slice(k, stop).replace(/^\.+/, '');
}

function wordAt(text: string, from: number, end: number): string {
  let k = from;
  while (k < end && OPENERS.test(text[k]!)) k++;
  const s = k;
  while (k < end && /[\p{L}\p{N}'’-]/u.test(text[k]!)) k++;
  return text.slice(s, k);
}

function skipSpace(text: string, from: number, end: number): number {
  let k = from;
  while (k < end && /\s/.test(text[k]!)) k++;
  return k;
}

function trimEnd(text: string, from: number, end: number): number {
  let k = end;
  while (k > from && /\s/.test(text[k - 1]!)) k--;
  return k;
}
