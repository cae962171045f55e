// Accuracy of the timeline's normalised dates against the hand-written labels: the example
// story's five files (no publication dates: relative dates stay unresolved) and ten BASIL articles
// (with their publication dates).
// Usage: npm run bench:timeline -- [../shared/data/framing/basil]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeInputs } from '../src/pipeline.ts';
import { findDatedEvents } from '../src/timeline/find-dated-events.ts';
import { readBasil } from '../scripts/read-basil.ts';
import { basilArticle } from './timeline-data.ts';
import { scoreDates, type DateLabel, type TimelineScore } from './timeline-score.ts';

const root = join(import.meta.dirname, '..');
const basilDir = process.argv[2] ?? join('..', 'shared', 'data', 'framing', 'basil');
const labels = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'timeline', 'labels.json'), 'utf8')) as {
  example: Array<DateLabel & { file: string }>;
  basil: Array<DateLabel & { article: string }>;
};

function report(name: string, s: TimelineScore): void {
  for (const w of s.wrong) console.log(`  ${w}`);
  console.log(`${name}: ${s.labels} labelled dates, found ${s.found}, right ${s.right} (accuracy ${(s.right / s.labels).toFixed(3)}); ${s.events} events output`);
}

const { articles } = await analyzeInputs([join(root, 'examples', 'drone-strikes-2025')]);
const example = { labels: 0, found: 0, right: 0, events: 0, wrong: [] as string[] };
for (const article of articles) {
  const file = article.source.split(/[\\/]/).pop()!.slice(0, 3);
  const s = scoreDates(labels.example.filter((l) => l.file === file), findDatedEvents(article), (e) => article.text.slice(e.sentenceStart, e.sentenceEnd));
  for (const k of ['labels', 'found', 'right', 'events'] as const) example[k] += s[k];
  example.wrong.push(...s.wrong.map((w) => `${file}: ${w}`));
}
report('example story', example);

const wanted = new Set(labels.basil.map((l) => l.article));
const basil = { labels: 0, found: 0, right: 0, events: 0, wrong: [] as string[] };
for (const a of readBasil(basilDir).filter((x) => wanted.has(x.id))) {
  const article = basilArticle(a);
  const s = scoreDates(labels.basil.filter((l) => l.article === a.id), findDatedEvents(article), (e) => article.text.slice(e.sentenceStart, e.sentenceEnd));
  for (const k of ['labels', 'found', 'right', 'events'] as const) basil[k] += s[k];
  basil.wrong.push(...s.wrong.map((w) => `${a.id.slice(0, 8)}: ${w}`));
}
report('BASIL, ten articles', basil);
const all = example.right + basil.right;
console.log(`timeline accuracy ${(all / (example.labels + basil.labels)).toFixed(3)} (${all} of ${example.labels + basil.labels})`);
