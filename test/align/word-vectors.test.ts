import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meanVectorCosine, parseWordVectors, softCoverage, stemCosine, vectorOf, wordVectors } from '../../src/align/word-vectors.ts';
import { STOPWORDS, termsOf } from '../../src/text/terms.ts';
import { DEFAULT_OPTIONS, encodeWordVectors, learnWordVectors } from '../../scripts/learn-word-vectors.ts';
import { randomizedSvd, type Csr } from '../../scripts/randomized-svd.ts';
import { vectorTokensOf } from '../../scripts/word-vector-tokens.ts';

/** Every stem of a text weighed 1, as a stem → weight map. */
function weights(text: string): Map<string, number> {
  return new Map(termsOf(text).stems.map((s) => [s, 1]));
}

/** Rank of `other` among `stem`'s neighbours over the whole vocabulary (1 = nearest). */
function rankOf(stem: string, other: string): number {
  const { words } = wordVectors();
  const target = stemCosine(stem, other);
  let rank = 1;
  for (const w of words) if (w !== stem && w !== other && stemCosine(stem, w) > target) rank++;
  return rank;
}

describe('the committed word vectors', () => {
  it('load with one unit vector per stem, content stems only', () => {
    const m = wordVectors();
    assert.ok(m.words.length >= 15_000 && m.words.length <= 30_000, `${m.words.length} stems`);
    assert.ok(m.dims >= 100 && m.dims <= 200, `${m.dims} dims`);
    assert.equal(m.matrix.length, m.words.length * m.dims);
    assert.equal(new Set(m.words).size, m.words.length);
    for (const w of m.words) assert.ok(/^\p{L}/u.test(w), w);
    // function words are contexts, never keys ("that", "not" are keys only as the stems of "thats", "nots", as in termsOf)
    for (const w of ['the', 'and', 'of', 'said', 'was']) assert.equal(vectorOf(w), undefined, w);
    assert.ok(STOPWORDS.has('the'));
    for (const w of ['attorney', 'elect', 'charg', 'salari']) {
      const v = vectorOf(w);
      assert.ok(v, w);
      assert.ok(Math.abs(v.reduce((s, x) => s + x * x, 0) - 1) < 1e-4);
    }
    assert.equal(wordVectors(), m, 'loaded once');
    assert.equal(vectorOf('zzqxv'), undefined);
  });

  it('put related stems among each other’s nearest neighbours', () => {
    // rank ≤ 10 of ~22,000 stems: random vectors would do this about once in 2,000 tries per pair
    for (const [a, b] of [
      ['attorney', 'lawyer'],
      ['unpaid', 'paid'],
      ['salari', 'wage'],
      ['salari', 'compens'],
      ['elect', 'vote'],
      ['charg', 'convict'],
      ['prosecutor', 'prosecut'],
      ['earthquak', 'magnitud'],
    ] as const) {
      assert.ok(rankOf(a, b) <= 10, `${b} is neighbour ${rankOf(a, b)} of ${a}`);
    }
    assert.ok(stemCosine('attorney', 'lawyer') > stemCosine('attorney', 'earthquak') + 0.3);
  });
});

describe('softCoverage and meanVectorCosine', () => {
  it('are 1 for a text against itself', () => {
    const w = weights('The prosecutor charged the senator with fraud on Tuesday.');
    assert.equal(softCoverage(w, w), 1);
    assert.ok(Math.abs(meanVectorCosine(w, w) - 1) < 1e-6);
  });

  it('count a stem without a vector only when the other text has it', () => {
    assert.equal(softCoverage(new Map([['zzqxv', 1]]), weights('The lawyer resigned.')), 0);
    assert.equal(softCoverage(new Map([['zzqxv', 1]]), new Map([['zzqxv', 2]])), 1);
    assert.equal(softCoverage(new Map(), weights('The lawyer resigned.')), 0);
    assert.equal(meanVectorCosine(new Map([['zzqxv', 1]]), weights('The lawyer resigned.')), 0);
  });

  it('score a paraphrase without shared words above an unrelated sentence', () => {
    const a = weights('The attorney was paid a salary.');
    const paraphrase = weights('A lawyer earned wages.');
    const unrelated = weights('An earthquake shook the coast.');
    assert.equal(termsOf('The attorney was paid a salary.').stems.filter((s) => paraphrase.has(s)).length, 0);
    assert.ok(softCoverage(a, paraphrase) > softCoverage(a, unrelated) + 0.2, `${softCoverage(a, paraphrase)} vs ${softCoverage(a, unrelated)}`);
    assert.ok(meanVectorCosine(a, paraphrase) > meanVectorCosine(a, unrelated) + 0.2);
  });

  it('weigh stems by their weights', () => {
    const b = weights('The lawyer resigned.');
    const light = softCoverage(new Map([['lawyer', 1], ['earthquak', 9]]), b);
    const heavy = softCoverage(new Map([['lawyer', 9], ['earthquak', 1]]), b);
    assert.ok(heavy > light + 0.3, `${heavy} vs ${light}`);
  });
});

describe('learning', () => {
  it('cuts words as termsOf does, keeping function words and numbers as contexts only', () => {
    const text = 'Congressman Hunter’s lawyers said on Tuesday that 2 of the 48-page indictment’s counts were "not accurate."';
    const tokens = vectorTokensOf(text);
    assert.deepEqual(tokens.filter((t) => t.content).map((t) => t.text), termsOf(text).stems.filter((s) => !/^\p{N}/u.test(s)));
    assert.deepEqual(tokens.filter((t) => !t.content).map((t) => t.text), ['said', 'on', 'that', '<num>', 'of', 'the', '<num>', 'were', 'not']);
    // names inside a sentence are marked; the first word of a sentence is not
    assert.deepEqual(tokens.filter((t) => t.capitalised).map((t) => t.text), ['hunter', 'tuesday']);
  });

  it('gives the same bytes for the same text, and vectors for the stems seen often enough', () => {
    const corpus = [
      'The senator voted against the bill in the senate.',
      'The senator voted for the budget bill.',
      'Voters elected the senator in the election.',
      'The prosecutor charged the mayor with fraud.',
      'The prosecutor indicted the mayor on fraud charges.',
      'A jury convicted the mayor of fraud.',
      'The earthquake shook the coastal town.',
      'A strong earthquake damaged the town.',
    ].flatMap((s) => [s, s.replace('The ', 'Then the ')]);
    const units = corpus.map(vectorTokensOf);
    const options = { ...DEFAULT_OPTIONS, dims: 4, minCount: 4, minContextCount: 1 };
    const first = learnWordVectors(units, options);
    const second = learnWordVectors(units, options);
    assert.deepEqual(encodeWordVectors(first, {}), encodeWordVectors(second, {}));
    // seen 4 times or more (each sentence is there twice): "indicted", "jury", "budget" are not
    assert.deepEqual([...first.words].sort(), ['bill', 'charg', 'earthquak', 'elect', 'fraud', 'mayor', 'prosecutor', 'senat', 'town', 'vote']);
    const model = parseWordVectors(encodeWordVectors(first, {}));
    assert.equal(model.dims, 4);
    assert.equal(model.matrix.length, 10 * 4);
  });

  it('finds the largest singular values of a sparse matrix', () => {
    // a 6 × 5 matrix: rows scaled unit vectors, so its singular values are the scales
    const scales = [2, 7, 1, 5, 3];
    const a: Csr = {
      rows: 6,
      cols: 5,
      rowStart: Int32Array.from([0, 1, 2, 3, 4, 5, 5]),
      col: Int32Array.from([3, 0, 4, 1, 2]),
      value: Float32Array.from([scales[3]!, scales[0]!, scales[4]!, scales[1]!, scales[2]!]),
    };
    const { s, u, k } = randomizedSvd(a, 3, { oversample: 2, seed: 7 });
    assert.equal(k, 3);
    assert.deepEqual(Array.from(s, (x) => Number(x.toFixed(6))), [7, 5, 3]);
    // the largest singular value's left vector is the row holding 7 (row 3), sign made positive
    assert.ok(Math.abs(u[3 * k]! - 1) < 1e-9);
  });
});
