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

function dayOf(claim: ClaimText): string | null {
  const found = chrono.en.parse(claim.text, claim.published ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  for (const r of found) {
    // only dates the text fixes to a day: "April 8", "Tuesday" against a known publication date
    if (r.start.isCertain('day') && (r.start.isCertain('month') || claim.published)) return r.start.date().toISOString().slice(0, 10);
  }
  return null;
}

/** `sameFact`: the two were aligned as one fact; only then is a negation in one a denial of the other. */
export function conflictBetween(a: ClaimText, b: ClaimText, sameFact: boolean): Conflict | null {
  // different numbers for the same thing counted
  for (const qa of a.terms.quantities) {
    for (const qb of b.terms.quantities) {
      if (qa.unit && qa.unit === qb.unit && qa.value !== qb.value) {
        return { kind: 'number', explanation: `${qa.value} against ${qb.value} (${qa.unit}): ${quote(a.text)} / ${quote(b.text)}` };
      }
    }
  }
  if (sameFact && a.terms.negated !== b.terms.negated) {
    const [yes, no] = a.terms.negated ? [b, a] : [a, b];
    return { kind: 'negation', explanation: `one states it, the other denies it: ${quote(yes.text)} / ${quote(no.text)}` };
  }
  const doneA = DONE.test(a.text) && !PLANNED.test(a.text);
  const doneB = DONE.test(b.text) && !PLANNED.test(b.text);
  if (doneA !== doneB && (PLANNED.test(doneA ? b.text : a.text))) {
    const [done, planned] = doneA ? [a, b] : [b, a];
    return { kind: 'status', explanation: `done in one, only planned or considered in the other: ${quote(done.text)} / ${quote(planned.text)}` };
  }
  if ((EARLY.test(a.text) && LATE.test(b.text)) || (LATE.test(a.text) && EARLY.test(b.text))) {
    return { kind: 'stage', explanation: `an early stage in one, a late stage in the other: ${quote(a.text)} / ${quote(b.text)}` };
  }
  const dayA = dayOf(a);
  const dayB = dayOf(b);
  if (dayA && dayB && dayA !== dayB) return { kind: 'date', explanation: `${dayA} against ${dayB}: ${quote(a.text)} / ${quote(b.text)}` };
  return null;
}
