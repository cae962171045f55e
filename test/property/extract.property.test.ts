// Properties of the extract stage on arbitrary and news-like text and pages: it never throws
// (a page with nothing to keep is an InputError, not a crash), offsets stay in bounds, the words
// of a plain-text input all come out somewhere (body, title or a removed piece), and the same
// input gives the same article.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../src/errors.ts';
import { extractHtml } from '../../src/extract/extract-html.ts';
import { extractText } from '../../src/extract/extract-text.ts';
import type { Article } from '../../src/model.ts';
import { extractOne } from '../../src/pipeline.ts';
import { anyText, binaryText, configure, graphemeText, htmlPage, newsText } from './arbitraries.ts';
import { articleViolations } from './invariants.ts';

configure(100);

/** An article, or null when the input is refused with an InputError; anything else thrown fails the property. */
function extractOrRefuse(input: { text?: string; html?: string }): Article | null {
  try {
    return extractOne(input);
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** A list marker the plain-text extractor takes off a list item ("•", "-", "1."): the one word it may drop. */
const LIST_MARKER_WORD = /^(?:[•●▪◦‣∙·*+]|[-–]|\d{1,3}[.)])$/;

function multiset(items: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

describe('extract: plain text', () => {
  it('never throws on arbitrary text, as text or as Markdown', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        extractText(text, 'text');
        extractText(text, 'markdown');
      }),
    );
  });

  it('every word of the input is in the body, the title or a removed piece (only list markers may go), and none is made up', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const { blocks, removed, metadata } = extractText(input, 'text');
        const out = [...blocks.map((b) => b.text), ...removed.map((r) => r.text), metadata.title ?? ''].flatMap(words);
        const given = multiset(words(input));
        const kept = multiset(out);
        for (const [word, n] of kept) assert.ok((given.get(word) ?? 0) >= n, `${JSON.stringify(word)} comes out ${n} times but is in the input ${given.get(word) ?? 0} times`);
        for (const [word, n] of given) {
          const lost = n - (kept.get(word) ?? 0);
          if (lost > 0) assert.match(word, LIST_MARKER_WORD, `${JSON.stringify(word)} is lost ${lost} time(s)`);
        }
      }),
    );
  });

  it('gives in-bounds blocks and sentences, or refuses with an InputError', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const article = extractOrRefuse({ text });
        if (article) assert.deepEqual(articleViolations(article), []);
      }),
    );
  });

  it('gives the same article for the same text', () => {
    fc.assert(fc.property(newsText, (text) => assert.deepEqual(extractOrRefuse({ text }), extractOrRefuse({ text }))));
  });
});

describe('extract: HTML', () => {
  it('never throws on arbitrary text or pages read as HTML', () => {
    fc.assert(
      fc.property(fc.oneof(htmlPage, anyText), (html) => {
        extractHtml(html);
      }),
    );
  });

  it('gives in-bounds blocks and sentences, or refuses with an InputError', () => {
    fc.assert(
      fc.property(fc.oneof(htmlPage, binaryText, graphemeText), (html) => {
        const article = extractOrRefuse({ html });
        if (article) assert.deepEqual(articleViolations(article), []);
      }),
    );
  });

  it('keeps no script of the page in the article text', () => {
    fc.assert(
      fc.property(htmlPage, (html) => {
        const article = extractOrRefuse({ html });
        if (article) assert.doesNotMatch(article.text, /alert\(1\)|track\(\)/);
      }),
    );
  });

  it('gives the same article for the same page', () => {
    fc.assert(fc.property(htmlPage, (html) => assert.deepEqual(extractOrRefuse({ html }), extractOrRefuse({ html }))));
  });
});
