// The store's commands end to end: ingest the example twice (the second run stores nothing new),
// list the stories, render one's dossier, check a claim against it, export everything.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
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
});
