// Listings, collections and service pages: their main content is the run of items or sections
// itself (titles and snippets whole), with filters, facets and menus out. Pages invented for the
// test; the lines kept and removed written by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractArticle, readsAsItems } from '../../src/extract/extract-article.ts';
import { findElement } from '../../src/extract/html/dom.ts';
import { findItemRuns } from '../../src/extract/html/find-items.ts';
import { computePageStats } from '../../src/extract/html/page-stats.ts';
import { parsePage } from '../../src/extract/html/parse-page.ts';
import type { RawDocument } from '../../src/ingest/raw-document.ts';

function extract(html: string, source: string, url?: string) {
  const raw: RawDocument = { source, format: 'html', content: html, encoding: 'utf-8', hints: url ? { url } : {} } as RawDocument;
  return extractArticle(raw);
}

function blocksOf(article: ReturnType<typeof extract>): string[] {
  return article.blocks.map((b) => article.text.slice(b.start, b.end));
}

const TEASERS: Array<[string, string, string]> = [
  ['/news/harbor-ferry', 'Ferry to Gull Island runs again from April', 'The county ferry returns after a winter of repairs to the landing ramp, with eight crossings a day from June.'],
  ['/news/library-roof', 'Library fund drive passes its goal', 'Volunteers counted the last envelopes on Saturday: the drive raised enough for a new roof over the reading room.'],
  ['/news/school-buses', 'Two new school bus routes for the east side', 'Pupils from the new housing estate will no longer walk along the ring road, the school board decided.'],
  ['/news/market-hall', 'Market hall to open on Sundays', 'Stall holders voted for Sunday opening through the summer, starting with the first weekend of May.'],
  ['/news/river-path', 'River path closed for bank repairs', 'The path between the two bridges stays closed until the end of the month while the bank is shored up.'],
];

/**
 * A news section page: a long introduction, which scoring takes for the article, above a list of
 * teasers written as links without paragraphs, as many sites write them.
 */
const SECTION_PAGE = `<!DOCTYPE html>
<html><head><title>Local news - Harbor Town Gazette</title></head>
<body>
<nav class="top"><a href="/">Home</a> <a href="/news">Local news</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a> <a href="/contact">Contact</a></nav>
<div class="wrap">
<div class="main">
<h1>Local news</h1>
<div class="intro">
<p>All the latest news from Harbor Town, Gull Island and the villages along the coast road, updated through the day by our newsroom, with the council, the schools, the harbour and the courts covered every week.</p>
<p>Our reporters live where they write, and they answer to you: if something is happening in your street, your school or your club, tell us about it, send us pictures, and we will follow it up with the people who can explain it.</p>
</div>
<div class="filters"><form><label><input type="checkbox"> Council</label> <label><input type="checkbox"> Schools</label> <button>Filter</button></form></div>
<ul class="river">
${TEASERS.map(([href, title, snippet]) => `<li class="teaser"><a href="${href}"><h3>${title}</h3><span>${snippet}</span></a><div class="when">2 hours ago</div></li>`).join('\n')}
</ul>
<div class="pager"><a href="?page=2">Older stories</a></div>
</div>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Storm warning for the weekend</a></li><li><a href="/b">New mayor sworn in</a></li></ul></aside>
</div>
<footer>© Harbor Town Gazette. All rights reserved.</footer>
</body></html>`;

const SERVICES: Array<[string, string[]]> = [
  [
    'Roof repairs',
    [
      'We fix leaks, replace broken tiles and reseal flashing around chimneys and skylights, usually within a week of your call, and we photograph every repair so that you can see what was done, even where you cannot climb.',
      'Most leaks start small, at a cracked tile, a lifted slate or a gap in the flashing, and do their damage slowly, inside the roof space, long before a stain shows on a ceiling.',
      'Every repair comes with a written guarantee of five years, and if the same place leaks again within that time, we come back and put it right at no charge, whatever the weather did.',
    ],
  ],
  ['Gutter cleaning', ['Blocked gutters overflow and rot the fascia boards; we clear them, check the downpipes and fit guards where leaves gather.']],
  ['New roofs', ['From the first survey to the last ridge tile, we strip the old roof, lay a breathable membrane and tile or slate it to last.']],
  ['Chimney work', ['Cracked pots, crumbling mortar and leaning stacks are rebuilt or repointed by our own masons, never subcontracted.']],
];

/**
 * A trade's services page built of full-width rows, as page builders make them: each service a
 * row of its own (text column beside a photo column), and scoring takes one row for the article.
 */
const SERVICE_PAGE = `<!DOCTYPE html>
<html><head><title>Our services - Ridgeway Roofing</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"RoofingContractor","name":"Ridgeway Roofing"}</script></head>
<body>
<header><a href="/">Ridgeway Roofing</a> <a href="/services">Services</a> <a href="/about">About us</a> <a href="/contact">Contact us</a></header>
<div id="content">
<h1>Our services</h1>
${SERVICES.map(([title, text]) => `<div class="row"><div class="col text"><h2>${title}</h2>${text.map((p) => `<p>${p}</p>`).join('')}</div><div class="col"><img src="/photos/${title}.jpg" alt=""></div></div>`).join('\n')}
</div>
<footer><p>Call us today for a free estimate. Ridgeway Roofing, 12 Mill Lane.</p></footer>
</body></html>`;

/**
 * A hospital's service page: its text sits in a block whose class a content system marks as
 * promoted (which reads as an advertisement's class), beside a run of news teasers as long.
 */
const CLINIC_TEXT = [
  'The clinic offers therapy and programmes to patients of all ages who struggle with their mental health, both on the ward and as outpatients, from a first assessment to care after discharge.',
  'Adults over eighteen are seen by a team of psychiatrists, nurses and social workers, who draw up a plan with each patient and the family, and review it every week while the patient stays.',
  'Children and teenagers have a unit of their own, with a school room, so that lessons go on during a stay, and parents may visit every day between noon and eight in the evening.',
  'To make an appointment, ask your family doctor for a referral or call the clinic directly; in a crisis, go to the emergency department, which is open day and night.',
];
const CLINIC_NEWS: Array<[string, string]> = [
  ['New psychiatric unit opens', 'The state’s first unit for patients who need medical and psychiatric care at once opened on Friday with twenty beds.'],
  ['Hospital among best for maternity care', 'The hospital’s maternity ward was named among the best in the country for the third year running, the trust said.'],
  ['Trial on intubation begins', 'Doctors in the intensive care unit take part in a national trial on how best to intubate critically ill patients.'],
  ['Flu vaccine clinics this weekend', 'Walk-in flu vaccine clinics open on Saturday and Sunday at all four neighbourhood health centres, no appointment needed.'],
  ['Volunteers honoured at annual dinner', 'More than two hundred volunteers who drive patients, staff the front desks and visit the wards were thanked at the dinner.'],
];
const CLINIC_PAGE = `<!DOCTYPE html>
<html><head><title>Mental health services - Riverside Health</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"MedicalClinic","name":"Riverside Health"}</script></head>
<body>
<header><a href="/">Riverside Health</a> <a href="/services">Services</a> <a href="/locations">Locations</a> <a href="/contact">Contact us</a></header>
<main class="main-content">
<h1>Mental health services</h1>
<p>${CLINIC_TEXT[0]}</p>
<div class="node node--promoted">${CLINIC_TEXT.slice(1).map((p) => `<p>${p}</p>`).join('')}</div>
</main>
<section class="latest"><h2>Latest news</h2><div class="tabs">
${CLINIC_NEWS.map(([title, text]) => `<div class="tab-pane"><a href="/news/${title.length}"><h3>${title}</h3></a><div class="teaser-text">${text}</div></div>`).join('\n')}
</div></section>
<footer><p>Riverside Health, 1 Hospital Road. Open day and night.</p></footer>
</body></html>`;

describe('pages whose content is a run of items', () => {
  it('a listing of linked teasers keeps every title and snippet; filters, menus and the sidebar go', () => {
    const article = extract(SECTION_PAGE, 'section.html');
    assert.equal(article.pageType?.type, 'listing');
    const blocks = blocksOf(article);
    for (const [, title, snippet] of TEASERS) {
      assert.ok(blocks.includes(title), `missing title: ${title}\n${JSON.stringify(blocks, null, 1)}`);
      assert.ok(blocks.includes(snippet), `missing snippet: ${snippet}\n${JSON.stringify(blocks, null, 1)}`);
    }
    for (const gone of ['Storm warning for the weekend', 'Sport', 'Council', 'All rights reserved']) assert.ok(!article.text.includes(gone), `should be gone: ${gone}\n${article.text}`);
  });

  it('a service page keeps each section of the main column, header and footer out', () => {
    const article = extract(SERVICE_PAGE, 'services.html');
    assert.equal(article.pageType?.type, 'service');
    const blocks = blocksOf(article);
    for (const [title, text] of SERVICES) {
      assert.ok(blocks.includes(title), `missing heading: ${title}\n${JSON.stringify(blocks, null, 1)}`);
      for (const paragraph of text) assert.ok(blocks.includes(paragraph), `missing section text: ${paragraph}\n${JSON.stringify(blocks, null, 1)}`);
    }
    for (const gone of ['About us', '12 Mill Lane']) assert.ok(!article.text.includes(gone), `should be gone: ${gone}\n${article.text}`);
  });
  it('the scored text keeps its place beside the items, however much the items add (each part judged on its own)', () => {
    const article = extract(CLINIC_PAGE, 'clinic.html', 'http://127.0.0.1:8080/services/mental-health');
    assert.equal(article.pageType?.type, 'service');
    const blocks = blocksOf(article);
    for (const line of [...CLINIC_TEXT, ...CLINIC_NEWS.flat()]) assert.ok(blocks.includes(line), `missing: ${line}\n${JSON.stringify(blocks, null, 1)}`);
  });
});

describe('readsAsItems', () => {
  it('reads listings, collections, services and products as items only when the type is sure', () => {
    assert.equal(readsAsItems({ type: 'listing', confidence: 0.95 }), true);
    assert.equal(readsAsItems({ type: 'service', confidence: 0.8 }), true);
    // a news story the classifier took for a product page at .74 (Zyte) keeps its article reading
    assert.equal(readsAsItems({ type: 'product', confidence: 0.74 }), false);
    assert.equal(readsAsItems({ type: 'article', confidence: 1 }), false);
    assert.equal(readsAsItems({ type: 'forum', confidence: 0.99 }), false);
  });
});

describe('findItemRuns', () => {
  const runsOf = (html: string) => {
    const body = findElement(parsePage(html), (el) => el.name === 'body')!;
    return findItemRuns(body, computePageStats(body, false));
  };

  it('finds the teasers, not the menu in <nav> nor the short link-only list', () => {
    const runs = runsOf(SECTION_PAGE);
    assert.equal(runs.length, 1, JSON.stringify(runs.map((r) => [r.parent.name, r.parent.attribs.class, r.items.length])));
    assert.equal(runs[0]!.parent.attribs.class, 'river');
    assert.equal(runs[0]!.items[0]!.attribs.class, 'teaser');
    assert.equal(runs[0]!.items.length, TEASERS.length);
  });

  it('a menu of short links outside <nav> is not a run; two blocks are not a run', () => {
    const menu = `<body><ul class="menu">${['Home', 'Local news', 'Sport', 'Weather', 'Contact'].map((t) => `<li><a href="/${t}">${t}</a></li>`).join('')}</ul>
      <div><div class="card"><p>Only two cards here, each with a long enough text to count as an item.</p></div><div class="card"><p>The second card, also with a long enough text to count as an item.</p></div></div></body>`;
    assert.deepEqual(runsOf(menu), []);
  });
});
