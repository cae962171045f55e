// The web app's status page: the store's counts, and with a queue (`serve --redis`) its jobs,
// rates and schedules, as `triangulate status` shows them; a URL polled is shown as text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openQueueStatus } from '../../src/cli/queue-commands.ts';
import { Status } from '../../src/serve/api-schemas.ts';
import { startServer, type Running } from '../../src/serve/serve.ts';
import { runCli, EXAMPLE_DIR } from '../helpers.ts';
import { hasRedis, testRedis, type TestRedis } from '../queue/test-redis.ts';
import { serveStore, type ServedStore } from './serve-fixture.ts';

describe('status without a queue', () => {
  let served: ServedStore;
  before(async () => {
    served = await serveStore();
  });
  after(() => served.close());

  it("shows the store's articles and stories and says there is no queue", async () => {
    const page = await (await fetch(`${served.url}/status`)).text();
    assert.match(page, /<p>5 articles in 2 stories\.<\/p>/);
    assert.match(page, /No queue: this server was started without <code>--redis<\/code>/);
    assert.match(page, /<a href="\/status" aria-current="page">Status<\/a>/);
    const json = Status.parse(await (await fetch(`${served.url}/api/status`)).json());
    assert.deepEqual(json, { store: { articles: 5, stories: 2 }, queue: null });
  });
});

describe('status with a queue', { skip: process.env.CI === 'true' || hasRedis ? false : 'no Redis: set TRIANGULATE_TEST_REDIS or install redis-server' }, () => {
  let redis: TestRedis;
  let served: ServedStore;
  let withQueue: Running;
  let queue: Awaited<ReturnType<typeof openQueueStatus>>;
  const hostile = 'https://news.example/feed.xml?q=<script>alert(1)</script>';
  before(async () => {
    redis = await testRedis();
    served = await serveStore();
    queue = await openQueueStatus(redis.url);
    withQueue = await startServer({ store: served.store, host: '127.0.0.1', port: 0, queueStatus: queue.status, log: null, say: () => undefined });
  });
  after(async () => {
    await withQueue?.stop();
    await queue?.close();
    await served?.close();
    redis?.stop();
  });

  it('shows the jobs by state, the workers, the rates and the URLs polled, escaped', async () => {
    assert.equal(runCli(['enqueue', EXAMPLE_DIR, '--redis', redis.url]).status, 0);
    assert.equal(runCli(['enqueue', hostile, '--every', '1h', '--redis', redis.url]).status, 0);
    const { queue: q } = Status.parse(await (await fetch(`${withQueue.url}/api/status`)).json());
    assert.ok(q);
    assert.equal(q.counts.waiting, 6);
    assert.equal(q.counts.failed, 0);
    assert.deepEqual(q.workers, []);
    assert.deepEqual(q.polled.map((p) => [p.url, p.everyMs]), [[hostile, 3_600_000]]);
    const page = await (await fetch(`${withQueue.url}/status`)).text();
    assert.match(page, /<tbody><tr><td>6<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>0<\/td><\/tr><\/tbody>/);
    assert.match(page, /Workers connected: 0\./);
    assert.ok(page.includes('q=&lt;script&gt;alert(1)&lt;/script&gt;</span>, every 1h, next at'), 'the polled URL shown as text');
    assert.ok(!page.includes('<script>alert'), 'no markup from the URL');
  });
});
