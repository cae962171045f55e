// Greedy left-to-right sequence tagging with a perceptron, and its training loop: shared by the
// name tagger and the attribution tagger. Each tag is chosen seeing the two tags before it.
import { mayFollow } from './bio.ts';
import { Perceptron, type Scorer } from './perceptron.ts';
import { mulberry32, shuffleInPlace } from '../learn/seeded-random.ts';

export type FeatureFunction<V> = (view: V, i: number, prev: string, prev2: string) => number[];

const START = '<s>';

/**
 * Tags a sequence. With `strictBio`, I-X may only follow X; without it any tag may follow any,
 * which suits long spans better: one early slip does not forbid the rest of the span.
 */
export function tagSequence<V>(view: V, length: number, scorer: Scorer, features: FeatureFunction<V>, strictBio = true): string[] {
  const tags: string[] = [];
  let prev = START;
  let prev2 = START;
  for (let i = 0; i < length; i++) {
    const p = prev;
    const best = scorer.predict(features(view, i, prev, prev2), strictBio ? (c) => mayFollow(p, scorer.classes[c]!) : undefined);
    const tag = scorer.classes[best]!;
    tags.push(tag);
    prev2 = prev;
    prev = tag;
  }
  return tags;
}

export interface TrainingSequence<V> {
  view: V;
  tags: readonly string[];
}

/** Trains an averaged perceptron on the sequences, the model's own earlier tags as history. */
export function trainGreedy<V>(
  sequences: ReadonlyArray<TrainingSequence<V>>,
  classes: readonly string[],
  features: FeatureFunction<V>,
  options: { epochs: number; seed: number; strictBio?: boolean; log?: (line: string) => void },
): Perceptron {
  const model = new Perceptron(classes);
  const index = new Map<string, number>(classes.map((t, i) => [t, i]));
  const random = mulberry32(options.seed);
  const order = sequences.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    let correct = 0;
    let total = 0;
    for (const k of order) {
      const { view, tags } = sequences[k]!;
      let prev = START;
      let prev2 = START;
      for (let i = 0; i < tags.length; i++) {
        const f = features(view, i, prev, prev2);
        const p = prev;
        const guess = model.predict(f, options.strictBio === false ? undefined : (c) => mayFollow(p, classes[c]!));
        const truth = index.get(tags[i]!)!;
        model.update(truth, guess, f);
        if (guess === truth) correct++;
        total++;
        prev2 = prev;
        prev = classes[guess]!;
      }
    }
    options.log?.(`epoch ${epoch + 1}: token accuracy ${(correct / total).toFixed(4)}`);
  }
  model.average();
  return model;
}
