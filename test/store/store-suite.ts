// The behaviour every store engine must have, run against SQLite always and against PostgreSQL
// when TRIANGULATE_TEST_PG names a database (CI starts one): idempotent ingest, near-duplicates
// and syndicated copies, stories assigned online, listing, export, fetch state, migrations.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractInputs } from '../../src/pipeline.ts';
import { StoryAssigner } from '../../src/stories/assign-stories.ts';
import type { Store } from '../../src/store/store.ts';
import { EXAMPLE_DIR } from '../helpers.ts';

const SEEN = '2025-04-10T12:00:00.000Z';

/** A copy of an article as a syndicating outlet prints it: another outlet, a sentence dropped, a line added. */
function syndicated(text: string): string {
  const paragraphs = text.split(/\n\n/);
  return [...paragraphs.slice(0, 2), ...paragraphs.slice(3), 'This story was first published by a partner site.'].join('\n\n');
}

export function storeSuite(name: string, open: () => Promise<Store>): void {
  describe(`the ${name} store`, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store.close();
    });

    it('stores each article once, however often it is ingested, and puts it in a story', async () => {
      const { articles } = await extractInputs([EXAMPLE_DIR]);
      const assigner = await StoryAssigner.open(store);
      const first = [];
      for (const a of articles) first.push(await assigner.add(a, SEEN));
      assert.deepEqual(first.map((r) => r.outcome), ['added', 'added', 'added', 'added', 'added']);
      for (const r of first) assert.ok(r.storyId !== null && r.storyId > 0);
      for (const a of articles) assert.equal((await assigner.add(a, SEEN)).outcome, 'known');
      await assigner.flush();
      assert.equal(await store.articleCount(), 5);
      const stories = await store.stories();
      assert.equal(stories.reduce((n, s) => n + s.articles, 0), 5);
      // most of the story's outlets end up together
      assert.ok(Math.max(...stories.map((s) => s.articles)) >= 3, JSON.stringify(stories.map((s) => s.articles)));
    });

    it('records a syndicated copy as a near-duplicate in its original’s story', async () => {
      const { articles } = await extractInputs([EXAMPLE_DIR]);
      const original = articles[3]!;
      const { articles: copies } = await extractInputs([{ text: syndicated(original.text), source: 'partner.txt', outlet: 'Partner News' }]);
      const assigner = await StoryAssigner.open(store);
      const copy = await assigner.add(copies[0]!, SEEN);
      await assigner.flush();
      assert.equal(copy.outcome, 'duplicate');
      assert.equal(copy.duplicateOf, original.id);
      const stored = (await store.stories()).find((s) => s.id === copy.storyId)!;
      assert.ok(stored.outlets.includes('Partner News'));
      const exported = [];
      for await (const row of store.exportArticles()) exported.push(row);
      assert.equal(exported.length, 6);
      assert.equal(exported[5]!.duplicateOf, original.id);
      assert.equal(exported[5]!.storyId, copy.storyId);
    });

    it('starts a new story for an article about something else, and lists and filters stories', async () => {
      const text = 'The city council of Springfield approved a new budget for public libraries on Monday, adding funds for longer opening hours, new computers and a mobile library that will visit rural schools.\n\nLibrarians welcomed the vote. The budget passed by seven votes to two after a debate about property taxes.';
      const { articles } = await extractInputs([{ text, source: 'library.txt', outlet: 'Springfield Courier', publishedAt: '2025-04-09' }]);
      const assigner = await StoryAssigner.open(store);
      const result = await assigner.add(articles[0]!, SEEN);
      await assigner.flush();
      assert.equal(result.outcome, 'added');
      const stories = await store.stories();
      assert.equal(stories.filter((s) => s.id === result.storyId)[0]!.articles, 1);
      assert.ok(stories.every((s) => s.id === result.storyId || !s.outlets.includes('Springfield Courier')));
      assert.ok((await store.stories({ minOutlets: 2 })).every((s) => s.outlets.length >= 2));
      assert.deepEqual(await store.stories({ since: '2999-01-01' }), []);
      const articlesOfStory = await store.storyArticles(result.storyId!);
      assert.equal(articlesOfStory[0]!.id, articles[0]!.id);
    });

    it('keeps fetch state for conditional requests and failures to retry', async () => {
      await store.recordFetch('https://news.example/a', { etag: '"v1"', lastModified: 'Tue, 08 Apr 2025 10:00:00 GMT', failures: 0, lastError: null });
      await store.recordFetch('https://news.example/b', { etag: null, lastModified: null, failures: 1, lastError: 'HTTP 503' });
      assert.deepEqual(await store.fetchState('https://news.example/a'), { etag: '"v1"', lastModified: 'Tue, 08 Apr 2025 10:00:00 GMT', failures: 0, lastError: null });
      assert.deepEqual(await store.failedFetches(), ['https://news.example/b']);
      await store.recordFetch('https://news.example/b', { etag: null, lastModified: null, failures: 0, lastError: null });
      assert.deepEqual(await store.failedFetches(), []);
    });

    it('keeps the document frequencies between runs', async () => {
      const saved = await store.loadFrequencies();
      assert.equal(saved?.documents, 7);
      assert.equal(saved.counts.length, 1 << 20);
    });
  });
}
