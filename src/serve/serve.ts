// `triangulate serve`: the web app on a port, loopback by default. Beyond loopback it needs a
// token (given, or generated and printed), and refuses a short one. Stops cleanly on SIGINT and
// SIGTERM: the adding job under way finishes, the store is closed.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { serve as listen, type ServerType } from '@hono/node-server';
import { UsageError } from '../errors.ts';
import { annotationVersion } from '../annotate/annotation-version.ts';
import type { Store } from '../store/store.ts';
import { createApp, type App } from './app.ts';
import type { QueueStatus } from '../queue/queue-report.ts';

/** Shortest token accepted: a guessable one would be no lock at all. */
export const MIN_TOKEN = 16;

export interface ServeOptions {
  store: Store;
  host: string;
  port: number;
  token?: string;
  allowPrivate?: boolean;
  allowAddresses?: readonly string[];
  maxBytes?: number;
  /** The work queue's status, shown at /status (`--redis`). */
  queueStatus?: () => Promise<QueueStatus>;
  /** Where the per-request log lines go (one JSON object a line); none when null. */
  log: ((line: string) => void) | null;
  /** What the server says about itself (its address, the token it made). */
  say: (line: string) => void;
}

export interface Running {
  app: App;
  server: ServerType;
  url: string;
  token: string | null;
  stop: () => Promise<void>;
}

/** Whether a host name or address reaches only this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1';
}


export async function startServer(options: ServeOptions): Promise<Running> {
  let token: string | null = null;
  if (!isLoopback(options.host)) {
    if (options.token !== undefined && options.token.length < MIN_TOKEN) throw new UsageError(`--token must be at least ${MIN_TOKEN} characters`);
    token = options.token ?? randomBytes(24).toString('base64url');
    if (options.token === undefined) options.say(`Listening beyond this machine: the token is ${token} (send it as "Authorization: Bearer <token>", or sign in at /login)`);
  } else if (options.token !== undefined) {
    if (options.token.length < MIN_TOKEN) throw new UsageError(`--token must be at least ${MIN_TOKEN} characters`);
    token = options.token;
  }
  const log = options.log;
  const app = createApp({
    store: options.store,
    token,
    // the version of the code and models: a kept dossier made by another is made again
    version: annotationVersion(),
    log: log ? (line) => log(JSON.stringify(line)) : undefined,
    allowPrivate: options.allowPrivate,
    allowAddresses: options.allowAddresses,
    maxBytes: options.maxBytes,
    queueStatus: options.queueStatus,
  });
  const server = await new Promise<ServerType>((resolvePromise, reject) => {
    const s = listen({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolvePromise(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shown}:${port}`;
  // the stories' dossiers are computed in the background, newest first
  void app.warm().catch(() => undefined);
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((r) => server.close(() => r()));
      // open event streams and idle keep-alive connections would hold the close forever
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
      await app.close();
    })());
  return { app, server, url, token, stop };
}
