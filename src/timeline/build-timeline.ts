// The story's timeline: every dated event of every article, resolved dates in order (a year
// before its months, a month before its days), then the relative ones no publication date could
// resolve, in article order.
import type { DatedEvent } from './find-dated-events.ts';
import type { Article, Dossier } from '../model.ts';

export function buildTimeline(events: readonly DatedEvent[], articles: readonly Article[]): Dossier['timeline'] {
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  return [...events]
    .sort((a, b) => {
      if (a.date && b.date) return a.date.localeCompare(b.date) || order.get(a.articleId)! - order.get(b.articleId)! || a.start - b.start;
      if (a.date || b.date) return a.date ? -1 : 1;
      return order.get(a.articleId)! - order.get(b.articleId)! || a.start - b.start;
    })
    .map((e) => ({
      date: e.date ?? 'unresolved',
      text: texts.get(e.articleId)!.slice(e.sentenceStart, e.sentenceEnd),
      articleId: e.articleId,
      start: e.start,
      end: e.end,
      expression: e.expression,
      precision: e.precision,
      relative: e.relative,
      sentenceStart: e.sentenceStart,
      sentenceEnd: e.sentenceEnd,
    }));
}
