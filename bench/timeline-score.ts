// Scores dated events against hand-written labels (test/fixtures/timeline/labels.json): a label
// is found when an event of its article stands in the labelled sentence with an expression that
// holds the labelled words or is held by them, and right when its normalised date is the label's
// (or falls in the label's range). Accuracy is right over labels; precision is right-or-found
// events over all events of the labelled articles.
import type { DatedEvent } from '../src/timeline/find-dated-events.ts';

export interface DateLabel {
  expression: string;
  sentence: string;
  date?: string;
  from?: string;
  to?: string;
}

export interface TimelineScore {
  labels: number;
  found: number;
  right: number;
  events: number;
  wrong: string[];
}

export function scoreDates(labels: readonly DateLabel[], events: readonly DatedEvent[], textOf: (e: DatedEvent) => string): TimelineScore {
  const used = new Set<DatedEvent>();
  let found = 0;
  let right = 0;
  const wrong: string[] = [];
  for (const label of labels) {
    const match = events.find((e) => {
      if (used.has(e)) return false;
      const expr = e.expression.toLowerCase();
      const want = label.expression.toLowerCase();
      return textOf(e).includes(label.sentence) && (expr.includes(want) || want.includes(expr));
    });
    if (!match) {
      wrong.push(`missed "${label.expression}" in "${label.sentence}"`);
      continue;
    }
    used.add(match);
    found++;
    const date = match.date ?? 'unresolved';
    const ok = label.date !== undefined ? date === label.date : date !== 'unresolved' && date >= label.from! && date <= label.to!;
    if (ok) right++;
    else wrong.push(`"${label.expression}" in "${label.sentence}": ${date}, not ${label.date ?? `${label.from}…${label.to}`}`);
  }
  return { labels: labels.length, found, right, events: events.length, wrong };
}
