// `dossier` of a stored story of 200 articles (copies of the example story, one of seven outlets
// each): ingested with --annotate into a fresh SQLite store, so that the dossier only reads the
// kept annotations and runs the cross-article stages; timed in this process (best and median of
// 3) and as the `triangulate dossier` command (start-up included), against the same dossier with
// no annotations kept (the first dossier of a story ingested without --annotate).
// Usage: npm run bench:stored-dossier [-- --articles 200]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storedDossier } from '../src/dossier/stored-annotations.ts';
import { ingestToStore } from '../src/stories/ingest-to-store.ts';
import { openStore } from '../src/store/open-store.ts';
import { exampleCopies } from './example-copies.ts';

const args = process.argv.slice(2);
const size = args.includes('--articles') ? Number(args[args.indexOf('--articles') + 1]) : 200;
const root = mkdtempSync(join(tmpdir(), 'triangulate-stored-dossier-'));
const ms = (t: number): string => `${(performance.now() - t).toFixed(0)} ms`;

async function storeOf(annotate: boolean): Promise<{ db: string; storyId: number }> {
  const db = join(root, annotate ? 'annotated.db' : 'plain.db');
  const store = await openStore(db);
  const started = performance.now();
  const summary = await ingestToStore(exampleCopies(size, { distinct: true }), store, { annotate });
  const stories = await store.stories();
  await store.close();
  const biggest = stories.sort((a, b) => b.articles - a.articles)[0]!;
  console.log(`ingest${annotate ? ' --annotate' : ''}: ${summary.added + summary.duplicates} articles in ${ms(started)}; the largest story holds ${biggest.articles}`);
  return { db, storyId: biggest.id };
}

async function timeDossier(db: string, storyId: number, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const store = await openStore(db, { create: false });
    const started = performance.now();
    const articles = await store.storyArticles(storyId);
    await storedDossier(store, articles);
    times.push(performance.now() - started);
    await store.close();
  }
  return times.sort((a, b) => a - b);
}

try {
  const annotated = await storeOf(true);
  const kept = await timeDossier(annotated.db, annotated.storyId, 3);
  console.log(`dossier from kept annotations: best ${kept[0]!.toFixed(0)} ms, median ${kept[1]!.toFixed(0)} ms`);
  const started = performance.now();
  const cli = spawnSync(process.execPath, [join('dist', 'cli', 'main.js'), 'dossier', String(annotated.storyId), '--db', annotated.db, '--json', join(root, 'dossier.json')], { encoding: 'utf8' });
  if (cli.status !== 0) console.log(`triangulate dossier failed (npm run build first?): ${cli.stderr.trim()}`);
  else console.log(`triangulate dossier ${annotated.storyId} --json (node dist/cli/main.js, start-up included): ${ms(started)}`);
  const plain = await storeOf(false);
  // the first dossier annotates every article and keeps the annotations: time it alone
  const first = await timeDossier(plain.db, plain.storyId, 1);
  console.log(`first dossier with nothing kept (annotates all ${size}): ${first[0]!.toFixed(0)} ms`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
