// Named-entity quality of the committed tagger: exact-match precision, recall and F1 per type on
// the Wikigold articles held out from training (every third; hand-labelled Wikipedia text) and on
// the GMB sentences held out from training (every tenth, newswire, silver labels). Speed in tokens per second of tagging.
// Usage: npm run bench:ner -- [../shared/data/ner]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spansOf, tagWords } from '../src/annotate/ner/tag-names.ts';
import { readGmb } from '../scripts/train-ner.ts';
import { readWikigold, WIKIGOLD_HELD_OUT } from '../scripts/read-wikigold.ts';

interface Gold {
  words: string[];
  spans: Set<string>;
}

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

function score(name: string, gold: Gold[]): string {
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let tokens = 0;
  const started = performance.now();
  const predicted = gold.map((g) => {
    tokens += g.words.length;
    return new Set(spansOf(tagWords(g.words)).map((s) => `${s.first}:${s.end}:${s.type}`));
  });
  const seconds = (performance.now() - started) / 1000;
  gold.forEach((g, i) => {
    for (const p of predicted[i]!) counts[p.split(':')[2]!]![g.spans.has(p) ? 'tp' : 'fp']++;
    for (const s of g.spans) if (!predicted[i]!.has(s)) counts[s.split(':')[2]!]!.fn++;
  });
  const lines = [`${name}: ${gold.length} sentences, ${(tokens / seconds / 1000).toFixed(0)}k tokens/s`];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const t of TYPES) {
    const c = counts[t]!;
    const p = c.tp / (c.tp + c.fp || 1);
    const r = c.tp / (c.tp + c.fn || 1);
    lines.push(`  ${t.padEnd(4)} P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}`);
    if (t !== 'MISC') {
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  const f1 = (2 * p * r) / (p + r);
  lines.push(`  PER+ORG+LOC P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}`);
  console.log(lines.join('\n'));
  return `${name} F1 ${f1.toFixed(3)}`;
}

const dir = process.argv[2] ?? join('..', 'shared', 'data', 'ner');
const gmb = readGmb(join(dir, 'gmb-kaggle'))
  .filter((_, i) => i % 10 === 9)
  .map((s) => ({ words: s.words, spans: new Set(spansOf(s.tags).map((x) => `${x.first}:${x.end}:${x.type}`)) }));
const a = score('gmb held-out', gmb);
const b = score('wikigold held-out', readWikigold(dir).filter(WIKIGOLD_HELD_OUT).map((s) => ({ words: s.words, spans: new Set(spansOf(s.tags).map((x) => `${x.first}:${x.end}:${x.type}`)) })));
console.log(`NER PER+ORG+LOC ${a}, ${b}`);
