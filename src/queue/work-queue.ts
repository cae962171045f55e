// The work queue shared by `enqueue`, `worker`, `status` and `failed`: one BullMQ queue on Redis
// whose jobs each carry one input through fetch → extract → annotate → store → story. A job is
// a URL (a page or a feed, fetched by the worker) or an article already read (a file's
// document, a feed item that carries its whole text). Its id is made from what it holds, so the
// same URL or text queued twice is one job; the store's own checks make a job done twice (a worker
// killed mid-job) store nothing twice.
import { createHash } from 'node:crypto';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { UsageError } from '../errors.ts';
import type { ArticleInput } from '../pipeline.ts';

/** The queue's name; its Redis keys start with `triangulate:work:`. */
export const QUEUE_NAME = 'work';
export const QUEUE_PREFIX = 'triangulate';
export const DEFAULT_REDIS = 'redis://127.0.0.1:6379';

/** Tries of one job before it goes to the dead letters (the queue's failed set). */
export const DEFAULT_ATTEMPTS = 5;
/** The first retry's delay; each next one doubles it (30 s, 1, 2, 4 min). */
export const DEFAULT_BACKOFF_MS = 30_000;
/** Finished jobs are kept this long, so that the same input queued again meanwhile is not done again. */
const KEEP_DONE_S = 24 * 3600;
/** …and at most this many (their Redis memory). */
const KEEP_DONE_COUNT = 100_000;
/** Dead letters kept, at most (the oldest go first). */
const KEEP_DEAD_COUNT = 100_000;

const articleInput = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    source: z.string().optional(),
    url: z.string().optional(),
    outlet: z.string().optional(),
    title: z.string().optional(),
    author: z.string().optional(),
    publishedAt: z.string().optional(),
  })
  .strict();

export const workJob = z.discriminatedUnion('kind', [
  /** A page or a feed to fetch; `item`: listed by a feed, fetched once whatever the feed says later. */
  z.object({ kind: z.literal('url'), url: z.string(), publishedAt: z.string().optional(), item: z.boolean().optional() }).strict(),
  z.object({ kind: z.literal('article'), input: articleInput }).strict(),
]);
export type WorkJob = z.infer<typeof workJob>;

/** What a finished job did, kept as its return value. */
export interface JobOutcome {
  outcome: 'stored' | 'known' | 'not-modified' | 'feed' | 'done-before';
  /** Articles stored by this job, and their stories. */
  stored?: number;
  stories?: number[];
  /** Jobs a feed queued. */
  queued?: number;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 40);

/** The job's id: the same input always gets the same one (BullMQ ids may not hold a colon). */
export function jobIdOf(job: WorkJob): string {
  if (job.kind === 'url') return `url-${digest(job.url)}`;
  const { input } = job;
  // the fields in one order, so that equal inputs give equal ids
  return `article-${digest(JSON.stringify(Object.keys(input).sort().map((k) => [k, input[k as keyof ArticleInput]])))}`;
}

/** The id of a URL's polling schedule. */
export const scheduleIdOf = (url: string): string => `poll-${digest(url)}`;

/** What the job names for a person: its URL or its source. */
export function describeJob(job: WorkJob): string {
  return job.kind === 'url' ? job.url : (job.input.source ?? job.input.url ?? 'an article');
}

export interface RetryPolicy {
  attempts?: number;
  backoffMs?: number;
}

export function jobOptions(job: WorkJob, policy: RetryPolicy = {}): JobsOptions {
  return {
    jobId: jobIdOf(job),
    attempts: policy.attempts ?? DEFAULT_ATTEMPTS,
    backoff: { type: 'exponential', delay: policy.backoffMs ?? DEFAULT_BACKOFF_MS },
    removeOnComplete: { age: KEEP_DONE_S, count: KEEP_DONE_COUNT },
    removeOnFail: { count: KEEP_DEAD_COUNT },
  };
}

/**
 * A Redis connection, connected: an address that does not answer is a UsageError naming it.
 * `keepTrying`: after the first connection, reconnect for ever (a worker outlives a Redis restart);
 * otherwise give up after a few tries (a command that only reads or queues).
 */
export async function connectRedis(url: string, options: { keepTrying?: boolean } = {}): Promise<Redis> {
  if (!/^rediss?:\/\//i.test(url)) throw new UsageError(`--redis takes a redis:// or rediss:// URL, not "${url.slice(0, 200)}"`);
  let connected = false;
  const redis = new Redis(url, {
    lazyConnect: true,
    // BullMQ's workers block on Redis: their commands must wait for a reconnection, not fail
    maxRetriesPerRequest: null,
    connectTimeout: 5000,
    retryStrategy: (times) => (connected && options.keepTrying ? Math.min(times * 500, 5000) : times > 2 ? null : 300),
  });
  // ioredis reports each failed try as an event; the failure that matters is thrown below
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new UsageError(`${safeUrl(url)}: cannot connect to Redis (${(error as Error).message.split('\n')[0]})`);
  }
  connected = true;
  return redis;
}

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return url.slice(0, 200);
  }
}

export function openQueue(redis: Redis): Queue<WorkJob, JobOutcome> {
  return new Queue<WorkJob, JobOutcome>(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX });
}
