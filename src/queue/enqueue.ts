// `triangulate enqueue`: inputs become jobs. A URL is queued as it is (a worker fetches it and
// finds out whether it is a page or a feed); with `every`, it is polled on that schedule (a BullMQ
// job scheduler, one per URL: queuing it again changes its period, never doubles it). Files,
// directories, globs and standard input are read here, as `ingest` reads them, and each article
// they hold is queued with its text: a worker on another machine needs no access to them. An
// input that cannot be read fails here, on one line naming it; the others are queued.
import type { Queue } from 'bullmq';
import type { InputError } from '../errors.ts';
import { documentInput } from '../fetch/fetched-page.ts';
import { isHttpUrl } from '../fetch/is-http-url.ts';
import { expandInputs, readRef, type IngestOptions } from '../ingest/ingest.ts';
import { jobIdOf, jobOptions, scheduleIdOf, type JobOutcome, type RetryPolicy, type WorkJob } from './work-queue.ts';

export interface EnqueueOptions extends RetryPolicy, IngestOptions {
  /** Poll each URL this often (ms); once when absent. */
  everyMs?: number;
  onError?: (error: InputError) => void;
}

export interface EnqueueSummary {
  /** Jobs added. */
  queued: number;
  /** Inputs whose job was already in the queue (waiting, running, or done within the day). */
  alreadyQueued: number;
  /** URLs polled on a schedule. */
  scheduled: number;
  failed: number;
}

/** Jobs added to Redis at a time. */
const CHUNK = 200;

export async function enqueueInputs(inputs: readonly string[], queue: Queue<WorkJob, JobOutcome>, options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { queued: 0, alreadyQueued: 0, scheduled: 0, failed: 0 };
  const urls = [...new Set(inputs.filter(isHttpUrl))];
  const pending: WorkJob[] = [];
  const send = async (): Promise<void> => {
    const jobs = pending.splice(0);
    const existing = await Promise.all(jobs.map((job) => queue.getJob(jobIdOf(job))));
    const fresh = jobs.filter((_, i) => !existing[i]);
    summary.alreadyQueued += jobs.length - fresh.length;
    if (fresh.length) await queue.addBulk(fresh.map((data) => ({ name: data.kind, data, opts: jobOptions(data, options) })));
    summary.queued += fresh.length;
  };
  for (const url of urls) {
    const job: WorkJob = { kind: 'url', url };
    if (options.everyMs) {
      const { jobId: _, ...opts } = jobOptions(job, options);
      await queue.upsertJobScheduler(scheduleIdOf(url), { every: options.everyMs, immediately: true }, { name: 'url', data: job, opts });
      summary.scheduled++;
    } else {
      pending.push(job);
      if (pending.length >= CHUNK) await send();
    }
  }
  const local = inputs.filter((i) => !isHttpUrl(i));
  for (const ref of await expandInputs(local)) {
    for (const item of await readRef(ref, options)) {
      if ('error' in item) {
        summary.failed++;
        options.onError?.(item.error);
        continue;
      }
      pending.push({ kind: 'article', input: documentInput(item.doc) });
      if (pending.length >= CHUNK) await send();
    }
  }
  await send();
  return summary;
}
