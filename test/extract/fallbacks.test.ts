// A page a person would read is never refused: the steps extraction falls back on when scoring
// finds nothing, each on a small page written for the test, and the refusal kept for pages that
// hold no prose at all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { extractHtml } from '../../src/extract/extract-html.ts';
import { InputError } from '../../src/errors.ts';
import { NO_HINTS, type RawDocument } from '../../src/ingest/raw-document.ts';

const POST_ONE =
  'The bridge over the canal will close for repairs from Monday, and the council expects the work to take three weeks.';
const POST_TWO = 'Cyclists will be sent along the towpath, which the council widened last year for the same reason.';
const PROSE = `<p>${POST_ONE}</p><p>${POST_TWO}</p>`;

function bodyText(html: string): string {
  return extractHtml(html)
    .blocks.map((b) => b.text)
    .join('\n');
}

function raw(html: string): RawDocument {
  return { source: 'page.html', format: 'html', content: html, encoding: 'utf-8', hints: NO_HINTS };
}

describe('extraction falls back before it refuses', () => {
  it('reads what a page writes after </body></html>, as browsers do', () => {
    const html = `<html><body><nav><a href="/">Home</a></nav></body></html><div class="story">${PROSE}</div>`;
    const text = bodyText(html);
    assert.ok(text.includes(POST_ONE) && text.includes(POST_TWO), text);
  });

  it('closes a stray <![CDATA[ at the next ">" instead of losing the rest of the page', () => {
    const html = `<html><body><div class="menu"><![CDATA[ <a href="/search">Search</a></div><div class="posts">${PROSE}</div></body></html>`;
    const text = bodyText(html);
    assert.ok(text.includes(POST_ONE) && text.includes(POST_TWO), text);
  });

  it("takes the JSON-LD articleBody when the page's own text is drawn by scripts", () => {
    const data = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Bridge closes', articleBody: `${POST_ONE}\n\n${POST_TWO}` };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(data)}</script></head><body><div id="app"></div></body></html>`;
    assert.deepEqual(
      extractHtml(html).blocks.map((b) => b.text),
      [POST_ONE, POST_TWO],
    );
  });

  it('reads text a page keeps hidden until a script shows it', () => {
    const html = `<html><body><div hidden id="S:0"><main>${PROSE}</main></div><template id="B:0"></template></body></html>`;
    const text = bodyText(html);
    assert.ok(text.includes(POST_ONE) && text.includes(POST_TWO), text);
  });

  it('reads the posts a forum prints only inside <noscript>', () => {
    const html = `<html><body><section id="splash">Loading…</section><noscript><div class="topic-body crawler-post">${PROSE}</div></noscript></body></html>`;
    const text = bodyText(html);
    assert.ok(text.includes(POST_ONE) && text.includes(POST_TWO), text);
  });

  it('keeps the prose of a page whose every part is named like furniture', () => {
    // five product features, each in a "gallery" box: scoring takes their common container, in
    // which every box reads as a picture gallery
    const texts = ['north', 'south', 'east', 'west', 'middle'].map((side) => `The ${side} span of the bridge will close for repairs from Monday, and the work takes three weeks.`);
    const feature = (text: string): string => `<div class="gallery-content"><div class="description"><p>${text}</p></div></div>`;
    const html = `<html><body><main>${texts.map(feature).join('')}</main><div class="sidebar"><a href="/a">About</a></div></body></html>`;
    assert.deepEqual(
      extractHtml(html).blocks.map((b) => b.text),
      texts,
    );
  });

  it('gives the meta description when the body holds no text at all', () => {
    const html = `<html><head><meta property="og:description" content="${POST_ONE}"></head><body><div id="root"></div></body></html>`;
    assert.equal(bodyText(html), POST_ONE);
  });

  it('still refuses a page that holds no prose, with the same one-line message', () => {
    const html = '<html><head><meta name="description" content="Photos"></head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav><div class="gallery"><img src="a.jpg"></div></body></html>';
    assert.throws(
      () => extractArticle(raw(html)),
      (error: unknown) => error instanceof InputError && /page\.html.*no article text found/.test(error.message),
    );
  });
});
