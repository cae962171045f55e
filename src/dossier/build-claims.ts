// Claims across a story's articles: each claim with a stable id; claims of the same fact grouped;
// the primary sources each article names and which articles rewrite which; for each group its
// independent origins and its status. What an origin is (the source a claim is attributed to in
// its own sentence, else the outlet's reporting) is provenance/origins.ts's to say.
import { createHash } from 'node:crypto';
import { alignClaims, type AlignableClaim } from '../align/group-claims.ts';
import type { ClaimFinding } from '../claims/find-claims.ts';
import type { Article, Attribution, Claim, ClaimGroup, Entity, Quote, QuoteGroup, SourceProfile } from '../model.ts';
import { findDerivations } from '../provenance/derivation.ts';
import { originFinder, originsOf } from '../provenance/origins.ts';
import { provenanceOf, reportingOf } from '../provenance/sources.ts';
import { indexSpans, startingIn, type SpanIndex } from '../text/span-index.ts';
import { termsOf, type Terms } from '../text/terms.ts';

export interface ClaimsSection {
  claims: Claim[];
  claimGroups: ClaimGroup[];
  sources: SourceProfile[];
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

/** The terms claims are compared by, for each claim: its words, its names with the people its pronouns and role phrases stand for. */
export function claimTerms(claims: ReadonlyArray<{ articleId: string; text: string; start: number; end: number }>, entities: readonly Entity[]): Terms[] {
  const referents = referentsByArticle(entities);
  return claims.map((c) => withReferents(termsOf(c.text), referents.get(c.articleId), c));
}

/** A claim's names with the people its pronouns and role phrases stand for: "he was indicted" names Hunter when "he" is Hunter. */
function withReferents(terms: Terms, referents: SpanIndex<{ start: number; end: number; name: string }> | undefined, span: { start: number; end: number }): Terms {
  if (!referents) return terms;
  const added = startingIn(referents, span.start, span.end).filter((r) => r.end <= span.end).map((r) => r.name);
  return added.length ? { ...terms, names: [...new Set([...terms.names, ...added])] } : terms;
}

/** Near matches kept for a single-source fact: the closest few, not one per article of a large story. */
const MAX_POSSIBLY = 3;

/** `quotes`, `quoteGroups`: the story's quotations, for the origin of claims that are someone's quoted words. */
export function buildClaims(
  findings: readonly ClaimFinding[],
  articles: readonly Article[],
  attributions: readonly Attribution[],
  entities: readonly Entity[],
  quotes: readonly Quote[] = [],
  quoteGroups: readonly QuoteGroup[] = [],
): ClaimsSection {
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
  const terms = claimTerms(claims, entities);
  const alignable: AlignableClaim[] = claims.map((c, i) => ({ articleId: c.articleId, text: c.text, terms: terms[i]!, published: published.get(c.articleId) ?? null }));
  const { groups, byClosestMatch, conflicts, near } = alignClaims(alignable);

  // rewrites: shared text outside quotations, the earlier article the source (provenance/derivation)
  const quotedIn = new Map<string, Quote[]>();
  for (const q of quotes) (quotedIn.get(q.articleId) ?? quotedIn.set(q.articleId, []).get(q.articleId)!).push(q);
  const derivations = findDerivations(articles.map((a) => ({ ...a, quoted: quotedIn.get(a.id) ?? [] })));
  const sources = provenanceOf(articles, attributions, entities, derivations);
  const originOf = originFinder({
    entities,
    cites: new Map(sources.map((s) => [s.articleId, s.cites])),
    sentences: new Map(articles.map((a) => [a.id, a.sentences])),
    quotes,
    quoteGroups,
    articles,
    reporting: reportingOf(articles, derivations),
  });

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
    const originDetails = originsOf(members, originOf);
    // an update (a later report of what an earlier one had planned) is news, not a dispute: shown, never contesting
    const status = contradictions[gi]!.some((c) => c.kind !== 'update') ? 'contested' : originDetails.length >= 2 ? 'corroborated' : 'single-source';
    return {
      id: idOf('g', members.map((m) => m.id).join(',')),
      claimIds: members.map((m) => m.id),
      articleIds: [...new Set(members.map((m) => m.articleId))],
      independentOrigins: originDetails.length,
      status,
      contradictions: contradictions[gi]!,
      possibleContradictions: possible[gi]!,
      origins: originDetails.map((o) => o.origin),
      originDetails,
      closestMatch: byClosestMatch[gi]!,
      possiblyAlsoIn: [...(nearOf.get(gi)?.values() ?? [])].sort((x, y) => y.score - x.score || x.articleId.localeCompare(y.articleId)).slice(0, MAX_POSSIBLY),
    };
  });
  return { claims, claimGroups, sources };
}
