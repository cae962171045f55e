// HTML built from templates in which every interpolated value is escaped unless it is itself
// built here (Html): article text cannot become markup by any path but this file's `raw`, which
// only this module's callers use for markup they wrote.
import { escapeHtml } from '../render/escape-html.ts';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function piece(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}

/** A template whose values are escaped (arrays joined, null and false left out). */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += piece(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup written by this program, not taken from an article. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/**
 * Text with the spans marked: `<mark>` around each (id on the first, for the reader to jump to),
 * everything escaped. Spans are character offsets into `text`; overlapping ones are merged.
 */
export function marked(text: string, spans: ReadonlyArray<{ start: number; end: number }>, firstId?: string): Html {
  const sorted = spans.filter((s) => s.end > s.start && s.start < text.length).map((s) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end) })).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let out = '';
  let at = 0;
  merged.forEach((s, i) => {
    out += escapeHtml(text.slice(at, s.start));
    out += `<mark${i === 0 && firstId ? ` id="${escapeHtml(firstId)}" tabindex="-1"` : ''}>${escapeHtml(text.slice(s.start, s.end))}</mark>`;
    at = s.end;
  });
  return new Html(out + escapeHtml(text.slice(at)));
}
