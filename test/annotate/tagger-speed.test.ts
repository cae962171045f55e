// The taggers' fast paths give the very scores of the features the models were trained on. The
// name tagger (src/annotate/ner/tag-names.ts): each token's emission scores, added up from
// remembered parts and looked up through the model's table and filter, are bit for bit the sums
// of featuresAt's features' weights as the committed model file holds them,
// on invented sentences whose words recur (so that remembered words are reused) and at every
// sentence edge. The attribution tagger (src/annotate/attribution/tag-attributions.ts): its
// features split by what they look at are exactly attributionFeatures's, and its tags are the
// generic greedy tagger's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  attributionFeatures, ownWordFeatures, paragraphView, placeWordFeatures, stateFeatures, tagHistoryFeatures, WORD_PLACES,
} from '../../src/annotate/attribution/attribution-features.ts';
import { ATTRIBUTION_TAGS, readAttributionModel, tagParagraphWords } from '../../src/annotate/attribution/tag-attributions.ts';
import { tagSequence } from '../../src/annotate/greedy-tagger.ts';
import { featuresAt, viewOf } from '../../src/annotate/ner/ner-features.ts';
import { FrozenPerceptron, unpackPerceptron } from '../../src/annotate/perceptron.ts';
import { emissionsOf, loadLexicon, loadNameModel, tagWords } from '../../src/annotate/ner/tag-names.ts';
import { hashString } from '../../src/annotate/feature-hash.ts';
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

/** The committed model's weights by feature, read straight from the file: no table, no filter. */
const RAW = (() => {
  const data = unpackPerceptron(readFileSync(new URL('../../models/ner-perceptron.bin.gz', import.meta.url)));
  const k = data.classes.length;
  const rows = new Map<number, number[]>();
  for (let i = 0; i < data.features.length; i++) rows.set(data.features[i]!, Array.from({ length: k }, (_, c) => Math.fround(data.values[i * k + c]! / data.scale)));
  return { k, rows };
})();

/** The emission scores as training adds them up: featuresAt's features, one by one, each weight looked up in RAW. */
function reference(words: readonly string[]): Float64Array {
  const k = RAW.k;
  const view = viewOf(words, loadLexicon());
  const out = new Float64Array(words.length * k);
  for (let i = 0; i < words.length; i++) {
    for (const f of featuresAt(view, i)) {
      const row = RAW.rows.get(f);
      if (row) for (let c = 0; c < k; c++) out[i * k + c]! += row[c]!;
    }
  }
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
        assert.deepEqual(Array.from(got), Array.from(reference(words)), `round ${round}: ${sentence}`);
      }
    }
  });

  it('tags a sentence alike before and after longer ones (Viterbi keeps its tables between sentences)', () => {
    const words = tokenize(SENTENCES[0]!).map((t) => t.text);
    const before = tagWords(words);
    assert.ok(before.includes('B-PER'));
    const long = Array.from({ length: 9000 }, (_, i) => (i % 7 === 0 ? 'Lopez' : i % 5 === 0 ? 'said' : 'the'));
    assert.equal(tagWords(long).length, long.length);
    assert.equal(tagWords(long.slice(0, 3000)).length, 3000);
    assert.deepEqual(tagWords(words), before);
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

const PARAGRAPHS = [
  '“We will not comment,” said Dr. Ahmed Okafor of St. Mary’s Hospital in Lagos. He added that the hospital was “working with police.”',
  'According to the Harris County Police Department, two men were held Thursday. Officials told reporters they expected more arrests.',
  'Maria Lopez, a spokeswoman, said: "The vote was a disgrace." Sen. Jane Roe (D-N.C.) disagreed, saying it "reflects the will of voters."',
  'He said.',
  'Yes',
];

describe('attribution tagger speed-ups keep the tags', () => {
  const model = readAttributionModel(new URL('../../models/attribution-perceptron.bin.gz', import.meta.url));

  it('hashes each token’s distance to the nearest cue by its bin, as the model was trained', () => {
    // cues ("said") at 0 and 19, a full stop at 17
    const words = ['said', ...Array.from({ length: 16 }, () => 'word'), '.', 'more', 'said', 'end'];
    const view = paragraphView(words);
    const bin = (d: number): number => hashString(d <= 3 ? String(d) : d <= 6 ? '4-6' : d <= 12 ? '7-12' : 'far');
    const none = hashString('none');
    // distance back to the last cue in the sentence: none before the first, from the full stop on, and at a cue with none before it
    assert.deepEqual(Array.from(view.h.prev), [none, ...Array.from({ length: 16 }, (_, i) => bin(i + 1)), none, none, none, bin(1)]);
    assert.deepEqual(Array.from(view.h.next), [...Array.from({ length: 18 }, () => none), bin(1), none, none]);
  });

  it('the committed model is the greedy one and adds up exactly in any order', () => {
    assert.ok(model instanceof FrozenPerceptron);
    assert.equal(model.exactSums, true);
  });

  it('splits the features of every token, whatever the tags before it, into exactly attributionFeatures', () => {
    for (const paragraph of PARAGRAPHS) {
      const words = tokenize(paragraph).map((t) => t.text);
      const view = paragraphView(words);
      const n = words.length;
      for (let i = 0; i < n; i++) {
        const parts = [
          ...ownWordFeatures(words[i]!, []),
          ...placeWordFeatures(i > 1 ? words[i - 2]! : null, WORD_PLACES.L2, []),
          ...placeWordFeatures(i > 0 ? words[i - 1]! : null, WORD_PLACES.L1, []),
          ...placeWordFeatures(i + 1 < n ? words[i + 1]! : null, WORD_PLACES.R1, []),
          ...placeWordFeatures(i + 2 < n ? words[i + 2]! : null, WORD_PLACES.R2, []),
          ...stateFeatures(view, i, []),
        ];
        for (const [prev, prev2] of [['<s>', '<s>'], ['B-SRC', 'O'], ['I-CON', 'B-CON']] as const) {
          const split = [...parts, ...tagHistoryFeatures(view, i, prev, prev2, [])].sort((a, b) => a - b);
          assert.deepEqual(split, [...attributionFeatures(view, i, prev, prev2)].sort((a, b) => a - b), `${paragraph} @${i} after ${prev}`);
        }
      }
    }
  });

  it('tags each paragraph as the generic greedy tagger does, twice over (words remembered the second time)', () => {
    assert.ok(model instanceof FrozenPerceptron);
    for (const round of [1, 2]) {
      for (const paragraph of PARAGRAPHS) {
        const words = tokenize(paragraph).map((t) => t.text);
        const tags = tagParagraphWords(words, model);
        assert.deepEqual(tags, tagSequence(paragraphView(words), words.length, model, attributionFeatures, false), `round ${round}: ${paragraph}`);
        assert.ok(tags.some((t) => t !== 'O') || words.length < 3, `some attribution found in: ${paragraph}`);
        assert.ok(tags.every((t) => (ATTRIBUTION_TAGS as readonly string[]).includes(t)));
      }
    }
  });
});

describe('tokenize, sparing the clitic regex words without an apostrophe', () => {
  it('still splits clitics with either apostrophe and keeps other words whole', () => {
    const words = tokenize("Mexico's chief didn't say O'Brien’s plan we’ll see, they'd rather wait.").map((t) => t.text);
    assert.deepEqual(words, ['Mexico', "'s", 'chief', 'did', "n't", 'say', "O'Brien", '’s', 'plan', 'we', '’ll', 'see', ',', 'they', "'d", 'rather', 'wait', '.']);
  });
});
