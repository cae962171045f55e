// Figures about a dossier that every report shows: per article, words, sentences and what
// extraction removed by kind. Presentation helpers only, no analysis.
import type { Article, RemovedKind } from '../model.ts';

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
