// Story clustering on a folder laid out like ECB+ (`<topic>/<topic>_<n>ecb.xml` and
// `…ecbplus.xml`: each topic holds two similar events, one per suffix): every document is
// ingested, one at a time, into an in-memory store, and the stories it ends in are scored against
// the gold events with B-cubed precision, recall and F1.
// Usage: npm run bench:events -- [../shared/data/events/ecbplus]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extractInputs } from '../src/pipeline.ts';
import { StoryAssigner } from '../src/stories/assign-stories.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';

const dir = process.argv[2] ?? join('..', 'shared', 'data', 'events', 'ecbplus');
const docs: Array<{ name: string; gold: string; text: string }> = [];
for (const topic of readdirSync(dir).filter((t) => /^\d+$/.test(t) && statSync(join(dir, t)).isDirectory())) {
  for (const file of readdirSync(join(dir, topic)).filter((f) => f.endsWith('.xml'))) {
    const xml = readFileSync(join(dir, topic, file), 'utf8');
    const tokens = [...xml.matchAll(/<token[^>]*>([^<]*)<\/token>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    const text = tokens.join(' ').replace(/ ([.,;:!?%)'’])/g, '$1').replace(/([($]) /g, '$1').replace(/`` | ''/g, '"');
    docs.push({ name: file, gold: `${topic}/${file.includes('ecbplus') ? 'plus' : 'ecb'}`, text });
  }
}
docs.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
const store = new SqliteStore(':memory:');
const assigner = await StoryAssigner.open(store);
const started = performance.now();
const { articles } = await extractInputs(docs.map((d) => ({ text: d.text, source: d.name })));
const storyOf = new Map<string, number>();
for (const [i, article] of articles.entries()) {
  const a = await assigner.add(article, '2020-01-01T00:00:00.000Z');
  storyOf.set(docs[i]!.name, a.storyId ?? -1);
}
const seconds = (performance.now() - started) / 1000;
// B-cubed over documents
let p = 0;
let r = 0;
for (const d of docs) {
  const mine = storyOf.get(d.name);
  const sameStory = docs.filter((x) => storyOf.get(x.name) === mine);
  const sameGold = docs.filter((x) => x.gold === d.gold);
  const both = sameStory.filter((x) => x.gold === d.gold).length;
  p += both / sameStory.length;
  r += both / sameGold.length;
}
p /= docs.length;
r /= docs.length;
const stories = new Set(storyOf.values()).size;
const events = new Set(docs.map((d) => d.gold)).size;
console.log(`${docs.length} documents, ${events} gold events, ${stories} stories; ${(docs.length / seconds).toFixed(0)} documents/s`);
console.log(`event B3 F1 ${((2 * p * r) / (p + r)).toFixed(3)} P ${p.toFixed(3)} R ${r.toFixed(3)}`);
await store.close();
