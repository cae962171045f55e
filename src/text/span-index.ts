// Spans looked up by position in logarithmic time. Annotation compares spans of one article with
// each other (a cue with the sources near it, a quotation with the names before it); compared
// pairwise, a long article costs the square of its length (a 1.6 MB text took minutes). Stages
// index their spans once and ask for the ones near a position instead. Lookups return the spans
// in their order in the index (by start, ties in the order given), so a stage that used to scan
// the whole list finds the same first or nearest span as before.

export interface Spanned {
  start: number;
  end: number;
}

export interface SpanIndex<T extends Spanned> {
  /** The spans by start; ties keep the order they were given in. */
  readonly items: readonly T[];
  /** The longest span's length: no span ending after `p` starts before `p - maxLength`. */
  readonly maxLength: number;
}

export function indexSpans<T extends Spanned>(spans: readonly T[]): SpanIndex<T> {
  const items = spans.every((s, i) => i === 0 || spans[i - 1]!.start <= s.start) ? spans : [...spans].sort((a, b) => a.start - b.start);
  let maxLength = 0;
  for (const s of items) if (s.end - s.start > maxLength) maxLength = s.end - s.start;
  return { items, maxLength };
}

/** The index of the first span whose start is at or after `at` (`items.length` when none is). */
export function firstStartingAt<T extends { start: number }>(items: readonly T[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans that start in [from, to). */
export function startingIn<T extends Spanned>(index: SpanIndex<T>, from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = firstStartingAt(index.items, from); i < index.items.length && index.items[i]!.start < to; i++) out.push(index.items[i]!);
  return out;
}

/** Spans that reach into [from, to]: start at or before `to` and end at or after `from` (touching counts). */
export function reaching<T extends Spanned>(index: SpanIndex<T>, from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = firstStartingAt(index.items, from - index.maxLength); i < index.items.length && index.items[i]!.start <= to; i++) {
    if (index.items[i]!.end >= from) out.push(index.items[i]!);
  }
  return out;
}

/**
 * The first of non-overlapping spans sorted by start (sentences, blocks) that holds position
 * `at` (start <= at < end), or undefined.
 */
export function holding<T extends Spanned>(sorted: readonly T[], at: number): T | undefined {
  const i = holdingIndex(sorted, at);
  return i < 0 ? undefined : sorted[i];
}

/** The index of the span `holding` finds, or -1. */
export function holdingIndex<T extends Spanned>(sorted: readonly T[], at: number): number {
  const i = firstStartingAt(sorted, at + 1) - 1;
  const s = i >= 0 ? sorted[i] : undefined;
  return s && s.start <= at && at < s.end ? i : -1;
}
