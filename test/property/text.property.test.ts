// Properties of segmentation and tokenisation on arbitrary text: spans inside the text (or the
// range asked for), in order, not overlapping; a token is exactly the characters it points at.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitSentences } from '../../src/text/split-sentences.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import { anyText, configure } from './arbitraries.ts';

configure(300);

/** A text and a range inside it. */
const textAndRange = anyText.chain((text) =>
  fc.tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length })).map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) })),
);

describe('segmentation', () => {
  it('sentences lie inside the range asked for, in order, without overlap', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        let previous = start;
        for (const s of splitSentences(text, start, end)) {
          assert.ok(s.start >= previous && s.start <= s.end && s.end <= end, `[${s.start}, ${s.end}) after ${previous} within [${start}, ${end})`);
          previous = s.end;
        }
      }),
    );
  });

  it('splits the same text the same way', () => {
    fc.assert(fc.property(anyText, (text) => assert.deepEqual(splitSentences(text), splitSentences(text))));
  });
});

describe('tokenisation', () => {
  it('tokens lie inside the range, in order, each exactly the characters it points at', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        let previous = start;
        for (const token of tokenize(text, start, end)) {
          assert.ok(token.start >= previous && token.start < token.end && token.end <= end, `${JSON.stringify(token)} within [${start}, ${end}) after ${previous}`);
          assert.equal(text.slice(token.start, token.end), token.text);
          previous = token.end;
        }
      }),
    );
  });
});
