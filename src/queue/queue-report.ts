// What `status` and `failed` show of the queue: its jobs by state, the workers connected, the
// jobs done and failed in the last minute and hour (each worker records per-minute counts), the
// URLs polled on a schedule, and the dead letters: jobs that failed for good, with why.
import type { Queue } from 'bullmq';
import { formatPeriod } from './period.ts';
import { describeJob, type JobOutcome, type WorkJob } from './work-queue.ts';

export interface QueueStatus {
  counts: { waiting: number; active: number; delayed: number; failed: number; completed: number };
  /** The workers connected now, by name. */
  workers: string[];
  /** Jobs done and failed attempts, in the last 5 minutes, the last hour, and since the counts began. */
  done: Rate;
  failures: Rate;
  polled: Array<{ url: string; everyMs: number | null; next: string | null }>;
}

export async function queueStatus(queue: Queue<WorkJob, JobOutcome>): Promise<QueueStatus> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed');
  const workers = (await queue.getWorkers()).map((w) => workerName(w)).sort();
  const [done, failed] = await Promise.all([queue.getMetrics('completed', 0, 59), queue.getMetrics('failed', 0, 59)]);
  const schedulers = await queue.getJobSchedulers(0, -1, true);
  return {
    counts: {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      completed: counts.completed ?? 0,
    },
    workers,
    done: rateOf(done, Date.now()),
    failures: rateOf(failed, Date.now()),
    polled: schedulers
      .map((s) => ({ url: (s.template?.data as WorkJob | undefined)?.kind === 'url' ? (s.template!.data as { url: string }).url : s.key, everyMs: s.every ?? null, next: s.next ? new Date(s.next).toISOString() : null }))
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
  };
}

export interface Rate {
  last5Minutes: number;
  lastHour: number;
  total: number;
}

/**
 * Counts over the last minutes from BullMQ's metrics: whole minutes, newest first, up to the
 * minute of the last count pushed (`prevTS`), plus what was counted since (`count - prevCount`).
 * Minutes with no job push nothing until the next job, so the minutes since `prevTS` count as empty.
 */
export function rateOf(metrics: { meta: { count: number; prevTS: number; prevCount: number }; data: readonly (number | string)[] }, now: number): Rate {
  const data = metrics.data.map((v) => Number(v) || 0);
  const count = Number(metrics.meta.count) || 0;
  const prevTS = Number(metrics.meta.prevTS) || 0;
  const pending = count - (Number(metrics.meta.prevCount) || 0);
  const gap = prevTS ? Math.floor(now / 60_000) - Math.floor(prevTS / 60_000) : Number.POSITIVE_INFINITY;
  const within = (minutes: number): number => (gap < minutes ? pending + data.slice(0, Math.max(0, minutes - 1 - gap)).reduce((a, b) => a + b, 0) : 0);
  return { last5Minutes: within(5), lastHour: within(60), total: count };
}

/** A worker's name from its Redis client name (`<prefix>:<queue, base64>:w:<name>`). */
function workerName(client: { [key: string]: string }): string {
  const raw = client.rawname ?? client.name ?? '';
  const at = raw.indexOf(':w:');
  return at >= 0 ? raw.slice(at + 3) : raw;
}

export interface DeadLetter {
  id: string;
  /** The URL or the source the job was for. */
  input: string;
  attempts: number;
  reason: string;
  failedAt: string | null;
}

/** The dead letters, most recent first, and how many there are in all. */
export async function deadLetters(queue: Queue<WorkJob, JobOutcome>, limit: number): Promise<{ total: number; letters: DeadLetter[] }> {
  const total = await queue.getFailedCount();
  const jobs = await queue.getFailed(0, Math.max(0, limit - 1));
  const letters = jobs
    .filter((job) => job)
    .map((job) => ({
      id: String(job.id),
      input: describeJob(job.data as WorkJob),
      attempts: job.attemptsMade,
      reason: (job.failedReason ?? '').split('\n')[0]!,
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    }));
  return { total, letters };
}

/** Queues the dead letters again, each with its attempts renewed; returns how many. */
export async function retryDeadLetters(queue: Queue<WorkJob, JobOutcome>): Promise<number> {
  let retried = 0;
  for (;;) {
    const jobs = (await queue.getFailed(0, 199)).filter((job) => job);
    if (jobs.length === 0) return retried;
    for (const job of jobs) await job.retry('failed', { resetAttemptsMade: true });
    retried += jobs.length;
  }
}

export function formatStatus(status: QueueStatus, where: string): string {
  const { counts, done, failures } = status;
  const n = (v: number): string => v.toLocaleString('en-US');
  const lines = [
    `Queue on ${where}:`,
    `  waiting ${n(counts.waiting)}, running ${n(counts.active)}, put off ${n(counts.delayed)}, failed for good ${n(counts.failed)} (listed by \`triangulate failed\`), done and kept for a day ${n(counts.completed)}`,
    `  workers connected: ${status.workers.length}${status.workers.length ? ` (${status.workers.join(', ')})` : ''}`,
    `  jobs done: ${n(done.last5Minutes)} in the last 5 minutes, ${n(done.lastHour)} in the last hour, ${n(done.total)} in all`,
    `  failed attempts: ${n(failures.last5Minutes)} in the last 5 minutes, ${n(failures.lastHour)} in the last hour, ${n(failures.total)} in all`,
  ];
  if (status.polled.length) {
    lines.push(`  polled on a schedule: ${status.polled.length}`);
    for (const p of status.polled) lines.push(`    ${p.url} every ${p.everyMs ? formatPeriod(p.everyMs) : '?'}${p.next ? `, next at ${p.next}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
