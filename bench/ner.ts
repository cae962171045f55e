// Named-entity quality of the committed tagger: exact-match precision, recall and F1 per type on
// Wikigold (hand-labelled Wikipedia text, a cross-domain check: CoNLL-trained taggers lose 15-25
// points there) and on the GMB sentences held out from training (every tenth, in-domain, silver
// labels). Speed in tokens per second of tagging.
// Usage: npm run bench:ner -- [../shared/data/ner]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spansOf, tagWords } from '../src/annotate/ner/tag-names.ts';
import { readGmb } from '../scripts/train-ner.ts';

interface Gold {
  words: string[];
  spans: Set<string>;
}

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

function readWikigold(dir: string): Gold[] {
  const out: Gold[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length) {
      // IO scheme: a run of one type is one entity
      const bio = tags.map((t, i) => (t === 'O' ? 'O' : i > 0 && tags[i - 1] === t ? `I-${t.slice(2)}` : `B-${t.slice(2)}`));
      out.push({ words, spans: new Set(spansOf(bio).map((s) => `${s.first}:${s.end}:${s.type}`)) });
    }
    words = [];
    tags = [];
  };
  for (const line of readFileSync(join(dir, 'wikigold', 'wikigold.conll.txt'), 'utf8').split('\n')) {
    const [word, tag] = line.split(' ');
    if (!word || word === '-DOCSTART-') {
      flush();
      continue;
    }
    words.push(word);
    tags.push(tag ?? 'O');
  }
  flush();
  return out;
}

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
const b = score('wikigold', readWikigold(dir));
console.log(`NER PER+ORG+LOC ${a}, ${b}`);
