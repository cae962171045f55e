// Attributions of one article, direct and indirect ("Jenkins told a Senate committee that …",
// "according to the AP, …"): the tagger's source, cue and content spans of each body paragraph,
// put together around each cue. A cue takes the content span nearest to it in its sentence (after
// it, else before it, else in the sentence just before: a quotation the splitter cut off) and the
// source nearest to it in its sentence, on the side the wording puts it ("X said", "“…,” said X",
// "according to X"), else none.
import type { Article } from '../model.ts';
import { holding, indexSpans, startingIn } from '../text/span-index.ts';
import { attributionSpans, type AttributionSpan } from './attribution/tag-attributions.ts';

export interface Span {
  start: number;
  end: number;
}

export interface AttributionFinding {
  articleId: string;
  source: Span | null;
  cue: Span;
  content: Span | null;
}

/** Spans further apart than this, in characters, are not parts of one attribution. */
const MAX_GAP = 200;

function gap(a: Span, b: Span): number {
  return a.start >= b.end ? a.start - b.end : b.start >= a.end ? b.start - a.end : 0;
}

function nearest(spans: readonly AttributionSpan[], cue: Span, within: Span): AttributionSpan | null {
  let best: AttributionSpan | null = null;
  for (const s of spans) {
    if (s.start < within.start || s.end > within.end || gap(s, cue) > MAX_GAP) continue;
    if (!best || gap(s, cue) < gap(best, cue) || (gap(s, cue) === gap(best, cue) && s.start > best.start)) best = s;
  }
  return best;
}

/** A source the tagger began at a possessive ("’s President Claudia Sheinbaum") takes the word it belongs to ("Mexico’s …"); its closing comma goes. */
function wholeWords(text: string, span: Span): Span {
  let start = span.start;
  let end = span.end;
  if (/^['’]s\b/.test(text.slice(start, start + 3))) while (start > 0 && /[\p{L}\p{M}\p{N}.]/u.test(text[start - 1]!)) start--;
  // the comma closing an apposition ("one former official,") is not part of who
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Attribution spans of every body paragraph, tagged paragraph by paragraph. */
export function tagArticle(article: Article): AttributionSpan[] {
  return article.blocks.filter((b) => b.kind !== 'heading').flatMap((b) => attributionSpans(article.text, b.start, b.end));
}

export function findAttributions(article: Article, spans: readonly AttributionSpan[] = tagArticle(article)): AttributionFinding[] {
  // spans are looked up by position: a long article must not cost the square of its length
  const sources = indexSpans(spans.filter((s) => s.kind === 'SRC'));
  const contents = indexSpans(spans.filter((s) => s.kind === 'CON'));
  const sentenceEnds = article.sentences.map((s) => s.end);
  const found: AttributionFinding[] = [];
  for (const cue of spans.filter((s) => s.kind === 'CUE')) {
    // a sentence holds its attribution; a quotation before "she said" may close the sentence before it
    const sentence = holding(article.sentences, cue.start) ?? { start: cue.start, end: cue.end };
    const previous = sentenceJustBefore(article.sentences, sentenceEnds, sentence.start);
    const reach = { start: previous?.start ?? sentence.start, end: sentence.end };
    // "X said …" names its source before the cue; "“…,” said X" and "according to X" after it
    const inverted = /^according\b/i.test(article.text.slice(cue.start, cue.end)) || /["”’][,.]?\s*$/.test(article.text.slice(Math.max(0, cue.start - 4), cue.start));
    const inSentence = startingIn(sources, sentence.start, sentence.end);
    const before = inSentence.filter((s) => s.end <= cue.start);
    const behind = inSentence.filter((s) => s.start >= cue.end);
    const source = inverted ? (nearest(behind, cue, sentence) ?? nearest(before, cue, sentence)) : (nearest(before, cue, sentence) ?? nearest(behind, cue, sentence));
    const after = startingIn(contents, Math.max(sentence.start, cue.end), sentence.end);
    const content = nearest(after, cue, sentence) ?? nearest(startingIn(contents, reach.start, reach.end), cue, reach);
    found.push({ articleId: article.id, source: source && wholeWords(article.text, source), cue: { start: cue.start, end: cue.end }, content: content && { start: content.start, end: content.end } });
  }
  return found;
}

/** The first sentence that ends at most two characters before `start` (sentences are in order, so their ends are too). */
function sentenceJustBefore<T extends Span>(sentences: readonly T[], ends: readonly number[], start: number): T | undefined {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! <= start - 3) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo];
  return s && s.end <= start ? s : undefined;
}
