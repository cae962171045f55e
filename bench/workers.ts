// The worker path's throughput: N articles (the scale bench's stream) queued as article jobs, then
// done by 1 and by 2 `triangulate worker` processes into a fresh PostgreSQL schema: extraction,
// annotation (names, quotes, claims, events, kept per article), story assignment and storage, each
// a BullMQ job on Redis. Articles per second are timed from the first job started to the last one
// finished (BullMQ's own timestamps), so the workers' start-up is left out.
// Usage: npm run bench:workers -- [../shared/data/extraction/zyte] --pg postgres://… [--redis redis://…/14] [--n 2000] [--workers 1,2] [--concurrency 2]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { connectRedis, jobOptions, openQueue, type WorkJob } from '../src/queue/work-queue.ts';
import { streamArticles } from './stream-articles.ts';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const FLAGS = ['--pg', '--redis', '--n', '--workers', '--concurrency'];
const dir = args.find((a, i) => !a.startsWith('--') && !FLAGS.includes(args[i - 1] ?? '')) ?? join('..', 'shared', 'data', 'extraction', 'zyte');
const pgUrl = flag('--pg');
if (!pgUrl) throw new Error('--pg postgres://… is needed (a database whose schema workers_bench this bench may drop)');
const redisUrl = flag('--redis') ?? 'redis://127.0.0.1:6379/14';
const n = Number(flag('--n') ?? 2000);
const counts = (flag('--workers') ?? '1,2').split(',').map(Number);
const concurrency = flag('--concurrency') ?? '2';

const schemaUrl = new URL(pgUrl);
schemaUrl.searchParams.set('options', '-c search_path=workers_bench');

async function usedMemory(redis: Awaited<ReturnType<typeof connectRedis>>): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
}

const results: Array<{ workers: number; perSecond: number }> = [];
for (const workers of counts) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('DROP SCHEMA IF EXISTS workers_bench CASCADE; CREATE SCHEMA workers_bench;');
  await admin.end();
  const redis = await connectRedis(redisUrl);
  await redis.flushdb();
  const queue = openQueue(redis);
  const jobs: WorkJob[] = [...streamArticles(dir, n)].map((input) => ({ kind: 'article', input }));
  const before = await usedMemory(redis);
  for (let k = 0; k < jobs.length; k += 500) await queue.addBulk(jobs.slice(k, k + 500).map((data) => ({ name: data.kind, data, opts: jobOptions(data) })));
  if (workers === counts[0]) {
    const perArticle = ((await usedMemory(redis)) - before) / n;
    // URL jobs, as a feed's items are queued, measured apart and removed
    const urls: WorkJob[] = Array.from({ length: 1000 }, (_, i) => ({ kind: 'url', url: `https://news.example.com/2025/01/14/world/story-number-${i}-of-the-day.html`, item: true }));
    const mark = await usedMemory(redis);
    await queue.addBulk(urls.map((data) => ({ name: data.kind, data, opts: jobOptions(data) })));
    const perUrl = ((await usedMemory(redis)) - mark) / urls.length;
    for (const data of urls) await queue.remove(jobOptions(data).jobId!);
    console.log(`Redis memory per queued job: ${(perArticle / 1024).toFixed(1)} KB for an article job (its text), ${(perUrl / 1024).toFixed(1)} KB for a URL job`);
  }
  const children = Array.from({ length: workers }, (_, w) =>
    spawn(process.execPath, ['--import', 'tsx', join('src', 'cli', 'main.ts'), 'worker', '--db', schemaUrl.href, '--redis', redisUrl, '--name', `bench-${w}`, '--concurrency', concurrency, '--quiet'], { stdio: 'ignore' }),
  );
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const c = await queue.getJobCounts('completed', 'failed');
    if ((c.completed ?? 0) + (c.failed ?? 0) >= n) break;
  }
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => child.on('exit', resolve))));
  const done = await queue.getJobs(['completed'], 0, -1);
  const failed = await queue.getFailedCount();
  const first = Math.min(...done.map((j) => j.processedOn ?? Infinity));
  const last = Math.max(...done.map((j) => j.finishedOn ?? 0));
  const seconds = (last - first) / 1000;
  const perSecond = done.length / seconds;
  results.push({ workers, perSecond });
  console.log(`${workers} worker${workers === 1 ? '' : 's'} (concurrency ${concurrency} each): ${done.length} articles in ${seconds.toFixed(1)} s, ${perSecond.toFixed(1)} articles/s, ${failed} failed`);
  await queue.close();
  redis.disconnect();
}
if (results.length > 1) console.log(`ratio ${results.map((r) => (r.perSecond / results[0]!.perSecond).toFixed(2)).join(' : ')}`);
