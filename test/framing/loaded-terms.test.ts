// Loaded terms on sentences written for the purpose (invented), each expectation written by hand:
// evaluative words and phrases listed with why they are loaded, concrete words and names never,
// quotations left out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadedTermsOf } from '../../src/framing/loaded-terms.ts';

const terms = (text: string, quoted: Array<{ start: number; end: number }> = []) => loadedTermsOf(text, quoted).map((t) => t.term);

describe('loaded terms: only words that evaluate', () => {
  it('lists evaluative phrases: an adjective on an abstract noun, a verb that imputes intent with its object', () => {
    const text = 'The senator answered with inflammatory rhetoric after an explosive report, and the minister feigned ignorance.';
    assert.deepEqual(terms(text), ['inflammatory rhetoric', 'explosive report', 'feigned ignorance']);
    const byTerm = new Map(loadedTermsOf(text).map((t) => [t.term, t]));
    assert.match(byTerm.get('explosive report')!.why, /^evaluative or figurative adjective/);
    assert.match(byTerm.get('feigned ignorance')!.why, /^imputes intent/);
    for (const t of loadedTermsOf(text)) assert.equal(text.slice(t.start, t.end), t.term);
  });

  it('lists loaded verbs of saying with the neutral verb, and evaluative adjectives and adverbs', () => {
    const found = loadedTermsOf('The mayor slammed the council, which chided her for a reckless budget she had defended recklessly.');
    assert.deepEqual(
      found.map((t) => [t.term, t.neutral, t.why.replace(/:.*/, '')]),
      [
        ['slammed', 'criticized', 'loaded verb of saying'],
        ['chided', 'criticized', 'loaded verb of saying'],
        ['reckless', null, 'evaluative adjective'],
        ['recklessly', null, 'evaluative adverb'],
      ],
    );
  });

  it('never lists concrete words: colours, objects, physical or static actions', () => {
    assert.deepEqual(terms('The clerk with brown eyes mailed a parcel containing airline tickets and a red umbrella.'), []);
    assert.deepEqual(terms('Workers carried the wooden crates to the truck on Tuesday morning.'), []);
  });

  it('never lists a name, even one made of an evaluative word', () => {
    assert.deepEqual(terms('Dick Grand met Justice Gay at the Supreme Court in August.'), []);
  });

  it('leaves out what stands inside a quotation: the speaker’s words are not the outlet’s', () => {
    const text = 'The governor called the ruling “a disastrous, reckless decision” on Monday.';
    assert.deepEqual(terms(text, [{ start: text.indexOf('“'), end: text.indexOf('”') + 1 }]), []);
    assert.deepEqual(terms(text), ['disastrous', 'reckless']);
  });
});
