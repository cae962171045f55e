// The stance an article's own sentences decide when they are about the claim's proposition: a
// clause that denies it, gives it another status or another number → disagree; one that only
// hedges it ("may have been charged") → discuss; one that states it as the claim does → agree.
// Conflicts are judged by the dossier's own logic (`conflictBetween`), fed the clause's negation as
// read around the predicate (proposition.ts); done against planned of a status verb ("has been
// charged" / "is expected to be charged") is read here, which `conflictBetween` leaves to its
// own verb lists. No such clause, or clauses that both state and deny it: no decision (the learned
// model decides).
import { conflictBetween, type ClaimText, type Conflict } from '../align/contradictions.ts';
import type { Frequencies } from '../align/pair-features.ts';
import { termsOf } from '../text/terms.ts';
import { claimNames, claimWeights, clausesOf, coverage, isReported, predicatesOf, readClause, sameNames, type Reading } from './proposition.ts';
import type { Stance } from './stance.ts';

/** Share of the claim's weighted content words a clause must hold to state the whole claim. */
const FULL = 0.6;

export interface Decision {
  stance: Exclude<Stance, 'unrelated'>;
  kind: Conflict['kind'] | 'hedge' | 'same';
  explanation: string;
  /** Index of the deciding sentence. */
  sentence: number;
}

interface Found extends Decision {
  coverage: number;
}

function quote(text: string, max = 100): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? `“${t}”` : `“${t.slice(0, max - 1)}…”`;
}

function asClaimText(text: string, reading: Reading): ClaimText {
  const terms = termsOf(text);
  // the negation that counts is the one on the predicate, not one anywhere in the clause
  return { text, terms: { ...terms, negated: reading.denied }, published: null };
}

export function decideByProposition(claim: string, sentences: readonly string[], freq: Frequencies): Decision | null {
  const predicates = predicatesOf(claim);
  const claimReading = readClause(claim, predicates, { headline: true });
  // a hedged claim ("may have been charged") is neither confirmed nor denied by one clause
  // so is a claim with no predicate to read ("Christian Bale is Steve Jobs"): the model decides
  if (predicates.size === 0 || claimReading.status === 'hedged' || isReported(claim)) return null;
  const weights = claimWeights(termsOf(claim), freq);
  const claimText = asClaimText(claim, claimReading);
  const names = claimNames(claim);
  const articleLower = sentences.join(' ').toLowerCase();
  const found: Found[] = [];
  sentences.forEach((sentence, i) => {
    // a clause holds no more of the claim than its sentence: most sentences are passed over here
    const terms = termsOf(sentence);
    if (!terms.stems.some((s) => predicates.has(s)) && coverage(weights, terms) < FULL) return;
    let best: Found | null = null;
    for (const clause of clausesOf(sentence)) {
      if (!sameNames(names, clause.terms, articleLower)) continue;
      const cover = coverage(weights, clause.terms);
      // synonyms count for the predicate only where the clause holds most of the claim
      const reading = readClause(clause.text, predicates, { synonyms: cover >= FULL });
      const full = cover >= FULL && reading.predicate;
      // the predicate with the claim's names is the core of the proposition: denying or
      // doubting it denies or doubts the whole, stating it does not state the whole
      if (!reading.predicate) continue;
      const found = judge(claimText, claimReading, clause.text, reading, full, i);
      if (found && (!best || cover > best.coverage)) best = { ...found, coverage: cover };
    }
    if (best) found.push(best);
  });
  return aggregate(found);
}

function judge(claim: ClaimText, claimReading: Reading, text: string, reading: Reading, full: boolean, sentence: number): Decision | null {
  // "Reports that he was charged are inaccurate" denies, though it reports
  if (reading.status === 'hedged' && !reading.denied) return { stance: 'discuss', kind: 'hedge', explanation: `only hedged: ${quote(text)}`, sentence };
  let conflict = conflictBetween(claim, asClaimText(text, reading), true);
  // the clause's own reading denies the claim's predicate ("no charges have been filed", "reports
  // that she was charged are inaccurate") where the dossier's word-level negation abstains
  if (!conflict && reading.denied !== claimReading.denied) {
    conflict = { kind: 'negation', values: [claim.text, text], explanation: `one states it, the other denies it: ${quote(claimReading.denied ? text : claim.text)} / ${quote(claimReading.denied ? claim.text : text)}` };
  }
  if (conflict?.kind === 'negation') {
    // the side that does not deny must state the act ("has been charged", "will play"), not
    // only name it ("the story of Banksy's arrest")
    const [asserts, denies] = claimReading.denied ? [reading, claimReading] : [claimReading, reading];
    if (!(asserts.status === 'done' || (asserts.status !== 'unstated' && asserts.status === denies.status))) conflict = null;
  }
  // a number or a date belongs to the whole proposition: compared only where the clause states it all
  if (conflict && (full || conflict.kind === 'negation' || conflict.kind === 'status')) return { stance: 'disagree', kind: conflict.kind, explanation: conflict.explanation, sentence };
  const statuses = new Set([claimReading.status, reading.status]);
  if (statuses.has('done') && statuses.has('planned') && !reading.denied && !claimReading.denied) {
    const [done, planned] = claimReading.status === 'planned' ? [text, claim.text] : [claim.text, text];
    return { stance: 'disagree', kind: 'status', explanation: `done in one, only planned or expected in the other: ${quote(done)} / ${quote(planned)}`, sentence };
  }
  // agreement needs the clause to state it as is, in the claim's status
  if (full && !conflict && reading.plain && claimReading.plain && reading.status === claimReading.status) return { stance: 'agree', kind: 'same', explanation: `states it: ${quote(text)}`, sentence };
  return null;
}

function aggregate(found: readonly Found[]): Decision | null {
  const of = (stance: Decision['stance']): Found[] => found.filter((f) => f.stance === stance).sort((a, b) => b.coverage - a.coverage || a.sentence - b.sentence);
  const [disagree, agree, discuss] = [of('disagree'), of('agree'), of('discuss')];
  const pick = (f: Found): Decision => ({ stance: f.stance, kind: f.kind, explanation: f.explanation, sentence: f.sentence });
  // an article that both states and denies it: the learned model weighs the rest
  if (disagree.length && agree.length) return null;
  if (disagree.length) return pick(disagree[0]!);
  if (agree.length) return pick(agree[0]!);
  if (discuss.length) return pick(discuss[0]!);
  return null;
}
