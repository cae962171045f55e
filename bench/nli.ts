// Three-way NLI on SNLI (entailment, neutral, contradiction): a lexical classifier next to a
// hypothesis-only baseline, both trained on the dev split and scored once on the test split (only
// those two are here). Lexical features after Bowman et al. (2015): the hypothesis's words and
// word pairs, its words absent from the premise, crossed with the premise's words, overlap and
// length buckets, negation in one sentence only. Hypothesis-only sees the hypothesis's words, word
// pairs and length. Each is three one-against-the-rest hashed logistic models (src/learn/sparse-
// logistic.ts), settings fixed before the test split was scored. Also reported: how often the
// dossier's own contradiction logic (`conflictBetween`, the pair taken as one fact) flags a pair,
// against the gold contradictions.
// Usage: npm run bench:nli -- [../shared/data/nli/snli]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conflictBetween } from '../src/align/contradictions.ts';
import { feature, hashString } from '../src/annotate/feature-hash.ts';
import { sparseScorer, trainSparse } from '../src/learn/sparse-logistic.ts';
import { STOPWORDS, termsOf } from '../src/text/terms.ts';

const LABELS = ['entailment', 'neutral', 'contradiction'] as const;
type Label = (typeof LABELS)[number];
interface Pair {
  premise: string;
  hypothesis: string;
  label: Label;
}

const dir = process.argv[2] ?? join('..', 'shared', 'data', 'nli', 'snli');

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').slice(0, -1);
}

function read(split: string): Pair[] {
  const [s1, s2, labels] = ['s1', 's2', 'labels'].map((f) => lines(join(dir, `${f}.${split}`)));
  return labels!.map((label, i) => ({ premise: s1![i]!.trim(), hypothesis: s2![i]!.trim(), label: label.trim() as Label })).filter((p) => LABELS.includes(p.label));
}

const NEGATORS = new Set(['not', 'no', 'never', 'nobody', 'nothing', "n't", 'none']);

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

const bucket = (x: number, step: number, max: number): number => Math.min(max, Math.round(x / step));

function hypothesisFeatures(h: readonly string[]): number[] {
  const out = [feature(1, bucket(h.length, 2, 10))];
  h.forEach((w, i) => {
    out.push(feature(2, hashString(w)));
    if (i > 0) out.push(feature(3, hashString(h[i - 1]!), hashString(w)));
  });
  return out;
}

function lexicalFeatures(p: readonly string[], h: readonly string[]): number[] {
  const out = hypothesisFeatures(h);
  const inPremise = new Set(p);
  const content = (w: string): boolean => !STOPWORDS.has(w) && /\p{L}/u.test(w);
  const novel = h.filter((w) => !inPremise.has(w) && content(w));
  const hContent = h.filter(content);
  const overlap = hContent.length ? 1 - novel.length / hContent.length : 1;
  const premiseBigrams = new Set(p.slice(1).map((w, i) => `${p[i]} ${w}`));
  const sharedBigrams = h.slice(1).filter((w, i) => premiseBigrams.has(`${h[i]} ${w}`)).length;
  out.push(feature(10, bucket(overlap, 0.1, 10)), feature(11, Math.min(novel.length, 6)), feature(12, bucket(p.length - h.length, 2, 12) + 20), feature(13, bucket(sharedBigrams / Math.max(1, h.length - 1), 0.1, 10)));
  const negP = p.some((w) => NEGATORS.has(w));
  const negH = h.some((w) => NEGATORS.has(w));
  if (negP !== negH) out.push(feature(14, negH ? 1 : 2));
  const pContent = [...new Set(p.filter(content))];
  for (const w of novel) {
    out.push(feature(15, hashString(w)));
    // what the hypothesis says new, against each word of the premise: "man"/"woman", "sitting"/"running"
    for (const v of pContent) out.push(feature(16, hashString(v), hashString(w)));
  }
  return out;
}

function train(rows: ReadonlyArray<{ features: number[]; label: Label }>): (features: number[]) => Label {
  const scorers = LABELS.map((c) => sparseScorer(trainSparse(rows.map((r) => ({ features: r.features, positive: r.label === c })), { epochs: 10, rate: 0.1, l2: 1e-5 })));
  return (features) => {
    const scores = scorers.map((s) => s.score(features));
    return LABELS[scores.indexOf(Math.max(...scores))]!;
  };
}

function report(name: string, gold: readonly Label[], predicted: readonly Label[]): void {
  const right = gold.filter((g, i) => g === predicted[i]).length;
  const f1 = LABELS.map((c) => {
    const tp = gold.filter((g, i) => g === c && predicted[i] === c).length;
    const p = tp / (predicted.filter((x) => x === c).length || 1);
    const r = tp / (gold.filter((g) => g === c).length || 1);
    return `${c} ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)}`;
  });
  console.log(`${name}: accuracy ${(right / gold.length).toFixed(3)}; F1 ${f1.join(', ')}`);
}

const started = performance.now();
const dev = read('dev');
const test = read('test');
const words = (pairs: readonly Pair[]): Array<[string[], string[]]> => pairs.map((x) => [wordsOf(x.premise), wordsOf(x.hypothesis)]);
const [devWords, testWords] = [words(dev), words(test)];
const gold = test.map((x) => x.label);
const majority = LABELS.reduce((a, b) => (dev.filter((x) => x.label === b).length > dev.filter((x) => x.label === a).length ? b : a));
console.log(`SNLI: trained on dev (${dev.length} pairs), scored on test (${test.length} pairs); majority class of dev (${majority}) on test: ${(gold.filter((g) => g === majority).length / gold.length).toFixed(3)}`);
const lexical = train(dev.map((x, i) => ({ features: lexicalFeatures(...devWords[i]!), label: x.label })));
report('lexical', gold, testWords.map(([p, h]) => lexical(lexicalFeatures(p, h))));
const hypothesisOnly = train(dev.map((x, i) => ({ features: hypothesisFeatures(devWords[i]![1]), label: x.label })));
report('hypothesis only', gold, testWords.map(([, h]) => hypothesisOnly(hypothesisFeatures(h))));
// the dossier's contradiction logic, as a detector of contradictions (no training)
const flagged = test.map((x) => conflictBetween({ text: x.premise, terms: termsOf(x.premise), published: null }, { text: x.hypothesis, terms: termsOf(x.hypothesis), published: null }, true));
const tp = flagged.filter((f, i) => f && gold[i] === 'contradiction').length;
const kinds = new Map<string, number>();
for (const f of flagged) if (f) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
console.log(
  `conflictBetween (same fact assumed) flags ${flagged.filter(Boolean).length} test pairs (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}): ` +
    `precision for contradiction ${(tp / (flagged.filter(Boolean).length || 1)).toFixed(3)}, recall ${(tp / gold.filter((g) => g === 'contradiction').length).toFixed(3)}`,
);
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
