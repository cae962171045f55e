// Annotations as the store keeps them: an article's names, quotes, attributions, claims and dated
// events as JSON (without the article, which the store holds already), under the version of the
// code and models that made them. A stored story's dossier reads them instead of annotating again;
// an article without them, or with a stale version, is annotated and its annotations kept.
import { annotationVersion } from '../annotate/annotation-version.ts';
import type { Article, Dossier } from '../model.ts';
import { analyzeArticles, type ArticleAnnotations } from '../pipeline.ts';
import type { KeptAnnotations, Store } from '../store/store.ts';

/** An article's annotations as kept. */
export function keptRow(annotations: ArticleAnnotations, version: string): KeptAnnotations {
  const { article, ...rest } = annotations;
  return { articleId: article.id, version, json: JSON.stringify(rest) };
}

/** Kept annotations (JSON by article id) read back for these articles. */
export function readKept(kept: ReadonlyMap<string, string>, articles: readonly Article[]): Map<string, ArticleAnnotations> {
  const known = new Map<string, ArticleAnnotations>();
  for (const article of articles) {
    const json = kept.get(article.id);
    if (json !== undefined) known.set(article.id, { ...(JSON.parse(json) as Omit<ArticleAnnotations, 'article'>), article });
  }
  return known;
}

/** The dossier of articles given their kept annotations, and the annotations it had to make. */
export function analyzeWithKept(articles: readonly Article[], kept: ReadonlyMap<string, string>, version: string): { dossier: Dossier; fresh: KeptAnnotations[] } {
  const fresh: KeptAnnotations[] = [];
  const dossier = analyzeArticles(articles, [], { known: readKept(kept, articles), onAnnotated: (a) => fresh.push(keptRow(a, version)) });
  return { dossier, fresh };
}

/** A stored story's dossier, from its kept annotations; those it had to make are kept. */
export async function storedDossier(store: Store, articles: readonly Article[]): Promise<Dossier> {
  const version = annotationVersion();
  const { dossier, fresh } = analyzeWithKept(articles, await store.keptAnnotations(articles.map((a) => a.id), version), version);
  await store.keepAnnotations(fresh);
  return dossier;
}
