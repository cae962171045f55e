// Each article's provenance as the dossier gives it: the primary sources it names, the articles it
// rewrites (`derivedFrom`, only where publication times say which came first) and the evidence for
// every shared-text link (`derivations`); and the outlet reporting an article's own claims rest on,
// where articles that share text count as one.
import type { Article, Attribution, Entity, SourceProfile } from '../model.ts';
import type { Derivation } from './derivation.ts';
import { findCites } from './find-cites.ts';
import type { Origin } from './origins.ts';

/** The `sources` section: cites from each article's attributions, rewrites and their evidence. */
export function provenanceOf(articles: readonly Article[], attributions: readonly Attribution[], entities: readonly Entity[], derivations: readonly Derivation[][]): SourceProfile[] {
  const kinds = new Map(entities.map((e) => [e.id, e]));
  const attributedIn = new Map<string, Attribution[]>();
  for (const a of attributions) if (a.source) (attributedIn.get(a.articleId) ?? attributedIn.set(a.articleId, []).get(a.articleId)!).push(a);
  return articles.map((article, i) => {
    const own = attributedIn.get(article.id) ?? [];
    const cites = findCites({
      text: article.text,
      sources: own.map((a) => {
        const entity = a.source!.entityId ? kinds.get(a.source!.entityId) : undefined;
        return { start: a.source!.start, end: a.source!.end, organization: entity?.type === 'organization' ? entity.name : null, person: entity?.type === 'person' };
      }),
    });
    const mine = derivations[i] ?? [];
    return { articleId: article.id, cites, derivedFrom: mine.filter((d) => d.directionKnown).map((d) => d.fromArticleId), derivations: mine };
  });
}

/**
 * The origin of each article's own reporting: `outlet:<name>` of the article it comes from.
 * Articles linked by shared text, in either direction or in none known, are one origin: that of
 * the one no other of them is known to precede (the first in input order among several).
 * Articles of one outlet are one origin too (the key is the outlet's name).
 */
export function reportingOf(articles: readonly Article[], derivations: readonly Derivation[][]): (articleId: string) => Origin {
  const index = new Map(articles.map((a, i) => [a.id, i]));
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  derivations.forEach((list, i) => {
    for (const d of list) {
      const j = index.get(d.fromArticleId);
      if (j === undefined) continue;
      const [a, b] = [find(i), find(j)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const members = new Map<number, number[]>();
  articles.forEach((_, i) => (members.get(find(i)) ?? members.set(find(i), []).get(find(i))!).push(i));
  // the key names the outlet (the article's id without one); the label names an article without an outlet by its file
  const outletOf = (a: Article): string => a.outlet ?? a.id;
  const nameOf = (a: Article): string => a.outlet ?? (a.source.split(/[\\/]/).pop() || a.id);
  const origin = new Map<number, Origin>();
  for (const [root, list] of members) {
    const derived = new Set(list.filter((i) => (derivations[i] ?? []).some((d) => d.directionKnown)));
    const first = articles[list.find((i) => !derived.has(i)) ?? list[0]!]!;
    const others = [...new Set(list.map((i) => nameOf(articles[i]!)))].filter((o) => o !== nameOf(first));
    const label = `${nameOf(first)}’s own reporting${others.length ? ` (text shared with ${others.join(', ')})` : ''}`;
    origin.set(root, { key: `outlet:${outletOf(first).toLowerCase()}`, label });
  }
  return (articleId) => origin.get(find(index.get(articleId)!))!;
}
