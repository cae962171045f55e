// The plain-text extractor on the five example articles, against expectations written by hand
// per file: lines that must be removed (with their kind), sentences that must be kept.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { extractText } from '../../src/extract/extract-text.ts';
import { NO_HINTS } from '../../src/ingest/raw-document.ts';
import { segmentArticle } from '../../src/text/segment.ts';
import { EXAMPLE_DIR, FIXTURES } from '../helpers.ts';

interface Expected {
  title: string | null;
  outlet: string | null;
  removed: Array<{ kind: string; text: string }>;
  kept: string[];
  notKept?: string[];
  headings?: string[];
  listItems?: string[];
}

const files = readdirSync(EXAMPLE_DIR).filter((f) => f.endsWith('.txt')).sort();

describe('plain-text extraction of the example story', () => {
  it('has an expectation file for every example article', () => {
    assert.equal(files.length, 5);
  });

  for (const file of files) {
    describe(file, () => {
      const content = readFileSync(join(EXAMPLE_DIR, file), 'utf8');
      const expected = JSON.parse(readFileSync(join(FIXTURES, 'drone-strikes-2025', file.replace('.txt', '.expected.json')), 'utf8')) as Expected;
      const article = segmentArticle(extractArticle({ source: file, format: 'text', content, encoding: 'utf-8', hints: NO_HINTS }));
      const sentences = article.sentences.map((s) => article.text.slice(s.start, s.end));

      it('removes the page furniture with the right kind', () => {
        for (const piece of expected.removed) {
          assert.ok(
            article.removed.some((r) => r.kind === piece.kind && r.text === piece.text),
            `expected ${piece.kind}: ${piece.text}\nremoved: ${JSON.stringify(article.removed, null, 1)}`,
          );
        }
        // and nothing else is dropped
        for (const piece of article.removed) {
          assert.ok(expected.removed.some((e) => e.kind === piece.kind && e.text === piece.text), `removed unexpectedly: ${piece.kind}: ${piece.text}`);
        }
      });

      it('keeps the article sentences', () => {
        for (const sentence of expected.kept) assert.ok(sentences.includes(sentence), `missing sentence: ${sentence}`);
        for (const text of expected.notKept ?? []) assert.ok(!article.text.includes(text), `should not be in the body: ${text}`);
      });

      it('finds the headline and outlet, or says it does not know', () => {
        assert.equal(article.title, expected.title);
        assert.equal(article.outlet, expected.outlet);
      });

      if (expected.headings) {
        it('keeps section headings and list items as structure', () => {
          const headings = article.blocks.filter((b) => b.kind === 'heading').map((b) => article.text.slice(b.start, b.end));
          assert.deepEqual(headings, expected.headings);
          const items = article.blocks.filter((b) => b.kind === 'list-item').map((b) => article.text.slice(b.start, b.end));
          assert.deepEqual(items, expected.listItems);
        });
      }

      it('accounts for every input line: kept, removed or the title', () => {
        const lines = content.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
        const removedText = article.removed.map((r) => r.text).join('\n');
        for (const line of lines) {
          const bare = line.replace(/^[•*-]\s+/, '');
          assert.ok(article.text.includes(bare) || removedText.includes(bare) || article.title === bare, `line lost: ${line}`);
        }
      });
    });
  }
});

describe('plain-text rules beyond the example', () => {
  it('joins hard-wrapped paragraphs back into one', () => {
    const wrapped =
      'The city council voted on Tuesday to approve the new budget, which\nincludes funding for three additional fire stations and a pilot program\nfor electric buses on the busiest routes.\n\nThe mayor said she would sign it.';
    const { blocks } = extractText(wrapped, 'text');
    assert.equal(blocks.length, 2);
    assert.match(blocks[0]!.text, /which includes funding/);
  });

  it('reads a byline and a dateline at the top as metadata, not body', () => {
    const text = 'Council approves budget\n\nBy Maria Lopez\n\nMarch 3, 2024\n\nThe city council approved the budget on Tuesday after a long debate.';
    const { metadata, blocks } = extractText(text, 'text');
    assert.equal(metadata.title, 'Council approves budget');
    assert.equal(metadata.author, 'Maria Lopez');
    assert.equal(metadata.publishedAt, '2024-03-03');
    assert.equal(blocks.length, 1);
  });

  it('treats everything after a comment-section header as comments', () => {
    const text = 'The bridge will close for repairs next month, officials said.\n\n12 Comments\n\nJane Doe says:\n\nFinally! This took years.';
    const { removed, blocks } = extractText(text, 'text');
    assert.equal(blocks.length, 1);
    assert.deepEqual(removed.map((r) => r.kind), ['comment', 'comment', 'comment']);
  });

  it('keeps prose that merely mentions a newsletter or a copyright', () => {
    const text =
      'The publisher, which sends a daily newsletter to 40,000 readers, said it would sue over the copyright of the photographs, arguing that the agency had used them for years without permission or payment.';
    const { blocks, removed } = extractText(text, 'text');
    assert.equal(blocks.length, 1);
    assert.equal(removed.length, 0);
  });

  it('reads Markdown headings and strips inline markup', () => {
    const md = '# Storm hits the coast\n\nThe storm made landfall near **Galveston** early on [Friday](https://example.org).\n\n## Damage\n\nPower was cut to 200,000 homes.';
    const { metadata, blocks } = extractText(md, 'markdown');
    assert.equal(metadata.title, 'Storm hits the coast');
    assert.deepEqual(blocks.map((b) => b.kind), ['paragraph', 'heading', 'paragraph']);
    assert.equal(blocks[0]!.text, 'The storm made landfall near Galveston early on Friday.');
  });
});

describe('hostile Markdown (issue 10)', () => {
  it('unlinks Markdown in one pass over 100,000 unclosed "[(" and "![](" ', { timeout: 10_000 }, () => {
    const links = extractText('[('.repeat(100_000), 'markdown');
    assert.equal(links.blocks[0]!.text, '[('.repeat(100_000));
    const images = extractText('![]('.repeat(50_000), 'markdown');
    assert.equal(images.blocks[0]!.text, '![]('.repeat(50_000));
  });
  it('still unlinks links and images as a global replace did', () => {
    // a link's text runs to the first ']', so "[the [report]](…)" is no link; an image's may be empty
    const { blocks } = extractText('Read [the [report]](http://a), [this](http://b) and ![a chart](c.png) or [](x) [b] (y) ![]() end of a sentence here.', 'markdown');
    assert.equal(blocks[0]!.text, 'Read [the [report]](http://a), this and a chart or [](x) [b] (y)  end of a sentence here.');
  });
  it('takes the closing hashes and the spaces before them off a Markdown heading', () => {
    const { metadata } = extractText('## Storm hits the coast ##\n\nThe storm made landfall near Galveston early on Friday.', 'markdown');
    assert.equal(metadata.title, 'Storm hits the coast');
  });
});
