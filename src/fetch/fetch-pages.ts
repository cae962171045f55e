// Article URLs given to `analyze`, `check` or `extract`: fetched with the fetcher `ingest` uses
// and its rules (robots.txt, private addresses refused unless allowed, the size limit, timeouts),
// each page read as a saved file would be. A URL that fails is one line naming it; the rest go on.
// A feed is not a page: it is refused with the command that reads feeds.
import { InputError } from '../errors.ts';
import type { ArticleInput } from '../pipeline.ts';
import { Fetcher, FetchError, type FetchOptions } from './fetcher.ts';
import { fetchedText, pageInputs } from './fetched-page.ts';
import { inOrder } from './in-order.ts';
import { looksLikeFeed } from './read-feed.ts';

/** Pages fetched at once (the fetcher also limits each host to two). */
const WINDOW = 4;

export async function fetchPages(
  urls: readonly string[],
  options: Pick<FetchOptions, 'allowPrivate' | 'allowAddresses' | 'maxBytes' | 'timeoutMs' | 'deadlineMs' | 'retries'> & { onError?: (error: InputError) => void; onFetched?: () => void },
): Promise<{ inputs: ArticleInput[]; failures: InputError[] }> {
  const fetcher = new Fetcher(options);
  const inputs: ArticleInput[] = [];
  const failures: InputError[] = [];
  const fail = (error: InputError): void => {
    failures.push(error);
    options.onError?.(error);
  };
  try {
    const fetchOne = async (url: string): Promise<ArticleInput[] | InputError> => {
      try {
        const result = await fetcher.fetch(url);
        if (looksLikeFeed(result.contentType, fetchedText(result.body.subarray(0, 4096), result.contentType))) return new InputError(url, 'a feed, not a page: `triangulate ingest` reads feeds');
        const items = pageInputs(result.body, result.contentType, { url: result.url, source: url }, options.maxBytes);
        const errors = items.filter((i): i is InputError => i instanceof InputError);
        return errors.length && errors.length === items.length ? errors[0]! : items.filter((i): i is ArticleInput => !(i instanceof InputError));
      } catch (error) {
        if (error instanceof FetchError || error instanceof InputError) return new InputError(url, error instanceof InputError ? error.reason : error.message);
        return new InputError(url, (error as Error).message);
      }
    };
    for await (const got of inOrder([...new Set(urls)], WINDOW, fetchOne)) {
      options.onFetched?.();
      if (got instanceof InputError) fail(got);
      else inputs.push(...got);
    }
  } finally {
    await fetcher.close();
  }
  return { inputs, failures };
}
