// `triangulate ingest`: articles from files, article URLs and feeds into the store, each assigned
// to a story as it arrives. A page that fails is reported once and recorded: a failure that may
// pass (network, timeout, 408, 429, 5xx) is tried again on the next run; one that will not
// (a refused address, an unsupported scheme, robots.txt, another 4xx, a malformed feed, too
// large) is recorded with no failure count, so that it leaves the retry list. A feed's pages are
// fetched a few at a time and stored in feed order; a fetch is recorded only after what it
// gave is stored, so a run killed halfway fetches the rest again.
import { InputError, shortReason } from '../errors.ts';
import { fetchedText, pageInputs } from '../fetch/fetched-page.ts';
import { Fetcher, FetchError, type FetchOptions, type FetchResult } from '../fetch/fetcher.ts';
import { inOrder } from '../fetch/in-order.ts';
import { isHttpUrl } from '../fetch/is-http-url.ts';
import { looksLikeFeed, readFeed, wholeItemInput, type FeedItem } from '../fetch/read-feed.ts';
import type { Article } from '../model.ts';
import { annotateArticle, eachArticle, isArticlePage, type ArticleInput, type Input, type RunOptions } from '../pipeline.ts';
import { annotationVersion } from '../annotate/annotation-version.ts';
import { keptRow } from '../dossier/stored-annotations.ts';
import type { FetchState, KeptAnnotations, Store } from '../store/store.ts';
import { StoryAssigner } from './assign-stories.ts';

export interface IngestSummary {
  added: number;
  duplicates: number;
  known: number;
  notModified: number;
  failed: number;
  /** Pages that are not articles, each stored in a story of its own (without --include-non-articles). */
  nonArticles: number;
  stories: Set<number>;
}

export interface StoreIngestOptions extends RunOptions, Pick<FetchOptions, 'allowPrivate' | 'allowAddresses' | 'timeoutMs' | 'deadlineMs' | 'retries' | 'backoffMs'> {
  /** The time articles are first seen, ISO 8601 (now by default). */
  now?: () => string;
  /**
   * Annotate each new article as it is stored and keep its annotations, so that no dossier of its
   * story annotates it again (without this, the first dossier that needs them makes and keeps them).
   */
  annotate?: boolean;
}

/** Annotations kept in one write, at most. */
const ANNOTATIONS_BATCH = 100;

/** A feed's pages held at once (fetching or waiting to be stored): memory is this many pages, whatever the feed's length. */
const FEED_WINDOW = 4;


/** How one URL's fetch went, before anything is written. */
type Fetched =
  | { kind: 'ok'; url: string; known: FetchState | null; result: FetchResult }
  | { kind: 'not-modified'; url: string; result: FetchResult }
  | { kind: 'failed'; url: string; known: FetchState | null; reason: string; retryable: boolean }
  /** Failed for good on an earlier run and reported then. */
  | { kind: 'skipped' };

interface Run {
  fetcher: Fetcher;
  store: Store;
  summary: IngestSummary;
  onError: (error: InputError) => void;
  take: (page: ArticleInput) => Promise<void>;
  maxBytes: number | undefined;
  /** URLs fetched in this run: one listed by two feeds, or given and on the retry list, is fetched once. */
  fetched: Set<string>;
}

export async function ingestToStore(inputs: readonly Input[], store: Store, options: StoreIngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { added: 0, duplicates: 0, known: 0, notModified: 0, failed: 0, nonArticles: 0, stories: new Set() };
  const now = options.now ?? (() => new Date().toISOString());
  const assigner = await StoryAssigner.open(store);
  const onError = (error: InputError): void => {
    summary.failed++;
    options.onError?.(error);
  };
  const add = async (article: Article): Promise<void> => {
    let result;
    try {
      result = await assigner.add(article, now(), { apart: !options.includeNonArticles && !isArticlePage(article) });
    } catch (error) {
      // the store refused this article (a value the database cannot hold): it alone fails
      if (error instanceof InputError) return onError(error);
      throw error;
    }
    if (result.outcome === 'known') summary.known++;
    else if (result.outcome === 'apart') summary.nonArticles++;
    else {
      if (result.outcome === 'duplicate') summary.duplicates++;
      else summary.added++;
      summary.stories.add(result.storyId!);
      if (options.annotate) await annotate(article);
    }
  };
  const version = options.annotate ? annotationVersion() : '';
  const annotations: KeptAnnotations[] = [];
  const keepAnnotations = async (): Promise<void> => {
    await store.keepAnnotations(annotations.splice(0));
  };
  const annotate = async (article: Article): Promise<void> => {
    try {
      annotations.push(keptRow(annotateArticle(article), version));
    } catch {
      // a stage failing on this article: its dossier will say so, as without --annotate
      return;
    }
    if (annotations.length >= ANNOTATIONS_BATCH) await keepAnnotations();
  };
  const local = inputs.filter((i) => !isHttpUrl(i));
  if (local.length) for await (const article of eachArticle(local, { ...options, onError })) await add(article);
  const given = [...new Set(inputs.filter(isHttpUrl))];
  const retried = (await store.failedFetches()).filter((url) => !given.includes(url));
  if (given.length || retried.length) {
    const fetcher = new Fetcher({
      allowPrivate: options.allowPrivate,
      allowAddresses: options.allowAddresses,
      timeoutMs: options.timeoutMs,
      deadlineMs: options.deadlineMs,
      retries: options.retries,
      backoffMs: options.backoffMs,
      maxBytes: options.maxBytes,
    });
    const take = async (page: ArticleInput): Promise<void> => {
      for await (const article of eachArticle([page], { ...options, onError })) await add(article);
    };
    const run: Run = { fetcher, store, summary, onError, take, maxBytes: options.maxBytes, fetched: new Set() };
    try {
      for (const url of given) await ingestUrl(url, run);
      for (const url of retried) if (!run.fetched.has(url)) await ingestUrl(url, run, { retried: true });
    } finally {
      await fetcher.close();
    }
  }
  await assigner.flush();
  await keepAnnotations();
  return summary;
}

/** One URL: a page, or a feed and the pages of its items. */
async function ingestUrl(url: string, run: Run, how: { retried?: boolean } = {}): Promise<void> {
  const fetched = await fetchOne(url, run, how);
  if (fetched.kind !== 'ok') return settle(fetched, run);
  const { result } = fetched;
  const text = fetchedText(result.body, result.contentType);
  if (!looksLikeFeed(result.contentType, text)) {
    await takePage(result, { url: result.url, source: url }, run);
    return settle(fetched, run);
  }
  let items: FeedItem[];
  const badLinks: string[] = [];
  try {
    items = readFeed(text, result.url, (link) => badLinks.push(link));
  } catch (error) {
    return settle({ kind: 'failed', url, known: fetched.known, reason: `unreadable feed (${shortReason(error, 500)})`, retryable: false }, run);
  }
  for (const link of badLinks) run.onError(new InputError(url, `a feed item's link ${JSON.stringify(link.slice(0, 200))} is not a URL`));
  if (items.length === 0) {
    // with bad links the feed has been reported for them already
    return settle(badLinks.length ? fetched : { kind: 'failed', url, known: fetched.known, reason: 'a feed with no items', retryable: false }, run);
  }
  items = items.filter((item) => !run.fetched.has(item.url) && run.fetched.add(item.url));
  for await (const page of inOrder(items, FEED_WINDOW, (item) => itemPage(item, run))) {
    if (page.kind === 'whole') await run.take(page.input);
    else {
      if (page.kind === 'ok') await takePage(page.result, { url: page.result.url, source: page.url, publishedAt: page.publishedAt }, run);
      await settle(page, run);
    }
  }
  // the feed last: a run stopped among its items reads it again
  await settle(fetched, run);
}

/** A feed item as an article (the feed carries it whole) or as its page's fetch. */
async function itemPage(item: FeedItem, run: Run): Promise<{ kind: 'whole'; input: ArticleInput } | (Fetched & { publishedAt?: string })> {
  const whole = wholeItemInput(item);
  if (whole) return { kind: 'whole', input: whole };
  const fetched = await fetchOne(item.url, run, { feedItem: true });
  return item.publishedAt ? { ...fetched, publishedAt: item.publishedAt } : fetched;
}

/** Fetches a URL; writes nothing. */
async function fetchOne(url: string, run: Run, how: { retried?: boolean; feedItem?: boolean }): Promise<Fetched> {
  run.fetched.add(url);
  const known = await run.store.fetchState(url);
  // failed for good before: a feed that lists it again does not make it fail again
  if (how.feedItem && known && known.failures === 0 && known.lastError !== null) return { kind: 'skipped' };
  // recorded as a failure to retry by an earlier version, which kept refused addresses there too
  if (how.retried && known?.lastError && /private address/.test(known.lastError)) return { kind: 'failed', url, known, reason: `not tried again: ${known.lastError}`, retryable: false };
  try {
    const result = await run.fetcher.fetch(url, known ?? {});
    return result.status === 'not-modified' ? { kind: 'not-modified', url, result } : { kind: 'ok', url, known, result };
  } catch (error) {
    const retryable = error instanceof FetchError ? error.retryable : true;
    return { kind: 'failed', url, known, reason: shortReason(error, 500), retryable };
  }
}

/** Records a fetch, and reports it when it failed. */
async function settle(fetched: Fetched, run: Run): Promise<void> {
  if (fetched.kind === 'skipped') return;
  if (fetched.kind === 'failed') {
    const { url, known, reason, retryable } = fetched;
    // a failure count above zero puts the URL on the retry list; a permanent failure keeps it at zero
    await run.store.recordFetch(url, { etag: known?.etag ?? null, lastModified: known?.lastModified ?? null, failures: retryable ? (known?.failures ?? 0) + 1 : 0, lastError: reason });
    run.onError(new InputError(url, reason));
    return;
  }
  if (fetched.kind === 'not-modified') run.summary.notModified++;
  await run.store.recordFetch(fetched.url, { etag: fetched.result.etag, lastModified: fetched.result.lastModified, failures: 0, lastError: null });
}

async function takePage(result: FetchResult, page: { url: string; source: string; publishedAt?: string }, run: Run): Promise<void> {
  for (const input of pageInputs(result.body, result.contentType, page, run.maxBytes)) {
    if (input instanceof InputError) run.onError(input);
    else await run.take(input);
  }
}
