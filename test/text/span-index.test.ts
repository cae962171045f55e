// The span index answers what a scan over every span would, for spans in any order and of any
// length (a long span must not hide from a lookup near its end).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holding, holdingIndex, indexSpans, reaching, startingIn } from '../../src/text/span-index.ts';

const spans = [
  { start: 40, end: 45, id: 'e' },
  { start: 0, end: 100, id: 'long' },
  { start: 10, end: 12, id: 'a' },
  { start: 10, end: 30, id: 'b' },
  { start: 31, end: 33, id: 'c' },
  { start: 200, end: 210, id: 'far' },
];

describe('span index', () => {
  it('finds the spans that reach into a range as a full scan does, in order of start', () => {
    const index = indexSpans(spans);
    for (const [from, to] of [[0, 0], [5, 9], [12, 12], [33, 39], [46, 150], [100, 199], [210, 300], [211, 400]] as const) {
      const scanned = [...spans].sort((x, y) => x.start - y.start).filter((s) => s.start <= to && s.end >= from).map((s) => s.id);
      assert.deepEqual(reaching(index, from, to).map((s) => s.id), scanned, `${from}-${to}`);
    }
    // the long span is found from far inside it
    assert.deepEqual(reaching(index, 90, 95).map((s) => s.id), ['long']);
  });

  it('finds the spans that start in a range, keeping the given order of equal starts', () => {
    const index = indexSpans(spans);
    assert.deepEqual(startingIn(index, 10, 40).map((s) => s.id), ['a', 'b', 'c']);
    assert.deepEqual(startingIn(index, 41, 200).map((s) => s.id), []);
    assert.deepEqual(startingIn(index, 0, 1).map((s) => s.id), ['long']);
  });

  it('finds the sentence holding a position', () => {
    const sentences = [
      { start: 0, end: 10 },
      { start: 11, end: 20 },
      { start: 25, end: 40 },
    ];
    assert.equal(holding(sentences, 0), sentences[0]);
    assert.equal(holding(sentences, 10), undefined);
    assert.equal(holdingIndex(sentences, 19), 1);
    assert.equal(holding(sentences, 22), undefined);
    assert.equal(holdingIndex(sentences, 39), 2);
    assert.equal(holdingIndex(sentences, 40), -1);
    assert.equal(holdingIndex([], 3), -1);
  });
});
