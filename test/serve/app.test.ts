// The web app over HTTP on loopback, on a store made from the bundled example story: the pages
// and the API say what the dossier says, a story's dossier is computed once and kept until the
// story changes, and article content is only ever text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Dossier } from '../../src/model.ts';
import { analyzeArticles, extractInputs } from '../../src/pipeline.ts';
import { StoryDossiers } from '../../src/serve/story-dossiers.ts';
import { StoryAssigner } from '../../src/stories/assign-stories.ts';
import { renderJson } from '../../src/render/render-json.ts';
import { StoryList } from '../../src/serve/api-schemas.ts';
import { EXAMPLE_DIR } from '../helpers.ts';
import { serveStore, type ServedStore } from './serve-fixture.ts';

/** A page the example story cannot be mistaken for: a hostile one, every payload in its text and markup. */
const HOSTILE = `<!doctype html><html><head><title>Harbour &lt;script&gt;window.__pwned=1&lt;/script&gt; bridge closed</title>
<meta property="og:site_name" content="Quay &quot;Times&quot; <b>Online</b>"></head>
<body onload="window.__pwned=1"><article>
<h1>Harbour &lt;script&gt;window.__pwned=1&lt;/script&gt; bridge closed <img src=x onerror="window.__pwned=1"></h1>
<p>Engineers closed the old harbour bridge in Port Elsworth on Tuesday after divers found cracks in two of its granite piers, the harbour board said. <script>window.__pwned=1</script></p>
<p>"We will not reopen it until the piers are safe," said Mara Quill, the board's chief engineer. <a href="javascript:window.__pwned=1">Read more</a></p>
<p>The text &lt;script&gt;alert(1)&lt;/script&gt; appeared in a reader's comment, and <iframe src="https://example.com/"></iframe> nothing else.</p>
<p>Divers spent six hours under the arches and photographed a fracture running from the footing of the third pier almost to the deck.</p>
</article></body></html>`;

describe('the web app', () => {
  let served: ServedStore;
  const get = (path: string, init?: RequestInit): Promise<Response> => fetch(`${served.url}${path}`, { redirect: 'manual', ...init });

  before(async () => {
    served = await serveStore({ inputs: [EXAMPLE_DIR, { html: HOSTILE, source: 'hostile.html' }] });
  });
  after(async () => {
    await served.close();
  });

  it('lists the stories as JSON, in the schema the OpenAPI document gives, and finds them by words and outlets', async () => {
    const list = StoryList.parse(await (await get('/api/stories')).json());
    assert.equal(list.page, 1);
    assert.equal(list.total, list.stories.length);
    const drone = list.stories.find((s) => /drone/i.test(s.headline))!;
    assert.ok(drone.articles >= 3, JSON.stringify(list.stories));
    const harbour = StoryList.parse(await (await get('/api/stories?q=harbour+elsworth')).json());
    assert.deepEqual(harbour.stories.map((s) => s.headline.includes('Harbour')), [true]);
    const byOutlet = StoryList.parse(await (await get(`/api/stories?outlet=${encodeURIComponent(drone.outlets[0]!)}`)).json());
    assert.ok(byOutlet.stories.some((s) => s.id === drone.id));
    assert.equal(StoryList.parse(await (await get('/api/stories?min=99')).json()).total, 0);
    assert.equal((await get('/api/stories?since=yesterday')).status, 400);
    const doc = (await (await get('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of ['/api/stories', '/api/stories/{id}', '/api/stories/{id}/check', '/api/add', '/api/jobs/{id}']) assert.ok(doc.paths[path], path);
    assert.ok(doc.components.schemas.Dossier && doc.components.schemas.StoryList);
  });

  it("gives a story's dossier, byte for byte what analysing its stored articles gives, and keeps it until the story changes", async () => {
    const { stories } = StoryList.parse(await (await get('/api/stories?sort=size')).json());
    const id = stories[0]!.id;
    const response = await get(`/api/stories/${id}`);
    assert.equal(response.status, 200);
    const body = await response.text();
    const dossier = Dossier.parse(JSON.parse(body));
    assert.equal(body, renderJson(analyzeArticles(await served.store.storyArticles(id))));
    assert.equal(dossier.articles.length, stories[0]!.articles);
    const kept = await served.store.keptDossier(id);
    assert.equal(kept?.json, body);
    assert.equal(kept?.stamp, `${stories[0]!.articles}:${served.app.dossiers.version}`);
    // the contested filter reads the kept dossiers
    const contested = StoryList.parse(await (await get('/api/stories?contested=1')).json());
    assert.equal(contested.stories.some((s) => s.id === id), dossier.claimGroups.some((g) => g.status === 'contested'));
    assert.ok(dossier.claimGroups.some((g) => g.status === 'contested'), 'the example story has contested facts');
    // served again from memory, gzipped to a client that takes it, 304 to one that has it
    const etag = response.headers.get('etag')!;
    assert.match(etag, new RegExp(`^"${id}-`));
    const gzipped = await get(`/api/stories/${id}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzipped.headers.get('content-encoding'), 'gzip');
    assert.equal(await gzipped.text(), body);
    assert.equal((await get(`/api/stories/${id}`, { headers: { 'if-none-match': etag } })).status, 304);
    const download = await get(`/stories/${id}/dossier.json`);
    assert.match(download.headers.get('content-disposition') ?? '', /attachment; filename="story-\d+-dossier\.json"/);
    assert.equal(await download.text(), body);
    // after a restart the kept dossier is read, not computed: an analysis that would fail is never called
    const restarted = new StoryDossiers(served.store, served.app.dossiers.version, () => Promise.reject(new Error('computed again')));
    assert.equal((await restarted.get(id))!.json, body);
    // an article joining the story changes its stamp: the dossier is computed again, with it
    const [copy] = (await extractInputs([{ text: `${dossier.articles[0]!.text}\n\nThe agency added a statement on Wednesday.`, source: 'late-copy.txt', outlet: 'Late Wire' }])).articles;
    const assigner = await StoryAssigner.open(served.store);
    const joined = await assigner.add(copy!, '2025-04-09T12:00:00.000Z');
    await assigner.flush();
    assert.equal(joined.storyId, id);
    const updated = Dossier.parse(await (await get(`/api/stories/${id}`)).json());
    assert.equal(updated.articles.length, dossier.articles.length + 1);
    assert.notEqual((await get(`/api/stories/${id}`)).headers.get('etag'), etag);
    assert.equal((await get(`/api/stories/${id}`, { headers: { 'if-none-match': etag } })).status, 200);
    assert.equal((await get('/api/stories/999999')).status, 404);
    assert.equal((await get('/api/stories/1e3')).status, 404);
  });

  it('shows a story: established and single-source facts, the matrix, quotes, framing and the timeline, with evidence links', async () => {
    const { stories } = StoryList.parse(await (await get('/api/stories?sort=size')).json());
    const id = stories[0]!.id;
    const dossier = Dossier.parse(await (await get(`/api/stories/${id}`)).json());
    const page = await (await get(`/stories/${id}`)).text();
    for (const heading of ['Established by independent sources', 'Contested', 'Resting on one source', 'Claims × outlets', 'Quotes', 'Framing, outlet by outlet', 'Timeline', 'Articles']) assert.ok(page.includes(heading), heading);
    const corroborated = dossier.claimGroups.filter((g) => g.status === 'corroborated');
    assert.ok(corroborated.length >= 1);
    for (const g of corroborated) assert.ok(page.includes(`/stories/${id}/evidence/claims/${g.id}`), g.id);
    // each download is there and is what the CLI writes
    for (const [path, type] of [['brief.md', 'text/markdown'], ['report.html', 'text/html']] as const) {
      const r = await get(`/stories/${id}/${path}`);
      assert.equal(r.status, 200);
      assert.ok(r.headers.get('content-type')?.startsWith(type));
      assert.ok((await r.text()).length > 1000);
    }
  });

  it("highlights a finding's evidence in every article that holds it: the marks are the claims' own characters", async () => {
    const { stories } = StoryList.parse(await (await get('/api/stories?sort=size')).json());
    const id = stories[0]!.id;
    const dossier = Dossier.parse(await (await get(`/api/stories/${id}`)).json());
    const group = dossier.claimGroups.find((g) => g.status === 'corroborated')!;
    const page = await (await get(`/stories/${id}/evidence/claims/${group.id}`)).text();
    const marks = [...page.matchAll(/<mark[^>]*>([\s\S]*?)<\/mark>/g)].map((m) => m[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    for (const claimId of group.claimIds) {
      const claim = dossier.claims.find((c) => c.id === claimId)!;
      const article = dossier.articles.find((a) => a.id === claim.articleId)!;
      const text = article.text.slice(claim.start, claim.end);
      // a claim within one block is one mark holding exactly its text (or more, when an attribution joins it)
      assert.ok(marks.some((m) => m.includes(text) || text.includes(m)), text);
      assert.ok(page.includes(`id="ev-${article.id}"`), article.id);
    }
    assert.match(page, /Evidence in \d+ of \d+ articles/);
    const quoteGroup = dossier.quoteGroups[0]!;
    assert.equal((await get(`/stories/${id}/evidence/quotes/${quoteGroup.id}`)).status, 200);
    assert.equal((await get(`/stories/${id}/evidence/claims/nothing`)).status, 404);
    assert.equal((await get(`/stories/${id}/evidence/files/${group.id}`)).status, 404);
  });

  it("checks a claim against a story: each article's stance and the sentences that decide it", async () => {
    const { stories } = StoryList.parse(await (await get('/api/stories?sort=size')).json());
    const id = stories[0]!.id;
    const claim = 'The United States is considering drone strikes against cartels in Mexico';
    const result = (await (await get(`/api/stories/${id}/check?claim=${encodeURIComponent(claim)}`)).json()) as { articles: Array<{ stance: string }> };
    assert.equal(result.articles.length, stories[0]!.articles);
    const page = await (await get(`/stories/${id}/check?claim=${encodeURIComponent(claim)}`)).text();
    assert.equal((page.match(/class="verdict"/g) ?? []).length, stories[0]!.articles);
    assert.equal((await get(`/stories/${id}/check?claim=two+words`)).status, 400);
  });

  it('shows hostile article content as text: no markup of the article reaches a page', async () => {
    const { stories } = StoryList.parse(await (await get('/api/stories?q=harbour')).json());
    const id = stories[0]!.id;
    const dossier = Dossier.parse(await (await get(`/api/stories/${id}`)).json());
    const group = dossier.claimGroups[0]!;
    const pages = [await (await get('/')).text(), await (await get(`/stories/${id}`)).text(), await (await get(`/stories/${id}/articles/1`)).text(), await (await get(`/stories/${id}/evidence/claims/${group.id}`)).text()];
    for (const page of pages) {
      // the app's own script is the only one; no handler, frame or javascript: link from the article
      assert.deepEqual(page.match(/<script\b[^>]*>/g), ['<script src="/static/app.js" defer>']);
      assert.doesNotMatch(page, /onerror=|onload=|<iframe|href="javascript:|<img/i);
      assert.doesNotMatch(page, /<b>Online<\/b>/);
    }
    // the title's look-alike markup and the outlet's quotes and brackets are shown as the characters they are
    assert.ok(pages[0]!.includes('Harbour &lt;script&gt;window.__pwned=1&lt;/script&gt; bridge closed'));
    assert.ok(pages[0]!.includes('Quay &quot;Times&quot; &lt;b&gt;Online&lt;/b&gt;'));
    assert.ok(pages[2]!.includes('The text &lt;script&gt;alert(1)&lt;/script&gt; appeared'));
  });

  it('sends the security headers on every response and writes one log line per request', async () => {
    const before = served.log.length;
    for (const path of ['/', '/api/stories', '/static/app.css', '/nothing-here']) {
      const r = await get(path);
      await r.arrayBuffer();
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
    }
    const lines = served.log.slice(before);
    assert.deepEqual(lines.map((l) => [l.method, l.path, l.status]), [['GET', '/', 200], ['GET', '/api/stories', 200], ['GET', '/static/app.css', 200], ['GET', '/nothing-here', 404]]);
    assert.ok(lines.every((l) => typeof l.ms === 'number' && typeof l.time === 'string'));
  });
});
