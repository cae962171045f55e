// BASIL articles as Articles for the timeline: paragraphs as blocks, sentences as given, the
// publication date from the article's metadata.
import type { Article } from '../src/model.ts';
import type { BasilArticle } from '../scripts/read-basil.ts';

export function basilArticle(a: BasilArticle): Article {
  let text = '';
  const blocks: Article['blocks'] = [];
  const sentences: Article['sentences'] = [];
  for (const s of a.sentences) {
    if (text) text += '\n\n';
    const start = text.length;
    text += s.text;
    blocks.push({ kind: 'paragraph', start, end: text.length });
    sentences.push({ start, end: text.length, block: blocks.length - 1 });
  }
  return { id: a.id, source: a.id, outlet: a.source, title: a.title, author: null, publishedAt: a.date, text, removed: [], url: null, format: 'text', encoding: 'utf-8', blocks, sentences };
}
