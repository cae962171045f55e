// `triangulate worker`: takes jobs from the queue and does them, `concurrency` at a time, until
// SIGTERM or SIGINT, when it takes no more, lets the jobs in hand finish, saves its story counts and
// closes the store. Any number of workers, on any machines, may share one queue and one store.
import { hostname } from 'node:os';
import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { annotationVersion } from '../annotate/annotation-version.ts';
import { Fetcher } from '../fetch/fetcher.ts';
import { StoryAssigner } from '../stories/assign-stories.ts';
import type { Store } from '../store/store.ts';
import { HostBusy, hostPace, type HostPaceOptions } from './host-pace.ts';
import { processJob } from './process-job.ts';
import { describeJob, openQueue, QUEUE_NAME, QUEUE_PREFIX, workJob, type JobOutcome, type WorkJob } from './work-queue.ts';

export interface WorkerOptions extends HostPaceOptions {
  store: Store;
  /** Two connections: BullMQ blocks one waiting for jobs. */
  redis: Redis;
  concurrency?: number;
  /** Names this worker in `status` and in each job's `processedBy`. */
  name?: string;
  allowPrivate?: boolean;
  maxBytes?: number;
  includeNonArticles?: boolean;
  /** How long a job stays locked without its worker renewing the lock: a dead worker's job waits this long before another takes it. */
  lockMs?: number;
  /** One line per failed attempt and per finished slice of work. */
  log: (line: string) => void;
}

export interface RunningWorker {
  name: string;
  /** Takes no more jobs, lets those in hand finish, saves and closes (not the store). */
  stop(): Promise<void>;
  /** Resolves once the worker has stopped. */
  stopped: Promise<void>;
}

/**
 * Each worker adds its articles' term counts to the store's this often (and every 2,000 articles),
 * and reads back everyone's: the weights of one worker's terms soon count the others' articles.
 */
const SAVE_COUNTS_MS = 2000;
/** A line of how the work goes, this often. */
const SUMMARY_MS = 60_000;
/** A worker's lock on a job is renewed at half this; 30 s is BullMQ's own default. */
const DEFAULT_LOCK_MS = 30_000;

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { store, redis, log } = options;
  const name = options.name ?? `${hostname()}-${process.pid}`;
  const assigner = await StoryAssigner.open(store, { saveEveryMs: SAVE_COUNTS_MS });
  // retries are the queue's: a job that failed is tried again later, its worker free meanwhile
  const fetcher = new Fetcher({ allowPrivate: options.allowPrivate, maxBytes: options.maxBytes, retries: 0, pace: hostPace(redis, options) });
  const queue = openQueue(redis);
  const ctx = {
    store,
    assigner,
    fetcher,
    queue,
    version: annotationVersion(),
    maxBytes: options.maxBytes,
    includeNonArticles: options.includeNonArticles,
    now: () => new Date().toISOString(),
  };
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS;
  // BullMQ blocks this connection waiting for jobs; it closes neither connection it is given
  const blocking = redis.duplicate();
  const worker = new Worker<WorkJob, JobOutcome>(
    QUEUE_NAME,
    async (job: Job<WorkJob, JobOutcome>, token?: string): Promise<JobOutcome> => {
      const parsed = workJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`not a job this version reads (${parsed.error.issues[0]?.message ?? 'bad data'})`);
      const data = parsed.data;
      const backoff = job.opts.backoff;
      const policy = { attempts: job.opts.attempts, backoffMs: typeof backoff === 'object' ? backoff.delay : backoff };
      try {
        return await processJob(data, { ...ctx, log: (line) => log(`${describeJob(data)}: ${line}`) }, policy);
      } catch (error) {
        if (error instanceof HostBusy && token) {
          // the host's turn is far off: put the job off without counting it as an attempt
          await job.moveToDelayed(Date.now() + error.waitMs, token);
          throw new DelayedError();
        }
        throw error;
      }
    },
    {
      connection: blocking,
      prefix: QUEUE_PREFIX,
      concurrency: options.concurrency ?? 4,
      name,
      lockDuration: lockMs,
      stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
      // a job whose worker died twice with it (a page that kills the process) goes to the dead letters
      maxStalledCount: 2,
      metrics: { maxDataPoints: 60 * 24 * 7 },
    },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
    log(`${describeJob(job.data)}: ${error.message}${final ? ' (given up: listed by `triangulate failed`)' : ` (attempt ${job.attemptsMade} of ${job.opts.attempts}; tried again later)`}`);
  });
  let done = 0;
  let failedAttempts = 0;
  worker.on('completed', () => done++);
  worker.on('failed', () => failedAttempts++);
  const started = Date.now();
  const summary = setInterval(() => {
    const minutes = (Date.now() - started) / 60_000;
    log(`worker ${name}: ${done} jobs done (${(done / minutes).toFixed(1)} a minute), ${failedAttempts} failed attempts`);
  }, SUMMARY_MS);
  summary.unref();
  worker.on('error', (error) => log(`worker ${name}: ${error.message.split('\n')[0]}`));
  let stopping: Promise<void> | null = null;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      clearInterval(summary);
      await worker.close();
      await assigner.flush();
      await fetcher.close();
      await queue.close();
      blocking.disconnect();
      resolveStopped();
    })());
  await worker.waitUntilReady();
  return { name, stop, stopped };
}
