// What one clause says about a claim's proposition: whether it is about the same proposition (the
// claim's predicate, or most of its content words, with its names), and if so whether it denies
// it, hedges it ("may have been charged") or gives it another status ("is expected to be charged"
// against "has been charged"). Negation and status are read in the words right before the
// predicate, not anywhere in the sentence: "Hunter, who did not comment, has been charged" asserts.
// Lexical classes only (negators, auxiliaries, modals, verbs of planning, reporting hedges); no
// part-of-speech tagger is shipped, so a word's role is read from its neighbours.
import { sensesOf, synonymCoverage, synonymsOf } from '../align/synonyms.ts';
import { idfWeights, type Frequencies } from '../align/pair-features.ts';
import { STOPWORDS, stemOf, termsOf, type Terms } from '../text/terms.ts';

/**
 * Verbs of events that are done or not yet: legal steps, decisions, appointments, deals, strikes.
 * When a claim states one, a clause that uses it (as verb or noun: "charged", "charges") with the
 * claim's names is about the same proposition even if it drops the rest ("no charges have been
 * filed" denies "has been charged with federal crimes").
 */
const STATUS_VERBS = new Set(
  `charge indict arrest detain convict sentence acquit jail imprison prosecute sue fine extradite deport pardon release
  approve pass sign ratify veto adopt enact ban impose lift repeal authorize order announce launch deploy strike attack
  invade kill resign fire dismiss sack suspend appoint nominate elect hire quit retire close open complete finish build
  ship sell buy acquire merge cancel withdraw settle raise cut`
    .split(/\s+/)
    .map(stemOf),
);

/** Auxiliaries and the like that may stand between a negator or modal and its verb. */
const AUXILIARY = new Set('has have had was were is are be been being do does did will would shall should can could may might must to yet ever formally officially already actually still so far also'.split(' '));
const NEGATOR = new Set(['not', 'never', 'no', 'nobody', 'none', 'neither', 'nor', 'without', "n't"]);
const MODAL = new Set(['may', 'might', 'could', 'would', 'should', 'must', 'can']);
/** Words that put the act in the future or leave it to be decided. */
const PLANNED = new Set(
  `will shall expected expect expects set plan plans planned planning intend intends intended intending going considering
  considers weighing weighs mulling mulls exploring explores seeking seeks preparing prepares proposed proposes possible potential likely poised`.split(/\s+/),
);
/** Words that report without vouching: the clause does not say it is so. */
const HEDGE = new Set(
  `reportedly allegedly purportedly apparently possibly perhaps probably supposedly believed rumoured rumored unconfirmed unverified whether unclear if`.split(/\s+/),
);
/** Words that call a statement false, as "not" does ("inaccurate" and "not accurate" take one stance). */
const DENIAL = /\b(untrue|inaccurate|incorrect|false|falsely|unfounded|baseless|denied|denies|deny|den(?:y|ied) that)\b/i;
/** Finite verbs: an infinitive after one is its complement ("has agreed to resign"), not a plan of its own. */
const FINITE = new Set('has have had was were is are am do does did'.split(' '));
/** A past form: regular, or one of the common irregular ones of the status verbs. */
const PAST = /^(?:\p{L}+ed|struck|hit|shot|sold|bought|built|quit|cut|left|won|lost|made|taken|begun|began|sent|held|set|led|put|brought|sought|fought|thrown|withdrawn|withdrew|drawn|chosen|overthrown|shut|paid|laid|told|kept|fled|spent|caught|given|gave|stolen|stole|beaten|broken|spoken|written|driven|risen|seen|done|run|found|fallen|frozen)$/u;
/** A perfect or a passive before the predicate: "has been", "were". */
const PERFECT = new Set(['has', 'have', 'had', 'was', 'were', 'been']);
/** Words of reporting that do not vouch ("reports that", "purported to show", "appears to"). */
const REPORTING = new Set('report reports reported claim claims claimed suggest suggests suggested believe believes believed purport purports purported appear appears appeared seem seems seemed alleged rumor rumour speculation'.split(' '));
/** Negators that negate nothing: "no less than seven", "not only", "no doubt", "not every night". */
const NOT_NEGATION = /\b(?:no|not)\s+(?:less|more|fewer|only|just|every|doubt|sooner)\b/gi;
/** Capitalised words that name no one: days and months ("charged on Tuesday"). */
const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?$/;
/** Reporting verbs and marks: the claim is what someone says. */
const REPORTED = /\b(says?|said|claims?|claimed|reports?|reported|according to|denies|denied|deny|rumou?rs?|allegedly|reportedly|purportedly)\b/i;
/** Up to how many words may stand between a negator or modal and the predicate. */
const WINDOW = 5;
/** Words other than auxiliaries allowed between "no" and the predicate noun ("no formal charges"). */
const AFTER_NO = 2;

/** done: "has been charged", "was charged"; planned: "will be", "is expected to be", "plans to"; unstated: "the charges", "is opening". */
export type Status = 'done' | 'planned' | 'hedged' | 'unstated';

export interface Clause {
  text: string;
  /** Offset of the clause in its sentence. */
  start: number;
  terms: Terms;
}

const WORD = /\p{L}[\p{L}\p{M}'’]*|\p{N}+(?:[.,]\p{N}+)*/gu;
/** A comma segment that only says who said it: "prosecutors said", "according to court papers". */
const ATTRIBUTION = /^\s*(?:according to\b|(?:[\p{L}'’.-]+\s+){0,6}(?:said|says|told|added|stated|wrote)\b)/iu;
/** ", who … ," and ", which … ,": a relative clause inserted in another. */
const INSERTED = /,\s*(?:who|which)\b[^,;:]*,/gi;
/** Words that open a clause of its own after a comma. */
const CLAUSE_OPENER = /^\s*(?:but|and|while|although|though|whereas|who|which|after|before|because|since|when|as|yet)\b/i;

/** "prosecutors said.", "according to the aide.": who said it, nothing said. */
function onlyAttribution(text: string): boolean {
  const m = ATTRIBUTION.exec(text);
  if (!m) return false;
  const rest = text.slice(m.index + m[0].length).match(/\p{L}+/gu) ?? [];
  return /^\s*according/i.test(text) ? rest.length <= 4 : rest.length <= 2;
}

/** A sentence's clauses: split at semicolons and dashes, and at commas that open a clause or an attribution. */
export function clausesOf(whole: string): Clause[] {
  // a relative clause between commas ("Kowal, who did not comment, has been charged") is a clause
  // of its own, and what stands around it one clause: blanked out, offsets kept
  const inserted: Clause[] = [];
  const sentence = whole.replace(INSERTED, (m: string, at: number) => {
    inserted.push({ text: m.slice(1, -1), start: at + 1, terms: termsOf(m.slice(1, -1)) });
    return ' '.repeat(m.length);
  });
  const pieces: Array<{ start: number; end: number; own: boolean }> = [];
  let start = 0;
  const boundary = /[;:—–]|,/g;
  for (const m of sentence.matchAll(boundary)) {
    const rest = sentence.slice(m.index + 1);
    const own = m[0] !== ',' || CLAUSE_OPENER.test(rest) || ATTRIBUTION.test(rest);
    pieces.push({ start, end: m.index, own: true });
    start = m.index + 1;
    if (!own) pieces[pieces.length - 1]!.own = false;
  }
  pieces.push({ start, end: sentence.length, own: true });
  // join a comma segment that opens nothing of its own to the one before ("Hunter, a Republican, has been charged")
  const merged: Array<{ start: number; end: number }> = [];
  let open: { start: number; end: number } | null = null;
  for (const p of pieces) {
    if (open) open.end = p.end;
    else open = { start: p.start, end: p.end };
    if (p.own) {
      merged.push(open);
      open = null;
    }
  }
  if (open) merged.push(open);
  return merged
    .map(({ start: s, end }) => ({ text: sentence.slice(s, end), start: s }))
    .filter((c) => c.text.trim().length > 0 && !onlyAttribution(c.text))
    .map((c) => ({ ...c, terms: termsOf(c.text) }))
    .concat(inserted)
    .sort((a, b) => a.start - b.start);
}

interface Word {
  lower: string;
  stem: string;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => {
    const lower = m[0].toLowerCase().replace(/’/g, "'");
    return { lower, stem: stemOf(lower.replace(/'s$/, '')) };
  });
}

/** The stems of a claim's predicates: its status verbs, else the verb after its auxiliaries ("has been charged"). */
export function predicatesOf(claim: string): Set<string> {
  const words = wordsOf(claim);
  const out = new Set(words.filter((w) => STATUS_VERBS.has(w.stem)).map((w) => w.stem));
  if (out.size) return out;
  for (let i = 0; i < words.length - 1; i++) {
    if (!AUXILIARY.has(words[i]!.lower)) continue;
    let j = i;
    while (j < words.length && (AUXILIARY.has(words[j]!.lower) || NEGATOR.has(words[j]!.lower) || /ly$/.test(words[j]!.lower))) j++;
    // "is considering strikes", "plans to launch": the act is what follows the verb of planning
    while (j < words.length && (PLANNED.has(words[j]!.lower) || HEDGE.has(words[j]!.lower) || AUXILIARY.has(words[j]!.lower))) j++;
    const w = words[j];
    // a verb form only ("charged", "opening"): "Christian Bale is Steve Jobs" has no predicate to read
    if (w && !STOPWORDS.has(w.lower) && (PAST.test(w.lower) || /ing$/.test(w.lower))) {
      out.add(w.stem);
      break;
    }
  }
  return out;
}

/** The predicate itself, or (`synonyms`) a WordNet synonym of it: only where most of the claim is there too. */
function isPredicate(w: Word, predicates: ReadonlySet<string>, synonyms: boolean): boolean {
  if (predicates.has(w.stem)) return true;
  if (!synonyms) return false;
  const senses = synonymsOf(w.stem);
  if (senses.length === 0) return false;
  for (const p of predicates) if (synonymsOf(p).some((id) => senses.includes(id))) return true;
  return false;
}

export interface Reading {
  /** The clause names the claim's predicate. */
  predicate: boolean;
  denied: boolean;
  status: Status;
  /** No negator, modal, hedge, word of planning or of reporting anywhere in the clause: it states, as is. */
  plain: boolean;
}

/** "has been", "were", "had already": a perfect or passive auxiliary in the chain right before the predicate. */
function perfectBefore(before: readonly Word[]): boolean {
  for (let k = before.length - 1; k >= 0; k--) {
    const w = before[k]!.lower;
    if (PERFECT.has(w)) return true;
    if (!AUXILIARY.has(w) && !/ly$/.test(w)) return false;
  }
  return false;
}

/** How a clause states its predicate: denied, hedged, planned or asserted. */
export function readClause(text: string, predicates: ReadonlySet<string>, options: { synonyms?: boolean; headline?: boolean } = {}): Reading {
  const { synonyms = false, headline = false } = options;
  const words = wordsOf(text.replace(/n[’']t\b/gi, " n't").replace(NOT_NEGATION, ' '));
  const at = words.findIndex((w) => isPredicate(w, predicates, synonyms));
  const before = at < 0 ? [] : words.slice(Math.max(0, at - WINDOW), at);
  // with no predicate to read around, any negator in the clause denies
  let denied = DENIAL.test(text) || (at < 0 && words.some((w) => NEGATOR.has(w.lower)));
  let status: Status = 'unstated';
  // read back from the predicate through its auxiliaries: a negator, modal or verb of planning
  // there bears on it; after "no" a couple of other words may stand ("no formal charges"), after
  // anything else none ("did not return calls about the charges" denies no charge)
  let others = 0;
  for (let k = before.length - 1; k >= 0; k--) {
    const w = before[k]!.lower;
    if (w === 'no' || (others === 0 && NEGATOR.has(w))) {
      denied = true;
      break;
    }
    if (others > 0) {
      if (AUXILIARY.has(w) || /ly$/.test(w)) continue;
      if (++others > AFTER_NO) break;
      continue;
    }
    if (MODAL.has(w)) {
      // "may have been charged" doubts a past act; "may be charged" puts it in the future
      status = before.slice(k + 1).some((x) => x.lower === 'have') ? 'hedged' : 'planned';
      break;
    }
    if (HEDGE.has(w)) status = 'hedged';
    else if (PLANNED.has(w)) status = 'planned';
    else if (w === 'yet' && before[k + 1]?.lower === 'to') {
      // "has yet to be charged": not charged
      denied = true;
      break;
    } else if (headline && w === 'to' && !before.slice(0, k).some((x) => FINITE.has(x.lower))) {
      // a claim in headline form ("girls to be released", "Hunter to be charged"): an infinitive
      // with no finite verb before it is what is to come; in an article's sentence it is mostly
      // the complement of a verb ("shot him dead, only to be killed")
      if (status === 'unstated') status = 'planned';
    } else if (!AUXILIARY.has(w) && !/ly$/.test(w)) others++;
  }
  // a hedge or a report anywhere before the predicate in the clause ("Reportedly, …", "It is
  // unclear whether …", "The site claimed that he was arrested")
  if (words.slice(0, at < 0 ? words.length : at).some((w) => HEDGE.has(w.lower) || REPORTING.has(w.lower))) status = 'hedged';
  // done only where the form says so: a past form of the predicate ("charged", "struck") or a
  // perfect or passive before it; a bare noun or a present tense states no status
  if (status === 'unstated' && at >= 0 && (PAST.test(words[at]!.lower) || perfectBefore(before))) status = 'done';
  // a negator is allowed only as the denial of the predicate itself ("was not charged")
  const plain = status !== 'hedged' && status !== 'planned' && !words.some((w) => (!denied && NEGATOR.has(w.lower)) || MODAL.has(w.lower) || HEDGE.has(w.lower) || PLANNED.has(w.lower) || REPORTING.has(w.lower));
  return { predicate: at >= 0, denied, status, plain };
}

/**
 * A claim that reports what someone says, claims or denies, asks, or quotes: what it states is the
 * report, not the proposition, and one clause of an article neither confirms nor denies it.
 */
export function isReported(claim: string): boolean {
  return REPORTED.test(claim) || /\?\s*$/.test(claim) || /^\s*[\p{L}-]+(?:\s[\p{L}-]+)?:/u.test(claim) || /(?:^|\s)["“‘']/.test(claim);
}

/** The names a claim is about, its first word included when it is capitalised and not a function word. */
export function claimNames(claim: string): string[] {
  const names = termsOf(claim).names;
  const first = /^\s*(\p{Lu}[\p{L}\p{M}'’-]*)/u.exec(claim)?.[1];
  if (first && !STOPWORDS.has(first.toLowerCase())) names.unshift(first.toLowerCase().replace(/['’]s$/, ''));
  return [...new Set(names)];
}

/** Share of the claim's weighted content words a clause holds, synonyms counting. */
export function coverage(claim: ReadonlyMap<string, number>, clause: Terms): number {
  return synonymCoverage(claim, new Set(clause.stems), sensesOf(clause.stems));
}

/** The claim's stems weighed by idf, for `coverage`. */
export function claimWeights(claim: Terms, freq: Frequencies): Map<string, number> {
  return idfWeights(claim.stems, freq);
}

/**
 * Whether a clause is about the claim's names: each name is in the clause, or the clause names
 * nobody else and the article names it ("No formal charges have been filed" in a story about him).
 */
export function sameNames(names: readonly string[], clause: Terms, articleLower: string): boolean {
  const own = new Set(clause.names.filter((n) => !CALENDAR.test(n)));
  const inClause = names.filter((n) => own.has(n)).length;
  if (names.length === 0) return true;
  if (inClause === names.length) return true;
  // names of its own and not all of the claim's: another subject or place ("opened a diner in Amsterdam" is not "to open a restaurant in Scotland")
  if (own.size > 0 && [...own].some((n) => !names.includes(n))) return false;
  return names.every((n) => own.has(n) || articleLower.includes(n));
}
