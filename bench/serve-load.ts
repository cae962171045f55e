// Load on the web app: a store holding one story of 200 articles (copies of the example story's
// five, each dropping a quarter of its paragraphs and shuffling the rest, seeded, as bench:analyze
// makes them), served by `triangulate serve` pinned to one core (taskset -c 0) while autocannon
// runs on the other. Prints the time the story's dossier takes to compute the first time, the
// first page after it, then p50/p99 latency and requests/s of the story page and of
// /api/stories/:id at a fixed 200 requests/s and at full speed: plain, gzipped, and revalidated by
// a client holding the current ETag (304).
// Usage: npm run build && npm run bench:serve [-- --articles 200 --seconds 10]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { ingestToStore } from '../src/stories/ingest-to-store.ts';
import { exampleCopies } from './example-copies.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const size = arg('--articles', 200);
const seconds = arg('--seconds', 10);
const root = join(import.meta.dirname, '..');

const work = mkdtempSync(join(tmpdir(), 'triangulate-serve-bench-'));
const db = join(work, 'store.db');
const store = new SqliteStore(db);
await ingestToStore(exampleCopies(size, { distinct: true }), store, { now: () => '2025-04-08T12:00:00.000Z', includeNonArticles: true });
const largest = (await store.stories()).sort((a, b) => b.articles - a.articles)[0]!;
await store.close();
// the copies fall into a few stories (their paragraphs differ by design): made one, so that the
// bench measures a story of `size` articles
const sqlite = new Database(db);
sqlite.transaction(() => {
  sqlite.prepare('UPDATE articles SET story_id = ?').run(largest.id);
  sqlite.prepare('DELETE FROM story_keys WHERE story_id <> ?').run(largest.id);
  sqlite.prepare('DELETE FROM stories WHERE id <> ?').run(largest.id);
  sqlite.prepare('UPDATE stories SET articles = (SELECT COUNT(*) FROM articles) WHERE id = ?').run(largest.id);
})();
sqlite.close();
console.log(`store: one story (${largest.id}) of ${size} articles`);

const server = spawn('taskset', ['-c', '0', process.execPath, join(root, 'dist', 'cli', 'main.js'), 'serve', '--db', db, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /at (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]!);
  });
  server.on('exit', (code) => reject(new Error(`the server stopped (${code})`)));
});

try {
  // the first request for the story computes its dossier (unless the background warm-up did already)
  let started = performance.now();
  let r = await fetch(`${url}/stories/${largest.id}`);
  await r.text();
  console.log(`first story page (dossier computed or being computed in the background): ${((performance.now() - started) / 1000).toFixed(2)} s, status ${r.status}`);
  started = performance.now();
  r = await fetch(`${url}/stories/${largest.id}`);
  const bytes = (await r.arrayBuffer()).byteLength;
  console.log(`next story page: ${(performance.now() - started).toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KB`);

  const etags = new Map<string, string>();
  for (const path of [`/stories/${largest.id}`, `/api/stories/${largest.id}`]) etags.set(path, (await fetch(`${url}${path}`)).headers.get('etag') ?? '');
  const ways: Array<[string, Record<string, string>]> = [['plain', {}], ['gzip', { 'accept-encoding': 'gzip' }], ['revalidated', { 'if-none-match': '' }]];
  for (const path of [`/stories/${largest.id}`, `/api/stories/${largest.id}`]) {
    for (const [way, given] of ways) for (const rate of [200, 0]) {
      const headers = way === 'revalidated' ? { 'if-none-match': etags.get(path)! } : given;
      const result = await autocannon({ url: `${url}${path}`, connections: 10, duration: seconds, headers, ...(rate ? { overallRate: rate } : {}) });
      console.log(
        `${path.padEnd(16)} ${way.padEnd(11)} ${rate ? `at ${rate} req/s` : 'full speed  '}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.average.toFixed(0)} req/s, ` +
          `${result.non2xx} non-2xx, ${result.errors} errors, ${(result.throughput.average / 1024 / 1024).toFixed(1)} MB/s`,
      );
    }
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(work, { recursive: true, force: true });
}
