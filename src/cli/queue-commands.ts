// The commands of the distributed path: `enqueue` puts inputs on a Redis queue, `worker` does
// them into a store (PostgreSQL for several machines), `status` shows the queue, `failed` its dead
// letters. BullMQ and Redis are loaded only by these commands.
import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { errorLine, oneLine, UsageError } from '../errors.ts';
import { wholeNumber } from './parse-number.ts';
import { isPostgresUrl, openStore } from '../store/open-store.ts';

const DEFAULT_REDIS = process.env.TRIANGULATE_REDIS ?? 'redis://127.0.0.1:6379';
/** Longest the web app's status page waits for Redis. */
const STATUS_TIMEOUT_MS = 3000;

interface Shared {
  db: () => Option;
  maxBytes: () => Option;
}

export function addQueueCommands(program: Command, shared: Shared): void {
  const redis = (): Option => new Option('--redis <url>', 'the Redis server holding the queue (also TRIANGULATE_REDIS)').default(DEFAULT_REDIS);

  program
    .command('enqueue')
    .description('queue inputs for workers: article and feed URLs (fetched by a worker), files, directories, globs, - (read here)')
    .argument('<inputs...>', 'article or feed URLs, files, directories, globs, - for standard input')
    .addOption(redis())
    .option('--every <period>', 'poll each URL on this schedule (15m, 1h, 1d…) instead of once')
    .option('--attempts <n>', 'tries of each job before it is given up', wholeNumber('--attempts', 1, 100), 5)
    .option('--backoff <ms>', "the first retry's delay in milliseconds; each next one doubles it", wholeNumber('--backoff', 0, 86_400_000), 30_000)
    .addOption(shared.maxBytes())
    .option('-q, --quiet', 'no summary')
    .action(async (inputs: string[], options: { redis: string; every?: string; attempts: number; backoff: number; maxBytes: number; quiet?: boolean }) => {
      process.exitCode = await runEnqueue(inputs, options);
    });

  program
    .command('worker')
    .description('take jobs from the queue and do them into the store, until SIGTERM or SIGINT (the jobs in hand finish first)')
    .addOption(shared.db())
    .addOption(redis())
    .option('--concurrency <n>', 'jobs at once in this process (pages fetched meanwhile)', wholeNumber('--concurrency', 1, 256), 4)
    .option('--name <name>', 'this worker, in `status` and in logs (host and process id by default)')
    .option('--host-interval <ms>', 'at least this long between two requests to one host, across all workers', wholeNumber('--host-interval', 0, 3_600_000), 1000)
    .option('--lock <ms>', "how long a dead worker's job waits before another takes it", wholeNumber('--lock', 1, 3_600_000), 30_000)
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses')
    .option('--include-non-articles', 'assign forums, documentation, listings, products… to stories as articles')
    .addOption(shared.maxBytes())
    .option('-q, --quiet', 'no line per failed attempt, and no summary each minute')
    .action(async (options: WorkerCliOptions) => {
      process.exitCode = await runWorker(options);
    });

  program
    .command('status')
    .description('the queue: jobs waiting, running, put off and failed, workers connected, rates, feeds polled; with --db the store too')
    .addOption(redis())
    .option('--db <path|url>', 'also count the articles and stories of this store')
    .option('--json', 'as JSON')
    .action(async (options: { redis: string; db?: string; json?: boolean }) => {
      process.exitCode = await runStatus(options);
    });

  program
    .command('failed')
    .description('the dead letters: inputs given up after their retries, with why; --retry queues them again')
    .addOption(redis())
    .option('--limit <n>', 'list at most this many, most recent first', wholeNumber('--limit', 1, 1_000_000), 100)
    .option('--retry', 'queue every dead letter again, with its attempts renewed')
    .option('--json', 'as JSON')
    .action(async (options: { redis: string; limit: number; retry?: boolean; json?: boolean }) => {
      process.exitCode = await runFailed(options);
    });
}

async function withQueue<T>(url: string, use: (queue: import('bullmq').Queue<import('../queue/work-queue.ts').WorkJob, import('../queue/work-queue.ts').JobOutcome>) => Promise<T>): Promise<T> {
  const { connectRedis, openQueue } = await import('../queue/work-queue.ts');
  const redis = await connectRedis(url);
  const queue = openQueue(redis);
  try {
    return await use(queue);
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** The queue's status for `serve --redis`, on a connection that keeps trying (Redis may restart under a running server). */
export async function openQueueStatus(url: string): Promise<{ status: () => Promise<import('../queue/queue-report.ts').QueueStatus>; close: () => Promise<void> }> {
  const { connectRedis, openQueue, safeUrl } = await import('../queue/work-queue.ts');
  const { queueStatus } = await import('../queue/queue-report.ts');
  const redis = await connectRedis(url, { keepTrying: true });
  const queue = openQueue(redis);
  return {
    // a Redis that is down would hold the request until it is back: the page says so instead
    status: () => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${safeUrl(url)} did not answer within ${STATUS_TIMEOUT_MS / 1000} s`)), STATUS_TIMEOUT_MS)));
      return Promise.race([queueStatus(queue), late]).finally(() => clearTimeout(timer));
    },
    close: async () => {
      await queue.close();
      redis.disconnect();
    },
  };
}

async function runEnqueue(inputs: string[], options: { redis: string; every?: string; attempts: number; backoff: number; maxBytes: number; quiet?: boolean }): Promise<number> {
  const { safeUrl } = await import('../queue/work-queue.ts');
  const { parseEvery } = await import('../queue/period.ts');
  const everyMs = options.every === undefined ? undefined : parseEvery(options.every);
  const { enqueueInputs } = await import('../queue/enqueue.ts');
  const summary = await withQueue(options.redis, (queue) =>
    enqueueInputs(inputs, queue, {
      everyMs,
      attempts: options.attempts,
      backoffMs: options.backoff,
      maxBytes: options.maxBytes,
      onError: (error) => process.stderr.write(`triangulate: ${errorLine(error)}\n`),
    }),
  );
  if (!options.quiet) {
    process.stdout.write(
      `Queued ${summary.queued} job${summary.queued === 1 ? '' : 's'} on ${safeUrl(options.redis)}` +
        (summary.alreadyQueued ? `; ${summary.alreadyQueued} already queued or done today` : '') +
        (summary.scheduled ? `; ${summary.scheduled} URL${summary.scheduled === 1 ? '' : 's'} polled every ${options.every}` : '') +
        (summary.failed ? `; ${summary.failed} input${summary.failed === 1 ? '' : 's'} failed` : '') +
        '.\n',
    );
  }
  return summary.failed ? 1 : 0;
}

interface WorkerCliOptions {
  db: string;
  redis: string;
  concurrency: number;
  name?: string;
  hostInterval: number;
  lock: number;
  allowPrivate?: boolean;
  includeNonArticles?: boolean;
  maxBytes: number;
  quiet?: boolean;
}

async function runWorker(options: WorkerCliOptions): Promise<number> {
  const { connectRedis, safeUrl } = await import('../queue/work-queue.ts');
  const { startWorker } = await import('../queue/run-worker.ts');
  if (!isPostgresUrl(options.db) && !existsSync(options.db)) process.stderr.write(`triangulate: ${oneLine(options.db)} does not exist yet: a new SQLite store is made there (several machines need a postgres:// store)\n`);
  const redis = await connectRedis(options.redis, { keepTrying: true });
  let store;
  try {
    store = await openStore(options.db);
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  const log = options.quiet ? () => undefined : (line: string) => process.stderr.write(`${oneLine(line)}\n`);
  let worker;
  try {
    worker = await startWorker({
      store,
      redis,
      concurrency: options.concurrency,
      name: options.name,
      intervalMs: options.hostInterval,
      lockMs: options.lock,
      allowPrivate: options.allowPrivate,
      includeNonArticles: options.includeNonArticles,
      maxBytes: options.maxBytes,
      log,
    });
  } catch (error) {
    await store.close();
    redis.disconnect();
    throw error;
  }
  process.stdout.write(`Worker ${worker.name} taking jobs from ${safeUrl(options.redis)} into ${oneLine(isPostgresUrl(options.db) ? safeUrl(options.db) : options.db)}, ${options.concurrency} at a time\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log(`worker ${worker.name}: stopping once the jobs in hand are done`);
  await worker.stop();
  await store.close();
  redis.disconnect();
  return 0;
}

async function runStatus(options: { redis: string; db?: string; json?: boolean }): Promise<number> {
  const { queueStatus, formatStatus } = await import('../queue/queue-report.ts');
  const { safeUrl } = await import('../queue/work-queue.ts');
  const status = await withQueue(options.redis, (queue) => queueStatus(queue));
  let stored: { articles: number; stories: number } | null = null;
  if (options.db) {
    if (!isPostgresUrl(options.db) && !existsSync(options.db)) throw new UsageError(`no store at ${options.db}`);
    const store = await openStore(options.db, { create: false });
    try {
      stored = { articles: await store.articleCount(), stories: (await store.findStories({ limit: 1 })).total };
    } finally {
      await store.close();
    }
  }
  if (options.json) process.stdout.write(`${JSON.stringify({ ...status, store: stored }, null, 2)}\n`);
  else {
    process.stdout.write(formatStatus(status, safeUrl(options.redis)));
    if (stored) process.stdout.write(`Store: ${stored.articles.toLocaleString('en-US')} articles in ${stored.stories.toLocaleString('en-US')} stories\n`);
  }
  return 0;
}

async function runFailed(options: { redis: string; limit: number; retry?: boolean; json?: boolean }): Promise<number> {
  const { deadLetters, retryDeadLetters } = await import('../queue/queue-report.ts');
  return withQueue(options.redis, async (queue) => {
    if (options.retry) {
      const n = await retryDeadLetters(queue);
      process.stdout.write(`Queued ${n} dead letter${n === 1 ? '' : 's'} again.\n`);
      return 0;
    }
    const { total, letters } = await deadLetters(queue, options.limit);
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ total, letters }, null, 2)}\n`);
      return 0;
    }
    if (total === 0) {
      process.stdout.write('No dead letters: no input has failed for good.\n');
      return 0;
    }
    process.stdout.write(`${total} input${total === 1 ? '' : 's'} failed for good${letters.length < total ? ` (the ${letters.length} most recent listed)` : ''}:\n`);
    for (const l of letters) process.stdout.write(`${oneLine(l.input)}: ${oneLine(l.reason)} (${l.attempts} attempt${l.attempts === 1 ? '' : 's'}${l.failedAt ? `, ${l.failedAt}` : ''})\n`);
    return 0;
  });
}
