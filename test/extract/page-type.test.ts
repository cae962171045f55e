// Page types and metadata on small invented pages written for the test: each page's type and its
// title, author and date, written by hand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extractOne } from '../../src/pipeline.ts';

const page = (name: string): string => readFileSync(new URL(`../fixtures/page-types/${name}`, import.meta.url), 'utf8');
const extract = (name: string) => extractOne({ html: page(name), source: name });

describe('page type', () => {
  const expected: Array<[string, string]> = [
    ['forum-thread.html', 'forum'],
    ['product.html', 'product'],
    ['docs.html', 'documentation'],
    ['listing.html', 'listing'],
    ['article-updated.html', 'article'],
  ];
  for (const [name, type] of expected) {
    it(`${name} is a ${type} page`, () => {
      const { pageType } = extract(name);
      assert.equal(pageType?.type, type);
      assert.ok(pageType.confidence > 0.5 && pageType.confidence <= 1);
    });
  }

  it('is the same on every run (a pure function of the page)', () => {
    const first = extract('listing.html').pageType;
    assert.ok(first);
    assert.deepEqual(extract('listing.html').pageType, first);
  });

  it('a short news page the classifier is unsure of stays an article: a non-article leaves the analysis, so only when it is sure', () => {
    const story = ['The city council voted on Tuesday to close the old bridge over the river for repairs that engineers say cannot wait another winter.', 'The closure will last six months, and buses will take a detour through the industrial district, the transport office said.', 'Shop owners near the bridge said they feared losing customers during the works.'];
    const html = `<!doctype html><html><head><title>Bridge closes</title><meta property="og:site_name" content="Local Daily"></head><body><nav>Home | World</nav><article><h1>Bridge closes</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article><footer>© Local Daily</footer></body></html>`;
    assert.equal(extractOne({ html, source: 'bridge.html' }).pageType?.type, 'article');
    assert.equal(extractOne({ html, source: 'bridge.html', url: 'http://127.0.0.1:8080/news/bridge' }).pageType?.type, 'article');
  });

  it('text inputs are articles', () => {
    assert.deepEqual(extractOne({ text: 'The council approved the budget on Tuesday.\n\nThe vote was 7-2.' }).pageType, { type: 'article', confidence: 1 });
  });
});

describe('metadata right or null', () => {
  it('an article: the headline, no "Staff" author, the publication date (not the update, not the copyright year)', () => {
    const a = extract('article-updated.html');
    assert.equal(a.title, 'Council approves budget with new bus routes');
    assert.equal(a.author, null);
    assert.equal(a.publishedAt, '2025-04-08');
    assert.equal(a.outlet, 'Riverside Gazette');
  });

  it('"Headline | Site" in <title> gives the headline, not the longer site name', () => {
    const html =
      '<html><head><title>Budget passes | Riverside Gazette</title><link rel="canonical" href="https://riversidegazette.example/budget"></head>' +
      '<body><article><h1>Budget passes</h1><p>The council voted 7-2 on Tuesday night to pass the budget, which adds three bus routes and a library branch on the east side of the city.</p>' +
      '<p>The routes start in September, once the transit agency has hired twelve more drivers for them.</p></article></body></html>';
    assert.equal(extractOne({ html }).title, 'Budget passes');
  });

  it('a heading\'s anchor mark is not part of the title', () => {
    assert.equal(extract('docs.html').title, 'Configuring retries');
  });

  it('a forum thread: its title and first poster from the page, and the posting date', () => {
    const a = extract('forum-thread.html');
    assert.equal(a.title, 'Tomato seedlings turning yellow?');
    assert.equal(a.author, 'marigold_mae');
    assert.equal(a.publishedAt, '2025-03-14T09:12:00.000Z');
  });

  it('a product page has no author and no publication date (the site\'s template metadata is not one)', () => {
    const a = extract('product.html');
    assert.equal(a.title, 'Trailhead 30L Daypack');
    assert.equal(a.author, null);
    assert.equal(a.publishedAt, null);
    assert.equal(a.outlet, 'Northpine Outfitters');
  });

  // a site named like a person ("Rick Steves") keeps its name as the author: it may be the writer's own site
  it('a JSON-LD author given by reference is read; the site itself is no author', () => {
    const body = '<body><article><h1>Dry spring ahead</h1><p>Forecasters expect less rain than usual across the valley this spring, and the water district has asked farms to plan for smaller allocations.</p><p>Reservoirs stand at 61 percent of their average for the date.</p></article></body>';
    const graph = (author: string) =>
      `<html><head><link rel="canonical" href="https://valleyweather.example/dry-spring"><script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"Dry spring ahead","author":{"@id":"#p"}},{"@type":"Person","@id":"#p","name":"${author}"}]}</script></head>${body}</html>`;
    assert.equal(extractOne({ html: graph('Lena Okafor') }).author, 'Lena Okafor');
    assert.equal(extractOne({ html: graph('Valley Weather Network') }).author, null);
    assert.equal(extractOne({ html: graph('Staff Writer') }).author, null);
  });
});
