// Ingest at scale: N articles made from the Zyte benchmark's 181 real bodies, each varied (a
// share of its sentences dropped, the rest in a shuffled window, a line of its own), dated as a
// stream (ARTICLES_PER_DAY a day), ingested one at a time into a fresh store: SQLite by default,
// PostgreSQL with --pg URL. Prints articles per second and peak memory at 10k, 100k and 1M
// (each size a fresh store; --max N stops at N), and the cost per article over the run in
// slices, which should stay flat as the store grows.
// Usage: npm run bench:scale -- [../shared/data/extraction/zyte] [--max N | --only N] [--pg postgres://…]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../src/errors.ts';
import { extractOne, type ArticleInput } from '../src/pipeline.ts';
import { StoryAssigner } from '../src/stories/assign-stories.ts';
import { openStore } from '../src/store/open-store.ts';
import { streamArticles } from './stream-articles.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const max = Number(flag('--max') ?? 1_000_000);
const pg = flag('--pg');
const dir = args.find((a, i) => !a.startsWith('--') && !['--max', '--pg', '--only'].includes(args[i - 1] ?? '')) ?? join('..', 'shared', 'data', 'extraction', 'zyte');
const only = flag('--only');
const sizes = only ? [Number(only)] : [10_000, 100_000, 1_000_000].filter((s) => s <= max);
if (sizes.length === 0) sizes.push(max);
let last = '';
for (const size of sizes) {
  const root = mkdtempSync(join(tmpdir(), 'triangulate-scale-'));
  if (pg) {
    const { default: pgLib } = await import('pg');
    const client = new pgLib.Client({ connectionString: pg });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.end();
  }
  const store = await openStore(pg ?? join(root, 'scale.db'));
  const assigner = await StoryAssigner.open(store);
  const started = performance.now();
  let done = 0;
  let sliceStart = started;
  const slices: string[] = [];
  const slice = Math.max(1000, size / 5);
  let failed = 0;
  for (const input of streamArticles(dir, size)) {
    // an input the extractor refuses (too little text left) counts as failed, as in `ingest`
    let article;
    try {
      article = extractOne(input);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed++;
      continue;
    }
    await assigner.add(article, '2025-06-01T00:00:00.000Z');
    if (++done % slice === 0) {
      const now = performance.now();
      slices.push(`${((now - sliceStart) / slice).toFixed(2)}`);
      sliceStart = now;
    }
  }
  await assigner.flush();
  const seconds = (performance.now() - started) / 1000;
  const stories = (await store.stories()).length;
  await store.close();
  rmSync(root, { recursive: true, force: true });
  const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.log(`${size} articles into ${pg ? 'PostgreSQL' : 'SQLite'} (${failed} refused by extraction): ${seconds.toFixed(1)} s, ${stories} stories; ms per article by fifths of the run: ${slices.join(', ')}`);
  last = `articles/s ${(size / seconds).toFixed(0)} peak MB ${peak} at ${size}`;
  console.log(last);
}
