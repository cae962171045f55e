// Two and four `triangulate ingest` runs at once into one store (a SQLite file; a PostgreSQL
// schema when TRIANGULATE_TEST_PG is set), with overlapping and distinct articles: every run
// exits 0 with its summary, every distinct article is stored exactly once, each story counts
// exactly the articles stored in it, and the document frequencies count every article once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { BANDS } from '../../src/stories/minhash.ts';
import { EXAMPLE_DIR, ROOT } from '../helpers.ts';

/** Distinct articles in all. */
const ARTICLES = 240;

/** Article i: a real text, some paragraphs dropped, and a line of its own (deterministic). */
function article(i: number, originals: readonly string[]): string {
  const paragraphs = originals[i % originals.length]!.split(/\n\s*\n/);
  const kept = paragraphs.filter((_, k) => k === 0 || (k * 7 + i) % 5 !== 0);
  kept.splice(Math.floor(kept.length / 2), 0, `In a related development, officials counted ${i * 13 + 7} trucks at the border crossing on the ${i}th day of the inspections.`);
  return `${kept.join('\n\n')}\n`;
}

/** One input directory per run, run r holding the articles `share(r)` names; returns the directories. */
function writeRuns(root: string, runs: number, share: (run: number) => number[]): string[] {
  const originals = readdirSync(EXAMPLE_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(EXAMPLE_DIR, f), 'utf8'));
  const dirs: string[] = [];
  for (let r = 0; r < runs; r++) {
    const dir = join(root, `run-${r}`);
    mkdirSync(dir);
    for (const i of share(r)) writeFileSync(join(dir, `article-${String(i).padStart(4, '0')}.txt`), article(i, originals));
    dirs.push(dir);
  }
  return dirs;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function ingest(dir: string, db: string): Promise<Run> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts'), 'ingest', dir, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** The counts a run's summary line reports. */
function summary(run: Run): { stored: number; known: number } {
  const m = /Ingested (\d+) new articles? and (\d+) near-duplicates? into \d+ stor(?:y|ies); (\d+) already stored/.exec(run.stdout);
  assert.ok(m, `no summary in ${JSON.stringify(run.stdout)} (stderr ${JSON.stringify(run.stderr)})`);
  return { stored: Number(m[1]) + Number(m[2]), known: Number(m[3]) };
}

/** What the store holds, read the same way from either engine. */
interface Held {
  articles: number;
  distinct: number;
  perStory: Array<{ id: number; counted: number; stored: number }>;
  bandKeys: number;
  storiesWithoutKeys: number;
  documents: number;
}

const QUERIES = {
  articles: 'SELECT COUNT(*) AS n FROM articles',
  distinct: 'SELECT COUNT(DISTINCT id) AS n FROM articles',
  perStory: 'SELECT s.id, s.articles AS counted, (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id) AS stored FROM stories s ORDER BY s.id',
  bandKeys: 'SELECT COUNT(*) AS n FROM band_keys',
  storiesWithoutKeys: 'SELECT COUNT(*) AS n FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_keys k WHERE k.story_id = s.id)',
  documents: 'SELECT documents AS n FROM frequencies WHERE id = 1',
};

function heldInSqlite(file: string): Held {
  const db = new Database(file, { readonly: true });
  try {
    const n = (sql: string): number => Number((db.prepare(sql).get() as { n: number } | undefined)?.n ?? 0);
    const perStory = (db.prepare(QUERIES.perStory).all() as Array<Record<string, number>>).map((r) => ({ id: Number(r.id), counted: Number(r.counted), stored: Number(r.stored) }));
    assert.equal((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    return { articles: n(QUERIES.articles), distinct: n(QUERIES.distinct), perStory, bandKeys: n(QUERIES.bandKeys), storiesWithoutKeys: n(QUERIES.storiesWithoutKeys), documents: n(QUERIES.documents) };
  } finally {
    db.close();
  }
}

async function heldInPostgres(url: string): Promise<Held> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const n = async (sql: string): Promise<number> => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
    const perStory = (await client.query<Record<string, string>>(QUERIES.perStory)).rows.map((r) => ({ id: Number(r.id), counted: Number(r.counted), stored: Number(r.stored) }));
    return {
      articles: await n(QUERIES.articles),
      distinct: await n(QUERIES.distinct),
      perStory,
      bandKeys: await n(QUERIES.bandKeys),
      storiesWithoutKeys: await n(QUERIES.storiesWithoutKeys),
      documents: await n(QUERIES.documents),
    };
  } finally {
    await client.end();
  }
}

/** Two runs: the first 160 articles and the last 160 (80 in both). */
const TWO = (r: number): number[] => Array.from({ length: 160 }, (_, k) => k + r * 80);
/** Four runs of 120 articles each, each article in two runs: r takes 60r … 60r + 119 (mod 240). */
const FOUR = (r: number): number[] => Array.from({ length: 120 }, (_, k) => (r * 60 + k) % ARTICLES);

async function concurrentRuns(runs: number, share: (run: number) => number[], db: (root: string) => Promise<string>, held: (db: string) => Promise<Held>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'triangulate-concurrent-'));
  const dirs = writeRuns(root, runs, share);
  const target = await db(root);
  const results = await Promise.all(dirs.map((dir) => ingest(dir, target)));
  for (const [r, run] of results.entries()) assert.equal(run.code, 0, `run ${r} exited ${run.code}: ${run.stderr}`);
  // each article was stored by exactly one run and found stored by the others
  const summaries = results.map(summary);
  const given = Array.from({ length: runs }, (_, r) => share(r).length).reduce((a, b) => a + b, 0);
  assert.equal(summaries.reduce((n, s) => n + s.stored, 0), ARTICLES);
  assert.equal(summaries.reduce((n, s) => n + s.known, 0), given - ARTICLES);
  const h = await held(target);
  assert.equal(h.articles, ARTICLES);
  assert.equal(h.distinct, ARTICLES);
  assert.equal(h.bandKeys, ARTICLES * BANDS);
  assert.equal(h.storiesWithoutKeys, 0);
  for (const s of h.perStory) assert.equal(s.counted, s.stored, `story ${s.id} counts ${s.counted} articles and holds ${s.stored}`);
  assert.equal(h.perStory.reduce((n, s) => n + s.counted, 0), ARTICLES);
  assert.equal(h.documents, ARTICLES);
}

const sqliteFile = async (root: string): Promise<string> => join(root, 'stories.db');
const sqliteHeld = async (file: string): Promise<Held> => heldInSqlite(file);

describe('concurrent ingest runs into one SQLite file', { timeout: 180_000 }, () => {
  it('two runs with overlapping articles store each article once, and everything adds up', () => concurrentRuns(2, TWO, sqliteFile, sqliteHeld));
  it('four runs with overlapping articles store each article once, and everything adds up', () => concurrentRuns(4, FOUR, sqliteFile, sqliteHeld));
});

const url = process.env.TRIANGULATE_TEST_PG;
if (url) {
  /** A schema of its own (the role owns the test database), so that other PostgreSQL tests may run alongside. */
  const schemaUrl = async (schema: string): Promise<string> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
    await client.end();
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    return u.toString();
  };
  describe('concurrent ingest runs into one PostgreSQL database', { timeout: 180_000 }, () => {
    it('two runs with overlapping articles store each article once, and everything adds up', () => concurrentRuns(2, TWO, () => schemaUrl('concurrent_two'), heldInPostgres));
    it('four runs with overlapping articles store each article once, and everything adds up', () => concurrentRuns(4, FOUR, () => schemaUrl('concurrent_four'), heldInPostgres));
  });
} else {
  describe('concurrent ingest runs into one PostgreSQL database', () => {
    it('needs TRIANGULATE_TEST_PG (set by .ci/run)', { skip: 'TRIANGULATE_TEST_PG is not set' }, () => {});
  });
}
