// Figures about a dossier that every report shows: per article, words, sentences and what
// extraction removed by kind. Presentation helpers only, no analysis.
import type { Article, Dossier, RemovedKind } from '../model.ts';

export const REMOVED_KINDS: readonly RemovedKind[] = ['boilerplate', 'embed', 'comment', 'ad', 'navigation'];

export interface ArticleFigures {
  words: number;
  sentences: number;
  removedByKind: Record<RemovedKind, number>;
}

export function articleFigures(article: Article): ArticleFigures {
  const removedByKind = Object.fromEntries(REMOVED_KINDS.map((k) => [k, 0])) as Record<RemovedKind, number>;
  for (const piece of article.removed) removedByKind[piece.kind] += 1;
  return {
    words: (article.text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length,
    sentences: article.sentences.length,
    removedByKind,
  };
}

/** How a report names an article: its outlet, else its headline, else its file name. */
export function articleLabel(article: Article): string {
  return article.outlet ?? article.title ?? (article.source.split(/[\\/]/).pop() || article.source);
}

/** A fact as the reports show it: its claims with their outlets, best-worded first. */
export interface FactView {
  groupId: string;
  claims: Array<{ id: string; text: string; outlet: string; attribution: string | null; hedged: boolean }>;
  outlets: number;
  origins: number;
  /** The independent origins as a reader names them ("Joe Sestak’s statement", "AP", "nyt’s own reporting"). */
  originLabels: string[];
  checkworthiness: number;
  /** For a fact one article states: the closest claim of each other article, below the same-fact threshold. */
  possiblyAlsoIn: Array<{ outlet: string; text: string }>;
  /** The group rests on a pair matched only as each other's closest sentences: less sure. */
  closestMatch: boolean;
}

export interface ContradictionView {
  kind: string;
  explanation: string;
  a: { id: string; text: string; outlet: string };
  b: { id: string; text: string; outlet: string };
  /** The words compared, [a's, b's] ("48-page", "47-page"); empty in a dossier written before they were kept. */
  values: string[];
  /** For an `update`: which side was published later. */
  later: 'a' | 'b' | null;
}

export interface ClaimSections {
  /** Two or more independent origins. */
  established: FactView[];
  /** Contradictions, both sides. */
  contested: ContradictionView[];
  /** Contradictions between claims not matched as one fact: uncertain, shown apart. */
  possiblyContested: ContradictionView[];
  /** One origin, most worth checking first; some repeated by several outlets. */
  singleSource: FactView[];
}

/** The claim sections of the reports, in a stable order: most outlets, then most check-worthy. */
export function claimSections(dossier: Dossier, maxSingle = 25): ClaimSections {
  const articles = new Map(dossier.articles.map((a) => [a.id, a]));
  const claims = new Map(dossier.claims.map((c) => [c.id, c]));
  const entities = new Map(dossier.entities.map((e) => [e.id, e.name]));
  const label = (articleId: string): string => articleLabel(articles.get(articleId)!);
  // who a claim is attributed to: the entity's name, with the article's own words when they differ ("Claudia Sheinbaum (she)")
  const attributed = (c: Dossier['claims'][number]): string | null => {
    const name = c.attributionEntityId ? entities.get(c.attributionEntityId) : undefined;
    if (!c.attribution) return null;
    return name && !name.endsWith(c.attribution) && !c.attribution.endsWith(name) ? `${name} (${c.attribution})` : c.attribution;
  };
  const view = (g: Dossier['claimGroups'][number]): FactView => {
    const members = g.claimIds.map((id) => claims.get(id)!);
    return {
      groupId: g.id,
      claims: members.map((c) => ({ id: c.id, text: c.text, outlet: label(c.articleId), attribution: attributed(c), hedged: c.hedged })),
      outlets: g.articleIds.length,
      origins: g.independentOrigins,
      originLabels: g.originDetails.map((o) => o.label),
      checkworthiness: Math.max(...members.map((c) => c.checkworthiness)),
      possiblyAlsoIn: g.possiblyAlsoIn.map((p) => ({ outlet: label(p.articleId), text: claims.get(p.claimId)!.text })),
      closestMatch: g.closestMatch,
    };
  };
  const byWeight = (a: FactView, b: FactView): number => b.outlets - a.outlets || b.checkworthiness - a.checkworthiness || a.groupId.localeCompare(b.groupId);
  const established = dossier.claimGroups.filter((g) => g.status === 'corroborated').map(view).sort(byWeight);
  const singleSource = dossier.claimGroups.filter((g) => g.status === 'single-source').map(view).sort(byWeight).slice(0, maxSingle);
  const views = (pick: (g: Dossier['claimGroups'][number]) => Dossier['claimGroups'][number]['contradictions']): ContradictionView[] => {
    const seen = new Set<string>();
    const out: ContradictionView[] = [];
    for (const g of dossier.claimGroups) {
      for (const c of pick(g)) {
        const key = `${c.claimId}|${c.withClaimId}|${c.kind}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = claims.get(c.claimId)!;
        const b = claims.get(c.withClaimId)!;
        const later = c.laterClaimId === c.claimId ? 'a' : c.laterClaimId === c.withClaimId ? 'b' : null;
        out.push({ kind: c.kind, explanation: c.explanation, a: { id: a.id, text: a.text, outlet: label(a.articleId) }, b: { id: b.id, text: b.text, outlet: label(b.articleId) }, values: c.values ?? [], later });
      }
    }
    return out;
  };
  const contested = views((g) => g.contradictions);
  const possiblyContested = views((g) => g.possibleContradictions);
  return { established, contested, possiblyContested, singleSource };
}

/** Text one article shares with another outside quotations: the evidence of a rewrite. */
export interface DerivationView {
  /** The later article (the rewrite) when the direction is known; else either of the two. */
  outlet: string;
  articleId: string;
  /** The article it rewrites, or shares text with. */
  fromOutlet: string;
  fromArticleId: string;
  directionKnown: boolean;
  passages: string[];
}

/** Every shared-text link once: a pair whose direction is unknown is listed on both articles and shown once. */
export function derivationViews(dossier: Dossier): DerivationView[] {
  const articles = new Map(dossier.articles.map((a) => [a.id, a]));
  const order = new Map(dossier.articles.map((a, i) => [a.id, i]));
  const views: DerivationView[] = [];
  for (const s of dossier.sources) {
    for (const d of s.derivations) {
      if (!d.directionKnown && (order.get(d.fromArticleId) ?? 0) < (order.get(s.articleId) ?? 0)) continue;
      const from = articles.get(d.fromArticleId);
      views.push({
        outlet: articleLabel(articles.get(s.articleId)!),
        articleId: s.articleId,
        fromOutlet: from ? articleLabel(from) : d.fromArticleId,
        fromArticleId: d.fromArticleId,
        directionKnown: d.directionKnown,
        passages: d.shared.map((p) => p.text),
      });
    }
  }
  return views;
}
