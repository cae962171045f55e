// Builds the dossier for one story from its analysed articles. Sections that later stages fill
// (entities, quotes, claims, sources, framing, timeline) are present and empty until then, so
// that every key of the contract is always there.
import type { Article, Dossier, Message } from '../model.ts';

export function buildDossier(articles: readonly Article[], messages: readonly Message[] = []): Dossier {
  return {
    version: 1,
    articles: withUniqueIds(articles),
    entities: [],
    quotes: [],
    quoteGroups: [],
    claims: [],
    claimGroups: [],
    sources: [],
    framing: [],
    timeline: [],
    messages: [...messages],
  };
}

/** The same text given twice keeps one id per copy: later copies get a numbered suffix. */
function withUniqueIds(articles: readonly Article[]): Article[] {
  const seen = new Map<string, number>();
  return articles.map((article) => {
    const count = (seen.get(article.id) ?? 0) + 1;
    seen.set(article.id, count);
    return count === 1 ? article : { ...article, id: `${article.id}-${count}` };
  });
}
