// The dated events of one article: every date expression in its body sentences, normalised.
// Absolute dates ("April 8, 2025", "in 1914", "during his first term in 2020") keep the precision
// the text gives (day, month, year); relative ones ("Tuesday", "last month", "next week", a month
// without its year) are resolved against the article's publication date when it is known, else
// kept unresolved with their words. chrono-node reads the expressions; bare years, which it leaves
// out, are read here. A month without a year in a past-tense sentence is the last such month on or
// before the publication date.
// the types only: the package's index loads every language's parsers (a third of a second at
// every start of the CLI); English is all this reads
import type * as chrono from 'chrono-node';
import * as en from 'chrono-node/en';
import type { Article } from '../model.ts';
import { trimTail } from '../text/tail-runs.ts';

export interface DatedEvent {
  articleId: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when relative to an unknown publication date. */
  date: string | null;
  precision: 'day' | 'month' | 'year';
  /** The expression depends on when the article was written ("Tuesday", "last month"). */
  relative: boolean;
  expression: string;
  start: number;
  end: number;
  sentenceStart: number;
  sentenceEnd: number;
}

/** chrono expressions that date nothing: the moment of writing, vague spans. */
const VAGUE = /^(now|today|tonight|currently|the year|this year|in the year|the time|at the time|recently|soon|later|earlier)$/i;
/** A length of time, not a date: "for 19 years", "after seven years", "15 years after"; "three years ago" is a date. */
const DURATION = /\b(years?|months?|weeks?|days?|hours?)\b/i;
const DATING_WORD = /\b(ago|last|next|this|earlier|previous|coming)\b/i;
/** "9/11": a month and day in figures without a year names an event more often than it dates one. */
const FIGURES_ONLY = /^\d{1,2}\/\d{1,2}$/;
const DAY_MS = 86_400_000;
const FUTURE = /\b(will|next|upcoming|coming|plans? to|is set to|would|expected|expects|scheduled|due to)\b/i;
/** A date used as the name of an event ("Sept. 11 hijackers", "September 11th Advocates"). */
const NAME_AFTER = /^\s*(attacks?|hijackers?|victims?|families|terror|terrorists?|commission|memorial|anniversary|widows?|\p{Lu})/u;
const YEAR = /(?<![\p{L}\p{N}.,$-])(1[5-9]\d\d|20\d\d)(?![\p{L}\p{N}%]|,\d|\.\d)/gu;
/** Words that make an expression relative to when it was written, whatever chrono says of its year. */
const RELATIVE = /\b(last|next|this|ago|yesterday|tomorrow|today|tonight|earlier|previous|following|coming|past|(mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;
/** Words right before a year that make it something else: "$2,020", "No. 1914", "Route 2020". */
const NOT_A_YEAR_BEFORE = /(\$|no\.|number|route|room|flight|highway|page|pages|rule|section|article|bill|h\.r\.|s\.)\s*$/i;

function iso(date: Date, precision: 'day' | 'month' | 'year'): string {
  const s = date.toISOString();
  return precision === 'day' ? s.slice(0, 10) : precision === 'month' ? s.slice(0, 7) : s.slice(0, 4);
}

/**
 * A date the text gives without its year (or a weekday): chrono places it in the reference's
 * year (or week). A weekday told in the past tense is the last such day before the article. A
 * month or day is the nearest such date to the article, unless that one lies months ahead in a
 * sentence that speaks of no future ("took office in October" in April is last October).
 */
function settle(resolved: Date, reference: Date, weekday: boolean, yearless: boolean, future: boolean): Date {
  const at = resolved.getTime();
  const ref = reference.getTime();
  const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
  if (weekday) return day(at) > day(ref) && !future ? new Date(at - 7 * DAY_MS) : at < ref - 7 * DAY_MS ? new Date(at + 7 * DAY_MS) : resolved;
  if (!yearless) return resolved;
  const shifted = (years: number): Date => new Date(Date.UTC(resolved.getUTCFullYear() + years, resolved.getUTCMonth(), resolved.getUTCDate(), 12));
  const options = [shifted(-1), shifted(0), shifted(1)].sort((a, b) => Math.abs(a.getTime() - ref) - Math.abs(b.getTime() - ref));
  const nearest = options[0]!;
  if (nearest.getTime() - ref > 120 * DAY_MS && !future) return options.find((o) => o.getTime() <= ref) ?? nearest;
  return nearest;
}

/** How much text one chrono call reads at most (a longer sentence is read alone). */
const PARSE_CHARS = 20_000;

function parseInRuns(article: Article, reference: Date): Array<{ index: number; text: string; start: chrono.ParsedComponents }> {
  const out: Array<{ index: number; text: string; start: chrono.ParsedComponents }> = [];
  const sentences = article.sentences;
  for (let i = 0; i < sentences.length; ) {
    const start = sentences[i]!.start;
    let end = sentences[i]!.end;
    let j = i + 1;
    while (j < sentences.length && sentences[j]!.block === sentences[i]!.block && sentences[j]!.end - start <= PARSE_CHARS) end = sentences[j++]!.end;
    for (const r of en.parse(article.text.slice(start, end), reference, { forwardDate: false })) out.push({ index: r.index + start, text: r.text, start: r.start });
    i = j;
  }
  return out;
}

export function findDatedEvents(article: Article): DatedEvent[] {
  const published = article.publishedAt ? new Date(article.publishedAt) : null;
  const reference = published && !Number.isNaN(published.getTime()) ? published : null;
  const events: DatedEvent[] = [];
  // parsed in runs of whole sentences of one block, up to PARSE_CHARS long (one call per sentence
  // cost a third of `analyze` on short stories; one call for the whole text is quadratic in chrono,
  // whose end-of-period refiner matches a pattern against all the text before each date), each
  // expression kept with the sentence that holds it whole
  const parsed = parseInRuns(article, reference ?? new Date(Date.UTC(2000, 0, 1, 12)));
  let next = 0;
  for (const sentence of article.sentences) {
    while (next < parsed.length && parsed[next]!.index < sentence.start) next++;
    const inSentence: typeof parsed = [];
    for (let k = next; k < parsed.length && parsed[k]!.index < sentence.end; k++) if (parsed[k]!.index + parsed[k]!.text.length <= sentence.end) inSentence.push(parsed[k]!);
    if (article.blocks[sentence.block]?.kind === 'heading') continue;
    const text = article.text.slice(sentence.start, sentence.end);
    const taken: Array<[number, number]> = [];
    for (const found of inSentence) {
      const r = { text: found.text, start: found.start, index: found.index - sentence.start };
      const expression = trimTail(r.text, /[\s,;:.]/);
      if (VAGUE.test(expression.trim()) || FIGURES_ONLY.test(expression.trim())) continue;
      if (DURATION.test(expression) && !DATING_WORD.test(expression)) continue;
      // a month and day without a year used as a name ("Sept. 11 hijackers")
      const monthDay = r.start.isCertain('month') && r.start.isCertain('day') && !r.start.isCertain('year');
      if (monthDay && NAME_AFTER.test(text.slice(r.index + expression.length, r.index + expression.length + 14))) continue;
      const c = r.start;
      const hasYear = c.isCertain('year');
      const hasMonth = c.isCertain('month');
      const hasDay = c.isCertain('day');
      const weekday = c.isCertain('weekday') && !hasDay;
      if (!hasMonth && !hasDay && !weekday && !hasYear) continue;
      const precision: DatedEvent['precision'] = hasDay || weekday ? 'day' : hasMonth ? 'month' : 'year';
      const relative = !hasYear || (RELATIVE.test(expression) && !/\d{4}/.test(expression));
      let date: string | null = null;
      if (!relative) date = iso(c.date(), precision);
      else if (reference) date = iso(settle(c.date(), reference, weekday, !RELATIVE.test(expression) || weekday, FUTURE.test(text)), precision);
      const start = sentence.start + r.index;
      taken.push([r.index, r.index + expression.length]);
      events.push({ articleId: article.id, date, precision, relative, expression, start, end: start + expression.length, sentenceStart: sentence.start, sentenceEnd: sentence.end });
    }
    for (const m of text.matchAll(YEAR)) {
      const at = m.index;
      if (taken.some(([s, e]) => at < e && s < at + 4)) continue;
      if (NOT_A_YEAR_BEFORE.test(text.slice(Math.max(0, at - 12), at))) continue;
      const start = sentence.start + at;
      events.push({ articleId: article.id, date: m[0], precision: 'year', relative: false, expression: m[0], start, end: start + 4, sentenceStart: sentence.start, sentenceEnd: sentence.end });
    }
  }
  return events.sort((a, b) => a.start - b.start);
}
