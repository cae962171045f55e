// Annotations kept in the store: a stored story's dossier made from them is byte for byte the one
// made by annotating, no article is annotated twice under one version, and another version (new
// models, a new release) annotates again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationVersion } from '../../src/annotate/annotation-version.ts';
import { analyzeWithKept, storedDossier } from '../../src/dossier/stored-annotations.ts';
import { analyzeArticles, extractInputs } from '../../src/pipeline.ts';
import { renderJson } from '../../src/render/render-json.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_DIR, runCli } from '../helpers.ts';

describe('annotations kept in the store', () => {
  it('make the same dossier as annotating, are made once per version, and again under another', async () => {
    const { articles } = await extractInputs([EXAMPLE_DIR]);
    const expected = renderJson(analyzeArticles(articles));
    const store = new SqliteStore(':memory:');
    try {
      const version = annotationVersion();
      assert.match(version, /^\d+\.\d+\.\d+\+[0-9a-f]{16}$/);
      const first = await storedDossier(store, articles);
      assert.equal(renderJson(first), expected);
      const kept = await store.keptAnnotations(articles.map((a) => a.id), version);
      assert.deepEqual([...kept.keys()].sort(), articles.map((a) => a.id).sort());
      // the article itself is not kept twice: only its annotations
      for (const json of kept.values()) assert.equal('article' in (JSON.parse(json) as object), false);
      // from what is kept, nothing is annotated again, and the dossier is the same bytes
      const again = analyzeWithKept(articles, kept, version);
      assert.deepEqual(again.fresh, []);
      assert.equal(renderJson(again.dossier), expected);
      assert.equal(renderJson(await storedDossier(store, articles)), expected);
      // another version's annotations are stale: every article is annotated again, and kept
      assert.equal((await store.keptAnnotations(articles.map((a) => a.id), 'another-version')).size, 0);
      const other = analyzeWithKept(articles, new Map(), 'another-version');
      assert.equal(other.fresh.length, articles.length);
      await store.keepAnnotations(other.fresh);
      assert.equal((await store.keptAnnotations(articles.map((a) => a.id), 'another-version')).size, articles.length);
      assert.equal((await store.keptAnnotations(articles.map((a) => a.id), version)).size, 0);
    } finally {
      await store.close();
    }
  });

  it('annotate only the articles that have none: one new article in a story costs one annotation', async () => {
    const { articles } = await extractInputs([EXAMPLE_DIR]);
    const version = annotationVersion();
    const { fresh } = analyzeWithKept(articles.slice(0, 4), new Map(), version);
    const kept = new Map(fresh.map((r) => [r.articleId, r.json]));
    const next = analyzeWithKept(articles, kept, version);
    assert.deepEqual(next.fresh.map((r) => r.articleId), [articles[4]!.id]);
    assert.equal(renderJson(next.dossier), renderJson(analyzeArticles(articles)));
  });

  it('are made at ingest with --annotate, and the stored story\'s dossier is then the one analyze writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triangulate-annotate-'));
    const db = join(dir, 'store.db');
    const ingest = runCli(['ingest', EXAMPLE_DIR, '--db', db, '--annotate', '-q']);
    assert.equal(ingest.status, 0, ingest.stderr);
    const store = new SqliteStore(db, { create: false });
    let id: number;
    let articleIds: string[];
    try {
      const story = (await store.stories()).sort((a, b) => b.articles - a.articles)[0]!;
      id = story.id;
      articleIds = (await store.storyArticles(id)).map((a) => a.id);
      assert.equal((await store.keptAnnotations(articleIds, annotationVersion())).size, articleIds.length);
    } finally {
      await store.close();
    }
    const dossier = runCli(['dossier', String(id), '--db', db, '--json', join(dir, 'd.json')]);
    assert.equal(dossier.status, 0, dossier.stderr);
    const check = new SqliteStore(db, { create: false });
    try {
      const expected = renderJson(analyzeArticles(await check.storyArticles(id)));
      assert.equal(readFileSync(join(dir, 'd.json'), 'utf8'), expected);
    } finally {
      await check.close();
    }
  });
});
