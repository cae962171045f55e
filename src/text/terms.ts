// The terms sentences are compared by: lower-case words without function words, stemmed
// (Porter2, `wink-porter2-stemmer`), numbers without their thousands separators; and the
// sentence's numbers and negations on their own, for the contradiction checks.
import stem from 'wink-porter2-stemmer';

/** English function words: they carry no fact of their own. */
export const STOPWORDS = new Set(
  `a an the and or but if then so than that this these those there here of in on at by for with from to into onto over under about
  as is are was were be been being am do does did doing have has had having it its it's he she they them his her their him we us our
  you your i me my mine who whom whose which what when where why how all any both each few more most other some such only own same
  too very can will just should now also would could may might must shall s t ll d re ve m said says say told according
  not no nor never none`.split(/\s+/),
);
const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nor', "n't", 'n’t', 'nobody', 'nothing', 'neither', 'without', 'deny', 'denied', 'denies', 'reject', 'rejected', 'rejects', 'false']);
const WORD = /\p{N}+(?:[.,]\p{N}+)*%?|\p{L}[\p{L}\p{M}'’-]*/gu;

const stemCache = new Map<string, string>();
/**
 * Longer than any English word (the longest in dictionaries has 45 letters): left as it is. The
 * stemmer's cost grows with the square of a word's length, and a page may hold a 100,000-letter
 * "word" (a base64 blob, a hash, junk).
 */
const MAX_STEMMED = 48;

export function stemOf(word: string): string {
  if (word.length > MAX_STEMMED) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

export interface Terms {
  /** Stems of the content words, in order. */
  stems: string[];
  /** Where each stem's word starts in the text. */
  offsets: number[];
  /** Numbers as written, normalised ("10,000" → "10000", "5.5%" → "5.5%"). */
  numbers: string[];
  /** Number words and digits with the stem of the word after them: "six cartels" → "6 cartel". */
  quantities: Array<{ value: number; unit: string }>;
  negated: boolean;
  /** Capitalised words not at the sentence start, lower-cased: the names a sentence is about. */
  names: string[];
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, twenty: 20, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

const MONTH = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)$/i;

export function termsOf(text: string): Terms {
  const stems: string[] = [];
  const offsets: number[] = [];
  const numbers: string[] = [];
  const quantities: Array<{ value: number; unit: string }> = [];
  const names: string[] = [];
  let negated = false;
  const matches = [...text.matchAll(WORD)];
  const words = matches.map((m) => m[0]);
  words.forEach((raw, i) => {
    const at = matches[i]!.index;
    const lower = raw.toLowerCase().replace(/’/g, "'");
    if (NEGATIONS.has(lower) || /n't$/.test(lower)) negated = true;
    if (/^\p{N}/u.test(raw)) {
      const normal = raw.replace(/,(?=\d{3}\b)/g, '');
      numbers.push(normal);
      const value = Number.parseFloat(normal);
      const unit = words[i + 1] && !/^\p{N}/u.test(words[i + 1]!) ? stemOf(words[i + 1]!.toLowerCase()) : '';
      // a day of a date ("September 28", "28 Sept.") counts nothing: dates are compared as dates
      const inDate = MONTH.test(words[i - 1] ?? '') || MONTH.test(words[i + 1] ?? '');
      if (Number.isFinite(value) && !inDate && !(value >= 1900 && value <= 2100 && !unit)) quantities.push({ value, unit });
      stems.push(normal);
      offsets.push(at);
      return;
    }
    if (NUMBER_WORDS[lower] !== undefined && words[i + 1]) {
      quantities.push({ value: NUMBER_WORDS[lower]!, unit: stemOf(words[i + 1]!.toLowerCase()) });
    }
    if (i > 0 && /^\p{Lu}/u.test(raw)) names.push(lower.replace(/'s$/, ''));
    if (STOPWORDS.has(lower) || lower.length < 2) return;
    stems.push(stemOf(lower.replace(/'s$/, '')));
    offsets.push(at);
  });
  return { stems, offsets, numbers, quantities, negated, names };
}
