// Whether two claims contradict each other, and how: different numbers for one thing counted, one
// event done in one and only planned (or not done) in the other, one proposition asserted and
// denied, one event given two dates, an early stage against a late one. Each kind compares only
// what is said of the same thing: the words around the two values must be shared, not merely a
// name somewhere in both sentences; when that cannot be told, the check abstains (a flag a
// fact-checker must dismiss costs more than a miss). Where a later article reports as done, or on
// another date, what an earlier one reported as planned or expected, the kind is `update`: news,
// not a dispute. The caller says whether the two were aligned as one fact; this decides the kind.
// English only: the package's index loads every language's parsers (a third of a second at every start of the CLI)
import * as en from 'chrono-node/en';
import { STOPWORDS, stemOf, type Terms } from '../text/terms.ts';

export interface ClaimText {
  text: string;
  terms: Terms;
  /** The article's publication date, to read relative dates against and to order reports. */
  published: Date | null;
}

export type ConflictKind = 'number' | 'status' | 'negation' | 'date' | 'stage' | 'update';

export interface Conflict {
  kind: ConflictKind;
  explanation: string;
  /** The words compared, exactly as each claim has them: [first claim's, second claim's]. */
  values: [string, string];
  /** For an `update`: which claim was published later (`a` the first, `b` the second). */
  later?: 'a' | 'b';
}

// ---------------------------------------------------------------------------------------------
// Words with their positions

interface Token {
  raw: string;
  lower: string;
  stem: string;
  start: number;
  end: number;
  /** Not a function word and not a number. */
  content: boolean;
  number: boolean;
  /** Inside quotation marks: the words of someone quoted, not the outlet's. */
  quoted: boolean;
  /** Inside a quotation that opens the sentence ("“I served in Vietnam,” he said"): speech, not a phrase quoted in the outlet's sentence. */
  speech: boolean;
  /** A clause boundary (comma, semicolon, colon, dash, "but") comes right before this word. */
  clauseStart: boolean;
}

/** Verbs of saying: "said he had served" is someone's account of himself, not the outlet's. */
const SAYING = new Set(['said', 'says', 'say', 'saying', 'stated', 'states', 'told', 'tells', 'claimed', 'claims', 'insisted', 'insists', 'argued', 'argues', 'added', 'noted', 'wrote', 'maintained', 'maintains', 'declared']);
const WORD = /\p{N}+(?:[.,:/]\p{N}+)*%?|\p{L}[\p{L}\p{M}'’]*/gu;
const BOUNDARY = /[,;:—–()]|\s-\s/u;
const tokenCache = new WeakMap<ClaimText, Token[]>();

function tokensOf(claim: ClaimText): Token[] {
  const cached = tokenCache.get(claim);
  if (cached) return cached;
  const text = claim.text;
  const out: Token[] = [];
  let quoted = false;
  let speech = false;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const between = text.slice(last, m.index);
    // straight quotes toggle; curly ones open and close
    let previous = '';
    for (const ch of between) {
      const was = quoted;
      if (ch === '“') quoted = true;
      else if (ch === '”') quoted = false;
      else if (ch === '"' && previous !== '"') quoted = !quoted; // a doubled mark is one
      previous = ch;
      // speech: a quotation that opens the sentence, or follows a verb of saying or a colon
      if (quoted && !was) speech = out.length === 0 || SAYING.has(out.at(-1)!.lower) || /:\s*$/.test(between.slice(0, between.indexOf(ch)));
    }
    // "I", "we": only someone quoted speaks in the first person (the rest of the sentence is theirs)
    if (/^(I|we|We)$/.test(m[0]) && text[m.index + 1] !== '.' && text[m.index - 1] !== '.') speech = quoted = true;
    const raw = m[0];
    const lower = raw.toLowerCase().replace(/’/g, "'");
    const isNumber = /^\p{N}/u.test(raw);
    const bare = lower.replace(/'s$/, '');
    out.push({
      raw,
      lower,
      stem: isNumber ? raw : stemOf(bare),
      start: m.index,
      end: m.index + raw.length,
      content: !isNumber && !STOPWORDS.has(lower) && lower.length > 1,
      number: isNumber,
      quoted,
      speech: quoted && speech,
      clauseStart: BOUNDARY.test(between) || lower === 'but',
    });
    last = m.index + raw.length;
  }
  // a sentence that ends a quotation it did not open ("… nor do we want to mortgage it.\"") is speech throughout
  const marks = (text.match(/[“”"]/g) ?? []).length;
  const tail = text.slice(out.at(-1)?.end ?? 0);
  const head = text.slice(0, out[0]?.start ?? 0);
  if (marks % 2 === 1 && /[”"]/.test(tail) && !/[“"]/.test(head)) for (const t of out) t.quoted = t.speech = true;
  tokenCache.set(claim, out);
  return out;
}

/** A per-claim result computed once: the conflict checks run on many pairs of one claim. */
function cached<T>(compute: (claim: ClaimText) => T): (claim: ClaimText) => T {
  const cache = new WeakMap<ClaimText, T>();
  return (claim) => {
    let v = cache.get(claim);
    if (v === undefined) cache.set(claim, (v = compute(claim)));
    return v;
  };
}

function quote(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? `“${t}”` : `“${t.slice(0, max - 1)}…”`;
}

function spanText(claim: ClaimText, from: Token, to: Token): string {
  return claim.text.slice(from.start, to.end).replace(/\s+/g, ' ');
}

/** Content stems of the tokens in [from, to), the clause's edges respected on neither side. */
function stemsAround(tokens: readonly Token[], from: number, to: number, skip: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  for (let k = Math.max(0, from); k < Math.min(tokens.length, to); k++) {
    const t = tokens[k]!;
    if (t.content && !skip.has(t.stem) && !TIME_WORDS.has(t.lower)) out.add(t.stem);
  }
  return out;
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** The two claims name one person or thing, or share this many content words. */
function sameArguments(a: ClaimText, b: ClaimText, minStems: number, skip: ReadonlySet<string> = new Set()): boolean {
  const names = new Set(a.terms.names);
  if (b.terms.names.some((n) => names.has(n) && !skip.has(stemOf(n)))) return true;
  const sa = new Set(tokensOf(a).filter((t) => t.content && !skip.has(t.stem)).map((t) => t.stem));
  const sb = new Set(tokensOf(b).filter((t) => t.content && !skip.has(t.stem)).map((t) => t.stem));
  return shared(sa, sb) >= minStems;
}

/** Which of the two was published later, when both dates are known and differ. */
function laterOf(a: ClaimText, b: ClaimText): 'a' | 'b' | null {
  if (!a.published || !b.published) return null;
  const d = a.published.getTime() - b.published.getTime();
  return d > 0 ? 'a' : d < 0 ? 'b' : null;
}

// ---------------------------------------------------------------------------------------------
// Number: the same unit of the same thing counted, two exact values

/** Words that make a number approximate or a bound: "nearly 60" and "58" do not disagree. */
const APPROXIMATE = new Set(['about', 'around', 'nearly', 'almost', 'roughly', 'approximately', 'some', 'over', 'under', 'more', 'less', 'fewer', 'least', 'most', 'up', 'than', 'estimated', 'upward', 'upwards', 'below', 'above', 'just', 'only', 'another', 'additional', 'other']);
/** Units that measure time: spans and ages, which differ with what each sentence counts from. */
const TIME_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'minut', 'second', 'time', 'decad', 'centuri', 'night', 'term']);
/** Words about time that say nothing of what is counted or dated. */
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'last', 'next', 'earlier', 'later', 'late', 'early']);
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, twenty: 20 };
const MONTHS = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/i;

interface Count {
  value: number;
  unit: string;
  /** Content stems near the number: what it counts. */
  about: Set<string>;
  words: string;
  /** Said of what would or could happen ("would cut Medicare by $800 billion"). */
  planned: boolean;
}

const countsOf = cached((claim: ClaimText): Count[] => {
  const tokens = tokensOf(claim);
  const out: Count[] = [];
  tokens.forEach((t, i) => {
    if (t.speech) return; // a figure someone is quoted giving is that person's claim
    const value = t.number ? Number.parseFloat(t.raw.replace(/,/g, '')) : NUMBER_WORDS[t.lower];
    if (value === undefined || !Number.isFinite(value) || /[:/]/.test(t.raw) || t.raw.endsWith('%')) return;
    const unit = tokens[i + 1];
    if (!unit || !unit.content || unit.clauseStart) return;
    const before = tokens.slice(Math.max(0, i - 2), i);
    // "No. 2 position", "nearly 60 seats", "348-77", "98 to 96", "Sept. 11": ranks, bounds, tallies and dates are not counts
    if (before.some((b) => APPROXIMATE.has(b.lower)) || before.at(-1)?.raw === 'No' || before.at(-1)?.lower === 'number') return;
    if (MONTHS.test(before.at(-1)?.raw ?? '') || MONTHS.test(unit.raw)) return;
    if (/^[-–]\d/.test(claim.text.slice(t.end, t.end + 2)) || /[-–]$/.test(claim.text.slice(t.start - 1, t.start)) && before.at(-1)?.number) return;
    if (t.number && value >= 1900 && value <= 2100) return;
    const skip = new Set([unit.stem]);
    const planned = tokens.slice(Math.max(0, i - 6), i).some((p) => PLANNED_CUES.has(p.lower) || UNASSERTED.has(p.lower));
    out.push({ value, unit: unit.stem, about: stemsAround(tokens, i - 4, i + 5, skip), words: spanText(claim, t, unit), planned });
  });
  return out;
});

function numberConflict(a: ClaimText, b: ClaimText, sameFact: boolean): Conflict | null {
  const ca = countsOf(a);
  const cb = countsOf(b);
  for (const x of ca) {
    // a value the other also gives for this unit is no disagreement ("3 hurt and 9 arrested" twice)
    if (cb.some((y) => y.unit === x.unit && y.value === x.value)) continue;
    for (const y of cb) {
      if (y.unit !== x.unit || x.planned !== y.planned || ca.some((z) => z.unit === y.unit && z.value === y.value)) continue;
      // the same thing counted: words around both numbers shared; spans of time only within one fact
      const around = shared(x.about, y.about);
      if (TIME_UNITS.has(x.unit) ? !(sameFact && around >= 1) : !(around >= 2 || (sameFact && around >= 1))) continue;
      return { kind: 'number', values: [x.words, y.words], explanation: `“${x.words}” against “${y.words}”: ${quote(a.text)} / ${quote(b.text)}` };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Negation: one asserts what the other denies

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nor', 'neither', 'nobody', 'nothing', 'none']);
/** Words that deny as "not" does: "inaccurate" is "not accurate", one stance with it. */
const DENIAL_PREFIXED = /^(un|in|im|il|ir|dis)(true|accurate|correct|founded|supported|substantiated|proven|likely|legal|lawful|possible|responsible|honest|ethical|fair)$/;
const DENIAL_WORDS = new Set(['false', 'baseless', 'deny', 'denied', 'denies', 'denying', 'reject', 'rejected', 'rejects', 'rejecting']);
/** Words the outlet uses to attribute: a clause of these after a denial is not a second assertion. */
const ATTRIBUTING = new Set(['said', 'says', 'say', 'told', 'according', 'added', 'stated', 'reported', 'wrote', 'claimed', 'claims', 'argued', 'insisted']);

interface Denial {
  /** Index of the negating word. */
  at: number;
  /** The stem of what is denied: the first content word in the negator's clause after it (or the base of "inaccurate"). */
  what: string;
  /** Index of the denied word. */
  end: number;
}

function isNegator(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!NEGATORS.has(t.lower) && !t.lower.endsWith("n't") && !DENIAL_WORDS.has(t.lower) && !DENIAL_PREFIXED.test(t.lower)) return false;
  // a quoted "no" ("the lone “no” vote") names a vote, it denies nothing
  return !(t.lower === 'no' && t.quoted && !tokens[i + 1]?.quoted);
}

const denialsOf = cached((claim: ClaimText): Denial[] => {
  const tokens = tokensOf(claim);
  const out: Denial[] = [];
  tokens.forEach((t, i) => {
    if (!isNegator(tokens, i)) return;
    const prefixed = DENIAL_PREFIXED.exec(t.lower);
    if (prefixed) {
      out.push({ at: i, what: stemOf(prefixed[2]!), end: i });
      return;
    }
    for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
      const u = tokens[k]!;
      if (u.clauseStart) break;
      if (u.content && !['yet', 'also', 'even', 'ever', 'always', 'formal', 'formally', 'immediately', 'currently', 'directly'].includes(u.lower)) {
        out.push({ at: i, what: u.stem, end: k });
        break;
      }
    }
  });
  return out;
});

/** The stem a claim asserts (or denies with "inaccurate"): all its content stems, prefixed denials by their base. */
function assertedStems(claim: ClaimText): Set<string> {
  const out = new Set<string>();
  for (const t of tokensOf(claim)) {
    if (!t.content) continue;
    const prefixed = DENIAL_PREFIXED.exec(t.lower);
    out.add(prefixed ? stemOf(prefixed[2]!) : t.stem);
  }
  return out;
}

/**
 * A denial that corrects rather than denies ("to preserve Medicare, not end it"; "not the
 * objective, man is the objective"): the negator follows a comma, or another clause that is not an
 * attribution follows its object. It sets two things side by side and denies neither outright.
 */
function corrective(tokens: readonly Token[], d: Denial): boolean {
  if (tokens[d.at]!.clauseStart && d.at > 0) return true;
  for (let k = d.end + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.clauseStart) continue;
    const rest = tokens.slice(k, k + 3);
    if (rest.some((r) => ATTRIBUTING.has(r.lower))) return false;
    return rest.some((r) => r.content);
  }
  return false;
}

/** Words that negate what follows them without a negator: verbs of refusing and failing, scarcity words. */
const IMPLICIT_NEGATIVES = new Set([
  'refuse', 'refused', 'refuses', 'refusing', 'decline', 'declined', 'declines', 'declining', 'fail', 'failed', 'fails', 'failing', 'avoid', 'avoided',
  'avoids', 'avoiding', 'without', 'lack', 'lacked', 'lacks', 'lacking', 'absent', 'rarely', 'seldom', 'hardly', 'barely', 'scarcely', 'unable', 'reluctant',
  'stopped', 'ceased', 'halted', 'dropped', 'abandoned',
]);

function negationConflict(a: ClaimText, b: ClaimText): Conflict | null {
  const da = denialsOf(a);
  const db = denialsOf(b);
  if ((da.length > 0) === (db.length > 0)) return null; // both deny (one stance) or neither does
  const [no, yes, noIsA] = da.length ? [a, b, true] : [b, a, false];
  const denials = da.length ? da : db;
  const tokens = tokensOf(no);
  const asserted = assertedStems(yes);
  const yesTokens = tokensOf(yes);
  // a sentence that words a negative another way ("refused to rule out", "the last time it was
  // considered was in 1914") asserts nothing the other denies: abstain
  if (yesTokens.some((t, i) => IMPLICIT_NEGATIVES.has(t.lower) || (t.lower === 'last' && yesTokens[i + 1]?.lower === 'time'))) return null;
  for (const d of denials) {
    if (!asserted.has(d.what) || corrective(tokens, d)) continue;
    // the denied word as the other claim has it, with the auxiliary before it ("was accurate")
    const k = yesTokens.findIndex((t) => t.content && (t.stem === d.what || DENIAL_PREFIXED.exec(t.lower)?.[2] === d.what));
    // someone quoted asserting or denying it speaks for himself, not for the outlet
    if (k < 0 || yesTokens[k]!.speech || tokens[d.at]!.speech) continue;
    const from = k > 0 && ['is', 'are', 'was', 'were', 'has', 'have', 'had', 'did', 'does', 'will', 'be', 'been'].includes(yesTokens[k - 1]!.lower) ? k - 1 : k;
    const denied = spanText(no, tokens[d.at]!, tokens[d.end]!);
    const stated = spanText(yes, yesTokens[from]!, yesTokens[k]!);
    return {
      kind: 'negation',
      values: noIsA ? [denied, stated] : [stated, denied],
      explanation: `“${stated}” in one, “${denied}” in the other: ${quote(yes.text)} / ${quote(no.text)}`,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Status: one event done in one claim, only planned or expected (or not done) in the other

/** Words before an event that make it planned, expected or only possible. */
const PLANNED_CUES = new Set([
  'will', "'ll", 'would', 'could', 'may', 'might', 'shall', 'expected', 'expects', 'expect', 'plan', 'plans', 'planned', 'planning', 'intent', 'intends',
  'intend', 'intention', 'set', 'scheduled', 'proposal', 'proposed', 'proposes', 'propose', 'proposing', 'considering', 'consider', 'considers', 'weighing',
  'weigh', 'weighs', 'mulling', 'exploring', 'explore', 'explores', 'idea', 'possibility', 'possible', 'likely', 'poised', 'prepared', 'preparing', 'aims', 'seeks', 'threatened', 'threatens', 'wants',
]);
/** Words before an event that leave it unasserted: asked about, supposed, rumoured. */
const UNASSERTED = new Set(['if', 'whether', 'unless', 'asked', 'asking', 'speculated', 'speculation', 'alleged', 'allegedly', 'allegation', 'allegations', 'accused', 'accusing', 'reportedly', 'rumored', 'rumoured', 'suggested', 'suggests']);
/** Nouns that plan what follows them after a verb ("the proposal includes labeling"). */
const PLANNING_NOUNS = new Set(['proposal', 'plan', 'plans', 'intent', 'intention']);
const NOUN_CUES = new Set([...PLANNING_NOUNS, 'idea', 'possibility', 'proposal']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'who', 'we', 'i']);
/** Irregular past participles: an act done. */
const IRREGULAR_DONE = new Set(['made', 'taken', 'done', 'begun', 'struck', 'hit', 'sent', 'won', 'lost', 'held', 'met', 'given', 'brought', 'found', 'paid', 'sold', 'built', 'chosen', 'shot', 'sworn', 'signed', 'sought', 'fought', 'caught', 'thrown', 'withdrawn', 'drawn', 'broken', 'spoken', 'written', 'stolen', 'seen', 'known', 'shown', 'put', 'set', 'cut', 'quit']);
const DONE_AUXILIARIES = new Set(['has', 'have', 'had', 'was', 'were', 'been', 'is', 'are', 'already', "'s", "'ve"]);
/** Events named by different words of one class: designating a group and labelling it; indicting and charging. */
const SAME_EVENT: ReadonlyArray<ReadonlySet<string>> = [new Set(['design', 'label', 'list', 'classifi', 'brand']), new Set(['indict', 'charg'])];

type Mode = 'done' | 'planned' | 'not-done';

interface Event {
  stem: string;
  mode: Mode;
  /** Index of the first word of the cue ("expected to be indicted", "has been charged", "no formal charges"). */
  from: number;
  at: number;
}

function eventKey(stem: string): string {
  const group = SAME_EVENT.findIndex((g) => g.has(stem));
  return group >= 0 ? `#${group}` : stem;
}

/** Negators of a verb, as against those of a noun ("no", "none"). */
const VERB_NEGATORS = new Set(['not', "n't", 'never']);

const eventsOf = cached((claim: ClaimText): Event[] => {
  const tokens = tokensOf(claim);
  const names = new Set(claim.terms.names);
  const out: Event[] = [];
  tokens.forEach((t, i) => {
    if (!t.content || t.speech || names.has(t.lower) || PLANNED_CUES.has(t.lower)) return;
    let mode: Mode | null = null;
    let from = i;
    // a cue before it in its clause, with at most one content word between ("no formal charges",
    // "the proposal includes labeling"): nearest first
    let between = 0;
    for (let k = i - 1; k >= Math.max(0, i - 5) && !tokens[k + 1]!.clauseStart; k--) {
      const p = tokens[k]!;
      if (UNASSERTED.has(p.lower)) return;
      // "the idea of labeling", "plan to file"; not "the idea that he served"
      const nounCue = NOUN_CUES.has(p.lower);
      const governs = !nounCue || ['of', 'to', 'includes', 'include'].includes(tokens[k + 1]?.lower ?? '');
      if (PLANNED_CUES.has(p.lower) && p.raw !== 'May' && governs && (between === 0 || PLANNING_NOUNS.has(p.lower))) {
        mode = 'planned';
        from = k;
        break;
      }
      if ((isNegator(tokens, k) && !DENIAL_PREFIXED.test(p.lower)) || (p.lower === 'yet' && tokens[k + 1]?.lower === 'to')) {
        // a verb's negator ("not", "never", "didn't") with a content word between negates that
        // word ("did not comment on the charges"), not the event; a determiner's ("no formal
        // charges") takes an adjective between
        if (between > 0 && VERB_NEGATORS.has(p.lower.replace(/’/g, "'").replace(/^.*n't$/, "n't"))) break;
        mode = 'not-done';
        from = k;
        break;
      }
      if (p.content && !/ly$/.test(p.lower) && ++between > 1) break;
    }
    if (mode === null) {
      // done: a past form after an auxiliary ("has been charged", "was indicted", "has already
      // designated") or right after who did it ("Trump designated"); "the proposed law" is not an act
      if (!/[a-z]ed$/.test(t.lower) && !IRREGULAR_DONE.has(t.lower)) return;
      let k = i - 1;
      let auxiliary = false;
      while (k >= 0 && i - k <= 4 && (DONE_AUXILIARIES.has(tokens[k]!.lower) || /ly$/.test(tokens[k]!.lower))) {
        if (DONE_AUXILIARIES.has(tokens[k]!.lower)) auxiliary = true;
        k--;
      }
      const subject = tokens[i - 1];
      if (!auxiliary && !(subject && (PRONOUNS.has(subject.lower) || names.has(subject.lower)))) return;
      mode = 'done';
      from = auxiliary ? k + 1 : i;
    }
    // "if they are found to have played", "allegations that he filed": supposed, not asserted
    for (let k = from - 1; k >= Math.max(0, from - 8) && !tokens[k + 1]!.clauseStart; k--) {
      const p = tokens[k]!;
      if (UNASSERTED.has(p.lower) || (NOUN_CUES.has(p.lower) && tokens[k + 1]?.lower === 'that')) return;
    }
    if (mode === 'done' && tokens[from - 1]?.lower === 'to') return;
    // "said he had served", "stated clearly he had not served": his own account, not the outlet's
    const before = tokens.slice(Math.max(0, from - 4), from);
    if (before.some((p) => SAYING.has(p.lower)) && before.some((p) => PRONOUNS.has(p.lower))) return;
    out.push({ stem: t.stem, mode, from, at: i });
  });
  return out;
});

/** Content stems before an event (from its cue back) and after it: who did it and to what. */
function frameOf(claim: ClaimText, e: Event): { before: Set<string>; after: Set<string> } {
  const tokens = tokensOf(claim);
  const skip = new Set([e.stem, ...[...PLANNED_CUES].map(stemOf)]);
  // what is denied starts after the negator: "no formal charges have been filed against Ruiz"
  const after = e.mode === 'not-done' ? stemsAround(tokens, e.from + 1, e.at + 7, skip) : stemsAround(tokens, e.at + 1, e.at + 7, skip);
  return { before: stemsAround(tokens, e.from - 4, e.from, skip), after };
}

/**
 * One event in two claims that were not aligned as one fact: something after the event word in
 * common (what was indicted, filed, designated; two things when one says it was not done), and two things around it in common, a name both
 * claims give counting as one ("Grimm … indicted by a federal grand jury" / "Grimm … expected to
 * be indicted on federal fraud charges").
 */
function sameEventWords(a: ClaimText, x: Event, b: ClaimText, y: Event): boolean {
  const fa = frameOf(a, x);
  const fb = frameOf(b, y);
  // not done against done needs two things in common ("never offered Sestak the job of Secretary
  // of the Navy" is not "was offered positions on advisory boards")
  const objects = shared(fa.after, fb.after);
  if (objects === 0 || (objects < 2 && (x.mode === 'not-done' || y.mode === 'not-done'))) return false;
  const around = shared(new Set([...fa.before, ...fa.after]), new Set([...fb.before, ...fb.after]));
  const names = new Set(a.terms.names);
  return around + (b.terms.names.some((n) => names.has(n)) ? 1 : 0) >= 2;
}

/** The name nearest before an event in its sentence ("the Senate voted", "Grimm has been indicted"). */
function subjectOf(claim: ClaimText, e: Event): string | null {
  const tokens = tokensOf(claim);
  for (let k = e.from - 1; k >= Math.max(0, e.from - 6); k--) {
    const t = tokens[k]!;
    if (t.content && /^\p{Lu}/u.test(t.raw)) return t.stem;
  }
  return null;
}

/** Two events' subjects agree when either is unnamed, or each claim names the other's. */
function sameSubject(a: ClaimText, x: Event, b: ClaimText, y: Event): boolean {
  const sa = subjectOf(a, x);
  const sb = subjectOf(b, y);
  if (!sa || !sb || sa === sb) return true;
  const stems = (c: ClaimText): Set<string> => new Set(tokensOf(c).map((t) => t.stem));
  return stems(b).has(sa) || stems(a).has(sb);
}

function statusConflict(a: ClaimText, b: ClaimText, sameFact: boolean): Conflict | null {
  const ea = eventsOf(a);
  const eb = eventsOf(b);
  for (const x of ea) {
    for (const y of eb) {
      if (eventKey(x.stem) !== eventKey(y.stem) || x.mode === y.mode) continue;
      if (x.mode !== 'done' && y.mode !== 'done') continue; // planned against not yet done agree
      // the same event of the same people or things: a name in both, or words beside the event word
      if (!sameFact && !sameEventWords(a, x, b, y)) continue;
      // of one subject: "the Senate voted" is not what "Congress is set to vote" plans
      if (!sameSubject(a, x, b, y)) continue;
      // "never offered" against a sentence that itself says "that was never the case": abstain
      const [doneClaim, doneEvent, otherMode] = x.mode === 'done' ? [a, x, y.mode] : [b, y, x.mode];
      // "never served" against a claim that itself denies something, or quotes the act: abstain
      if (otherMode === 'not-done' && (denialsOf(doneClaim).length > 0 || tokensOf(doneClaim)[doneEvent.at]!.quoted)) continue;
      const wa = spanText(a, tokensOf(a)[x.from]!, tokensOf(a)[x.at]!);
      const wb = spanText(b, tokensOf(b)[y.from]!, tokensOf(b)[y.at]!);
      const doneIsA = x.mode === 'done';
      const later = laterOf(a, b);
      // reported as done after an earlier report had it planned, expected or not yet done: news
      if (later && (later === 'a') === doneIsA) {
        return { kind: 'update', values: [wa, wb], later, explanation: `“${doneIsA ? wb : wa}” in the earlier report, “${doneIsA ? wa : wb}” in the later one: ${quote(a.text)} / ${quote(b.text)}` };
      }
      const other = doneIsA ? y.mode : x.mode;
      return {
        kind: 'status',
        values: [wa, wb],
        explanation: `done in one (“${doneIsA ? wa : wb}”), ${other === 'planned' ? 'only planned or expected' : 'not done'} in the other (“${doneIsA ? wb : wa}”): ${quote(a.text)} / ${quote(b.text)}`,
      };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Stage: an early stage against a late one

const EARLY = /\b(?:early|initial|preliminary|first)\s+(?:stages?|phases?)\b|\b(?:is|are|was|were|remains?|still)\s+(?:still\s+)?early(?=\s*[.,;]|$)|\bin (?:its|their) infancy\b/i;
const LATE = /\b(?:nearing|near|approaching)\s+(?:the\s+|an?\s+)?(?:execution|completion|final|implementation|end|conclusion)\b(?:\s+(?:phase|stage)s?)?|\b(?:final|advanced|late)\s+(?:stages?|phases?)\b|\bimminent\b/i;
/** The stage is said of something the sentence only points back to ("these deliberations", "that case", "the talks"). */
const POINTS_BACK = /^(?:\p{L}+,\s+)?(?:these|this|that|those|the)\s+\p{L}+/iu;

function stageConflict(a: ClaimText, b: ClaimText, sameFact: boolean): Conflict | null {
  const ea = EARLY.exec(a.text);
  const la = LATE.exec(a.text);
  const eb = EARLY.exec(b.text);
  const lb = LATE.exec(b.text);
  const pa = ea && lb && !la && !eb ? [ea[0], lb[0]] : la && eb && !ea && !lb ? [la[0], eb[0]] : null;
  if (!pa) return null;
  // of one process: one fact, names or words in common, or two sentences that name nothing and
  // point back to the story's own process (within one story, that is the process it is about)
  const anaphoric = (c: ClaimText): boolean => c.terms.names.length === 0 && POINTS_BACK.test(c.text.trim());
  if (!sameFact && !sameArguments(a, b, 2) && !(anaphoric(a) && anaphoric(b))) return null;
  return { kind: 'stage', values: [pa[0]!, pa[1]!], explanation: `“${pa[0]}” against “${pa[1]}”: ${quote(a.text)} / ${quote(b.text)}` };
}


// ---------------------------------------------------------------------------------------------
// Date: one event given two dates

/** "48 hours after the vote", "three days before": a time relative to another event, not a date. */
const RELATIVE_TO_EVENT = /\b(after|before|later|earlier|since|until|within|prior|ago)\b/i;
/** A date fixed to a day: a weekday, a month and day, a numeric date, or yesterday/today/tomorrow. */
const A_DAY = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d\/\d|\b(yesterday|today|tomorrow|tonight)\b/i;
const YEAR_PREPOSITIONS = new Set(['since', 'in', 'from', 'until', 'by', 'during']);

interface Dated {
  /** `YYYY-MM-DD`, or `MM-DD` when the text gives no year (and "Sept. 11" and "9/11" are one day). */
  day: string;
  words: string;
  about: Set<string>;
  /** Past forms near the date: what happened on it ("led", "voted"). */
  acts: Set<string>;
  planned: boolean;
}

function actsAround(tokens: readonly Token[], from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (let k = Math.max(0, from); k < Math.min(tokens.length, to); k++) {
    const t = tokens[k]!;
    if (t.content && (/[a-z]ed$/.test(t.lower) || IRREGULAR_DONE.has(t.lower))) out.add(t.stem);
  }
  return out;
}

const datesOf = cached((claim: ClaimText): Dated[] => {
  const tokens = tokensOf(claim);
  const out: Dated[] = [];
  const reference = claim.published ?? new Date(Date.UTC(2000, 0, 1));
  // chrono is slow and most sentences name no day: parse only those that may
  for (const r of A_DAY.test(claim.text) ? en.parse(claim.text, reference, { forwardDate: false }) : []) {
    if (RELATIVE_TO_EVENT.test(r.text) || !A_DAY.test(r.text)) continue;
    // a relative day ("Tuesday", "yesterday") means nothing without the article's date
    const relative = !r.start.isCertain('month');
    if (relative && !claim.published) continue;
    const at = tokens.findIndex((t) => t.start >= r.index);
    const last = tokens.findIndex((t) => t.end >= r.index + r.text.length);
    if (at < 0 || last < 0 || tokens[at]!.quoted) continue;
    const iso = r.start.date().toISOString().slice(0, 10);
    const day = r.start.isCertain('year') || relative ? iso : iso.slice(5);
    const before = tokens.slice(Math.max(0, at - 6), at);
    out.push({ day, words: r.text, about: stemsAround(tokens, at - 4, last + 4), acts: actsAround(tokens, at - 4, last + 4), planned: before.some((t) => PLANNED_CUES.has(t.lower)) || tokens.slice(0, at).some((t) => t.lower === 'expected' || t.lower === 'scheduled') });
  }
  // years said of an event ("since 2002"), which chrono leaves alone
  tokens.forEach((t, i) => {
    const year = t.number ? Number(t.raw) : NaN;
    const prep = tokens[i - 1];
    if (!(year >= 1900 && year <= 2100) || !prep || !YEAR_PREPOSITIONS.has(prep.lower) || t.quoted) return;
    out.push({ day: `${prep.lower} ${year}`, words: spanText(claim, prep, t), about: stemsAround(tokens, i - 6, i + 3), acts: actsAround(tokens, i - 6, i + 3), planned: false });
  });
  return out;
});

function dateConflict(a: ClaimText, b: ClaimText, sameFact: boolean): Conflict | null {
  const da = datesOf(a);
  const db = datesOf(b);
  // a day without its year ("April 8", `04-08`) is the same day as one with it ("Tuesday" read
  // against the publication date, `2025-04-08`): compared by month and day
  const sameDay = (p: string, q: string): boolean => p === q || (!p.includes(' ') && !q.includes(' ') && p.length !== q.length && p.slice(-5) === q.slice(-5));
  for (const x of da) {
    if (db.some((y) => sameDay(y.day, x.day))) continue;
    for (const y of db) {
      const years = x.day.includes(' ') || y.day.includes(' ');
      // a year against a year with the same preposition; a day against a day
      if (years ? x.day.split(' ')[0] !== y.day.split(' ')[0] || !x.day.includes(' ') || !y.day.includes(' ') : false) continue;
      if (da.some((z) => sameDay(z.day, y.day))) continue;
      // one event, not two events on two days ("rebuffed calls late Monday" / "on Tuesday refused"):
      // within one fact, a word around both dates in common; else two, and the act done on the date
      const around = shared(x.about, y.about);
      if (!(sameFact ? around >= 1 : around >= 2 && shared(x.acts, y.acts) >= 1)) continue;
      const later = laterOf(a, b);
      if (later && (x.planned || y.planned) && x.planned !== y.planned && (later === 'a') === y.planned) {
        return { kind: 'update', values: [x.words, y.words], later, explanation: `“${later === 'a' ? y.words : x.words}” in the earlier report, “${later === 'a' ? x.words : y.words}” in the later one: ${quote(a.text)} / ${quote(b.text)}` };
      }
      return { kind: 'date', values: [x.words, y.words], explanation: `“${x.words}” against “${y.words}”: ${quote(a.text)} / ${quote(b.text)}` };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/**
 * Keys under which a claim may contradict another, for pairs whose wording differs too much to be
 * aligned ("Pelosi has led House Democrats since 2002" / "… since 2003" in a story where every
 * sentence names Pelosi): the unit of a count, a word beside a date, an event said done, planned
 * or not done, a stage. Only claims sharing a key need `conflictBetween`.
 */
export const slotsOf = cached((claim: ClaimText): string[] => {
  const keys = new Set<string>();
  for (const c of countsOf(claim)) keys.add(`n:${c.unit}`);
  for (const d of datesOf(claim)) for (const s of d.about) keys.add(`d:${s}`);
  for (const e of eventsOf(claim)) keys.add(`s:${eventKey(e.stem)}`);
  if (EARLY.test(claim.text) || LATE.test(claim.text)) keys.add('stage');
  return [...keys].sort();
});

/**
 * How two claims contradict each other, or null. `sameFact`: the two were aligned as one fact;
 * only then is a negation in one a denial of the other, and the words around two numbers or dates
 * need share less to be about one thing.
 */
export function conflictBetween(a: ClaimText, b: ClaimText, sameFact: boolean): Conflict | null {
  return numberConflict(a, b, sameFact) ?? (sameFact ? negationConflict(a, b) : null) ?? statusConflict(a, b, sameFact) ?? stageConflict(a, b, sameFact) ?? dateConflict(a, b, sameFact);
}
