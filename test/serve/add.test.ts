// "Add articles" through the API and the form, against a local server: the page is fetched by
// ingest's rules, joins a story, and the job's events (also as server-sent events) say so; a
// private address is refused unless the server allows it; an upload is read as a saved file.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Job, StoryList } from '../../src/serve/api-schemas.ts';
import { serveStore, type ServedStore } from './serve-fixture.ts';

const PAGE = `<!doctype html><html><head><title>Harbour bridge closed</title><meta property="og:site_name" content="Quay Times"></head>
<body><article><h1>Harbour bridge closed after divers find cracks</h1>
<p>Engineers closed the old harbour bridge in Port Elsworth on Tuesday after divers found cracks in two of its granite piers, the harbour board said.</p>
<p>The board said the bridge would stay closed to cars and lorries for at least three weeks while a contractor props the arches with steel frames.</p>
</article></body></html>`;

async function finished(url: string, id: string): Promise<ReturnType<typeof Job.parse>> {
  for (let i = 0; i < 200; i++) {
    const job = Job.parse(await (await fetch(`${url}/api/jobs/${id}`)).json());
    if (job.state === 'done') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the job did not finish');
}

describe('adding articles from the web app', () => {
  let pages: Server;
  let base: string;
  let served: ServedStore;
  let strict: ServedStore;
  before(async () => {
    pages = createServer((req, res) => {
      if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      if (req.url === '/news/harbour') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(pages.address() as { port: number }).port}`;
    served = await serveStore({ allowAddresses: ['127.0.0.1'] });
    strict = await serveStore();
  });
  after(async () => {
    await served.close();
    await strict.close();
    pages.close();
  });

  it('fetches a URL into a story of its own and reports each step; a missing page fails on its own line', async () => {
    const r = await fetch(`${served.url}/api/add`, { method: 'POST', body: JSON.stringify({ urls: [`${base}/news/harbour`, `${base}/gone`] }), headers: { 'content-type': 'application/json' } });
    assert.equal(r.status, 202);
    const job = await finished(served.url, Job.parse(await r.json()).id);
    const done = job.events.find((e) => e.kind === 'done');
    assert.ok(done && done.kind === 'done');
    assert.equal(done.added, 1);
    assert.equal(done.failed, 1);
    assert.deepEqual(job.events.filter((e) => e.kind === 'failed').map((e) => e.kind === 'failed' && e.input), [`${base}/gone`]);
    const { stories } = StoryList.parse(await (await fetch(`${served.url}/api/stories?q=harbour`)).json());
    assert.deepEqual(stories.map((s) => s.id), done.stories);
    // the events again, as the job page's script reads them
    const events = await (await fetch(`${served.url}/add/jobs/${job.id}/events`)).text();
    assert.match(events, /event: failed\ndata: \{"kind":"failed"/);
    assert.match(events, /event: done\ndata: \{"kind":"done","added":1/);
  });

  it('refuses a private address when the server does not allow it', async () => {
    const r = await fetch(`${strict.url}/api/add`, { method: 'POST', body: JSON.stringify({ urls: [`${base}/news/harbour`] }), headers: { 'content-type': 'application/json' } });
    const job = await finished(strict.url, Job.parse(await r.json()).id);
    const failed = job.events.find((e) => e.kind === 'failed');
    assert.ok(failed && failed.kind === 'failed' && /private address 127\.0\.0\.1/.test(failed.reason), JSON.stringify(job.events));
  });

  it('reads an uploaded file through the form, as a saved page', async () => {
    const form = await fetch(`${strict.url}/add`);
    const cookie = /triangulate_csrf=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')![1]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const body = new FormData();
    body.set('_csrf', token);
    body.set('urls', '');
    body.append('files', new Blob([PAGE.replace('Harbour bridge closed after', 'Quay bridge shut after')], { type: 'text/html' }), 'quay.html');
    const r = await fetch(`${strict.url}/add`, { method: 'POST', body, redirect: 'manual', headers: { cookie: `triangulate_csrf=${cookie}` } });
    assert.equal(r.status, 303);
    const id = /\/add\/jobs\/(\d+)$/.exec(r.headers.get('location') ?? '')![1]!;
    const job = await finished(strict.url, id);
    assert.deepEqual(job.inputs, ['upload:quay.html']);
    const done = job.events.find((e) => e.kind === 'done');
    assert.ok(done && done.kind === 'done' && done.added === 1, JSON.stringify(job.events));
    const page = await (await fetch(`${strict.url}/add/jobs/${id}`)).text();
    assert.match(page, /Done: 1 new/);
    assert.match(page, new RegExp(`href="/stories/${done.stories[0]}"`));
  });
});
