// The distributed path for real: a Redis server, a PostgreSQL schema, a local web server with
// feeds and pages, and three `triangulate worker` processes taking jobs that `triangulate enqueue`
// queued (feeds, a slow page, a page that always fails, and files). One worker is SIGKILLed while
// it fetches the slow page. Then: every article is stored exactly once and annotated, each story
// counts exactly its articles, the variants of one text share one story, the killed job was done
// again by another worker, the failing page is a dead letter after its three attempts, and the
// workers left stop on SIGTERM with exit 0.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { connectRedis, jobIdOf, openQueue } from '../../src/queue/work-queue.ts';
import { EXAMPLE_DIR, ROOT, runCli } from '../helpers.ts';
import { hasRedis, testRedis, type TestRedis } from './test-redis.ts';

const PG = process.env.TRIANGULATE_TEST_PG;
// skipped without PostgreSQL or Redis on a developer's machine; under CI (.ci/run starts both) it runs, and fails without them
const skip = process.env.CI === 'true' ? false : !PG ? 'TRIANGULATE_TEST_PG is not set' : !hasRedis ? 'no Redis: set TRIANGULATE_TEST_REDIS or install redis-server' : false;

/** Variants of the example's texts: the even ones served by feeds (as plain text), the odd ones queued as files. */
const VARIANTS = 240;
/** Variants per feed. */
const PER_FEED = 30;
/** How long the slow page takes to answer. */
const SLOW_MS = 4000;
const ATTEMPTS = 3;

/** Variant i of a real text: some paragraphs dropped, and a line of its own (deterministic). */
function variant(i: number, originals: readonly string[]): string {
  const paragraphs = originals[i % originals.length]!.split(/\n\s*\n/);
  const kept = paragraphs.filter((_, k) => k === 0 || (k * 7 + i) % 5 !== 0);
  kept.splice(Math.floor(kept.length / 2), 0, `In a related development, officials counted ${i * 13 + 7} trucks at the border crossing on the ${i}th day of the inspections.`);
  return kept.join('\n\n');
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(title: string, text: string): string {
  const body = text.split(/\n\n/).map((p) => `<p>${escape(p)}</p>`).join('\n');
  return `<!doctype html><html><head><title>${escape(title)}</title><meta property="og:site_name" content="Wire Desk"></head><body><article><h1>${escape(title)}</h1>${body}</article></body></html>`;
}

interface Worker {
  name: string;
  child: ChildProcess;
  stderr: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(name: string, db: string, redis: string): Worker {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts'), 'worker', '--db', db, '--redis', redis, '--name', name, '--concurrency', '3', '--lock', '2000', '--host-interval', '0', '--allow-private'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker: Worker = { name, child, stderr: '', exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))) };
  child.stderr!.on('data', (d: Buffer) => (worker.stderr += d.toString()));
  child.stdout!.resume();
  return worker;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('three workers on one queue and one PostgreSQL store, one killed mid-job', { skip, timeout: 300_000 }, () => {
  let root: string;
  let server: Server;
  let base: string;
  let redisUrl: string;
  let redisServer: TestRedis | null = null;
  let dbUrl: string;
  const requests = new Map<string, number>();
  let slowAsked!: () => void;
  const slowRequested = new Promise<void>((resolve) => (slowAsked = resolve));

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'triangulate-workers-'));
    const originals = readdirSync(EXAMPLE_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(EXAMPLE_DIR, f), 'utf8'));
    const files = join(root, 'files');
    mkdirSync(files);
    for (let i = 1; i < VARIANTS; i += 2) writeFileSync(join(files, `text-${i % 5}-variant-${String(i).padStart(3, '0')}.txt`), `${variant(i, originals)}\n`);
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      requests.set(path, (requests.get(path) ?? 0) + 1);
      const feed = /^\/feed-(\d+)\.xml$/.exec(path);
      const item = /^\/a\/(\d+)\.html$/.exec(path);
      if (feed) {
        const first = Number(feed[1]) * PER_FEED * 2;
        const items: string[] = [];
        for (let i = first; i < Math.min(first + PER_FEED * 2, VARIANTS); i += 2) items.push(`<item><title>Variant ${i}</title><link>${base}/a/${i}.html</link></item>`);
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Desk</title>${items.join('')}</channel></rss>`);
      } else if (item && Number(item[1]) < VARIANTS) {
        const i = Number(item[1]);
        // the same text a file holds: the variants of one text differ only by what was dropped
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(`${variant(i, originals)}\n`);
      } else if (path === '/slow.html') {
        slowAsked();
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('The slow page', variant(VARIANTS, originals))), SLOW_MS);
      } else if (path === '/down.html') res.writeHead(503).end('down');
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    redisServer = await testRedis();
    redisUrl = redisServer.url;

    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query('DROP SCHEMA IF EXISTS workers_test CASCADE; CREATE SCHEMA workers_test;');
    await admin.end();
    const u = new URL(PG!);
    u.searchParams.set('options', '-c search_path=workers_test');
    dbUrl = u.href;
  });

  after(async () => {
    await new Promise((resolve) => server?.close(resolve));
    redisServer?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('stores every article once in consistent stories, redoes the killed job and gives up the failing page', async () => {
    const feeds = Array.from({ length: Math.ceil(VARIANTS / 2 / PER_FEED) }, (_, f) => `${base}/feed-${f}.xml`);
    const queued = runCli(['enqueue', ...feeds, `${base}/slow.html`, join(root, 'files'), '--redis', redisUrl, '--attempts', String(ATTEMPTS), '--backoff', '200']);
    assert.equal(queued.status, 0, queued.stderr);
    assert.match(queued.stdout, new RegExp(`^Queued ${feeds.length + 1 + VARIANTS / 2} jobs on `));
    // queuing the same inputs again adds nothing
    const again = runCli(['enqueue', `${base}/slow.html`, join(root, 'files'), '--redis', redisUrl]);
    assert.match(again.stdout, new RegExp(`^Queued 0 jobs on .*; ${1 + VARIANTS / 2} already queued or done today\\.`));

    const workers = ['w1', 'w2', 'w3'].map((name) => startWorker(name, dbUrl, redisUrl));
    const redis = await connectRedis(redisUrl);
    const queue = openQueue(redis);
    try {
      // the worker fetching the slow page dies with it
      await slowRequested;
      const slowJob = jobIdOf({ kind: 'url', url: `${base}/slow.html` });
      const holder = await until('the slow job to be held', async () => (await queue.getJob(slowJob))?.processedBy, 10_000);
      const victim = workers.find((w) => w.name === holder)!;
      assert.ok(victim, `the slow job is held by ${holder}`);
      victim.child.kill('SIGKILL');
      assert.equal((await victim.exit).signal, 'SIGKILL');
      // queued while the workers run, once no worker can die holding it: its tries all count
      const poison = runCli(['enqueue', `${base}/down.html`, '--redis', redisUrl, '--attempts', String(ATTEMPTS), '--backoff', '200']);
      assert.equal(poison.status, 0, poison.stderr);

      await until(
        'the queue to drain',
        async () => {
          const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed');
          const pending = (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0);
          return pending === 0 && c.failed === 1 && c.completed === feeds.length + 1 + VARIANTS;
        },
        240_000,
      );
      const slowDone = await queue.getJob(slowJob);
      assert.equal(await slowDone!.getState(), 'completed');
      assert.notEqual(slowDone!.processedBy, holder, 'another worker did the killed job');
      assert.ok(requests.get('/slow.html')! >= 2, 'the slow page was fetched again');
      assert.equal(requests.get('/down.html'), ATTEMPTS, 'the failing page was tried three times, no more');
    } finally {
      await queue.close();
      redis.disconnect();
    }

    // the others stop on SIGTERM, cleanly
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
    for (const w of workers.filter((w) => w.child.signalCode !== 'SIGKILL')) {
      const { code } = await w.exit;
      assert.equal(code, 0, `${w.name} exited ${code}: ${w.stderr}`);
    }

    const failed = runCli(['failed', '--redis', redisUrl, '--json']);
    assert.equal(failed.status, 0, failed.stderr);
    const letters = JSON.parse(failed.stdout) as { total: number; letters: Array<{ input: string; attempts: number; reason: string }> };
    assert.equal(letters.total, 1);
    assert.deepEqual(letters.letters.map((l) => [l.input, l.attempts, l.reason]), [[`${base}/down.html`, ATTEMPTS, 'HTTP 503']]);

    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      const rows = async <T,>(sql: string): Promise<T[]> => (await client.query(sql)).rows as T[];
      const articles = await rows<{ id: string; url: string | null; source: string; story_id: string }>("SELECT id, url, json::json->>'source' AS source, story_id FROM articles");
      // every input exactly once: each served page by its URL, each file by its source
      const expected = VARIANTS + 1;
      const keys = articles.map((a) => a.url ?? a.source);
      const wanted = [`${base}/slow.html`, ...Array.from({ length: VARIANTS }, (_, i) => (i % 2 === 0 ? `${base}/a/${i}.html` : `variant-${String(i).padStart(3, '0')}.txt`))];
      const missing = wanted.filter((w) => !keys.some((k) => k === w || k.endsWith(w)));
      assert.deepEqual(missing, [], 'every input stored');
      assert.equal(articles.length, expected);
      assert.equal(new Set(keys).size, expected, 'no input stored twice');
      for (let i = 0; i < VARIANTS; i += 2) assert.ok(keys.includes(`${base}/a/${i}.html`), `variant ${i} stored`);
      for (let i = 1; i < VARIANTS; i += 2) assert.ok(keys.some((k) => k.endsWith(`variant-${String(i).padStart(3, '0')}.txt`)), `variant ${i} stored`);
      assert.ok(keys.includes(`${base}/slow.html`));
      // each story counts exactly the articles it holds
      const stories = await rows<{ id: string; counted: number; stored: string }>('SELECT s.id, s.articles AS counted, (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id) AS stored FROM stories s');
      for (const s of stories) assert.equal(Number(s.stored), s.counted, `story ${s.id}`);
      // the variants of one text are in one story
      const storyOf = new Map(articles.map((a) => [a.url ?? a.source, a.story_id]));
      for (let b = 0; b < 5; b++) {
        const of = new Set<string>();
        for (let i = b; i < VARIANTS; i += 5) of.add(storyOf.get(i % 2 === 0 ? `${base}/a/${i}.html` : [...storyOf.keys()].find((k) => k.endsWith(`variant-${String(i).padStart(3, '0')}.txt`))!)!);
        assert.equal(of.size, 1, `the variants of text ${b} are in ${of.size} stories`);
      }
      // annotations kept once for each article, at ingest
      const annotated = await rows<{ n: string }>('SELECT COUNT(*) AS n FROM article_annotations');
      assert.equal(Number(annotated[0]!.n), expected);
      // the fetches recorded: pages fetched, the failing one with its reason
      const down = await rows<{ failures: number; last_error: string }>(`SELECT failures, last_error FROM fetches WHERE url = '${base}/down.html'`);
      assert.deepEqual(down, [{ failures: ATTEMPTS, last_error: 'HTTP 503' }]);
    } finally {
      await client.end();
    }
  });
});
