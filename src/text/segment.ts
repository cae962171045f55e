// The segment stage: sentences of every block of an article, as offsets into its text.
// Headings are one segment each; a sentence never crosses a block.
import type { Article, Sentence } from '../model.ts';
import { splitSentences } from './split-sentences.ts';

export function segmentArticle(article: Article): Article {
  const sentences: Sentence[] = [];
  article.blocks.forEach((block, index) => {
    if (block.kind === 'heading' || block.kind === 'preformatted') {
      sentences.push({ start: block.start, end: block.end, block: index });
      return;
    }
    for (const span of splitSentences(article.text, block.start, block.end)) {
      sentences.push({ start: span.start, end: span.end, block: index });
    }
  });
  return { ...article, sentences };
}
