// Fetching for the store, against a local server: feeds and pages, robots.txt, conditional GET,
// retries, failures recorded and retried on the next run, and no private address without
// --allow-private.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isPrivateAddress } from '../../src/fetch/guard-address.ts';
import { readFeed } from '../../src/fetch/read-feed.ts';
import { isAllowed, parseRobots } from '../../src/fetch/robots.ts';
import { ingestToStore } from '../../src/stories/ingest-to-store.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { ROOT } from '../helpers.ts';

const ARTICLE = (title: string, body: string): string =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Local Daily"></head><body><nav>Home | World</nav><article><h1>${title}</h1>${body
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article><footer>© Local Daily</footer></body></html>`;

const STORY =
  'The city council voted on Tuesday to close the old bridge over the river for repairs that engineers say cannot wait another winter.\nThe closure will last six months, and buses will take a detour through the industrial district, the transport office said.\nShop owners near the bridge said they feared losing customers during the works, while cyclists asked for a temporary crossing.';

describe('fetching for the store', () => {
  let server: Server;
  let base: string;
  const hits = new Map<string, number>();
  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      if (path === '/feed.xml') {
        if (req.headers['if-none-match'] === '"feed-1"') return void res.writeHead(304).end();
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"feed-1"' })
          .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><item><title>Bridge closes</title><link>${base}/news/bridge</link><pubDate>Tue, 08 Apr 2025 10:00:00 GMT</pubDate></item><item><title>Secret</title><link>${base}/private/memo</link></item></channel></rss>`);
      }
      if (path === '/news/bridge') return void res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE('Bridge closes for six months', STORY));
      if (path === '/flaky') {
        if ((hits.get(path) ?? 0) < 3) return void res.writeHead(503).end('busy');
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE('Buses detour', STORY.replace('old bridge', 'old stone bridge')));
      }
      res.writeHead(404).end('no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => server.close());

  it('reads a feed, fetches its pages politely, remembers what failed for good and asks again conditionally', async () => {
    const store = new SqliteStore(':memory:');
    const errors: string[] = [];
    const first = await ingestToStore([`${base}/feed.xml`], store, { allowPrivate: true, backoffMs: () => 10, onError: (e) => errors.push(`${e.input}: ${e.reason}`) });
    assert.equal(first.added, 1);
    assert.deepEqual(errors, [`${base}/private/memo: disallowed by robots.txt`]);
    // robots.txt will say the same next time: recorded, not retried
    assert.deepEqual(await store.failedFetches(), []);
    assert.deepEqual(await store.fetchState(`${base}/private/memo`), { etag: null, lastModified: null, failures: 0, lastError: 'disallowed by robots.txt' });
    const [article] = await store.storyArticles([...first.stories][0]!);
    assert.equal(article!.title, 'Bridge closes for six months');
    assert.equal(article!.publishedAt?.slice(0, 10), '2025-04-08');
    // the next run: the feed has not changed (304), nothing failed again, nothing stored twice
    const second = await ingestToStore([`${base}/feed.xml`], store, { allowPrivate: true, backoffMs: () => 10, onError: () => undefined });
    assert.equal(second.notModified, 1);
    assert.equal(second.added, 0);
    assert.equal(second.failed, 0);
    assert.equal(await store.articleCount(), 1);
    assert.equal(hits.get('/private/memo'), undefined, 'a disallowed page is never requested');
    await store.close();
  });

  it('retries a busy server with backoff', async () => {
    const store = new SqliteStore(':memory:');
    const result = await ingestToStore([`${base}/flaky`], store, { allowPrivate: true, retries: 2, backoffMs: () => 10 });
    assert.equal(result.failed, 0);
    assert.equal(hits.get('/flaky'), 3);
    assert.equal(await store.articleCount(), 1);
    await store.close();
  });

  it('refuses a private address without --allow-private, one line per input, exit 1', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'triangulate-fetch-')), 's.db');
    const run = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts'), 'ingest', `${base}/news/bridge`, '--db', db, '-q'], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    run.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => run.on('close', resolve));
    assert.equal(code, 1);
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /news\/bridge: refusing to connect to the private address 127\.0\.0\.1/);
    assert.equal(hits.get('/news/bridge'), 1, 'only the earlier test fetched it');
  });
});

describe('feeds, robots.txt and addresses', () => {
  it('reads Atom and JSON Feed items with absolute links', () => {
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>B</title><link rel="alternate" href="/b"/><updated>2025-04-08T10:00:00Z</updated><summary>short</summary></entry></feed>';
    assert.deepEqual(readFeed(atom, 'https://news.example/feed'), [{ url: 'https://news.example/b', title: 'B', publishedAt: '2025-04-08T10:00:00.000Z', content: 'short' }]);
    const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ url: 'https://news.example/c', title: 'C', date_published: '2025-04-09T08:00:00Z', content_text: 'text' }] });
    assert.deepEqual(readFeed(json, 'https://news.example/feed.json'), [{ url: 'https://news.example/c', title: 'C', publishedAt: '2025-04-09T08:00:00.000Z', content: 'text' }]);
  });

  it('applies the longest robots.txt rule of our group, or of *', () => {
    const rules = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: Triangulate\nDisallow: /private/\nAllow: /private/public-*.html\n', 'Triangulate');
    assert.equal(isAllowed(rules, '/news/a'), true);
    assert.equal(isAllowed(rules, '/private/memo'), false);
    assert.equal(isAllowed(rules, '/private/public-1.html'), true);
    assert.equal(isAllowed(parseRobots('User-agent: *\nDisallow: /\n', 'Triangulate'), '/a'), false);
  });

  it('tells private, loopback and link-local addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) assert.equal(isPrivateAddress(a), true, a);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111']) assert.equal(isPrivateAddress(a), false, a);
  });
});
