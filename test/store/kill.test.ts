// Killing ingest with SIGKILL while it writes leaves a store that opens, holds every article
// committed before the kill whole (with its keys and its story) and none half-written, and a
// rerun completes without duplicates.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { BANDS } from '../../src/stories/minhash.ts';
import { EXAMPLE_DIR, ROOT } from '../helpers.ts';

const FILES = 600;

/** Real article text in many distinct copies: each drops some paragraphs and carries its own line. */
function writeCopies(dir: string): void {
  const originals = readdirSync(EXAMPLE_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(EXAMPLE_DIR, f), 'utf8'));
  for (let i = 0; i < FILES; i++) {
    const paragraphs = originals[i % originals.length]!.split(/\n\s*\n/);
    const kept = paragraphs.filter((_, k) => k === 0 || (k * 7 + i) % 5 !== 0);
    // a line of its own inside the body, so that no two copies are the same article
    kept.splice(Math.floor(kept.length / 2), 0, `In a related development, officials counted ${i * 13 + 7} trucks at the border crossing on the ${i}th day of the inspections.`);
    writeFileSync(join(dir, `copy-${String(i).padStart(4, '0')}.txt`), `${kept.join('\n\n')}\n`);
  }
}

function ingest(dir: string, db: string) {
  return spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts'), 'ingest', dir, '--db', db, '-q'], { stdio: 'ignore' });
}

function count(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT COUNT(*) n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

describe('a store killed while ingesting', () => {
  it('opens whole after SIGKILL, and a rerun completes without duplicates', async () => {
    const root = mkdtempSync(join(tmpdir(), 'triangulate-kill-'));
    const dir = join(root, 'in');
    mkdirSync(dir);
    writeCopies(dir);
    const db = join(root, 'stories.db');
    const child = ingest(dir, db);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // kill at a random point once articles are being written
    const target = 5 + Math.floor(Math.random() * 150);
    let before = 0;
    for (let waited = 0; waited < 60_000; waited += 20) {
      before = count(db);
      if (before >= target || child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await exited;
    const conn = new Database(db);
    assert.equal((conn.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    const articles = (conn.prepare('SELECT COUNT(*) n FROM articles').get() as { n: number }).n;
    assert.ok(articles >= before, `${articles} stored after the kill, ${before} seen before it`);
    assert.ok(articles < FILES, 'the kill came before the end');
    // every stored article is whole: its story exists and counts it, its keys are all there
    assert.equal((conn.prepare('SELECT COUNT(*) n FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL').get() as { n: number }).n, 0);
    assert.equal((conn.prepare('SELECT COALESCE(SUM(articles), 0) n FROM stories').get() as { n: number }).n, articles);
    assert.equal((conn.prepare('SELECT COUNT(*) n FROM band_keys').get() as { n: number }).n, articles * BANDS);
    conn.close();
    // the rerun finishes the job: every file once
    const rerun = ingest(dir, db);
    assert.equal(await new Promise<number | null>((resolve) => rerun.on('exit', resolve)), 0);
    const after = new Database(db, { readonly: true });
    assert.equal((after.prepare('SELECT COUNT(*) n FROM articles').get() as { n: number }).n, FILES);
    assert.equal((after.prepare('SELECT COUNT(DISTINCT id) n FROM articles').get() as { n: number }).n, FILES);
    assert.equal((after.prepare('SELECT SUM(articles) n FROM stories').get() as { n: number }).n, FILES);
    after.close();
  });
});
