// Whether two claims about the same subject contradict each other, and how: different numbers
// for the same quantity, done against planned, one negated, different dates, a different stage.
// The caller decides that the two are about the same subject; this decides the kind.
import * as chrono from 'chrono-node';
import type { Terms } from '../text/terms.ts';

export interface ClaimText {
  text: string;
  terms: Terms;
  /** The article's publication date, to read relative dates against. */
  published: Date | null;
}

export interface Conflict {
  kind: 'number' | 'status' | 'negation' | 'date' | 'stage';
  explanation: string;
}

/** Done: a completed act ("has designated", "launched", "carried out"). */
const DONE = /\b(has|have|had)\s+(already\s+)?(\w+ed|begun|done|made|taken|struck|hit|signed|sent)\b|\b(designated|launched|conducted|carried out|approved|authorized|ordered|announced|signed|killed|struck)\b/i;
/** Planned or only possible. */
const PLANNED = /\b(considering|considers|weighing|weighs|exploring|explores|mulling|mulls|plans?\s+to|planning|proposed|proposes|proposal|could|would|may|might|is set to|are set to|will|possibility|options?|contemplating)\b/i;
const EARLY = /\b(early|initial|preliminary)\s+(stages?|phase|planning)|\bin (its|their) infancy\b/i;
const LATE = /\b(nearing|near)\s+(the\s+)?(execution|completion|final|implementation)|\b(final|advanced|late)\s+(stages?|phase)|\bimminent\b/i;

function quote(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? `“${t}”` : `“${t.slice(0, max - 1)}…”`;
}

const RELATIVE_TO_EVENT = /\b(after|before|later|earlier|since|until|within|prior)\b/i;

function dayOf(claim: ClaimText): string | null {
  const found = chrono.en.parse(claim.text, claim.published ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  for (const r of found) {
    // "48 hours after the vote", "three days before": a time relative to another event, not a date
    if (RELATIVE_TO_EVENT.test(r.text)) continue;
    // only dates the text fixes to a day: "April 8", "Tuesday" against a known publication date
    if ((r.start.isCertain('day') && r.start.isCertain('month')) || (claim.published && (r.start.isCertain('day') || r.start.isCertain('weekday')))) return r.start.date().toISOString().slice(0, 10);
  }
  return null;
}

/** `sameFact`: the two were aligned as one fact; only then is a negation in one a denial of the other. */
/** Content words after a status word that name what it is said of. */
const OBJECT_WORDS = 5;
/** Words the two objects must share to be one thing. */
const SAME_OBJECT = 2;

/** What a status word is said of: the stems of the content words right after each match. */
function objectsOf(claim: ClaimText, pattern: RegExp): Array<Set<string>> {
  const out: Array<Set<string>> = [];
  const global = new RegExp(pattern.source, 'gi');
  for (const m of claim.text.matchAll(global)) {
    const after = m.index + m[0].length;
    const k = claim.terms.offsets.findIndex((o) => o >= after);
    if (k >= 0) out.push(new Set(claim.terms.stems.slice(k, k + OBJECT_WORDS).filter((s) => !/^\p{N}/u.test(s))));
  }
  return out;
}

/** One claim says of something that it is done, the other that it is only planned or considered. */
function doneAgainstPlanned(done: ClaimText, planned: ClaimText): boolean {
  for (const a of objectsOf(done, DONE)) {
    for (const b of objectsOf(planned, PLANNED)) {
      let shared = 0;
      for (const s of a) if (b.has(s)) shared++;
      if (shared >= SAME_OBJECT) return true;
    }
  }
  return false;
}

function valuesByUnit(claim: ClaimText): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const q of claim.terms.quantities) if (q.unit) (out.get(q.unit) ?? out.set(q.unit, new Set()).get(q.unit)!).add(q.value);
  return out;
}

function numberConflict(a: ClaimText, b: ClaimText): { a: number; b: number; unit: string } | null {
  const inB = valuesByUnit(b);
  for (const [unit, values] of valuesByUnit(a)) {
    const other = inB.get(unit);
    if (!other) continue;
    const onlyA = [...values].find((v) => !other.has(v));
    const onlyB = [...other].find((v) => !values.has(v));
    if (onlyA !== undefined && onlyB !== undefined) return { a: onlyA, b: onlyB, unit };
  }
  return null;
}

/**
 * Words that deny a statement as "not" does: "not accurate" and "inaccurate" take one stance. Kept
 * here rather than in the terms' negation, which trained models read as they were trained.
 */
const DENIAL = /\b(untrue|inaccurate|incorrect|unfounded|baseless)\b/i;

function denies(claim: ClaimText): boolean {
  return claim.terms.negated || DENIAL.test(claim.text);
}

export function conflictBetween(a: ClaimText, b: ClaimText, sameFact: boolean): Conflict | null {
  // different numbers for the same thing counted: a number of one that the other does not give,
  // against one the other gives that the first does not ("3 people were hurt and 9 people were
  // arrested" twice holds 3 and 9 people both times, and contradicts nothing)
  const numbers = numberConflict(a, b);
  if (numbers) return { kind: 'number', explanation: `${numbers.a} against ${numbers.b} (${numbers.unit}): ${quote(a.text)} / ${quote(b.text)}` };
  if (sameFact && denies(a) !== denies(b)) {
    const [yes, no] = denies(a) ? [b, a] : [a, b];
    return { kind: 'negation', explanation: `one states it, the other denies it: ${quote(yes.text)} / ${quote(no.text)}` };
  }
  // done against planned, said of the same thing: what follows the status words is shared
  const aDone = doneAgainstPlanned(a, b);
  if (aDone || doneAgainstPlanned(b, a)) {
    const [done, planned] = aDone ? [a, b] : [b, a];
    return { kind: 'status', explanation: `done in one, only planned or considered in the other: ${quote(done.text)} / ${quote(planned.text)}` };
  }
  if ((EARLY.test(a.text) && LATE.test(b.text)) || (LATE.test(a.text) && EARLY.test(b.text))) {
    return { kind: 'stage', explanation: `an early stage in one, a late stage in the other: ${quote(a.text)} / ${quote(b.text)}` };
  }
  // one event given two dates, not two events with two dates: only between claims of one fact
  if (!sameFact) return null;
  const dayA = dayOf(a);
  const dayB = dayOf(b);
  if (dayA && dayB && dayA !== dayB) return { kind: 'date', explanation: `${dayA} against ${dayB}: ${quote(a.text)} / ${quote(b.text)}` };
  return null;
}
