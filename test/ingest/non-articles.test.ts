// Pages that are not articles: analyze and ingest keep them, mark them and leave them out of the
// analysis and of story assignment, unless asked. A listing page next to two articles of one story.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeInputs } from '../../src/pipeline.ts';
import { renderMarkdown } from '../../src/render/render-markdown.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ingestToStore } from '../../src/stories/ingest-to-store.ts';

const listing = readFileSync(new URL('../fixtures/page-types/listing.html', import.meta.url), 'utf8');
const articleA = {
  source: 'ledger.txt',
  outlet: 'Daily Ledger',
  title: 'Council approves budget',
  text: 'The city council voted 7-2 on Tuesday to approve a $412 million budget, Mayor Ellen Park said.\n\nThe budget adds three bus routes on the east side, which will start in September.',
};
const articleB = {
  source: 'herald.txt',
  outlet: 'Valley Herald',
  title: 'Budget passes with bus routes',
  text: 'The council approved a $412 million budget on Tuesday in a 7-2 vote, according to Mayor Ellen Park.\n\nThree new bus routes on the east side are funded and will start in September.',
};
const inputs = [articleA, { html: listing, source: 'local-news.html' }, articleB];

describe('a listing page beside two articles', () => {
  it('analyze keeps the listing, marks it, and makes no claims or entities of it', async () => {
    const { dossier, failures } = await analyzeInputs(inputs);
    assert.deepEqual(failures, []);
    assert.deepEqual(dossier.articles.map((a) => a.source), ['ledger.txt', 'local-news.html', 'herald.txt']);
    const page = dossier.articles[1]!;
    assert.equal(page.pageType?.type, 'listing');
    assert.ok(page.text.includes('Library extends weekend hours'), 'the listing is extracted');
    assert.ok(dossier.claims.length > 0);
    assert.equal(dossier.claims.filter((c) => c.articleId === page.id).length, 0);
    assert.equal(dossier.quotes.filter((q) => q.articleId === page.id).length, 0);
    assert.ok(dossier.entities.every((e) => e.mentions.every((m) => m.articleId !== page.id)));
    assert.ok(dossier.timeline.every((t) => t.articleId !== page.id));
    assert.ok(renderMarkdown(dossier).includes('| (listing page) Local News |'));
    assert.ok(!renderMarkdown(dossier).includes('(article page)'));
  });

  it('--include-non-articles analyses it as an article', async () => {
    const { dossier } = await analyzeInputs(inputs, { includeNonArticles: true });
    const page = dossier.articles[1]!;
    assert.equal(page.pageType?.type, 'listing');
    assert.ok(dossier.claims.some((c) => c.articleId === page.id));
  });

  it('ingest stores the listing in a story of its own; the two articles share one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triangulate-non-articles-'));
    const files = [
      ['ledger.json', JSON.stringify({ ...articleA, publishedAt: '2025-04-08' })],
      ['local-news.html', listing],
      ['herald.json', JSON.stringify({ ...articleB, publishedAt: '2025-04-08' })],
    ];
    for (const [name, content] of files) writeFileSync(join(dir, name!), content!);
    const store = await openStore(join(dir, 'store.db'));
    try {
      const summary = await ingestToStore(files.map(([name]) => join(dir, name!)), store, { now: () => '2025-04-09T00:00:00.000Z' });
      assert.equal(summary.failed, 0);
      assert.equal(summary.nonArticles, 1);
      assert.equal(summary.added, 2);
      const stored = [];
      for await (const row of store.exportArticles()) stored.push(row);
      const byName = new Map(stored.map((r) => [r.article.source.split('/').pop(), r]));
      assert.equal(byName.get('ledger.json')!.storyId, byName.get('herald.json')!.storyId);
      assert.notEqual(byName.get('local-news.html')!.storyId, byName.get('ledger.json')!.storyId);
      assert.equal(byName.get('local-news.html')!.article.pageType?.type, 'listing');
    } finally {
      await store.close();
    }
  });
});
