// The store's commands end to end: ingest the example twice (the second run stores nothing new),
// list the stories, render one's dossier, check a claim against it, export everything.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Dossier } from '../../src/model.ts';
import { EXAMPLE_DIR, runCli } from '../helpers.ts';

describe('triangulate ingest, stories, dossier, export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-store-cli-'));
  const db = join(dir, 'stories.db');

  it('ingests idempotently and lists the stories', () => {
    const first = runCli(['ingest', EXAMPLE_DIR, '--db', db]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^Ingested 5 new articles and 0 near-duplicates into \d stor(y|ies); 0 already stored\.$/m);
    const again = runCli(['ingest', EXAMPLE_DIR, '--db', db]);
    assert.match(again.stdout, /Ingested 0 new articles .* 5 already stored\./);
    const list = runCli(['stories', '--db', db, '--json']);
    const stories = JSON.parse(list.stdout) as Array<{ id: number; articles: number; outlets: string[] }>;
    assert.equal(stories.reduce((n, s) => n + s.articles, 0), 5);
    assert.ok(stories[0]!.articles >= 3);
  });

  it('renders a stored story with the same code as analyze, checks a claim against it, and exports', () => {
    const stories = JSON.parse(runCli(['stories', '--db', db, '--json']).stdout) as Array<{ id: number; articles: number }>;
    const biggest = stories.sort((a, b) => b.articles - a.articles)[0]!;
    const out = runCli(['dossier', String(biggest.id), '--db', db]);
    assert.equal(out.status, 0, out.stderr);
    const dossier = Dossier.parse(JSON.parse(out.stdout));
    assert.equal(dossier.articles.length, biggest.articles);
    assert.ok(dossier.claims.length > 0 && dossier.quotes.length > 0);
    const check = runCli(['check', 'Mexico rejects any US military action on its soil', '--story', String(biggest.id), '--db', db, '--json', '-', '-q']);
    assert.equal(check.status, 0, check.stderr);
    assert.equal(JSON.parse(check.stdout).articles.length, biggest.articles);
    const storiesFile = join(dir, 'stories.jsonl');
    const exported = runCli(['export', '--db', db, '--stories', storiesFile]);
    const lines = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; storyId: number; text: string });
    assert.equal(lines.length, 5);
    assert.ok(lines.every((l) => l.text && l.storyId > 0));
    assert.equal(readFileSync(storiesFile, 'utf8').trim().split('\n').length, stories.length);
  });

  it('says clearly when there is no store or no such story', () => {
    const missing = runCli(['stories', '--db', join(dir, 'nothing.db')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no store at/);
    const none = runCli(['dossier', '999', '--db', db]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no story 999/);
  });

  it('refuses a --since that is not a date and a --min-outlets that is not a whole number above zero', () => {
    for (const args of [['--since', 'notadate'], ['--since', '2025-02-30'], ['--since', '2025-04-08T25:00Z'], ['--min-outlets', 'abc'], ['--min-outlets=-1'], ['--min-outlets', '1.5'], ['--min-outlets', '0']]) {
      const result = runCli(['stories', '--db', db, ...args]);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}`);
      assert.match(result.stderr, /^triangulate: --(since|min-outlets) takes .*\n$/, args.join(' '));
    }
    const good = runCli(['stories', '--db', db, '--since', '2025-01-01', '--min-outlets', '1', '--json']);
    assert.equal(good.status, 0, good.stderr);
    assert.ok(JSON.parse(good.stdout).length > 0);
  });

  it('refuses an empty file, or one that is not a store, as the store of a reading command, and leaves it as it was', () => {
    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database\n');
    for (const [store, why] of [[empty, /^triangulate: no store at .*empty\.db\n$/], [text, /^triangulate: no store at .*notes\.txt \(the file is not an SQLite database\)\n$/]] as const) {
      for (const args of [['stories'], ['dossier', '1'], ['export'], ['check', 'Mexico rejects any US military action', '--story', '1']]) {
        const result = runCli([...args, '--db', store]);
        assert.equal(result.status, 2, `${args[0]}: ${result.stderr}`);
        assert.match(result.stderr, why, args[0]);
      }
    }
    assert.equal(statSync(empty).size, 0, 'no schema was written into the empty file');
    assert.equal(readFileSync(text, 'utf8'), 'not a database\n');
  });

  it('takes - as standard output in dossier and export, at most once', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'triangulate-store-cwd-'));
    const id = String((JSON.parse(runCli(['stories', '--db', db, '--json']).stdout) as Array<{ id: number }>)[0]!.id);
    const out = runCli(['dossier', id, '--db', db, '--json', '-', '--md', 'brief.md'], { cwd });
    assert.equal(out.status, 0, out.stderr);
    Dossier.parse(JSON.parse(out.stdout));
    assert.match(readFileSync(join(cwd, 'brief.md'), 'utf8'), /^# Triangulate dossier/);
    assert.ok(!existsSync(join(cwd, '-')), 'no file named -');
    const two = runCli(['dossier', id, '--db', db, '--json', '--md', '-'], { cwd });
    assert.equal(two.status, 2);
    assert.match(two.stderr, /only one output can go to standard output/);
    const exported = runCli(['export', '--db', db, '--articles', '-', '--stories', 'stories.jsonl'], { cwd });
    assert.equal(exported.status, 0, exported.stderr);
    assert.equal(exported.stdout.trim().split('\n').length, 5);
    assert.ok(!existsSync(join(cwd, '-')), 'no file named -');
  });
});
