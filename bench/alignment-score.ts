// Scores a dossier's claim groups against hand-written alignment labels (see
// test/fixtures/drone-strikes-2025/alignment.json): pair precision (claims of different articles
// grouped together that the labels put in one fact), fact recall (labelled facts of which at least
// one cross-article pair is grouped), pair recall, single-source facts kept single-source, and
// contradictions found (either order, any group).
import type { Dossier } from '../src/model.ts';

type Ref = [string, string];

export interface AlignmentLabels {
  facts: Array<{ fact: string; claims: Ref[] }>;
  singleSource: Ref[];
  contradictions: Array<{ kind: string; a: Ref; b: Ref }>;
}

export interface AlignmentScore {
  pairPrecision: number;
  pairRecall: number;
  factRecall: number;
  singleSourceKept: number;
  contradictionsFound: number;
  missing: string[];
}

export function scoreAlignment(dossier: Dossier, labels: AlignmentLabels): AlignmentScore {
  const fileOf = new Map(dossier.articles.map((a) => [a.id, a.source.split(/[\\/]/).pop()!.slice(0, 3)]));
  const missing: string[] = [];
  // as the story scorer does: the claim covering most of the labelled words, at least half of them
  // (a label may run over two clauses a sentence is split into)
  const claimOf = ([file, words]: Ref): string | null => {
    const article = dossier.articles.find((a) => fileOf.get(a.id) === file);
    const at = article ? article.text.indexOf(words) : -1;
    let best: { id: string; overlap: number } | null = null;
    for (const c of at < 0 ? [] : dossier.claims) {
      if (c.articleId !== article!.id) continue;
      const overlap = Math.min(c.end, at + words.length) - Math.max(c.start, at);
      if (overlap > (best?.overlap ?? 0)) best = { id: c.id, overlap };
    }
    if (!best || best.overlap < words.length / 2) {
      missing.push(`${file} "${words}": ${at < 0 ? 'not in the text' : 'no claim holds it'}`);
      return null;
    }
    return best.id;
  };
  const articleOf = new Map(dossier.claims.map((c) => [c.id, c.articleId]));
  const groupOf = new Map<string, string>();
  for (const g of dossier.claimGroups) for (const id of g.claimIds) groupOf.set(id, g.id);
  const key = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const gold = new Set<string>();
  let factsFound = 0;
  for (const fact of labels.facts) {
    const ids = fact.claims.map(claimOf).filter((id): id is string => id !== null);
    let found = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (articleOf.get(ids[i]!) === articleOf.get(ids[j]!) || ids[i] === ids[j]) continue;
        gold.add(key(ids[i]!, ids[j]!));
        if (groupOf.get(ids[i]!) === groupOf.get(ids[j]!)) found = true;
      }
    }
    if (found) factsFound++;
  }
  let tp = 0;
  let predicted = 0;
  for (const g of dossier.claimGroups) {
    for (let i = 0; i < g.claimIds.length; i++) {
      for (let j = i + 1; j < g.claimIds.length; j++) {
        const a = g.claimIds[i]!;
        const b = g.claimIds[j]!;
        if (articleOf.get(a) === articleOf.get(b)) continue;
        predicted++;
        if (gold.has(key(a, b))) tp++;
      }
    }
  }
  const statusOf = new Map(dossier.claimGroups.flatMap((g) => g.claimIds.map((id) => [id, g] as const)));
  const singles = labels.singleSource.map(claimOf).filter((id): id is string => id !== null);
  const kept = singles.filter((id) => statusOf.get(id)?.articleIds.length === 1).length;
  const conflicts = new Set(dossier.claimGroups.flatMap((g) => g.contradictions.map((c) => `${key(c.claimId, c.withClaimId)}|${c.kind}`)));
  const foundConflicts = labels.contradictions.filter((c) => {
    const a = claimOf(c.a);
    const b = claimOf(c.b);
    return a && b && conflicts.has(`${key(a, b)}|${c.kind}`);
  }).length;
  return {
    pairPrecision: tp / (predicted || 1),
    pairRecall: tp / (gold.size || 1),
    factRecall: factsFound / (labels.facts.length || 1),
    singleSourceKept: kept / (singles.length || 1),
    contradictionsFound: foundConflicts / (labels.contradictions.length || 1),
    missing,
  };
}
