// The structured tagger (src/annotate/viterbi-tagger.ts): the best whole sequence under BIO
// constraints rather than the best tag token by token, learning a toy language, and training
// that gives the same weights twice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feature, hashString } from '../../src/annotate/feature-hash.ts';
import { packPerceptron, unpackPerceptron, type PerceptronData } from '../../src/annotate/perceptron.ts';
import { FrozenSequenceModel, trainStructured, transitionFeature } from '../../src/annotate/viterbi-tagger.ts';

const CLASSES = ['O', 'B-PER', 'I-PER'];
const wordFeature = (w: string): number => feature(1, hashString(w));
const emit = (words: readonly string[], i: number, out: number[]): number[] => {
  out.length = 0;
  out.push(wordFeature(words[i]!), feature(2, hashString(words[i - 1] ?? '<s>')));
  return out;
};

describe('Viterbi decoding', () => {
  it('takes the best valid sequence, not the best tag at each token', () => {
    // "ann" leans to O by a little, "lee" strongly to I-PER: token by token that is O I-PER, which
    // BIO forbids; the best valid sequence is B-PER I-PER
    const data: PerceptronData = {
      classes: CLASSES,
      scale: 1,
      features: [wordFeature('ann'), wordFeature('lee')].sort((a, b) => a - b),
      values: [],
    };
    const rows: Record<number, number[]> = { [wordFeature('ann')]: [3, 2, 0], [wordFeature('lee')]: [0, 0, 10] };
    data.values = data.features.flatMap((f) => rows[f]!);
    const model = new FrozenSequenceModel(data);
    assert.deepEqual(model.tag(['ann', 'lee'], 2, emit), ['B-PER', 'I-PER']);
    assert.notEqual(model.tag(['lee'], 1, emit)[0], 'I-PER', 'no sentence starts inside a name');
  });

  it('scores transitions: a learnt penalty on B-PER after B-PER joins two tokens into one name', () => {
    const data: PerceptronData = { classes: CLASSES, scale: 1, features: [], values: [] };
    const rows = new Map<number, number[]>([
      [wordFeature('kim'), [0, 5, 4]],
      [transitionFeature('B-PER'), [0, -3, 0]],
    ]);
    data.features = [...rows.keys()].sort((a, b) => a - b);
    data.values = data.features.flatMap((f) => rows.get(f)!);
    assert.deepEqual(new FrozenSequenceModel(data).tag(['kim', 'kim'], 2, emit), ['B-PER', 'I-PER']);
  });
});

describe('structured training', () => {
  const sentences = [
    'ann lee met bob', 'bob said ann lee left', 'we saw ann lee', 'carl ray met ann', 'bob met carl ray', 'the team saw bob',
  ].map((s) => s.split(' '));
  const PEOPLE: Record<string, boolean> = { 'ann lee': true, 'carl ray': true };
  const gold = sentences.map((words) => {
    const tags: string[] = words.map((w) => (w === 'bob' || w === 'ann' ? 'B-PER' : 'O'));
    for (let i = 0; i + 1 < words.length; i++) {
      const two = `${words[i]} ${words[i + 1]}`;
      if (PEOPLE[two]) {
        tags[i] = 'B-PER';
        tags[i + 1] = 'I-PER';
      }
    }
    return tags;
  });
  const train = (): PerceptronData =>
    trainStructured(sentences.map((words, i) => ({ view: words, tags: gold[i]! })), CLASSES, emit, { epochs: 10, seed: 7, scale: 100, minMagnitude: 1 });

  it('learns the training sentences', () => {
    const model = new FrozenSequenceModel(unpackPerceptron(packPerceptron(train())));
    sentences.forEach((words, i) => assert.deepEqual(model.tag(words, words.length, emit), gold[i], words.join(' ')));
  });

  it('gives the same bytes twice', () => {
    assert.deepEqual(packPerceptron(train()), packPerceptron(train()));
  });
});
