// "Add articles" from the web app: URLs (pages or feeds) and uploaded files go into the store by
// the same path as `triangulate ingest` (the same fetcher and rules: robots.txt, private
// addresses refused, size limits). Jobs run one at a time, so that the app is never two writers
// at once; each keeps its events (progress, one line per failed input, the end) for the page
// that follows it live (server-sent events) or comes back later.
import { errorLine } from '../errors.ts';
import type { InputError } from '../errors.ts';
import { bytesToDocuments } from '../ingest/ingest.ts';
import type { ArticleInput, Input } from '../pipeline.ts';
import { ingestToStore, type IngestSummary } from '../stories/ingest-to-store.ts';
import type { Store } from '../store/store.ts';

export type JobEvent =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'failed'; input: string; reason: string }
  | { kind: 'done'; added: number; duplicates: number; known: number; failed: number; stories: number[] }
  | { kind: 'error'; reason: string };

export interface Job {
  id: string;
  inputs: string[];
  state: 'queued' | 'running' | 'done';
  events: JobEvent[];
}

export interface Upload {
  name: string;
  bytes: Buffer;
}

/** Jobs kept for their pages, the oldest forgotten first. */
const KEPT_JOBS = 200;

export class AddJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly listeners = new Map<string, Set<(event: JobEvent) => void>>();
  private queue: Promise<void> = Promise.resolve();
  private next = 1;

  constructor(
    private readonly store: Store,
    private readonly options: { allowPrivate?: boolean; allowAddresses?: readonly string[]; maxBytes?: number; onStored?: (stories: number[]) => void },
  ) {}

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Queues the URLs and files; returns the job at once. */
  start(urls: readonly string[], uploads: readonly Upload[]): Job {
    const id = String(this.next++);
    const inputs: Input[] = [...urls];
    const job: Job = { id, inputs: [...urls, ...uploads.map((u) => `upload:${u.name}`)], state: 'queued', events: [] };
    for (const upload of uploads) {
      for (const item of bytesToDocuments(upload.bytes, `upload:${upload.name}`, upload.name, this.options.maxBytes)) {
        if ('error' in item) this.emit(job, { kind: 'failed', input: item.error.input, reason: item.error.reason });
        else {
          const { doc } = item;
          const input: ArticleInput = doc.format === 'html' ? { html: doc.content } : { text: doc.content };
          input.source = doc.source;
          if (doc.hints.url) input.url = doc.hints.url;
          if (doc.hints.publishedAt) input.publishedAt = doc.hints.publishedAt;
          if (doc.hints.title) input.title = doc.hints.title;
          if (doc.hints.outlet) input.outlet = doc.hints.outlet;
          if (doc.hints.author) input.author = doc.hints.author;
          inputs.push(input);
        }
      }
    }
    this.jobs.set(id, job);
    while (this.jobs.size > KEPT_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    this.queue = this.queue.then(() => this.run(job, inputs));
    return job;
  }

  /** Calls `listener` with each event the job emits from now on; returns the way to stop. */
  listen(id: string, listener: (event: JobEvent) => void): () => void {
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => set.delete(listener);
  }

  /** Waits for every queued job (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue;
  }

  private emit(job: Job, event: JobEvent): void {
    job.events.push(event);
    for (const listener of this.listeners.get(job.id) ?? []) listener(event);
  }

  private async run(job: Job, inputs: Input[]): Promise<void> {
    job.state = 'running';
    let summary: IngestSummary | null = null;
    try {
      if (inputs.length) {
        summary = await ingestToStore(inputs, this.store, {
          allowPrivate: this.options.allowPrivate,
          allowAddresses: this.options.allowAddresses,
          maxBytes: this.options.maxBytes,
          retries: 1,
          onProgress: (done, total) => this.emit(job, { kind: 'progress', done, total }),
          onError: (error: InputError) => this.emit(job, { kind: 'failed', input: error.input, reason: error.reason }),
        });
        await this.store.flush();
      }
      const stories = summary ? [...summary.stories].sort((a, b) => a - b) : [];
      const failed = job.events.filter((e) => e.kind === 'failed').length;
      this.emit(job, { kind: 'done', added: summary?.added ?? 0, duplicates: summary?.duplicates ?? 0, known: summary?.known ?? 0, failed, stories });
      if (stories.length) this.options.onStored?.(stories);
    } catch (error) {
      this.emit(job, { kind: 'error', reason: errorLine(error as Error) });
    } finally {
      job.state = 'done';
      this.listeners.delete(job.id);
    }
  }
}
