// The name tagger's fast path (src/annotate/ner/tag-names.ts) gives the very scores of the
// features the model was trained on: each token's emission scores, added up from remembered
// parts, are bit for bit the sums of featuresAt's features, with the committed model, on invented
// sentences whose words recur (so that remembered words are reused) and at every sentence edge.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { featuresAt, viewOf } from '../../src/annotate/ner/ner-features.ts';
import { emissionsOf, loadLexicon, loadNameModel, tagWords } from '../../src/annotate/ner/tag-names.ts';
import { FrozenSequenceModel } from '../../src/annotate/viterbi-tagger.ts';
import { tokenize } from '../../src/text/tokenize.ts';

const SENTENCES = [
  'Maria Lopez, a spokeswoman for the Harris County Police Department, said Thursday that two men were held.',
  '“We will not comment,” said Dr. Ahmed Okafor of St. Mary’s Hospital in Lagos.',
  'Okafor declined to comment.',
  'Police Say Suspect Fled Toward Canada',
  'Yes.',
  'He left',
  'The U.S. Senate voted 51-49 on Tuesday, and Sen. Jane Roe (D-N.C.) said the vote was “a disgrace.”',
  'BY JANE ROE AND JOHN DOE, Reuters',
  'zxqv blorptang Quuxville 7-Eleven Apollo 11 naïve café Zürich',
  'Maria Lopez said the Harris County Police Department held two men in Lagos.',
];

/** The emission scores as training adds them up: featuresAt's features, one by one. */
function reference(words: readonly string[], model: FrozenSequenceModel): Float64Array {
  const k = model.classes.length;
  const view = viewOf(words, loadLexicon());
  const out = new Float64Array(words.length * k);
  const scratch: number[] = [];
  for (let i = 0; i < words.length; i++) model.addScores(featuresAt(view, i, scratch), out, i * k);
  return out;
}

describe('name tagger speed-ups keep the scores', () => {
  it('the committed model adds up exactly in any order', () => {
    assert.equal(loadNameModel().exactSums, true);
  });

  it('gives each token the scores of its features, bit for bit, with remembered words reused', () => {
    const model = loadNameModel();
    // twice over: the second time every word is remembered
    for (const round of [1, 2]) {
      for (const sentence of SENTENCES) {
        const words = tokenize(sentence).map((t) => t.text);
        const got = emissionsOf(words, model, loadLexicon());
        assert.deepEqual(Array.from(got), Array.from(reference(words, model)), `round ${round}: ${sentence}`);
      }
    }
  });

  it('tags an empty sentence and one word', () => {
    assert.deepEqual(tagWords([]), []);
    assert.equal(tagWords(['Obama']).length, 1);
  });

  it('knows a model whose weights could lose precision when added in another order', () => {
    const classes = ['O', 'B-PER', 'I-PER'];
    const fine = new FrozenSequenceModel({ classes, scale: 1, features: [1, 2], values: [1, 0, 0, 2 ** 40, 0, 0] });
    assert.equal(fine.exactSums, false);
    const coarse = new FrozenSequenceModel({ classes, scale: 100, features: [1, 2], values: [1, 0, 0, 4000, -3, 0] });
    assert.equal(coarse.exactSums, true);
  });
});
