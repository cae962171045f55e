// Fetching pages and feeds with undici: a clear user agent, timeouts, retries with exponential
// backoff (network errors, 429 and 5xx), conditional GET (ETag, Last-Modified), a per-host
// concurrency limit, robots.txt respected, a size limit, and no connection to a private,
// loopback or link-local address unless allowed (checked after DNS resolution, on every
// connection, redirects included).
import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector, interceptors, request, type Dispatcher } from 'undici';
import { isPrivateAddress } from './guard-address.ts';
import { isAllowed, parseRobots, type RobotsRules } from './robots.ts';

export const USER_AGENT = 'Triangulate/0.1 (news cross-checking; +https://github.com/triangulate)';
const ROBOTS_TOKEN = 'Triangulate';

export interface FetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  retries?: number;
  perHost?: number;
  maxBytes?: number;
  /** Backoff before retry n (1-based), in milliseconds. */
  backoffMs?: (attempt: number) => number;
}

export interface FetchResult {
  url: string;
  status: 'ok' | 'not-modified';
  contentType: string;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
  }
}

export class Fetcher {
  private readonly dispatcher: Dispatcher;
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly options: Required<FetchOptions>;

  constructor(options: FetchOptions = {}) {
    this.options = {
      allowPrivate: options.allowPrivate ?? false,
      timeoutMs: options.timeoutMs ?? 15_000,
      retries: options.retries ?? 2,
      perHost: options.perHost ?? 2,
      maxBytes: options.maxBytes ?? 20 * 1024 * 1024,
      backoffMs: options.backoffMs ?? ((n) => 500 * 2 ** (n - 1)),
    };
    const allowPrivate = this.options.allowPrivate;
    const refuse = (address: string): Error => new Error(`refusing to connect to the private address ${address} (use --allow-private)`);
    const connector = buildConnector({
      timeout: this.options.timeoutMs,
      lookup(hostname: string, opts: object, callback: (error: Error | null, address: string | Array<{ address: string; family: number }>, family?: number) => void) {
        dnsLookup(hostname, { ...opts, all: true }, (error, addresses) => {
          if (error) return callback(error, '', 4);
          const list = addresses as Array<{ address: string; family: number }>;
          const refused = list.find((a) => !allowPrivate && isPrivateAddress(a.address));
          if (refused) return callback(refuse(refused.address), '', 4);
          if ((opts as { all?: boolean }).all) return callback(null, list);
          return callback(null, list[0]!.address, list[0]!.family);
        });
      },
    } as buildConnector.BuildOptions);
    const agent = new Agent({
      // an address written in the URL (or a redirect) is checked here, a name after DNS resolution above
      connect(opts, callback) {
        const host = opts.hostname.replace(/^\[|\]$/g, '');
        if (isIP(host) && !allowPrivate && isPrivateAddress(host)) return callback(refuse(host), null);
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

  private rulesFor(url: URL): Promise<RobotsRules> {
    let rules = this.robots.get(url.origin);
    if (!rules) {
      rules = this.raw(new URL('/robots.txt', url.origin).href, {})
        .then((r) => (r.statusCode === 401 || r.statusCode === 403 ? { allow: [], disallow: ['/'] } : r.statusCode >= 400 ? { allow: [], disallow: [] } : parseRobots(r.body.toString('utf8'), ROBOTS_TOKEN)))
        .catch(() => ({ allow: [], disallow: [] }));
      this.robots.set(url.origin, rules);
    }
    return rules;
  }

  private async raw(url: string, headers: Record<string, string>): Promise<{ statusCode: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    const response = await request(url, { dispatcher: this.dispatcher, headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,*/*;q=0.8', ...headers } });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > this.options.maxBytes) {
        response.body.destroy();
        throw new Error(`larger than ${this.options.maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    return { statusCode: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) };
  }

  /** One URL, politely; `known` makes it a conditional GET. Throws FetchError with a one-line reason. */
  async fetch(address: string, known: { etag?: string | null; lastModified?: string | null } = {}): Promise<FetchResult> {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      throw new FetchError(address, 'not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(address, `unsupported scheme ${url.protocol}`);
    if (!isAllowed(await this.rulesFor(url), url.pathname + url.search)) throw new FetchError(address, 'disallowed by robots.txt');
    const release = await this.slot(url.host);
    try {
      const headers: Record<string, string> = {};
      if (known.etag) headers['if-none-match'] = known.etag;
      if (known.lastModified) headers['if-modified-since'] = known.lastModified;
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await this.raw(url.href, headers);
          if ((r.statusCode === 429 || r.statusCode >= 500) && attempt < this.options.retries) {
            await new Promise((resolve) => setTimeout(resolve, this.options.backoffMs(attempt + 1)));
            continue;
          }
          if (r.statusCode === 304) return { url: url.href, status: 'not-modified', contentType: '', body: Buffer.alloc(0), etag: known.etag ?? null, lastModified: known.lastModified ?? null };
          if (r.statusCode >= 400) throw new FetchError(address, `HTTP ${r.statusCode}`);
          const header = (name: string): string | null => {
            const v = r.headers[name];
            return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
          };
          return { url: url.href, status: 'ok', contentType: header('content-type') ?? '', body: r.body, etag: header('etag'), lastModified: header('last-modified') };
        } catch (error) {
          if (error instanceof FetchError) throw error;
          const cause = (error as { cause?: Error }).cause;
          const reason = cause?.message ?? (error as Error).message;
          if (/private address/.test(reason) || attempt >= this.options.retries) throw new FetchError(address, reason);
          await new Promise((resolve) => setTimeout(resolve, this.options.backoffMs(attempt + 1)));
        }
      }
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
