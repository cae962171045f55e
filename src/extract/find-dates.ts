// Publication dates written as text: a dateline, "Published April 8, 2025", an ISO stamp.
// Only whole lines that are a date (or a labelled one) count; dates inside prose are events.
import * as chrono from 'chrono-node/en';

const DATE_LABEL = /^(published|posted|updated|last updated|first published|date|on)\b[:\s]*/i;
/** Fixed, so that parsing never depends on today or on the machine's time zone. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
/** A dateline is short; longer text with a date in it is a sentence about something else. */
const MAX_DATELINE_CHARS = 60;

/** Something a date line must contain (a month name, or a numeric date): a cheap test before the parser. */
const LOOKS_DATED = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/i;

/** Words a date line may hold besides numbers; anything else in quantity means prose. */
const DATE_VOCABULARY =
  /\b(published|posted|updated|last|first|date|on|at|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(rs(day)?)?|fri(day)?|sat(urday)?|sun(day)?|am|pm|a\.m|p\.m|[a-z]{1,2}t|utc|gmt)\b/gi;
const MAX_NON_DATE_LETTERS = 4;

/** A cheap test that a line is nothing but a date, before the parser is asked. */
function couldBeDateLine(line: string): boolean {
  if (!LOOKS_DATED.test(line)) return false;
  return line.replace(DATE_VOCABULARY, '').replace(/[^\p{L}]/gu, '').length <= MAX_NON_DATE_LETTERS;
}

/**
 * The parser's answers for lines already read: the same short lines come back on every scoring
 * pass of a page (and from the metadata), and the parser costs a millisecond a line. Cleared when
 * full, so memory stays bounded; answers do not depend on what was read before.
 */
const parsedLines = new Map<string, string | null>();
const MAX_PARSED_LINES = 10_000;

/** ISO form of a date line, or null when the line is not just a date. */
export function dateFromLine(raw: string): string | null {
  const line = raw.trim();
  if (line.length > MAX_DATELINE_CHARS || !couldBeDateLine(line)) return null;
  const known = parsedLines.get(line);
  if (known !== undefined) return known;
  const date = parseDateLine(line);
  if (parsedLines.size >= MAX_PARSED_LINES) parsedLines.clear();
  parsedLines.set(line, date);
  return date;
}

function parseDateLine(line: string): string | null {
  const unlabelled = line.replace(DATE_LABEL, '');
  const results = chrono.strict.parse(unlabelled, { instant: REFERENCE, timezone: 'UTC' }, { forwardDate: false });
  const first = results[0];
  if (!first || results.length !== 1) return null;
  // the date must be most of the line: leftovers beyond a weekday, time zone or separator mean prose
  const rest = (unlabelled.slice(0, first.index) + unlabelled.slice(first.index + first.text.length)).replace(/[\s,|·•-]+/g, '');
  if (rest.length > 4) return null;
  if (!first.start.isCertain('year')) return null;
  return normalizeDate(first.start.date(), first.start.isCertain('hour'));
}

/** ISO 8601 from a metadata value ("2025-04-08T10:00:00-04:00", "April 8, 2025"), or null. */
export function normalizeDateValue(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const isoDay = /^(\d{4}-\d{2}-\d{2})$/.exec(trimmed);
  if (isoDay) return isoDay[1]!;
  const parsed = Date.parse(trimmed);
  if (!Number.isNaN(parsed) && /\d{4}/.test(trimmed)) {
    return new Date(parsed).toISOString();
  }
  return dateFromLine(trimmed);
}

function normalizeDate(date: Date, hasTime: boolean): string {
  if (hasTime) return date.toISOString();
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const STAMP_LABEL = /\b(published|posted|first published|updated|last updated|modified)\b/i;
/** How much of a stamp line is read for its date. */
const STAMP_WINDOW = 120;

/** The first date of a publishing stamp ("Published Nov 18, 2019 at 4:07 PM | Updated …"), with whether it is an update. */
export function dateFromStamp(raw: string): { date: string; updated: boolean } | null {
  const trimmed = raw.trim();
  const label = STAMP_LABEL.exec(trimmed.slice(0, STAMP_WINDOW));
  if (!label) return null;
  const line = trimmed.slice(label.index, label.index + STAMP_WINDOW);
  if (!LOOKS_DATED.test(line)) return null;
  const first = chrono.strict.parse(line, { instant: REFERENCE, timezone: 'UTC' }, { forwardDate: false })[0];
  if (!first || !first.start.isCertain('year')) return null;
  return { date: normalizeDate(first.start.date(), first.start.isCertain('hour')), updated: /updated|modified/i.test(label[1]!) };
}
