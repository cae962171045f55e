// Fetching pages and feeds with undici: a clear user agent, timeouts (per read, and an overall
// deadline per fetch so a server trickling bytes cannot hold one forever), retries with
// exponential backoff (network errors, 408, 429 and 5xx), conditional GET (ETag, Last-Modified),
// a per-host concurrency limit, robots.txt respected, a size limit on the bytes received and on
// the bytes they decode to (gzip, deflate, br), and no connection to a private, loopback,
// link-local or otherwise special address unless allowed (checked after DNS resolution, on
// every connection, redirects and robots.txt included).
import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import { pipeline, Readable, type Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { Agent, buildConnector, interceptors, request, type Dispatcher } from 'undici';
import { isPrivateAddress } from './guard-address.ts';
import { isAllowed, MAX_ROBOTS_BYTES, parseRobots, type RobotsRules } from './robots.ts';

export const USER_AGENT = 'Triangulate/0.1 (news cross-checking; +https://github.com/triangulate)';
const ROBOTS_TOKEN = 'Triangulate';

export interface FetchOptions {
  allowPrivate?: boolean;
  /** Addresses connected to although private, exactly as written (`127.0.0.1`; `::ffff:7f00:1` is another). */
  allowAddresses?: readonly string[];
  /** Longest wait for a connection, the headers, or the next piece of the body. */
  timeoutMs?: number;
  /** Longest a whole fetch may take, all attempts and the body included (robots.txt has its own). */
  deadlineMs?: number;
  retries?: number;
  perHost?: number;
  /** Limit on the bytes received and, separately, on what they decode to. */
  maxBytes?: number;
  /** Backoff before retry n (1-based), in milliseconds. */
  backoffMs?: (attempt: number) => number;
  /**
   * Waits for the host's turn before each page is requested (robots.txt aside), or throws to give
   * the page up for now: the politeness several processes share (a worker's Redis limiter).
   */
  pace?: (host: string) => Promise<void>;
}

export interface FetchResult {
  url: string;
  status: 'ok' | 'not-modified';
  contentType: string;
  /** The body with its Content-Encoding undone. */
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

/** A fetch that failed, in one line. `retryable`: the same request may succeed later (network, timeout, 408, 429, 5xx). */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

/** Raised inside the connector; never retried. */
class RefusedAddress extends Error {}

type Raw = { statusCode: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

const header = (headers: Raw['headers'], name: string): string | null => {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
};

export class Fetcher {
  private readonly dispatcher: Dispatcher;
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly options: Required<Omit<FetchOptions, 'pace'>>;
  private readonly pace: FetchOptions['pace'];

  constructor(options: FetchOptions = {}) {
    this.options = {
      allowPrivate: options.allowPrivate ?? false,
      allowAddresses: options.allowAddresses ?? [],
      timeoutMs: options.timeoutMs ?? 15_000,
      deadlineMs: options.deadlineMs ?? 60_000,
      retries: options.retries ?? 2,
      perHost: options.perHost ?? 2,
      maxBytes: options.maxBytes ?? 20 * 1024 * 1024,
      backoffMs: options.backoffMs ?? ((n) => 500 * 2 ** (n - 1)),
    };
    this.pace = options.pace;
    const { allowPrivate, allowAddresses } = this.options;
    const refused = (address: string): boolean => !allowPrivate && !allowAddresses.includes(address) && isPrivateAddress(address);
    const refuse = (address: string): Error => new RefusedAddress(`refusing to connect to the private address ${address} (use --allow-private)`);
    const connector = buildConnector({
      timeout: this.options.timeoutMs,
      lookup(hostname: string, opts: object, callback: (error: Error | null, address: string | Array<{ address: string; family: number }>, family?: number) => void) {
        dnsLookup(hostname, { ...opts, all: true }, (error, addresses) => {
          if (error) return callback(error, '', 4);
          const list = addresses as Array<{ address: string; family: number }>;
          const bad = list.find((a) => refused(a.address));
          if (bad) return callback(refuse(bad.address), '', 4);
          if ((opts as { all?: boolean }).all) return callback(null, list);
          return callback(null, list[0]!.address, list[0]!.family);
        });
      },
    } as buildConnector.BuildOptions);
    const agent = new Agent({
      // an address written in the URL (or a redirect) is checked here, a name after DNS
      // resolution above; the URL parser has already normalised `127.1`, `0x7f.1`, `2130706433`
      // to 127.0.0.1 and `[::ffff:127.0.0.1]` to `[::ffff:7f00:1]`
      connect(opts, callback) {
        const host = opts.hostname.replace(/^\[|\]$/g, '');
        if (isIP(host) && refused(host)) return callback(refuse(host), null);
        return connector(opts, callback);
      },
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
    });
    this.dispatcher = agent.compose(interceptors.redirect({ maxRedirections: 5 }));
  }

  private async slot(host: string): Promise<() => void> {
    if ((this.active.get(host) ?? 0) >= this.options.perHost) await new Promise<void>((resolve) => (this.waiting.get(host) ?? this.waiting.set(host, []).get(host)!).push(resolve));
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    return () => {
      this.active.set(host, this.active.get(host)! - 1);
      this.waiting.get(host)?.shift()?.();
    };
  }

  /**
   * The origin's robots.txt rules. One that cannot be had (a network error, the deadline, a
   * refused address) counts as none: the page's own fetch then meets the same guard.
   */
  private rulesFor(url: URL): Promise<RobotsRules> {
    let rules = this.robots.get(url.origin);
    if (!rules) {
      const address = new URL('/robots.txt', url.origin).href;
      const signal = AbortSignal.timeout(this.options.deadlineMs);
      rules = this.raw(address, {}, signal, { limit: MAX_ROBOTS_BYTES, truncate: true })
        .then((r): RobotsRules => (r.statusCode === 401 || r.statusCode === 403 ? { allow: [], disallow: ['/'] } : r.statusCode >= 400 ? { allow: [], disallow: [] } : parseRobots(r.body.toString('utf8'), ROBOTS_TOKEN)))
        .catch((): RobotsRules => ({ allow: [], disallow: [] }));
      this.robots.set(url.origin, rules);
    }
    return rules;
  }

  /**
   * One request. The body is read only for a 2xx answer: its received bytes are limited to
   * maxBytes, its decoded bytes to `limit` (over it: an error, or the first `limit` bytes when
   * `truncate`).
   */
  private async raw(url: string, headers: Record<string, string>, signal: AbortSignal, { limit, truncate }: { limit: number; truncate: boolean }): Promise<Raw> {
    const response = await request(url, {
      dispatcher: this.dispatcher,
      signal,
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br', ...headers },
    });
    const { statusCode } = response;
    if (statusCode < 200 || statusCode >= 300) {
      await response.body.dump().catch(() => undefined);
      return { statusCode, headers: response.headers, body: Buffer.alloc(0) };
    }
    const maxBytes = this.options.maxBytes;
    const declared = Number(header(response.headers, 'content-length') ?? NaN);
    if (!truncate && declared > maxBytes) {
      response.body.destroy();
      throw new FetchError(url, `larger than ${maxBytes} bytes (Content-Length ${declared})`, false);
    }
    const codings = (header(response.headers, 'content-encoding') ?? '')
      .split(',')
      .map((c) => c.trim().toLowerCase())
      .filter((c) => c && c !== 'identity');
    let received = 0;
    const wire = async function* (): AsyncGenerator<Buffer> {
      for await (const chunk of response.body) {
        received += (chunk as Buffer).length;
        if (received > maxBytes) throw new FetchError(url, `larger than ${maxBytes} bytes`, false);
        yield chunk as Buffer;
      }
    };
    let stream: AsyncIterable<Buffer> = wire();
    // codings are listed in the order they were applied: undo the last first
    for (const coding of codings.reverse()) stream = decode(stream, coding, url);
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream) {
        if (size + chunk.length > limit) {
          if (truncate) {
            chunks.push(chunk.subarray(0, limit - size));
            size = limit;
            break;
          }
          throw new FetchError(url, codings.length ? `decodes to more than ${limit} bytes` : `larger than ${limit} bytes`, false);
        }
        chunks.push(chunk);
        size += chunk.length;
      }
    } finally {
      if (!response.body.destroyed && !response.body.readableEnded) response.body.destroy();
    }
    return { statusCode, headers: response.headers, body: Buffer.concat(chunks) };
  }

  /** One URL, politely; `known` makes it a conditional GET. Throws FetchError with a one-line reason. */
  async fetch(address: string, known: { etag?: string | null; lastModified?: string | null } = {}): Promise<FetchResult> {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw new FetchError(address, 'not a URL', false);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(address, `unsupported scheme ${url.protocol}`, false);
    if (!isAllowed(await this.rulesFor(url), url.pathname + url.search)) throw new FetchError(address, 'disallowed by robots.txt', false);
    const release = await this.slot(url.host);
    try {
      await this.pace?.(url.host);
    } catch (error) {
      release();
      throw error;
    }
    const signal = AbortSignal.timeout(this.options.deadlineMs);
    const late = (): FetchError => new FetchError(address, `no complete answer within ${this.options.deadlineMs / 1000} s`, true);
    try {
      const headers: Record<string, string> = {};
      if (known.etag) headers['if-none-match'] = known.etag;
      if (known.lastModified) headers['if-modified-since'] = known.lastModified;
      for (let attempt = 0; ; attempt++) {
        let r: Raw;
        try {
          r = await this.raw(url.href, headers, signal, { limit: this.options.maxBytes, truncate: false });
        } catch (error) {
          if (error instanceof FetchError) throw new FetchError(address, error.message, error.retryable);
          const refusal = refusalOf(error);
          if (refusal) throw new FetchError(address, refusal.message, false);
          // undici's own refusals (a redirect loop, a bad Location) will not change on a retry
          if ((error as { code?: string }).code === 'UND_ERR_INVALID_ARG') throw new FetchError(address, /redirect loop/i.test(reasonOf(error)) ? 'a redirect loop' : reasonOf(error), false);
          if (signal.aborted) throw late();
          if (attempt >= this.options.retries) throw new FetchError(address, reasonOf(error), true);
          await this.backoff(attempt, signal, late);
          continue;
        }
        const again = r.statusCode === 408 || r.statusCode === 429 || r.statusCode >= 500;
        if (again && attempt < this.options.retries) {
          await this.backoff(attempt, signal, late);
          continue;
        }
        if (r.statusCode === 304) return { url: url.href, status: 'not-modified', contentType: '', body: Buffer.alloc(0), etag: known.etag ?? null, lastModified: known.lastModified ?? null };
        // a 3xx left is a redirect without a Location, or one too many
        if (r.statusCode >= 300) throw new FetchError(address, `HTTP ${r.statusCode}`, again);
        return { url: url.href, status: 'ok', contentType: header(r.headers, 'content-type') ?? '', body: r.body, etag: header(r.headers, 'etag'), lastModified: header(r.headers, 'last-modified') };
      }
    } finally {
      release();
    }
  }

  private async backoff(attempt: number, signal: AbortSignal, late: () => FetchError): Promise<void> {
    try {
      await sleep(this.options.backoffMs(attempt + 1), undefined, { signal });
    } catch {
      throw late();
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

/** The connector's refusal of a private address, wherever undici wrapped it. */
function refusalOf(error: unknown): Error | null {
  for (let e = error as { cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e instanceof RefusedAddress) return e;
  }
  return null;
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: Error }).cause;
  return (cause?.message ?? (error as Error).message ?? String(error)).split('\n')[0]!;
}

/** A body with one Content-Encoding undone, as a stream: nothing is inflated beyond what is read. */
function decode(source: AsyncIterable<Buffer>, coding: string, url: string): AsyncIterable<Buffer> {
  const make = (first: Buffer | undefined): Transform => {
    if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
    if (coding === 'br') return createBrotliDecompress();
    // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate
    if (coding === 'deflate') return first && first.length >= 2 && (first[0]! & 0x0f) === 8 && ((first[0]! << 8) | first[1]!) % 31 === 0 ? createInflate() : createInflateRaw();
    throw new FetchError(url, `unsupported Content-Encoding ${coding}`, false);
  };
  return (async function* () {
    const iterator = source[Symbol.asyncIterator]();
    // an error of the body itself (network, deadline, size) passes through as it is
    let failed: unknown = null;
    const pull = async (): Promise<IteratorResult<Buffer>> => {
      try {
        return await iterator.next();
      } catch (error) {
        failed = error;
        throw error;
      }
    };
    const head = await pull();
    const first = head.done ? undefined : head.value;
    const transform = make(first);
    const input = Readable.from(
      (async function* () {
        if (first) yield first;
        for (let next = await pull(); !next.done; next = await pull()) yield next.value;
      })(),
    );
    const output = pipeline(input, transform, () => undefined);
    try {
      for await (const chunk of output) yield chunk as Buffer;
    } catch (error) {
      if (failed) throw failed;
      throw new FetchError(url, `broken ${coding} data (${(error as Error).message})`, false);
    } finally {
      output.destroy();
      // not awaited: a read may be pending until the caller destroys the response body
      void iterator.return?.(undefined)?.catch(() => undefined);
    }
  })();
}
