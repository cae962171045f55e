// A tagger's model file keeps every weight: features and values, negative ones included, read
// back as written, and the tagger scores the same from the file as from the data it was made of.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrozenPerceptron, packPerceptron, unpackPerceptron, type PerceptronData } from '../../src/annotate/perceptron.ts';

const data: PerceptronData = {
  classes: ['O', 'B-PER', 'I-PER'],
  scale: 1000,
  features: [-2147483648, -7, 0, 12, 2147483647],
  values: [1500, -200, 0, -3000, 4000, 10, 0, 0, 250, 7, -7, 8, -2147483648, 2147483647, 0],
};

test('a packed model reads back exactly', () => {
  const back = unpackPerceptron(packPerceptron(data));
  assert.deepEqual(back.classes, data.classes);
  assert.equal(back.scale, data.scale);
  assert.deepEqual(Array.from(back.features), data.features);
  assert.deepEqual(Array.from(back.values), data.values);
});

test('the tagger predicts the same from the file as from the data', () => {
  const direct = new FrozenPerceptron(data);
  const read = new FrozenPerceptron(unpackPerceptron(packPerceptron(data)));
  for (const features of [[12], [-7, 0], [0], [2147483647, -2147483648], [99]]) assert.equal(read.predict(features), direct.predict(features), String(features));
  assert.equal(read.predict([12]), 2);
  assert.equal(read.predict([-7]), 1);
});
