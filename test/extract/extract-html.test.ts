// The HTML extractor on page fixtures (one folder per site or behaviour, source.html with a
// hand-written expected.json): body kept, furniture removed by kind, metadata read.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { extractHtml } from '../../src/extract/extract-html.ts';
import { bytesToDocuments } from '../../src/ingest/ingest.ts';
import { segmentArticle } from '../../src/text/segment.ts';
import { FIXTURES } from '../helpers.ts';

interface Expected {
  title: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  kept: string[];
  notInText: string[];
  removed: Array<{ kind: string; contains: string }>;
}

const PAGES = join(FIXTURES, 'pages');

for (const name of readdirSync(PAGES).sort()) {
  describe(`HTML page: ${name}`, () => {
    // through ingest, so that the page's own encoding is honoured
    const [item] = bytesToDocuments(readFileSync(join(PAGES, name, 'source.html')), name, 'source.html');
    assert.ok(item && 'doc' in item);
    const expected = JSON.parse(readFileSync(join(PAGES, name, 'expected.json'), 'utf8')) as Expected;
    const article = segmentArticle(extractArticle(item.doc));
    const sentences = article.sentences.map((s) => article.text.slice(s.start, s.end));

    it('reads the metadata', () => {
      assert.deepEqual(
        { title: article.title, outlet: article.outlet, author: article.author, publishedAt: article.publishedAt, url: article.url },
        { title: expected.title, outlet: expected.outlet, author: expected.author, publishedAt: expected.publishedAt, url: expected.url },
      );
    });

    it('keeps the body sentences and nothing of the furniture', () => {
      for (const sentence of expected.kept) assert.ok(sentences.includes(sentence), `missing: ${sentence}`);
      for (const text of expected.notInText) assert.ok(!article.text.includes(text), `should be gone: ${text}`);
      assert.ok(!article.text.startsWith(expected.title ?? '\u0000'), 'the headline is the title, not body');
    });

    it('reports what it removed, by kind', () => {
      for (const piece of expected.removed) {
        assert.ok(
          article.removed.some((r) => r.kind === piece.kind && r.text.includes(piece.contains)),
          `expected ${piece.kind} containing "${piece.contains}" in ${JSON.stringify(article.removed, null, 1)}`,
        );
      }
    });
  });
}

describe('HTML extraction edge cases', () => {
  it('returns no blocks for a page without text instead of throwing', () => {
    const { blocks } = extractHtml('<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>');
    assert.deepEqual(blocks, []);
  });

  it('keeps headings, list items and quotes as structure', () => {
    const paragraph = 'The committee heard testimony from three witnesses over the course of the afternoon session, and each described the same sequence of events in the harbour. ';
    const html = `<html><body><article><h1>Title</h1><p>${paragraph.repeat(2)}</p><h2>What happened next</h2><p>${paragraph}</p><ul><li>First witness, a harbour pilot</li><li>Second witness, a customs officer</li></ul><blockquote><p>We saw the ship turn without warning, and then the lights went out across the whole quay.</p></blockquote><p>${paragraph}</p></article></body></html>`;
    const { blocks } = extractHtml(html);
    const kinds = blocks.map((b) => b.kind);
    assert.ok(kinds.includes('heading'));
    assert.equal(kinds.filter((k) => k === 'list-item').length, 2);
    assert.ok(kinds.includes('quote'));
  });
});
