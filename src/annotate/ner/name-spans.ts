// Rules of general English over the tagger's spans, so that a name never swallows a verb, a date
// or a byline: a span is cut at a lower-case word that cannot stand inside a name ("County
// Police Department confirmed Thursday"), loses weekdays and dated months at its edges, and a
// person signing a "By …" line is a person, not a place.

/** Lower-case words that do stand inside names ("Department of Health and Human Services", "Ludwig van Beethoven", "Osama bin Laden"). */
const NAME_INNER_WORDS = new Set([
  'of', 'the', 'and', 'for', 'on', 'upon', 'at', 'in', 'to', 'a', 'an', 'de', 'del', 'della', 'der', 'den', 'des', 'di', 'da', 'do', 'dos',
  'du', 'la', 'le', 'les', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'und', 'et', 'zu', 'ter', 'ten', 'af',
]);
/** A lower-case word (no capital, no digit): a verb, a noun, an adverb, unless it is one of the words above. */
const LOWER_WORD = /^\p{Ll}[\p{Ll}\p{M}'’-]*$/u;
/** Marks no name runs over: a list's commas, quotation marks, dashes, brackets ("Maria Lopez “It …"). */
const NAME_BREAK = /^[,;:“”"«»―—–()[\]]$/;

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon.', 'tue.', 'tues.', 'wed.', 'thu.', 'thurs.', 'fri.', 'sat.', 'sun.']);
const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
]);
/** Words before a month that make it a date ("in May", "since March", "last June"). */
const BEFORE_A_DATE = new Set(['in', 'since', 'until', 'till', 'by', 'last', 'next', 'early', 'late', 'mid', 'this', 'from', 'through', 'during', 'of', 'on', 'before', 'after']);
const NUMBER = /^\p{N}/u;

export function breaksName(word: string): boolean {
  return NAME_BREAK.test(word) || (LOWER_WORD.test(word) && !NAME_INNER_WORDS.has(word));
}

/** Is token k (an edge of a span) a date word: any weekday, or a month next to a number or after a dating word? */
function isDateWord(words: readonly string[], k: number): boolean {
  const lower = words[k]!.toLowerCase();
  if (WEEKDAYS.has(lower)) return true;
  if (!MONTHS.has(lower)) return false;
  return NUMBER.test(words[k + 1] ?? '') || NUMBER.test(words[k - 1] ?? '') || BEFORE_A_DATE.has((words[k - 1] ?? '').toLowerCase());
}

/** Tokens a name neither starts nor ends with: possessives, punctuation, lower-case words (numbers may: "Apollo 11", "7-Eleven"). */
const NOT_AN_EDGE = /^(['’]s|\P{L}+|\p{Ll}.*)$/u;

function notAnEdge(word: string): boolean {
  return NOT_AN_EDGE.test(word) && !NUMBER.test(word);
}

/**
 * The parts of the token range [first, end) that may be names: cut at words that break a name,
 * each part trimmed of possessives, punctuation, lower-case words and date words at its edges.
 */
export function nameParts(words: readonly string[], first: number, end: number): Array<{ first: number; end: number }> {
  const parts: Array<{ first: number; end: number }> = [];
  let from = first;
  for (let k = first; k <= end; k++) {
    if (k < end && !breaksName(words[k]!)) continue;
    let a = from;
    let b = k;
    while (a < b && (notAnEdge(words[a]!) || isDateWord(words, a))) a++;
    while (b > a && (notAnEdge(words[b - 1]!) || isDateWord(words, b - 1))) b--;
    if (b > a) parts.push({ first: a, end: b });
    from = k + 1;
  }
  return parts;
}

/**
 * In a line that signs the article ("By Jane Doe", "BY JANE DOE AND JOHN ROE, Reuters"; short,
 * a block of its own, opening with "By"), the tokens before its first comma name writers: the
 * end of that stretch, or 0 when the line is no byline.
 */
export function bylineWriters(words: readonly string[], wholeBlock: boolean): number {
  if (!wholeBlock || words.length < 2 || words.length > 16 || !/^by$/i.test(words[0]!) || !/^\p{Lu}/u.test(words[1]!)) return 0;
  const comma = words.indexOf(',');
  return comma < 0 ? words.length : comma;
}
