// How an article names people by what they are: the title before a name ("Defense Secretary
// Pete Hegseth", "former ambassador Ronald Johnson"), the apposition after one ("Ronald Johnson,
// the US ambassador to Mexico,"), and role phrases that stand for a person without the name
// ("Mexico's president", "the defense secretary"), plus the personal pronouns. The role nouns and
// the first names by gender come from `models/roles.json` (see `scripts/build-roles.ts`).
import { indexSpans, reaching } from '../text/span-index.ts';
import { tailRunStart } from '../text/tail-runs.ts';
import { readFileSync } from 'node:fs';
import type { Article } from '../model.ts';
import type { NameMention } from './find-names.ts';

export interface RoleLexicon {
  roles: ReadonlySet<string>;
  male: ReadonlySet<string>;
  female: ReadonlySet<string>;
}

/** A title or apposition the article gives a named person. */
export interface PersonRole {
  articleId: string;
  /** The name mention it belongs to. */
  nameStart: number;
  nameEnd: number;
  start: number;
  end: number;
  text: string;
}

/** Words that stand for a person: a role phrase without a name, or a personal pronoun. */
export interface Reference {
  articleId: string;
  start: number;
  end: number;
  text: string;
  kind: 'role' | 'pronoun';
  /** The role noun ("president"), or the pronoun's gender. */
  head: string;
  /** Place words in the phrase ("Mexico's", "Mexican", "US"), lower-cased, that narrow who is meant. */
  qualifiers: string[];
}

const LEXICON_URL = new URL('../../models/roles.json', import.meta.url);
let lexicon: RoleLexicon | null = null;

export function loadRoleLexicon(): RoleLexicon {
  if (!lexicon) {
    const raw = JSON.parse(readFileSync(LEXICON_URL, 'utf8')) as { roles: string[]; male: string[]; female: string[] };
    lexicon = { roles: new Set(raw.roles), male: new Set(raw.male), female: new Set(raw.female) };
  }
  return lexicon;
}

/** Words that may stand inside a title besides role nouns and capitalised words. */
const TITLE_MODIFIERS = new Set(['former', 'acting', 'deputy', 'vice', 'then', 'interim', 'outgoing', 'incoming', 'current', 'ex', 'senior', 'chief', 'top', 'assistant', 'general', 'of', 'for']);
/**
 * The word that ends a text and the spaces after it ("President " of "… Mexican President "): no
 * line break, no sentence end between. Scanned back from the end, as /([\p{L}\p{M}.'’-]+)[ \t]+$/u
 * matched it without trying every start in a long run.
 */
function wordBefore(text: string): { word: string; length: number } | null {
  const spaces = tailRunStart(text, /[ \t]/);
  if (spaces === text.length) return null;
  const word = tailRunStart(text, /[\p{L}\p{M}.'’-]/u, spaces);
  return word === spaces ? null : { word: text.slice(word, spaces), length: text.length - word };
}
/** A dotted abbreviation ends a word, not a sentence: "U.S.", "Gen.". */
const ABBREVIATION = /^((\p{L}\.)+|\p{Lu}\p{Ll}{1,3}\.)$/u;

/**
 * "Mexican President" before "Claudia Sheinbaum", "former Defense Secretary" before "Mark Esper":
 * the run of title words right before a name that ends in a role noun. The run stops at a line
 * break or a sentence end and does not begin with the capital of a sentence's first word
 * ("According to former Defense Secretary …").
 */
function titleBefore(text: string, start: number, roles: ReadonlySet<string>): { start: number; text: string } | null {
  const run: Array<{ word: string; at: number; role: boolean }> = [];
  let at = start;
  for (let k = 0; k < 6; k++) {
    const m = wordBefore(text.slice(Math.max(0, at - 40), at));
    if (!m) break;
    const word = m.word;
    if (word.endsWith('.') && !ABBREVIATION.test(word)) break;
    const bare = word.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, '');
    const role = roles.has(bare);
    if (k === 0 && !role) return null;
    if (!role && !/^\p{Lu}/u.test(word) && !TITLE_MODIFIERS.has(bare)) break;
    if (/^(The|A|An)$/.test(word)) break;
    at -= m.length;
    run.unshift({ word, at, role });
  }
  // the run begins with a title word, not with a sentence's first word or a linking word
  while (run.length > 0) {
    const first = run[0]!;
    const sentenceStart = endsAtSentenceStart(text.slice(Math.max(0, first.at - 3), first.at));
    if ((sentenceStart && !first.role && /^\p{Lu}/u.test(first.word)) || /^(of|for)$/i.test(first.word)) run.shift();
    else break;
  }
  if (run.length === 0) return null;
  const from = run[0]!.at;
  return { start: from, text: text.slice(from, start).trim() };
}

/**
 * Whether a text ends where a sentence or line starts: it is empty, or ends in a sentence's end
 * mark (a closing quotation mark may follow) and white space, or in a line break and white space.
 * What /(^|[.!?:]["”’]?\s+|\n\s*)$/ matched, scanned back from the end.
 */
function endsAtSentenceStart(text: string): boolean {
  if (text === '') return true;
  const space = tailRunStart(text, /\s/);
  if (space === text.length) return false;
  if (text.slice(space).includes('\n')) return true;
  const mark = /["”’]/.test(text[space - 1] ?? '') ? space - 2 : space - 1;
  return /[.!?:]/.test(text[mark] ?? '');
}

/**
 * ", the US ambassador to Mexico," after a name: an apposition that ends in or holds a role noun.
 * It is what /^,\s+((?:the|a|an|his|her|their|\p{Lu}[\p{L}.]*['’]s|former|now)\s+[^,.;:()"“”]{2,80}?)(?=,|\.\s|\.$|;|\s+(?:said|says|told|who)\b)/u
 * matched in the 120 characters after the name, found in two steps: that pattern read a run of
 * white space both as the gap after the first word and as the words after it (polynomial
 * backtracking). Here the first word is matched, then the end is searched in the same order.
 */
const APPOSITION_HEAD = /^,\s+(the|a|an|his|her|their|\p{Lu}[\p{L}.]*['’]s|former|now)(?=\s)/u;
/** What an apposition's words may hold. */
const APPOSITION_CHAR = /[^,.;:()"“”]/u;
/** Its words are at least 2 and at most 80 characters (code points) after the white space that follows its first word. */
const MIN_APPOSITION_WORDS = 2;
const MAX_APPOSITION_WORDS = 80;

function appositionAfter(text: string, end: number, roles: ReadonlySet<string>): { start: number; text: string } | null {
  const window = text.slice(end, end + 120);
  const head = APPOSITION_HEAD.exec(window);
  if (!head) return null;
  const rest = Array.from(window.slice(head[0].length));
  const gap = leadingSpaces(rest);
  const stops = appositionStops(rest);
  let bad = rest.findIndex((c) => !APPOSITION_CHAR.test(c));
  if (bad < 0) bad = rest.length;
  // as the regex backtracked: the longest gap first, then the shortest words that reach a stop
  for (let k = gap; k >= 1; k--) {
    for (let e = k + MIN_APPOSITION_WORDS; e <= Math.min(k + MAX_APPOSITION_WORDS, bad); e++) {
      if (!stops[e]) continue;
      const words = head[1]! + rest.slice(0, e).join('');
      if (!words.toLowerCase().split(/\s+/).some((w) => roles.has(w))) return null;
      return { start: end + head[0].length - head[1]!.length, text: words };
    }
  }
  return null;
}

function leadingSpaces(chars: readonly string[]): number {
  let n = 0;
  while (n < chars.length && /\s/.test(chars[n]!)) n++;
  return n;
}

/** For each position of the characters, whether an apposition may end there: before ",", ";", a "." that ends the window or stands before white space, or white space and said|says|told|who. */
function appositionStops(chars: readonly string[]): boolean[] {
  const stops: boolean[] = new Array<boolean>(chars.length + 1).fill(false);
  // from the end, so that each run of white space is crossed once
  let afterSpaces = chars.length;
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i]!;
    if (!/\s/.test(c)) afterSpaces = i;
    if (c === ',' || c === ';') stops[i] = true;
    else if (c === '.') stops[i] = i + 1 === chars.length || /\s/.test(chars[i + 1]!);
    else if (/\s/.test(c)) stops[i] = /^(?:said|says|told|who)\b/u.test(chars.slice(afterSpaces, afterSpaces + 5).join(''));
  }
  return stops;
}

/** Titles and appositions of the person mentions of one article. */
export function findRoles(article: Article, names: readonly NameMention[], lex: RoleLexicon = loadRoleLexicon()): PersonRole[] {
  const roles: PersonRole[] = [];
  for (const name of names) {
    if (name.articleId !== article.id || name.type !== 'person') continue;
    for (const found of [titleBefore(article.text, name.start, lex.roles), appositionAfter(article.text, name.end, lex.roles)]) {
      if (found) roles.push({ articleId: article.id, nameStart: name.start, nameEnd: name.end, start: found.start, end: found.start + found.text.length, text: found.text });
    }
  }
  return roles;
}

/** "the president", "Mexico's president", "the Mexican president", "the former defense secretary": a role without a name after it. */
// A possessor ("Mexico's") is tried only at the first capital of its run of letters and dots (the
// look-behind): from a later capital of the run the same "'s" would be reached, so the pattern
// scanned the run again from each ("T.T.T.…": quadratic). Where the last phrase ended inside such
// a run, the first capital after it is tried by `possessiveAt` (see findReferences).
const ROLE_PHRASE = /\b(?:(the|The)\s+|(?=\p{Lu})(?<!\b\p{Lu}[\p{L}.]*?)(\p{Lu}[\p{L}.]*)['’]s\s+)((?:(?:former|acting|deputy|vice|then|top|senior|chief|\p{Lu}[\p{L}.]*)\s+){0,3})(\p{L}+)\b(?!\s+\p{Lu})(?!['’]s)/gu;
/** ROLE_PHRASE after its possessor's "'s", for `possessiveAt`. */
const AFTER_POSSESSIVE = /^['’]s\s+((?:(?:former|acting|deputy|vice|then|top|senior|chief|\p{Lu}[\p{L}.]*)\s+){0,3})(\p{L}+)\b(?!\s+\p{Lu})(?!['’]s)/u;
const RUN_CHAR = /[\p{L}.]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);

/**
 * The role phrase with a possessor that ROLE_PHRASE, searching from `from`, finds at the first
 * capital after `from` in the run of letters and dots that `from` stands in, before `before`; or
 * null. Its look-behind sees the earlier capitals of the run, which lie before the last phrase's end.
 */
function possessiveAt(text: string, from: number, before: number): RegExpExecArray | null {
  if (!RUN_CHAR.test(String.fromCodePoint(text.codePointAt(from) ?? 32))) return null;
  let at = from;
  // the first capital where a word boundary stands, as the pattern's \b requires
  while (at < before) {
    const c = String.fromCodePoint(text.codePointAt(at)!);
    if (!RUN_CHAR.test(c)) return null;
    if (/\p{Lu}/u.test(c) && isWordChar(text[at - 1]) !== isWordChar(text[at])) break;
    at += c.length;
  }
  if (at >= before) return null;
  let end = at;
  while (end < text.length && RUN_CHAR.test(String.fromCodePoint(text.codePointAt(end)!))) end += String.fromCodePoint(text.codePointAt(end)!).length;
  const rest = AFTER_POSSESSIVE.exec(text.slice(end));
  if (!rest) return null;
  // the groups of ROLE_PHRASE: 1 the article (none here), 2 the possessor, 3 the modifiers, 4 the role word
  const m = [text.slice(at, end) + rest[0], undefined, text.slice(at, end), rest[1]!, rest[2]!] as unknown as RegExpExecArray;
  m.index = at;
  return m;
}
const PRONOUN = /\b(he|she|him|his|her|He|She|Him|His|Her)\b/g;

/** Role phrases and personal pronouns of one article: the words the dossier ties to a person. */
export function findReferences(article: Article, names: readonly NameMention[], lex: RoleLexicon = loadRoleLexicon()): Reference[] {
  const text = article.text;
  const own = indexSpans(names.filter((n) => n.articleId === article.id).sort((a, b) => a.start - b.start));
  const inName = (start: number, end: number): boolean => reaching(own, start, end).some((n) => n.start < end && start < n.end);
  const references: Reference[] = [];
  ROLE_PHRASE.lastIndex = 0;
  for (let from = 0, m = ROLE_PHRASE.exec(text); ; m = ROLE_PHRASE.exec(text)) {
    if (from > 0) m = possessiveAt(text, from, m ? m.index : text.length) ?? m;
    if (!m) break;
    from = ROLE_PHRASE.lastIndex = m.index + m[0].length;
    const head = m[4]!.toLowerCase();
    if (!lex.roles.has(head)) continue;
    const start = m.index;
    const end = start + m[0].length;
    // the role word itself is not part of a name ("the President Hotel")
    if (inName(end - m[4]!.length, end)) continue;
    const qualifiers = [m[2], ...m[3]!.split(/\s+/)].filter((w): w is string => !!w && /^\p{Lu}/u.test(w)).map((w) => w.toLowerCase());
    references.push({ articleId: article.id, start, end, text: m[0], kind: 'role', head, qualifiers });
  }
  PRONOUN.lastIndex = 0;
  for (let m = PRONOUN.exec(text); m; m = PRONOUN.exec(text)) {
    const word = m[1]!.toLowerCase();
    const gender = word === 'she' || word === 'her' ? 'female' : 'male';
    references.push({ articleId: article.id, start: m.index, end: m.index + m[0].length, text: m[0], kind: 'pronoun', head: gender, qualifiers: [] });
  }
  return references.sort((a, b) => a.start - b.start);
}

/** A person's gender by first name, when the name lists know it only as one. */
export function genderOf(name: string, lex: RoleLexicon = loadRoleLexicon()): 'male' | 'female' | null {
  const first = name.split(/\s+/)[0]!.toLowerCase();
  if (lex.male.has(first)) return 'male';
  if (lex.female.has(first)) return 'female';
  return null;
}

const HONORIFIC_BEFORE = /\b(mr|mrs|ms|miss)\.?\s+$/i;
const HONORIFIC_OPENING = /^(mr|mrs|ms|miss)\.?\s/i;

/** The gender an honorific just before a name, or opening it, says ("Ms. Ingraham", "Mr. Brat"), or null. */
export function honorificGender(text: string, nameStart: number): 'male' | 'female' | null {
  const h = HONORIFIC_BEFORE.exec(text.slice(Math.max(0, nameStart - 6), nameStart)) ?? HONORIFIC_OPENING.exec(text.slice(nameStart, nameStart + 6));
  return h ? (h[1]!.toLowerCase() === 'mr' ? 'male' : 'female') : null;
}
