// The queue's parts on their own: job ids, periods, rates from BullMQ's metrics, the per-host
// limiter shared through Redis, and the CLI's answers when Redis is not there or the inputs are bad.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { HostBusy, hostPace } from '../../src/queue/host-pace.ts';
import { rateOf } from '../../src/queue/queue-report.ts';
import { parseEvery } from '../../src/queue/period.ts';
import { connectRedis, jobIdOf } from '../../src/queue/work-queue.ts';
import { EXAMPLE_DIR, runCli } from '../helpers.ts';
import { hasRedis, testRedis, type TestRedis } from './test-redis.ts';

describe('job ids', () => {
  it('are the same for the same input, whatever the order of its fields, and differ otherwise', () => {
    const a = jobIdOf({ kind: 'article', input: { text: 'Body.', source: 'a.txt', title: 'T' } });
    assert.equal(jobIdOf({ kind: 'article', input: { title: 'T', source: 'a.txt', text: 'Body.' } }), a);
    assert.notEqual(jobIdOf({ kind: 'article', input: { text: 'Body!', source: 'a.txt', title: 'T' } }), a);
    assert.match(a, /^article-[0-9a-f]{40}$/);
    const u = jobIdOf({ kind: 'url', url: 'https://example.com/a' });
    // a feed's item and the same URL queued by hand are one job
    assert.equal(jobIdOf({ kind: 'url', url: 'https://example.com/a', item: true, publishedAt: '2025-01-01' }), u);
    assert.doesNotMatch(u, /:/);
  });
});

describe('--every', () => {
  it('reads s, m, h and d, and refuses less than a minute or anything else', () => {
    assert.equal(parseEvery('15m'), 900_000);
    assert.equal(parseEvery('2h'), 7_200_000);
    assert.equal(parseEvery('1d'), 86_400_000);
    assert.equal(parseEvery('90s'), 90_000);
    for (const bad of ['30s', '15', 'm', '1w', '-5m', '1.5h', '']) assert.throws(() => parseEvery(bad), /--every takes a period/, bad);
  });
});

describe('rates from BullMQ metrics', () => {
  const minute = 60_000;
  const now = 1_000 * minute + 30_000;
  it('counts the minutes kept and what was counted since the last one kept', () => {
    // last pushed 2 minutes ago; 7 counted since; whole minutes before: 10, 20, 30, then 1 each
    const m = { meta: { count: 1000, prevTS: now - 2 * minute, prevCount: 993 }, data: [10, 20, 30, ...Array(100).fill(1)] };
    const r = rateOf(m, now);
    assert.equal(r.total, 1000);
    // within 5 minutes: the 7 since, and the 2 whole minutes before it that fit
    assert.equal(r.last5Minutes, 7 + 10 + 20);
    assert.equal(r.lastHour, 7 + 10 + 20 + 30 + 54);
  });
  it('says nothing was done when the last count is older than the window', () => {
    const m = { meta: { count: 50, prevTS: now - 90 * minute, prevCount: 40 }, data: [10, 20] };
    assert.deepEqual(rateOf(m, now), { last5Minutes: 0, lastHour: 0, total: 50 });
    assert.deepEqual(rateOf({ meta: { count: 0, prevTS: 0, prevCount: 0 }, data: [] }, now), { last5Minutes: 0, lastHour: 0, total: 0 });
  });
});

describe('without Redis', () => {
  it('enqueue, status and failed each say so on one line and exit 2', () => {
    for (const args of [['enqueue', join(EXAMPLE_DIR, '000_0c875d1442d65709.txt')], ['status'], ['failed']]) {
      const r = runCli([...args, '--redis', 'redis://127.0.0.1:1']);
      assert.equal(r.status, 2, `${args[0]}: ${r.stderr}`);
      assert.match(r.stderr, /^triangulate: redis:\/\/127\.0\.0\.1:1(\/)?: cannot connect to Redis \(.+\)\n$/);
    }
    const bad = runCli(['status', '--redis', 'http://127.0.0.1:6379']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--redis takes a redis:\/\/ or rediss:\/\/ URL/);
  });
  it('a password in the Redis URL is never printed', () => {
    const r = runCli(['status', '--redis', 'redis://user:s3cret-pass@127.0.0.1:1']);
    assert.equal(r.status, 2);
    assert.doesNotMatch(r.stderr, /s3cret-pass/);
  });
});

describe('with Redis', { skip: process.env.CI === 'true' || hasRedis ? false : 'no Redis: set TRIANGULATE_TEST_REDIS or install redis-server' }, () => {
  let redis: TestRedis;
  before(async () => {
    redis = await testRedis();
  });
  after(() => redis?.stop());

  it('the host limiter spaces requests to one host across clients, and puts off a turn too far away', async () => {
    const a = await connectRedis(redis.url);
    const b = await connectRedis(redis.url);
    try {
      const paceA = hostPace(a, { intervalMs: 200, maxWaitMs: 1000 });
      const paceB = hostPace(b, { intervalMs: 200, maxWaitMs: 1000 });
      const started = performance.now();
      const times: number[] = [];
      // two "workers", three turns each, on one host: six turns, 200 ms apart
      await Promise.all([paceA, paceB, paceA, paceB, paceA, paceB].map((pace) => pace('News.Example:443').then(() => times.push(performance.now() - started))));
      times.sort((x, y) => x - y);
      for (let k = 1; k < times.length; k++) assert.ok(times[k]! - times[k - 1]! >= 150, `turns ${k - 1} and ${k} are ${(times[k]! - times[k - 1]!).toFixed(0)} ms apart`);
      // another host is not held up by this one
      const other = performance.now();
      await paceA('other.example');
      assert.ok(performance.now() - other < 150);
      // a turn beyond maxWaitMs: not reserved, the caller is told how long to put the job off
      const far = hostPace(a, { intervalMs: 5000, maxWaitMs: 1000 });
      await far('slow.example');
      await assert.rejects(far('slow.example'), (error: unknown) => error instanceof HostBusy && error.waitMs > 1000 && error.waitMs <= 5000);
    } finally {
      a.disconnect();
      b.disconnect();
    }
  });

  it('enqueue reads files here, refuses what cannot be read on one line, and polls a URL on a schedule shown by status', () => {
    const first = runCli(['enqueue', EXAMPLE_DIR, join(EXAMPLE_DIR, 'missing.txt'), '--redis', redis.url]);
    assert.equal(first.status, 1);
    assert.match(first.stdout, /^Queued 5 jobs on redis:\/\/127\.0\.0\.1:\d+\/\d+; 1 input failed\.\n$/);
    assert.match(first.stderr, /^triangulate: .*missing\.txt: no such file or directory\n$/);
    const feed = 'https://news.example/feed.xml';
    const scheduled = runCli(['enqueue', feed, '--every', '15m', '--redis', redis.url]);
    assert.equal(scheduled.status, 0, scheduled.stderr);
    assert.match(scheduled.stdout, /1 URL polled every 15m/);
    // queuing the schedule again changes nothing
    runCli(['enqueue', feed, '--every', '15m', '--redis', redis.url]);
    const status = runCli(['status', '--redis', redis.url, '--json']);
    assert.equal(status.status, 0, status.stderr);
    const s = JSON.parse(status.stdout) as { counts: { waiting: number }; polled: Array<{ url: string; everyMs: number }>; workers: string[] };
    assert.deepEqual(s.polled.map((p) => [p.url, p.everyMs]), [[feed, 900_000]]);
    // the 5 articles and the schedule's first poll
    assert.equal(s.counts.waiting, 6);
    assert.deepEqual(s.workers, []);
    const text = runCli(['status', '--redis', redis.url]);
    assert.match(text.stdout, /waiting 6, running 0/);
    assert.match(text.stdout, /https:\/\/news\.example\/feed\.xml every 15m, next at /);
    const none = runCli(['failed', '--redis', redis.url]);
    assert.equal(none.stdout, 'No dead letters: no input has failed for good.\n');
  });
});
