// Claims across a story's articles: each claim with a stable id; claims of the same fact grouped;
// the primary sources each article names and which articles rewrite which; for each group the
// number of independent origins and its status. An origin is where a fact comes from: the
// organisation or document an article attributes it to ("according to the AP", "NBC News
// reported"); else, in an article that says another outlet was told the story ("… told NBC
// News"), that outlet's report; else the article's own reporting, where a rewrite counts as the
// article it rewrites and articles of one outlet as one.
import { createHash } from 'node:crypto';
import { alignClaims, type AlignableClaim } from '../align/group-claims.ts';
import type { ClaimFinding } from '../claims/find-claims.ts';
import type { Article, Attribution, Claim, ClaimGroup, Entity } from '../model.ts';
import { findDerivations } from '../provenance/derivation.ts';
import { findCites, type Cite } from '../provenance/find-cites.ts';
import { indexSpans, startingIn, type SpanIndex } from '../text/span-index.ts';
import { termsOf, type Terms } from '../text/terms.ts';

export interface ClaimsSection {
  claims: Claim[];
  claimGroups: ClaimGroup[];
  sources: Array<{ articleId: string; cites: Cite[]; derivedFrom: string[] }>;
}

function idOf(prefix: string, key: string): string {
  return `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}

function dateOf(publishedAt: string | null): Date | null {
  if (!publishedAt) return null;
  const d = new Date(publishedAt);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Each article's pronouns and role phrases ("he", "the congressman") with the surname of the person they stand for, by position. */
function referentsByArticle(entities: readonly Entity[]): Map<string, SpanIndex<{ start: number; end: number; name: string }>> {
  const spans = new Map<string, Array<{ start: number; end: number; name: string }>>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const surname = e.name.toLowerCase().split(/\s+/).filter((w) => !/^(jr|sr|ii|iii|iv)\.?$/.test(w)).pop();
    if (!surname) continue;
    for (const m of e.mentions) {
      if (m.form === 'name') continue;
      (spans.get(m.articleId) ?? spans.set(m.articleId, []).get(m.articleId)!).push({ start: m.start, end: m.end, name: surname });
    }
  }
  return new Map([...spans].map(([id, list]) => [id, indexSpans(list)]));
}

/** A claim's names with the people its pronouns and role phrases stand for: "he was indicted" names Hunter when "he" is Hunter. */
function withReferents(terms: Terms, referents: SpanIndex<{ start: number; end: number; name: string }> | undefined, span: { start: number; end: number }): Terms {
  if (!referents) return terms;
  const added = startingIn(referents, span.start, span.end).filter((r) => r.end <= span.end).map((r) => r.name);
  return added.length ? { ...terms, names: [...new Set([...terms.names, ...added])] } : terms;
}

/** Near matches kept for a single-source fact: the closest few, not one per article of a large story. */
const MAX_POSSIBLY = 3;

export function buildClaims(findings: readonly ClaimFinding[], articles: readonly Article[], attributions: readonly Attribution[], entities: readonly Entity[]): ClaimsSection {
  const articleIndex = new Map(articles.map((a, i) => [a.id, i]));
  const ordered = [...findings].sort((x, y) => articleIndex.get(x.articleId)! - articleIndex.get(y.articleId)! || x.start - y.start);
  const entityOfSource = new Map<string, string | null>();
  for (const a of attributions) {
    const key = a.source ? `${a.articleId}:${a.source.start}:${a.source.end}` : null;
    if (key && !entityOfSource.has(key)) entityOfSource.set(key, a.source!.entityId);
  }
  const claims: Claim[] = ordered.map((f) => ({
    id: idOf('c', `${f.articleId}:${f.start}:${f.end}`),
    articleId: f.articleId,
    text: f.text,
    start: f.start,
    end: f.end,
    attribution: f.attribution,
    attributionSpan: f.attributionStart !== null && f.attributionEnd !== null ? { start: f.attributionStart, end: f.attributionEnd } : null,
    attributionEntityId: entityOfSource.get(`${f.articleId}:${f.attributionStart}:${f.attributionEnd}`) ?? null,
    hedged: f.hedges.length > 0,
    hedges: f.hedges,
    checkworthiness: f.checkworthiness,
  }));
  const published = new Map(articles.map((a) => [a.id, dateOf(a.publishedAt)]));
  const referents = referentsByArticle(entities);
  const alignable: AlignableClaim[] = claims.map((c) => ({ articleId: c.articleId, text: c.text, terms: withReferents(termsOf(c.text), referents.get(c.articleId), c), published: published.get(c.articleId) ?? null }));
  const { groups, conflicts, near } = alignClaims(alignable);

  // facts two articles share, in each one's order, for the rewrite check
  const position = new Map<number, number>();
  const perArticle = articles.map(() => 0);
  claims.forEach((c, i) => {
    const a = articleIndex.get(c.articleId)!;
    position.set(i, perArticle[a]!);
    perArticle[a]!++;
  });
  const aligned = new Map<string, Array<[number, number]>>();
  for (const group of groups) {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const ai = articleIndex.get(claims[group[x]!]!.articleId)!;
        const bi = articleIndex.get(claims[group[y]!]!.articleId)!;
        const [i, j, pi, pj] = ai < bi ? [ai, bi, group[x]!, group[y]!] : [bi, ai, group[y]!, group[x]!];
        const key = `${i}:${j}`;
        const list = aligned.get(key) ?? [];
        list.push([position.get(pi)!, position.get(pj)!]);
        aligned.set(key, list);
      }
    }
  }
  const derivedFrom = findDerivations(articles, aligned, perArticle);

  const kinds = new Map(entities.map((e) => [e.id, e]));
  const attributedIn = new Map<string, Attribution[]>();
  for (const a of attributions) if (a.source) (attributedIn.get(a.articleId) ?? attributedIn.set(a.articleId, []).get(a.articleId)!).push(a);
  const sources = articles.map((article) => {
    const own = attributedIn.get(article.id) ?? [];
    const cites = findCites({
      text: article.text,
      sources: own.map((a) => {
        const entity = a.source!.entityId ? kinds.get(a.source!.entityId) : undefined;
        return { start: a.source!.start, end: a.source!.end, organization: entity?.type === 'organization' ? entity.name : null, person: entity?.type === 'person' };
      }),
    });
    return { articleId: article.id, cites, derivedFrom: derivedFrom[articleIndex.get(article.id)!]!.map((i) => articles[i]!.id) };
  });

  // where each article's own reporting comes from: the article it rewrites, else itself, by outlet
  const rootOf = (i: number, seen = new Set<number>()): number => {
    const parents = derivedFrom[i]!;
    if (parents.length === 0 || seen.has(i)) return i;
    seen.add(i);
    return rootOf(parents[0]!, seen);
  };
  const reporting = (articleId: string): string => {
    const root = articles[rootOf(articleIndex.get(articleId)!)]!;
    return `outlet:${(root.outlet ?? root.id).toLowerCase()}`;
  };
  const citesOf = new Map(sources.map((s) => [s.articleId, s.cites]));
  const originOf = (claim: Claim): string => {
    const span = claim.attributionSpan;
    if (span) {
      const cite = citesOf.get(claim.articleId)?.find((c) => c.start < span.end && span.start < c.end);
      if (cite) return `cite:${cite.name.toLowerCase()}`;
    }
    // a source named inside the claim ("NBC News reported that …", "according to CDC data")
    const named = citesOf.get(claim.articleId)?.find((c) => c.start >= claim.start && c.end <= claim.end);
    if (named) return `cite:${named.name.toLowerCase()}`;
    // an article that says another outlet was told the story ("told NBC News") rewrites that outlet's report
    const outlet = citesOf.get(claim.articleId)?.find((c) => c.kind === 'outlet');
    if (outlet) return `cite:${outlet.name.toLowerCase()}`;
    return reporting(claim.articleId);
  };

  const groupOf = new Map<number, number>();
  groups.forEach((g, gi) => g.forEach((i) => groupOf.set(i, gi)));
  const contradictions = groups.map(() => [] as ClaimGroup['contradictions']);
  const possible = groups.map(() => [] as ClaimGroup['possibleContradictions']);
  for (const { a, b, conflict, certain } of conflicts) {
    const entry: ClaimGroup['contradictions'][number] = { claimId: claims[a]!.id, withClaimId: claims[b]!.id, kind: conflict.kind, explanation: conflict.explanation, values: conflict.values };
    if (conflict.later) entry.laterClaimId = claims[conflict.later === 'a' ? a : b]!.id;
    const into = certain ? contradictions : possible;
    into[groupOf.get(a)!]!.push(entry);
    if (groupOf.get(b) !== groupOf.get(a)) into[groupOf.get(b)!]!.push(entry);
  }
  // the closest claim of each other article, for a fact no other article was found to state
  const nearOf = new Map<number, Map<string, { claimId: string; articleId: string; score: number }>>();
  for (const { a, b, p } of near) {
    const gi = groupOf.get(a)!;
    const byArticle = nearOf.get(gi) ?? nearOf.set(gi, new Map()).get(gi)!;
    const kept = byArticle.get(claims[b]!.articleId);
    if (!kept || p > kept.score) byArticle.set(claims[b]!.articleId, { claimId: claims[b]!.id, articleId: claims[b]!.articleId, score: Math.round(p * 1000) / 1000 });
  }
  const claimGroups: ClaimGroup[] = groups.map((g, gi) => {
    const members = g.map((i) => claims[i]!);
    const origins = new Set(members.map(originOf));
    // an update (a later report of what an earlier one had planned) is news, not a dispute: shown, never contesting
    const status = contradictions[gi]!.some((c) => c.kind !== 'update') ? 'contested' : origins.size >= 2 ? 'corroborated' : 'single-source';
    return {
      id: idOf('g', members.map((m) => m.id).join(',')),
      claimIds: members.map((m) => m.id),
      articleIds: [...new Set(members.map((m) => m.articleId))],
      independentOrigins: origins.size,
      status,
      contradictions: contradictions[gi]!,
      possibleContradictions: possible[gi]!,
      origins: [...origins].sort(),
      possiblyAlsoIn: [...(nearOf.get(gi)?.values() ?? [])].sort((x, y) => y.score - x.score || x.articleId.localeCompare(y.articleId)).slice(0, MAX_POSSIBLY),
    };
  });
  return { claims, claimGroups, sources };
}
