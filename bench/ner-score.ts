// Exact-match span precision, recall and F1 of a name tagger per type, over tagged sentences:
// shared by the bench (bench/ner.ts) and the tuning runs of scripts/train-ner.ts.
import { spansOf } from '../src/annotate/ner/tag-names.ts';

export interface ScoredSet {
  name: string;
  sentences: ReadonlyArray<{ words: string[]; tags: string[] }>;
}

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

export interface NerScore {
  lines: string[];
  /** F1 over persons, organisations and places together. */
  f1: number;
}

function keys(tags: readonly string[]): Set<string> {
  return new Set(spansOf(tags).map((s) => `${s.first}:${s.end}:${s.type}`));
}

const f = (x: number): string => x.toFixed(3);

export function scoreNames(set: ScoredSet, tag: (words: readonly string[]) => string[]): NerScore {
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let tokens = 0;
  const started = performance.now();
  const predicted = set.sentences.map((s) => {
    tokens += s.words.length;
    return keys(tag(s.words));
  });
  const seconds = (performance.now() - started) / 1000;
  set.sentences.forEach((s, i) => {
    const gold = keys(s.tags);
    for (const p of predicted[i]!) counts[p.split(':')[2]!]![gold.has(p) ? 'tp' : 'fp']++;
    for (const g of gold) if (!predicted[i]!.has(g)) counts[g.split(':')[2]!]!.fn++;
  });
  const lines = [`${set.name}: ${set.sentences.length} sentences, ${(tokens / seconds / 1000).toFixed(0)}k tokens/s`];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const t of TYPES) {
    const c = counts[t]!;
    const p = c.tp / (c.tp + c.fp || 1);
    const r = c.tp / (c.tp + c.fn || 1);
    lines.push(`  ${t.padEnd(4)} P ${f(p)} R ${f(r)} F1 ${f((2 * p * r) / (p + r || 1))}`);
    if (t !== 'MISC') {
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
  }
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  const f1 = (2 * p * r) / (p + r || 1);
  lines.push(`  PER+ORG+LOC P ${f(p)} R ${f(r)} F1 ${f(f1)}`);
  return { lines, f1 };
}
