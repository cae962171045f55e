// Sentence splitting on news prose: abbreviations, initials, decimals, quotes, parentheses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentences } from '../../src/text/split-sentences.ts';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('does not split after titles, initials, month abbreviations or numbered labels', () => {
    assert.deepEqual(sentences('Gen. Mark A. Milley met Sen. Jones on Jan. 20 in Room No. 4. They talked for an hour.'), [
      'Gen. Mark A. Milley met Sen. Jones on Jan. 20 in Room No. 4.',
      'They talked for an hour.',
    ]);
  });

  it('keeps decimals, times and dotted acronyms inside the sentence', () => {
    assert.deepEqual(sentences('Shares rose 3.5% by 4 p.m. on Friday in the U.S. market. Analysts were surprised.'), [
      'Shares rose 3.5% by 4 p.m. on Friday in the U.S. market.',
      'Analysts were surprised.',
    ]);
  });

  it('splits after a dotted acronym when a new sentence clearly starts', () => {
    assert.deepEqual(sentences('The troops returned to the U.S. The deployment had lasted a year.'), [
      'The troops returned to the U.S.',
      'The deployment had lasted a year.',
    ]);
  });

  it('ends a sentence after a closing quote and keeps a cue after a quoted question together', () => {
    assert.deepEqual(sentences('“Our sovereignty is not negotiable.” She left. “Why now?” she asked.'), [
      '“Our sovereignty is not negotiable.”',
      'She left.',
      '“Why now?” she asked.',
    ]);
  });

  it('holds a parenthesis with full stops inside together', () => {
    assert.deepEqual(sentences('The vote passed (it was close. Very close.) after midnight. Then they left.'), [
      'The vote passed (it was close. Very close.) after midnight.',
      'Then they left.',
    ]);
  });

  it('treats a word that is also an abbreviation as a word in lower case', () => {
    assert.deepEqual(sentences('He said no. Then he felt ill. The doctor came.'), ['He said no.', 'Then he felt ill.', 'The doctor came.']);
  });

  it('returns offsets within the given range, trimmed', () => {
    const text = 'xx  One. Two.  yy';
    const spans = splitSentences(text, 2, 15);
    assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['One.', 'Two.']);
    for (const s of spans) assert.ok(s.start >= 2 && s.end <= 15);
  });
});
