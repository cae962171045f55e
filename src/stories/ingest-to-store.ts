// `triangulate ingest`: articles from files, article URLs and feeds into the store, each assigned
// to a story as it arrives. URLs that failed on an earlier run are tried again; a page that fails
// is reported and recorded, and nothing already stored is touched.
import { InputError } from '../errors.ts';
import { Fetcher, FetchError, type FetchOptions } from '../fetch/fetcher.ts';
import { looksLikeFeed, readFeed } from '../fetch/read-feed.ts';
import type { Article } from '../model.ts';
import { eachArticle, type ArticleInput, type RunOptions } from '../pipeline.ts';
import type { Store } from '../store/store.ts';
import { StoryAssigner } from './assign-stories.ts';

export interface IngestSummary {
  added: number;
  duplicates: number;
  known: number;
  notModified: number;
  failed: number;
  stories: Set<number>;
}

export interface StoreIngestOptions extends RunOptions, Pick<FetchOptions, 'allowPrivate' | 'timeoutMs' | 'retries' | 'backoffMs'> {
  /** The time articles are first seen, ISO 8601 (now by default). */
  now?: () => string;
}

/** A feed item whose content holds this much text is taken as the article; otherwise its page is fetched. */
const FULL_CONTENT_CHARS = 1500;

const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

export async function ingestToStore(inputs: readonly string[], store: Store, options: StoreIngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { added: 0, duplicates: 0, known: 0, notModified: 0, failed: 0, stories: new Set() };
  const now = options.now ?? (() => new Date().toISOString());
  const assigner = await StoryAssigner.open(store);
  const onError = (error: InputError): void => {
    summary.failed++;
    options.onError?.(error);
  };
  const take = async (article: Article): Promise<void> => {
    const result = await assigner.add(article, now());
    if (result.outcome === 'known') summary.known++;
    else {
      if (result.outcome === 'duplicate') summary.duplicates++;
      else summary.added++;
      summary.stories.add(result.storyId!);
    }
  };
  const local = inputs.filter((i) => !isUrl(i));
  if (local.length) for await (const article of eachArticle(local, { ...options, onError })) await take(article);
  const urls = [...new Set([...inputs.filter(isUrl), ...(await store.failedFetches())])];
  if (urls.length) {
    const fetcher = new Fetcher({ allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs, retries: options.retries, backoffMs: options.backoffMs, maxBytes: options.maxBytes });
    try {
      for (const url of urls) {
        for (const page of await pagesOf(url, fetcher, store, summary, onError)) {
          for await (const article of eachArticle([page], { ...options, onError })) await take(article);
        }
      }
    } finally {
      await fetcher.close();
    }
  }
  await assigner.flush();
  return summary;
}

/** The pages a URL gives: itself, or the items of the feed it is (fetched unless the feed carries them whole). */
async function pagesOf(url: string, fetcher: Fetcher, store: Store, summary: IngestSummary, onError: (e: InputError) => void): Promise<ArticleInput[]> {
  const fetched = await fetchRecorded(url, fetcher, store, summary, onError);
  if (!fetched) return [];
  const body = fetched.body.toString('utf8');
  if (!looksLikeFeed(fetched.contentType, body)) return [{ html: body, url: fetched.url, source: url }];
  let items;
  try {
    items = readFeed(body, fetched.url);
  } catch (error) {
    onError(new InputError(url, `unreadable feed (${(error as Error).message})`));
    return [];
  }
  // the items' pages are fetched together; the fetcher keeps to its per-host limit
  const pages = await Promise.all(
    items.map(async (item): Promise<ArticleInput | null> => {
      const text = (item.content ?? '').replace(/<[^>]*>/g, ' ');
      if (text.replace(/\s+/g, ' ').length >= FULL_CONTENT_CHARS) {
        return { html: `<html><body><article><h1>${escapeText(item.title ?? '')}</h1>${item.content}</article></body></html>`, url: item.url, source: item.url, publishedAt: item.publishedAt ?? undefined };
      }
      const page = await fetchRecorded(item.url, fetcher, store, summary, onError);
      return page ? { html: page.body.toString('utf8'), url: page.url, source: item.url, publishedAt: item.publishedAt ?? undefined } : null;
    }),
  );
  return pages.filter((p): p is ArticleInput => p !== null);
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

async function fetchRecorded(url: string, fetcher: Fetcher, store: Store, summary: IngestSummary, onError: (e: InputError) => void) {
  const known = await store.fetchState(url);
  try {
    const result = await fetcher.fetch(url, known ?? {});
    await store.recordFetch(url, { etag: result.etag, lastModified: result.lastModified, failures: 0, lastError: null });
    if (result.status === 'not-modified') {
      summary.notModified++;
      return null;
    }
    return result;
  } catch (error) {
    const reason = error instanceof FetchError ? error.message : (error as Error).message;
    await store.recordFetch(url, { etag: known?.etag ?? null, lastModified: known?.lastModified ?? null, failures: (known?.failures ?? 0) + 1, lastError: reason });
    onError(new InputError(url, reason));
    return null;
  }
}
