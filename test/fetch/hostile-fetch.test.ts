// Hostile servers and links against the fetcher and `ingest`, on local servers only: address
// forms that reach loopback without --allow-private, redirects to them, feeds linking to them
// or to other schemes, the retry list, trickling and oversized bodies, compressed and
// non-UTF-8 pages, robots.txt built to backtrack, and feeds that are broken or huge.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { embeddedIpv4, isPrivateAddress } from '../../src/fetch/guard-address.ts';
import { Fetcher, FetchError } from '../../src/fetch/fetcher.ts';
import { inOrder } from '../../src/fetch/in-order.ts';
import { isAllowed, matches, MAX_RULES, parseRobots } from '../../src/fetch/robots.ts';
import { ingestToStore } from '../../src/stories/ingest-to-store.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';

const STORY =
  'The city council voted on Tuesday to close the old bridge over the river for repairs that engineers say cannot wait another winter.\nThe closure will last six months, and buses will take a detour through the industrial district, the transport office said.\nShop owners near the bridge said they feared losing customers during the works, while cyclists asked for a temporary crossing.';

const ARTICLE = (title: string, body = STORY): string =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${body
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 that counts the requests to each path. */
async function serve(routes: Record<string, Route>): Promise<{ base: string; port: number; hits: Map<string, number>; close: () => void }> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) return route(req, res);
    if (path === '/robots.txt') return void res.writeHead(404).end();
    res.writeHead(404).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const html = (body: string | Buffer, headers: Record<string, string> = {}): Route => (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', ...headers }).end(body);

/** Sends one byte every 200 ms until the client goes away. */
const trickle: Route = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  const timer = setInterval(() => res.write('a'), 200);
  res.on('close', () => clearInterval(timer));
};

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, String(error));
    return error;
  }
  assert.fail('expected the fetch to fail');
}

describe('the private-address guard', () => {
  it('refuses every special-purpose range, however the address is written', () => {
    const refused = [
      // IPv4 special-purpose registry, multicast, reserved
      '0.0.0.0', '10.1.2.3', '100.64.0.1', '127.0.0.1', '127.255.255.254', '169.254.169.254', '172.16.0.1', '172.31.255.255', '192.0.0.1', '192.0.0.170', '192.0.2.1', '192.31.196.1', '192.52.193.1', '192.88.99.1', '192.168.1.1', '192.175.48.1', '198.18.0.1', '198.19.255.255', '198.51.100.7', '203.0.113.9', '224.0.0.1', '239.255.255.250', '240.0.0.1', '255.255.255.255',
      // IPv6: unspecified, loopback, IPv4-compatible and SIIT forms
      '::', '::1', '0:0:0:0:0:0:0:1', '::7f00:1', '::127.0.0.1', '::ffff:0:7f00:1',
      // IPv4-mapped, in both notations, decoded
      '::ffff:127.0.0.1', '::ffff:7f00:1', '::FFFF:7F00:0001', '0:0:0:0:0:ffff:7f00:1', '::ffff:a9fe:a9fe', '::ffff:169.254.169.254', '::ffff:a00:1', '::ffff:c0a8:101', '::ffff:c612:1',
      // NAT64 with an inside IPv4, local-use NAT64
      '64:ff9b::7f00:1', '64:ff9b::127.0.0.1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::1', '64:ff9b:1::808:808',
      // discard, IETF protocol assignments (Teredo, benchmarking, ORCHID), documentation
      '100::1', '2001::1', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:2::1', '2001:1::1', '2001:20::1', '2001:db8::1', '3fff::1', '2620:4f:8000::1',
      // 6to4 with an inside IPv4
      '2002:7f00:1::1', '2002:a9fe:a9fe::1', '2002:c0a8:101::',
      // SRv6, unique-local, link-local (with a zone), site-local, multicast, unallocated
      '5f00::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'fec0::1', 'ff02::1', 'ff05::1:3', '4000::1', '1::1',
      // not an IP address at all
      'localhost', '', 'example.com', '127.1', '0x7f.0.0.1', '2130706433',
    ];
    for (const a of refused) assert.equal(isPrivateAddress(a), true, a);
    const allowed = ['93.184.216.34', '8.8.8.8', '1.1.1.1', '192.0.1.1', '198.20.0.1', '223.255.255.255', '2606:4700::1111', '2a00:1450:4001::1', '::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::808:808', '2002:808:808::1'];
    for (const a of allowed) assert.equal(isPrivateAddress(a), false, a);
  });

  it('decodes the IPv4 address inside mapped, NAT64 and 6to4 addresses', () => {
    assert.equal(embeddedIpv4('::ffff:7f00:1'), '127.0.0.1');
    assert.equal(embeddedIpv4('64:ff9b::a9fe:a9fe'), '169.254.169.254');
    assert.equal(embeddedIpv4('2002:c0a8:0101::1'), '192.168.1.1');
    assert.equal(embeddedIpv4('2606:4700::1111'), null);
  });

  it('agrees with the registry on random addresses: any IPv4 inside a blocked range, in any IPv6 wrapping, is refused', () => {
    const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
    const hex = (a: string): string => {
      const [p, q, r, s] = a.split('.').map(Number) as [number, number, number, number];
      return `${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`;
    };
    fc.assert(
      fc.property(v4, (a) => {
        const inner = isPrivateAddress(a);
        assert.equal(isPrivateAddress(`::ffff:${a}`), inner);
        assert.equal(isPrivateAddress(`::ffff:${hex(a)}`), inner);
        assert.equal(isPrivateAddress(`64:ff9b::${hex(a)}`), inner);
        assert.equal(isPrivateAddress(`2002:${hex(a)}::1`), inner);
        assert.equal(isPrivateAddress(`::${hex(a)}`), true);
      }),
    );
  });
});

describe('no loopback page without --allow-private', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve({
      '/secret': html(ARTICLE('Inside secret')),
      '/to-hex': (_req, res) => void res.writeHead(302, { location: `http://[::ffff:7f00:1]:${server.port}/secret` }).end(),
      '/to-mapped': (_req, res) => void res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${server.port}/secret` }).end(),
      '/to-decimal': (_req, res) => void res.writeHead(301, { location: `http://2130706433:${server.port}/secret` }).end(),
      '/to-octal': (_req, res) => void res.writeHead(307, { location: `http://0177.0.0.1:${server.port}/secret` }).end(),
      '/feed.xml': (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(`<rss version="2.0"><channel><title>T</title><item><title>a</title><link>http://[::ffff:7f00:1]:${server.port}/secret?1</link></item><item><title>b</title><link>http://[::ffff:127.0.0.1]:${server.port}/secret?2</link></item><item><title>c</title><link>http://[0:0:0:0:0:FFFF:7F00:0001]:${server.port}/secret?3</link></item></channel></rss>`),
    });
  });
  after(() => server.close());

  const FORMS = (port: number): string[] => [
    `http://[::ffff:127.0.0.1]:${port}/secret`,
    `http://[::ffff:7f00:1]:${port}/secret`,
    `http://[0:0:0:0:0:ffff:7f00:1]:${port}/secret`,
    `http://2130706433:${port}/secret`,
    `http://0x7f000001:${port}/secret`,
    `http://0x7f.1:${port}/secret`,
    `http://0177.0.0.1:${port}/secret`,
    `http://127.1:${port}/secret`,
    `http://127.0.1:${port}/secret`,
    `http://127.0.0.1:${port}/secret`,
    `http://localhost:${port}/secret`,
  ];

  it('refuses each form of a loopback address written in the URL, robots.txt included', async () => {
    const fetcher = new Fetcher({ retries: 0 });
    try {
      for (const url of FORMS(server.port)) {
        const error = await failure(fetcher.fetch(url));
        assert.match(error.message, /^refusing to connect to the private address /, url);
        assert.equal(error.retryable, false, url);
      }
    } finally {
      await fetcher.close();
    }
    assert.equal(server.hits.get('/secret'), undefined, 'the loopback page was never requested');
    assert.equal(server.hits.get('/robots.txt'), undefined, 'nor its robots.txt');
  });

  it('refuses a redirect to a loopback address in another form', async () => {
    // 127.0.0.1 itself is let through, so that the first hop is made; the forms the redirects
    // name are other addresses as far as the allowance goes, and must be judged by the guard
    const fetcher = new Fetcher({ retries: 0, allowAddresses: ['127.0.0.1'] });
    try {
      for (const path of ['/to-hex', '/to-mapped']) {
        const error = await failure(fetcher.fetch(`${server.base}${path}`));
        assert.match(error.message, /private address ::ffff:7f00:1/, path);
        assert.equal(server.hits.get(path), 1, `${path} was asked`);
      }
    } finally {
      await fetcher.close();
    }
    // and the other way round: the mapped address let through, a redirect to IPv4 shorthand refused
    const mapped = new Fetcher({ retries: 0, allowAddresses: ['::ffff:7f00:1'] });
    try {
      for (const path of ['/to-decimal', '/to-octal']) {
        const error = await failure(mapped.fetch(`http://[::ffff:7f00:1]:${server.port}${path}`));
        assert.match(error.message, /private address 127\.0\.0\.1/, path);
        assert.equal(server.hits.get(path), 1, `${path} was asked`);
      }
    } finally {
      await mapped.close();
    }
    assert.equal(server.hits.get('/secret'), undefined);
  });

  it('refuses feed item links in those forms, and never puts a refused URL on the retry list', async () => {
    const store = new SqliteStore(':memory:');
    const errors: string[] = [];
    const run = await ingestToStore([`${server.base}/feed.xml`], store, { allowAddresses: ['127.0.0.1'], retries: 0, onError: (e) => errors.push(e.message) });
    assert.equal(run.added, 0);
    assert.equal(errors.length, 3, errors.join('\n'));
    for (const e of errors) assert.match(e, /: refusing to connect to the private address ::ffff:7f00:1 /);
    assert.deepEqual([...server.hits.keys()].filter((path) => path.startsWith('/secret')), []);
    assert.deepEqual(await store.failedFetches(), []);

    // a page given directly, refused; a later, unrelated run with --allow-private leaves it alone
    const direct = `http://[::ffff:127.0.0.1]:${server.port}/secret`;
    const refused = await ingestToStore([direct], store, { retries: 0, onError: () => undefined });
    assert.equal(refused.failed, 1);
    assert.deepEqual(await store.failedFetches(), []);
    const later = await ingestToStore([], store, { allowPrivate: true, retries: 0 });
    assert.equal(later.failed + later.added, 0);
    assert.equal(server.hits.get('/secret'), undefined, 'the refused page was not fetched by a later run');
    await store.close();
  });

  it('drops a refused address left on the retry list by an earlier version without fetching it', async () => {
    const store = new SqliteStore(':memory:');
    const url = `${server.base}/secret`;
    await store.recordFetch(url, { etag: null, lastModified: null, failures: 3, lastError: 'refusing to connect to the private address 127.0.0.1 (use --allow-private)' });
    const errors: string[] = [];
    const run = await ingestToStore([], store, { allowPrivate: true, onError: (e) => errors.push(e.message) });
    assert.equal(run.failed, 1);
    assert.match(errors[0]!, /secret: not tried again: refusing to connect/);
    assert.deepEqual(await store.failedFetches(), []);
    assert.equal(server.hits.get('/secret'), undefined);
    await store.close();
  });
});

describe('the retry list keeps what may pass, and only that', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve({
      '/robots.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
      '/links.xml': (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(
            `<rss version="2.0"><channel><title>T</title>` +
              ['file:///etc/passwd', 'data:text/html,&lt;p&gt;hi', 'javascript:alert(1)', 'ftp://127.0.0.1/x', '/private/memo', '/news/bridge', 'http://[::1', '/gone', '/busy']
                .map((link, i) => `<item><title>${i}</title><link>${link}</link></item>`)
                .join('') +
              `</channel></rss>`,
          ),
      '/news/bridge': html(ARTICLE('Bridge closes for six months')),
      '/gone': (_req, res) => void res.writeHead(404).end('gone'),
      '/busy': (_req, res) => void res.writeHead(503).end('busy'),
    });
  });
  after(() => server.close());

  it('reports other schemes, robots.txt refusals and 4xx once, and retries 5xx on the next runs', async () => {
    const store = new SqliteStore(':memory:');
    const errors: string[] = [];
    const first = await ingestToStore([`${server.base}/links.xml`], store, { allowPrivate: true, retries: 1, backoffMs: () => 5, onError: (e) => errors.push(e.message) });
    assert.equal(first.added, 1);
    assert.deepEqual(errors, [
      `${server.base}/links.xml: a feed item's link "http://[::1" is not a URL`,
      'file:///etc/passwd: unsupported scheme file:',
      'data:text/html,<p>hi: unsupported scheme data:',
      'javascript:alert(1): unsupported scheme javascript:',
      'ftp://127.0.0.1/x: unsupported scheme ftp:',
      `${server.base}/private/memo: disallowed by robots.txt`,
      `${server.base}/gone: HTTP 404`,
      `${server.base}/busy: HTTP 503`,
    ]);
    assert.deepEqual(await store.failedFetches(), [`${server.base}/busy`]);
    assert.deepEqual(await store.fetchState('javascript:alert(1)'), { etag: null, lastModified: null, failures: 0, lastError: 'unsupported scheme javascript:' });

    // the next run, nothing given: only the busy page is tried, and reported again
    errors.length = 0;
    const second = await ingestToStore([], store, { allowPrivate: true, retries: 0, onError: (e) => errors.push(e.message) });
    assert.deepEqual(errors, [`${server.base}/busy: HTTP 503`]);
    assert.equal((await store.fetchState(`${server.base}/busy`))!.failures, 2);

    // the feed read again: what failed for good is not fetched or reported again
    errors.length = 0;
    const goneHits = server.hits.get('/gone');
    await ingestToStore([`${server.base}/links.xml`], store, { allowPrivate: true, retries: 0, onError: (e) => errors.push(e.message) });
    assert.deepEqual(errors, [`${server.base}/links.xml: a feed item's link "http://[::1" is not a URL`, `${server.base}/busy: HTTP 503`]);
    assert.equal(server.hits.get('/gone'), goneHits);
    assert.equal(server.hits.get('/private/memo'), undefined);
    assert.equal(second.added, 0);
    await store.close();
  });
});

describe('fetching from hostile servers', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  let slowRobots: Awaited<ReturnType<typeof serve>>;
  let bigRobots: Awaited<ReturnType<typeof serve>>;
  const page = ARTICLE('Bridge closes for six months');
  const cp1252 = Buffer.concat([Buffer.from('<html><head><title>Caf'), Buffer.from([0xe9]), Buffer.from(' prices rise</title></head><body><article><h1>Caf'), Buffer.from([0xe9]), Buffer.from(' prices rise </h1><p>'), Buffer.from([0x93]), Buffer.from('We cannot wait'), Buffer.from([0x94]), Buffer.from(', the owner said. ' + STORY + '</p></article></body></html>')]);
  // "Łódź" in ISO-8859-2, declared only in the Content-Type header
  const latin2 = Buffer.concat([Buffer.from('<html><head><title>'), Buffer.from([0xa3, 0xf3, 0x64, 0xbc]), Buffer.from(' trams return</title></head><body><article><h1>'), Buffer.from([0xa3, 0xf3, 0x64, 0xbc]), Buffer.from(' trams return</h1><p>' + STORY + '</p></article></body></html>')]);
  before(async () => {
    server = await serve({
      '/trickle': trickle,
      '/big': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 32; i++) res.write('x'.repeat(64 * 1024));
        res.end();
      },
      '/big-declared': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2 * 1024 * 1024) }).end('x'.repeat(2 * 1024 * 1024)),
      '/gzip': html(gzipSync(page), { 'content-encoding': 'gzip' }),
      '/deflate': html(deflateSync(page), { 'content-encoding': 'deflate' }),
      '/deflate-raw': html(deflateRawSync(page), { 'content-encoding': 'deflate' }),
      '/br': html(brotliCompressSync(page), { 'content-encoding': 'br' }),
      '/gzip-br': html(brotliCompressSync(gzipSync(page)), { 'content-encoding': 'gzip, br' }),
      '/bomb': html(gzipSync(Buffer.alloc(64 * 1024 * 1024, 'a')), { 'content-encoding': 'gzip' }),
      '/broken-gzip': html(gzipSync(page).subarray(0, 40), { 'content-encoding': 'gzip' }),
      '/zstd': html(page, { 'content-encoding': 'zstd' }),
      '/loop': (_req, res) => void res.writeHead(302, { location: '/loop' }).end(),
      '/no-location': (_req, res) => void res.writeHead(302).end(),
      ...Object.fromEntries(Array.from({ length: 8 }, (_, i): [string, Route] => [`/hop/${i}`, (_req, res) => void res.writeHead(301, { location: `/hop/${i + 1}` }).end()])),
      '/cp1252': html(cp1252, { 'content-type': 'text/html; charset=windows-1252' }),
      '/latin2': html(latin2, { 'content-type': 'text/html; charset="ISO-8859-2"' }),
      '/broken.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('this is not xml {'),
      '/empty.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing yet</title></channel></rss>'),
      '/broken.json': (_req, res) => void res.writeHead(200, { 'content-type': 'application/feed+json' }).end('{"version": "https://jsonfeed.org/version/1.1", "items": [{'),
      '/no-items.json': (_req, res) => void res.writeHead(200, { 'content-type': 'application/feed+json' }).end('{"version": "https://jsonfeed.org/version/1.1", "items": {"url": 5}}'),
    });
    slowRobots = await serve({ '/robots.txt': trickle, '/page': html(page) });
    bigRobots = await serve({
      // a Disallow past the first 500 KiB is not read; the 10,000 rules before it are
      '/robots.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(`User-agent: *\nDisallow: /hidden\n${'#'.repeat(600 * 1024)}\nDisallow: /\n`),
      '/page': html(page),
      '/hidden': html(page),
    });
  });
  after(() => {
    server.close();
    slowRobots.close();
    bigRobots.close();
  });

  it('gives up on a server that trickles a byte at a time, at the overall deadline', { timeout: 60_000 }, async () => {
    const fetcher = new Fetcher({ allowPrivate: true, timeoutMs: 10_000, deadlineMs: 1500, retries: 2, backoffMs: () => 5 });
    try {
      const error = await failure(fetcher.fetch(`${server.base}/trickle`));
      assert.equal(error.message, 'no complete answer within 1.5 s');
      assert.equal(error.retryable, true);
      assert.equal(server.hits.get('/trickle'), 1, 'the deadline covers the retries too');
      // a trickling robots.txt is given up on at the deadline too, and counts as none
      const result = await fetcher.fetch(`${slowRobots.base}/page`);
      assert.equal(result.status, 'ok');
    } finally {
      await fetcher.close();
    }
  });

  it('downloads an over-size body once and refuses a declared one at the header', { timeout: 60_000 }, async () => {
    const fetcher = new Fetcher({ allowPrivate: true, maxBytes: 1024 * 1024, retries: 2, backoffMs: () => 5 });
    try {
      const big = await failure(fetcher.fetch(`${server.base}/big`));
      assert.equal(big.message, 'larger than 1048576 bytes');
      assert.equal(big.retryable, false);
      assert.equal(server.hits.get('/big'), 1);
      const declared = await failure(fetcher.fetch(`${server.base}/big-declared`));
      assert.equal(declared.message, 'larger than 1048576 bytes (Content-Length 2097152)');
      assert.equal(server.hits.get('/big-declared'), 1);
    } finally {
      await fetcher.close();
    }
  });

  it('fails for good on a redirect loop, too many redirects or none to follow', async () => {
    const fetcher = new Fetcher({ allowPrivate: true, retries: 2, backoffMs: () => 5 });
    try {
      for (const [path, message] of [['/loop', 'a redirect loop'], ['/no-location', 'HTTP 302'], ['/hop/0', 'HTTP 301']] as const) {
        const error = await failure(fetcher.fetch(`${server.base}${path}`));
        assert.equal(error.message, message, path);
        assert.equal(error.retryable, false, path);
      }
      assert.equal(server.hits.get('/no-location'), 1);
      assert.equal(server.hits.get('/hop/0'), 1);
    } finally {
      await fetcher.close();
    }
  });

  it('undoes gzip, deflate and br, and refuses a gzip bomb at the limit', { timeout: 60_000 }, async () => {
    const fetcher = new Fetcher({ allowPrivate: true, maxBytes: 1024 * 1024, retries: 2, backoffMs: () => 5 });
    try {
      for (const path of ['/gzip', '/deflate', '/deflate-raw', '/br', '/gzip-br']) assert.equal((await fetcher.fetch(`${server.base}${path}`)).body.toString('utf8'), page, path);
      const bomb = await failure(fetcher.fetch(`${server.base}/bomb`));
      assert.equal(bomb.message, 'decodes to more than 1048576 bytes');
      assert.equal(server.hits.get('/bomb'), 1);
      assert.match((await failure(fetcher.fetch(`${server.base}/broken-gzip`))).message, /^broken gzip data/);
      assert.equal((await failure(fetcher.fetch(`${server.base}/zstd`))).message, 'unsupported Content-Encoding zstd');
    } finally {
      await fetcher.close();
    }
  });

  it('stores compressed and non-UTF-8 pages as the reader sees them', { timeout: 60_000 }, async () => {
    const store = new SqliteStore(':memory:');
    const errors: string[] = [];
    const run = await ingestToStore([`${server.base}/gzip`, `${server.base}/cp1252`, `${server.base}/latin2`], store, { allowPrivate: true, onError: (e) => errors.push(e.message) });
    assert.deepEqual(errors, []);
    const titles: string[] = [];
    const texts: string[] = [];
    for await (const { article } of store.exportArticles()) {
      titles.push(article.title ?? '');
      texts.push(article.text);
    }
    assert.equal(run.added + run.duplicates, 3);
    assert.deepEqual(titles, ['Bridge closes for six months', 'Café prices rise', 'Łódź trams return']);
    assert.match(texts[1]!, /“We cannot wait”, the owner said/);
    await store.close();
  });

  it('reports a malformed or empty feed as one failure, not retried', { timeout: 60_000 }, async () => {
    const store = new SqliteStore(':memory:');
    const errors: string[] = [];
    const urls = ['/broken.xml', '/empty.xml', '/broken.json', '/no-items.json'].map((p) => `${server.base}${p}`);
    const run = await ingestToStore(urls, store, { allowPrivate: true, onError: (e) => errors.push(e.message) });
    assert.equal(run.failed, 4);
    assert.equal(errors[0], `${urls[0]}: unreadable feed (not a feed)`);
    assert.equal(errors[1], `${urls[1]}: a feed with no items`);
    assert.match(errors[2]!, new RegExp(`^${urls[2]!.replace(/[.]/g, '\\.')}: unreadable feed \\(.*JSON.*\\)$`));
    assert.equal(errors[3], `${urls[3]}: unreadable feed (a JSON Feed needs an "items" list)`);
    for (const e of errors) assert.doesNotMatch(e, /\n/);
    assert.deepEqual(await store.failedFetches(), []);
    await store.close();
  });

  it('reads robots.txt up to 500 KiB', async () => {
    const fetcher = new Fetcher({ allowPrivate: true });
    try {
      assert.equal((await fetcher.fetch(`${bigRobots.base}/page`)).status, 'ok');
      assert.equal((await failure(fetcher.fetch(`${bigRobots.base}/hidden`))).message, 'disallowed by robots.txt');
    } finally {
      await fetcher.close();
    }
  });
});

describe('robots.txt patterns', () => {
  it('matches 20 wildcards against a long path at once (the regex took minutes)', () => {
    const rule = `/${'*a'.repeat(20)}*b`;
    const path = `/${'a'.repeat(60)}`;
    // in a child process, so that a backtracking matcher is stopped instead of blocking the runner
    const script = `import { isAllowed, parseRobots } from ${JSON.stringify(new URL('../../src/fetch/robots.ts', import.meta.url).href)};
      const rules = parseRobots(${JSON.stringify(`User-agent: *\nDisallow: ${rule}\nDisallow: ${rule}$\n`)}, 'Triangulate');
      process.stdout.write(String(isAllowed(rules, ${JSON.stringify(path)}) && !isAllowed(rules, ${JSON.stringify(`${path}b`)})));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.signal, null, 'the matcher did not finish within 30 s');
    assert.equal(run.stdout, 'true', run.stderr);
  });

  it('agrees with the regex reading of `*` and a final `$` on random rules', () => {
    const reference = (rule: string, path: string): boolean => {
      const anchored = rule.endsWith('$');
      const body = (anchored ? rule.slice(0, -1) : rule).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      return new RegExp(`^${body}${anchored ? '$' : ''}`).test(path);
    };
    const rule = fc.string({ unit: fc.constantFrom('a', 'b', '/', '*', '$'), maxLength: 8 });
    const path = fc.string({ unit: fc.constantFrom('a', 'b', '/', '$'), maxLength: 10 });
    fc.assert(fc.property(rule, path, (r, p) => matches(r, p) === reference(r, p)), { numRuns: 5000 });
    assert.equal(matches('/a$b', '/a$bc'), true, 'a `$` inside a rule is literal');
    assert.equal(matches('/*.php$', '/x.php?q'), false);
    assert.equal(matches('/fish*', '/fish.html'), true);
  });

  it('keeps at most MAX_RULES rules', () => {
    const lines = Array.from({ length: MAX_RULES }, (_, i) => `Disallow: /x${i}`).join('\n');
    const rules = parseRobots(`User-agent: *\n${lines}\nDisallow: /\n`, 'Triangulate');
    assert.equal(rules.disallow.length, MAX_RULES);
    assert.equal(isAllowed(rules, '/news'), true);
    assert.equal(isAllowed(rules, '/x5'), false);
  });
});

describe('a feed of many pages', () => {
  const N = 24;
  let server: Awaited<ReturnType<typeof serve>>;
  let served = 0;
  const WORDS = ['harbour', 'railway', 'library', 'stadium', 'hospital', 'airport', 'museum', 'school', 'market', 'tunnel', 'bridge', 'ferry'];
  before(async () => {
    const routes: Record<string, Route> = {
      '/big-feed.xml': (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(`<rss version="2.0"><channel><title>T</title>${Array.from({ length: N }, (_, i) => `<item><title>${i}</title><link>${server.base}/item/${i}</link></item>`).join('')}</channel></rss>`),
    };
    for (let i = 0; i < N; i++) {
      // later items answer sooner, so that the order of arrival is not the feed's
      routes[`/item/${i}`] = (_req, res) => {
        served++;
        const w = WORDS[i % WORDS.length]!;
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE(`Story ${i} about the ${w}`, `Number ${i}: the ${w} in district ${i * 7} will open ${i % 2 ? 'late' : 'early'} after ${i + 3} months of works ordered by council member ${String.fromCharCode(65 + i)}.\n${STORY.replace(/bridge/g, w)}`)), (N - i) * 3);
      };
    }
    server = await serve(routes);
  });
  after(() => server.close());

  it('fetches a few pages ahead of the one being stored, and stores them in feed order', { timeout: 120_000 }, async () => {
    const store = new SqliteStore(':memory:');
    const servedAtStore: number[] = [];
    const run = await ingestToStore([`${server.base}/big-feed.xml`], store, {
      allowPrivate: true,
      now: () => {
        servedAtStore.push(served);
        return '2025-04-08T12:00:00.000Z';
      },
    });
    assert.equal(run.failed, 0);
    assert.equal(servedAtStore.length, N);
    // when the k-th page (0-based) is stored, at most 4 pages have been fetched past the k-th - 1
    servedAtStore.forEach((n, k) => assert.ok(n <= k + 4, `${n} pages fetched when page ${k} was stored`));
    const titles: string[] = [];
    for await (const { article } of store.exportArticles()) titles.push(article.title ?? '');
    assert.deepEqual(titles, Array.from({ length: N }, (_, i) => `Story ${i} about the ${WORDS[i % WORDS.length]}`));
    await store.close();
  });

  it('hands results out in order with a bounded number in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out: number[] = [];
    for await (const n of inOrder([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, n * 2));
      inFlight--;
      return n;
    }))
      out.push(n);
    assert.deepEqual(out, [5, 1, 4, 2, 3, 0, 6]);
    assert.equal(most, 3);
  });
});
