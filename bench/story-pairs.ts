// Same-fact decisions on three-outlet stories with a fact-checker's gold, pair by pair: every two
// gold-annotated claims of different articles (the claims that hold a gold shared fact's mentions
// or a single-source fact's snippet) is a pair, the same fact when the gold gives both to one fact.
// A pair is linked when the dossier puts the two claims in one claim group. Prints pair precision
// and recall per half (even years for tuning, odd years held out), and the same-fact model's raw
// score at the threshold, for comparison.
// Usage: npm run bench:story-pairs -- [EVENTS_DIR]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { frequenciesOf } from '../src/align/pair-features.ts';
import { isSameFact, sameFactScore } from '../src/align/same-fact.ts';
import { analyzeInputs } from '../src/index.ts';
import { claimTerms } from '../src/dossier/build-claims.ts';
import { annotatedClaims, type Gold } from '../scripts/read-story-pairs.ts';

const root = join(import.meta.dirname, '..');
const eventsDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'stories', 'basil-dev'));
const OUTLETS = ['fox', 'hpo', 'nyt'];

interface Tally {
  positives: number;
  linked: number;
  linkedRight: number;
  raw: number;
  rawRight: number;
  /** Gold shared-fact mentions shown alone, and of those how many list another mention of their fact as "possibly also in". */
  /** Linked pairs inside groups resting on a closest match, and how many of them are right. */
  closestLinked: number;
  closestRight: number;
  alone: number;
  aloneHinted: number;
  hints: number;
  hintsRight: number;
}
const halves: Record<'even' | 'odd', Tally> = {
  even: { positives: 0, linked: 0, linkedRight: 0, raw: 0, rawRight: 0, closestLinked: 0, closestRight: 0, alone: 0, aloneHinted: 0, hints: 0, hintsRight: 0 },
  odd: { positives: 0, linked: 0, linkedRight: 0, raw: 0, rawRight: 0, closestLinked: 0, closestRight: 0, alone: 0, aloneHinted: 0, hints: 0, hintsRight: 0 },
};


for (const event of readdirSync(eventsDir).filter((e) => existsSync(join(eventsDir, e, 'gold.json'))).sort()) {
  const half = Number.parseInt(event.slice(0, 4), 10) % 2 === 0 ? 'even' : 'odd';
  const gold = JSON.parse(readFileSync(join(eventsDir, event, 'gold.json'), 'utf8')) as Gold;
  const inputs = OUTLETS.map((k) => join(eventsDir, event, `${k}.json`)).filter((f) => existsSync(f));
  const { dossier } = await analyzeInputs(inputs);
  const annotated = annotatedClaims(dossier, gold);
  const closestGroup = new Set(dossier.claimGroups.filter((g) => g.closestMatch).map((g) => g.id));
  const groupOf = new Map<string, string>();
  for (const g of dossier.claimGroups) for (const id of g.claimIds) groupOf.set(id, g.id);
  const claimTermList = claimTerms(dossier.claims, dossier.entities);
  const terms = new Map(dossier.claims.map((c, i) => [c.id, claimTermList[i]!]));
  const freq = frequenciesOf([...terms.values()].map((t) => t.stems));
  const t = halves[half];
  const factsOf = new Map<string, Set<string>>();
  for (const x of annotated) (factsOf.get(x.claim.id) ?? factsOf.set(x.claim.id, new Set()).get(x.claim.id)!).add(x.fact);
  const sharedIds = new Set(gold.sharedFacts.map((f) => f.id));
  for (const g of dossier.claimGroups) {
    if (g.articleIds.length > 1) continue;
    const facts = [...(factsOf.get(g.claimIds[0]!) ?? [])];
    for (const p of g.possiblyAlsoIn) {
      t.hints++;
      if ([...(factsOf.get(p.claimId) ?? [])].some((f) => facts.includes(f))) t.hintsRight++;
    }
    if (!facts.some((f) => sharedIds.has(f))) continue;
    t.alone++;
    if (g.possiblyAlsoIn.some((p) => [...(factsOf.get(p.claimId) ?? [])].some((f) => facts.includes(f)))) t.aloneHinted++;
  }
  const seen = new Set<string>();
  for (let i = 0; i < annotated.length; i++) {
    for (let j = i + 1; j < annotated.length; j++) {
      const x = annotated[i]!;
      const y = annotated[j]!;
      const key = [x.claim.id, y.claim.id].sort().join(',');
      if (x.claim.articleId === y.claim.articleId || seen.has(key)) continue;
      seen.add(key);
      const same = x.fact === y.fact;
      const linked = groupOf.get(x.claim.id) === groupOf.get(y.claim.id);
      const raw = isSameFact(sameFactScore(terms.get(x.claim.id)!, terms.get(y.claim.id)!, freq));
      if (same) t.positives++;
      if (linked) { t.linked++; if (same) t.linkedRight++; }
      if (linked && closestGroup.has(groupOf.get(x.claim.id)!)) { t.closestLinked++; if (same) t.closestRight++; }
      if (raw) { t.raw++; if (same) t.rawRight++; }
    }
  }
}
const f3 = (a: number, b: number): string => (b ? (a / b).toFixed(3) : 'n/a');
for (const [half, t] of Object.entries(halves)) {
  console.log(`${half} years: ${t.positives} same-fact pairs; grouped P ${f3(t.linkedRight, t.linked)} R ${f3(t.linkedRight, t.positives)} (in groups marked closestMatch P ${f3(t.closestRight, t.closestLinked)} of ${t.closestLinked}, in the others ${f3(t.linkedRight - t.closestRight, t.linked - t.closestLinked)} of ${t.linked - t.closestLinked}); model score alone P ${f3(t.rawRight, t.raw)} R ${f3(t.rawRight, t.positives)}; shared-fact claims shown alone ${t.alone}, of them with the fact's other mention under "possibly also in" ${f3(t.aloneHinted, t.alone)} (${t.hintsRight} of ${t.hints} hints on annotated claims right)`);
}
