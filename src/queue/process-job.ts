// What a worker does with one job: a URL is fetched (politely, conditionally) and is either a
// feed, whose items become jobs of their own, or a page, whose articles are extracted, assigned
// to their stories, stored and annotated; an article job skips the fetch. Every step may be done
// twice (a worker killed mid-job has its job redone by another): a stored article is found known,
// a feed's items have ids of their own, annotations are replaced by equal ones. A failure that may
// pass (the network, a 5xx) throws for BullMQ to retry later; one that will not (a 404, robots.txt,
// text too short to be an article) throws UnrecoverableError, straight to the dead letters.
import type { Queue } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { InputError, shortReason } from '../errors.ts';
import { fetchedText, pageInputs } from '../fetch/fetched-page.ts';
import { FetchError, type Fetcher } from '../fetch/fetcher.ts';
import { looksLikeFeed, readFeed, wholeItemInput } from '../fetch/read-feed.ts';
import { keptRow } from '../dossier/stored-annotations.ts';
import { annotateArticle, extractOne, isArticlePage, type ArticleInput } from '../pipeline.ts';
import type { StoryAssigner } from '../stories/assign-stories.ts';
import type { Store } from '../store/store.ts';
import { HostBusy } from './host-pace.ts';
import { jobOptions, type JobOutcome, type RetryPolicy, type WorkJob } from './work-queue.ts';

export interface WorkContext {
  store: Store;
  assigner: StoryAssigner;
  fetcher: Fetcher;
  /** Where a feed's items are queued. */
  queue: Queue<WorkJob, JobOutcome>;
  /** The annotation version kept with each article's annotations. */
  version: string;
  maxBytes?: number;
  includeNonArticles?: boolean;
  /** The time an article is first seen (ISO 8601). */
  now: () => string;
  /** A line about this job (a refused article of a page that gave others). */
  log: (line: string) => void;
}

export async function processJob(job: WorkJob, ctx: WorkContext, policy: RetryPolicy): Promise<JobOutcome> {
  if (job.kind === 'article') {
    const { stored, stories, refused } = await storeInputs([job.input], ctx);
    if (refused.length) throw new UnrecoverableError(refused[0]!.reason);
    return stored ? { outcome: 'stored', stored, stories } : { outcome: 'known' };
  }
  return processUrl(job, ctx, policy);
}

async function processUrl(job: Extract<WorkJob, { kind: 'url' }>, ctx: WorkContext, policy: RetryPolicy): Promise<JobOutcome> {
  const { url } = job;
  const known = await ctx.store.fetchState(url);
  // a feed lists its items again at every poll: each is fetched once, and one that failed for
  // good is not tried again
  if (job.item && known && (known.lastError === null || known.failures === 0)) return { outcome: 'done-before' };
  let result;
  try {
    result = await ctx.fetcher.fetch(url, known ?? {});
  } catch (error) {
    if (error instanceof HostBusy) throw error;
    const retryable = error instanceof FetchError ? error.retryable : true;
    const reason = error instanceof FetchError ? error.message.replace(`${url}: `, '') : shortReason(error, 500);
    await ctx.store.recordFetch(url, { etag: known?.etag ?? null, lastModified: known?.lastModified ?? null, failures: retryable ? (known?.failures ?? 0) + 1 : 0, lastError: reason });
    throw retryable ? new Error(reason) : new UnrecoverableError(reason);
  }
  const fetched = { etag: result.etag, lastModified: result.lastModified, failures: 0, lastError: null };
  if (result.status === 'not-modified') {
    await ctx.store.recordFetch(url, fetched);
    return { outcome: 'not-modified' };
  }
  const text = fetchedText(result.body, result.contentType);
  if (looksLikeFeed(result.contentType, text)) {
    const queued = await queueItems(url, text, result.url, ctx, policy);
    await ctx.store.recordFetch(url, fetched);
    return { outcome: 'feed', queued };
  }
  const inputs: ArticleInput[] = [];
  const refused: InputError[] = [];
  for (const input of pageInputs(result.body, result.contentType, { url: result.url, source: url, publishedAt: job.publishedAt }, ctx.maxBytes)) {
    if (input instanceof InputError) refused.push(input);
    else inputs.push(input);
  }
  const done = await storeInputs(inputs, ctx);
  refused.push(...done.refused);
  // recorded once what it gave is stored: a worker killed before this fetches it again
  await ctx.store.recordFetch(url, fetched);
  if (refused.length && !done.stored && done.known === 0) throw new UnrecoverableError(refused[0]!.reason);
  for (const error of refused) ctx.log(error.message);
  return done.stored ? { outcome: 'stored', stored: done.stored, stories: done.stories } : { outcome: 'known' };
}

/** A feed's items as jobs: a whole article as an article job, else its page to fetch. */
async function queueItems(url: string, text: string, base: string, ctx: WorkContext, policy: RetryPolicy): Promise<number> {
  const badLinks: string[] = [];
  let items;
  try {
    items = readFeed(text, base, (link) => badLinks.push(link));
  } catch (error) {
    await ctx.store.recordFetch(url, { etag: null, lastModified: null, failures: 0, lastError: `unreadable feed (${shortReason(error, 500)})` });
    throw new UnrecoverableError(`unreadable feed (${shortReason(error, 500)})`);
  }
  for (const link of badLinks) ctx.log(`a feed item's link ${JSON.stringify(link.slice(0, 200))} is not a URL`);
  if (items.length === 0 && badLinks.length === 0) throw new UnrecoverableError('a feed with no items');
  const jobs = items.map((item): WorkJob => {
    const whole = wholeItemInput(item);
    if (whole) return { kind: 'article', input: whole };
    return item.publishedAt ? { kind: 'url', url: item.url, publishedAt: item.publishedAt, item: true } : { kind: 'url', url: item.url, item: true };
  });
  // an item already queued (by this feed's last poll, or another feed) keeps its one job
  await ctx.queue.addBulk(jobs.map((data) => ({ name: data.kind, data, opts: jobOptions(data, policy) })));
  return jobs.length;
}

/** Extracts, assigns, stores and annotates articles; each one refused is returned, not thrown. */
async function storeInputs(inputs: readonly ArticleInput[], ctx: WorkContext): Promise<{ stored: number; known: number; stories: number[]; refused: InputError[] }> {
  const refused: InputError[] = [];
  const stories = new Set<number>();
  let stored = 0;
  let known = 0;
  for (const input of inputs) {
    try {
      const article = extractOne(input);
      const apart = !ctx.includeNonArticles && !isArticlePage(article);
      const assigned = await ctx.assigner.add(article, ctx.now(), { apart });
      if (assigned.outcome === 'known') {
        known++;
        // a job done again after its worker died between storing the article and keeping its
        // annotations (or an article stored by `ingest` without --annotate): kept now
        if (!apart && !(await ctx.store.keptAnnotations([article.id], ctx.version)).has(article.id)) await keepAnnotations(article, ctx);
        continue;
      }
      stored++;
      stories.add(assigned.storyId!);
      if (assigned.outcome !== 'apart') await keepAnnotations(article, ctx);
    } catch (error) {
      if (error instanceof InputError) refused.push(error);
      else throw error;
    }
  }
  // durable before the job is done: SQLite holds a batch open otherwise
  await ctx.store.flush();
  return { stored, known, stories: [...stories].sort((a, b) => a - b), refused };
}

async function keepAnnotations(article: Parameters<typeof annotateArticle>[0], ctx: WorkContext): Promise<void> {
  let annotations;
  try {
    annotations = annotateArticle(article);
  } catch {
    // a stage failing on this article: its story's dossier says so, as with `ingest`
    return;
  }
  await ctx.store.keepAnnotations([keptRow(annotations, ctx.version)]);
}
