// The learned word vectors (models/word-vectors.bin.gz), looked at and measured:
// - nearest neighbours of a few probe stems, printed for a person to judge;
// - STS Benchmark dev: Pearson correlation with the gold 0–5 score of TF-IDF cosine,
//   softCoverage (mean of both directions) and meanVectorCosine, overall and on the news genre;
// - MSRP train: ROC AUC of the same three scores for the paraphrase label;
// - speed of softCoverage on STS dev's pairs.
// Inverse document frequencies come from each file's own sentences, as bench:paraphrase does.
// Usage: npm run bench:vectors -- [../shared/data/paraphrase]
import { join } from 'node:path';
import { frequenciesOf, idfWeights, weightedCosine } from '../src/align/pair-features.ts';
import { meanVectorCosine, softCoverage, vectorOf, wordVectors } from '../src/align/word-vectors.ts';
import { termsOf } from '../src/text/terms.ts';
import { readMsrp, readSts, type Pair } from '../scripts/read-pairs.ts';

const dir = process.argv[2] ?? join('..', 'shared', 'data', 'paraphrase');
const PROBES = ['unpaid', 'salari', 'prosecutor', 'attorney', 'indict', 'charg', 'resign', 'navi', 'senat', 'offer', 'job', 'elect', 'earthquak', 'lawsuit'];

function neighbours(stem: string, count: number): string {
  const v = vectorOf(stem);
  if (!v) return '(no vector)';
  const { dims, words, matrix } = wordVectors();
  const best: Array<[string, number]> = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === stem) continue;
    let c = 0;
    for (let j = 0; j < dims; j++) c += v[j]! * matrix[i * dims + j]!;
    if (best.length < count || c > best[best.length - 1]![1]) {
      best.push([words[i]!, c]);
      best.sort((a, b) => b[1] - a[1]);
      best.length = Math.min(best.length, count);
    }
  }
  return best.map(([w, c]) => `${w} ${c.toFixed(2)}`).join(', ');
}

const loadStart = performance.now();
const model = wordVectors();
console.log(`model: ${model.words.length} stems × ${model.dims} dims, loaded in ${(performance.now() - loadStart).toFixed(0)} ms\n`);
console.log('nearest neighbours:');
for (const p of PROBES) console.log(`  ${p}: ${neighbours(p, 8)}`);

type Weights = Map<string, number>;
const SCORES: Array<[string, (a: Weights, b: Weights) => number]> = [
  ['TF-IDF cosine', weightedCosine],
  ['softCoverage (mean of both ways)', (a, b) => (softCoverage(a, b) + softCoverage(b, a)) / 2],
  ['meanVectorCosine', meanVectorCosine],
  ['mean of TF-IDF cosine and softCoverage', (a, b) => (weightedCosine(a, b) + (softCoverage(a, b) + softCoverage(b, a)) / 2) / 2],
];

function weighted(pairs: Pair[]): Array<[Weights, Weights]> {
  const terms = pairs.map((p) => [termsOf(p.a), termsOf(p.b)] as const);
  const freq = frequenciesOf(terms.flatMap(([a, b]) => [a.stems, b.stems]));
  return terms.map(([a, b]) => [idfWeights(a.stems, freq), idfWeights(b.stems, freq)]);
}

function pearson(x: number[], y: number[]): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, i) => {
    sxy += (v - mx) * (y[i]! - my);
    sxx += (v - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

/** Probability that a random positive scores above a random negative (ties count half). */
function auc(scores: number[], labels: number[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]![0] === order[i]![0]) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (order[k]![1] === 1) {
      rankSum += rank;
      positives++;
    }
    i = j;
  }
  const negatives = order.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

const sts = readSts(join(dir, 'stsb', 'sts-dev.csv'));
const stsWeights = weighted(sts);
const news = sts.map((p, i) => i).filter((i) => sts[i]!.genre === 'main-news');
console.log(`\nSTS Benchmark dev, Pearson r (${sts.length} pairs; news ${news.length}):`);
for (const [name, score] of SCORES) {
  const s = stsWeights.map(([a, b]) => score(a, b));
  const gold = sts.map((p) => p.score);
  console.log(`  ${name.padEnd(40)} all ${pearson(s, gold).toFixed(3)}  news ${pearson(news.map((i) => s[i]!), news.map((i) => gold[i]!)).toFixed(3)}`);
}

const msrp = readMsrp(join(dir, 'msrp', 'msr_paraphrase_train.txt'));
const msrpWeights = weighted(msrp);
console.log(`\nMSRP train, ROC AUC of the paraphrase label (${msrp.length} pairs):`);
for (const [name, score] of SCORES) {
  console.log(`  ${name.padEnd(40)} ${auc(msrpWeights.map(([a, b]) => score(a, b)), msrp.map((p) => p.score)).toFixed(3)}`);
}

// speed: every STS dev pair, both directions, repeated; best of three rounds
console.log('\nspeed (STS dev pairs, one pair = softCoverage both ways):');
for (const [name, score] of SCORES) {
  let best = 0;
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    let sink = 0;
    let pairs = 0;
    while (performance.now() - t < 500) {
      for (const [a, b] of stsWeights) sink += score(a, b);
      pairs += stsWeights.length;
    }
    best = Math.max(best, pairs / ((performance.now() - t) / 1000));
    if (Number.isNaN(sink)) console.log('NaN');
  }
  console.log(`  ${name.padEnd(40)} ${Math.round(best).toLocaleString('en')} pairs/s`);
}
