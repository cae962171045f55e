// The timeline: dates normalised against the publication date, against dates written by hand for
// the example story (test/fixtures/timeline/labels.json), and behaviour by behaviour.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scoreDates, type DateLabel } from '../../bench/timeline-score.ts';
import { analyze } from '../../src/index.ts';
import type { Article } from '../../src/model.ts';
import { findDatedEvents } from '../../src/timeline/find-dated-events.ts';
import { EXAMPLE_DIR, FIXTURES } from '../helpers.ts';

function article(text: string, publishedAt: string | null): Article {
  const blocks = [{ kind: 'paragraph' as const, start: 0, end: text.length }];
  return { id: 'a', source: 'a', outlet: null, title: null, author: null, publishedAt, text, removed: [], url: null, format: 'text', encoding: 'utf-8', blocks, sentences: [{ start: 0, end: text.length, block: 0 }] };
}
const datesOf = (text: string, publishedAt: string | null) => findDatedEvents(article(text, publishedAt)).map((e) => [e.expression, e.date]);

describe('dated events', () => {
  it('keeps absolute dates at the precision the text gives', () => {
    assert.deepEqual(datesOf('The strike plan dates from April 8, 2025, and Esper’s memoir from 2022.', null), [
      ['April 8, 2025', '2025-04-08'],
      ['2022', '2022'],
    ]);
    assert.deepEqual(datesOf('It happened during his first term in 2020.', null), [['2020', '2020']]);
  });

  it('resolves relative dates against the publication date, past tense to the past', () => {
    // April 10, 2025 was a Thursday
    assert.deepEqual(datesOf('Sheinbaum spoke on Tuesday.', '2025-04-10'), [['on Tuesday', '2025-04-08']]);
    assert.deepEqual(datesOf('She took office in October.', '2025-04-10'), [['October', '2024-10']]);
    assert.deepEqual(datesOf('The vote is expected on Friday.', '2025-04-10'), [['on Friday', '2025-04-11']]);
    assert.deepEqual(datesOf('Mexico deployed troops last month.', '2025-04-10'), [['last month', '2025-03']]);
  });

  it('keeps relative dates unresolved without a publication date, and leaves out lengths of time and names', () => {
    assert.deepEqual(datesOf('Sheinbaum spoke on Tuesday.', null), [['on Tuesday', null]]);
    assert.deepEqual(datesOf('He served for 19 years and praised the 9/11 families.', '2016-07-28'), []);
  });

  it('dates the example story as written by hand', async () => {
    const labels = (JSON.parse(readFileSync(join(FIXTURES, 'timeline', 'labels.json'), 'utf8')) as { example: Array<DateLabel & { file: string }> }).example;
    const dossier = await analyze([EXAMPLE_DIR]);
    let right = 0;
    for (const a of dossier.articles) {
      const file = a.source.split(/[\\/]/).pop()!.slice(0, 3);
      right += scoreDates(labels.filter((l) => l.file === file), findDatedEvents(a), (e) => a.text.slice(e.sentenceStart, e.sentenceEnd)).right;
    }
    assert.ok(right >= 13, `${right} of ${labels.length}`);
    // resolved dates first, in order; then the unresolved ones
    const dates = dossier.timeline.map((t) => t.date);
    const resolved = dates.filter((d) => d !== 'unresolved');
    assert.deepEqual(resolved, [...resolved].sort());
    assert.deepEqual(dates.slice(0, resolved.length), resolved);
    for (const t of dossier.timeline) assert.equal(dossier.articles.find((a) => a.id === t.articleId)!.text.slice(t.start, t.end), t.expression);
  });
});
