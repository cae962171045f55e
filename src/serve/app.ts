// The web app: the store's stories as pages and as a JSON API, each story's dossier computed once
// (in a worker thread) and kept until the story changes. Pages are rendered on the server; the one
// script only adds live progress and small conveniences. Everything from an article is escaped
// (html.ts); nothing from one is fetched or run.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { checkClaim } from '../check/check-claim.ts';
import { isHttpUrl } from '../fetch/is-http-url.ts';
import type { Dossier } from '../model.ts';
import { renderHtml } from '../render/render-html.ts';
import { renderMarkdown } from '../render/render-markdown.ts';
import type { Store, StoryQuery } from '../store/store.ts';
import { AddJobs, type JobEvent, type Upload } from './add-jobs.ts';
import { AddRequest, openApiDocument } from './api-schemas.ts';
import { AnalysisThread } from './analysis-thread.ts';
import { BODY_LIMIT, csrfProtection, csrfToken, isAuthenticated, requestLog, requireToken, securityHeaders, SESSION_COOKIE, sessionFor, UPLOAD_LIMIT, type LogLine } from './guard.ts';
import { addPage, jobPage } from './pages/add-page.ts';
import { checkPage } from './pages/check-page.ts';
import { articlePage, evidencePage, findingOf } from './pages/evidence-page.ts';
import { loginPage } from './pages/login-page.ts';
import { PAGE_SIZE, storiesPage } from './pages/stories-page.ts';
import { storyPage } from './pages/story-page.ts';
import { statusPage, type StatusView } from './pages/status-page.ts';
import type { QueueStatus } from '../queue/queue-report.ts';
import { StoryDossiers, type StoryDossier } from './story-dossiers.ts';
import { html } from './html.ts';
import { page } from './pages/layout.ts';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Dossiers computed in the background per run (at start, after each add). */
const WARM_LIMIT = 500;
const STATIC: Record<string, string> = { 'app.css': 'text/css; charset=utf-8', 'app.js': 'text/javascript; charset=utf-8' };

export interface AppOptions {
  store: Store;
  /** Needed on every route but /login when set (the server listens beyond loopback). */
  token: string | null;
  /** The analysis version kept dossiers are stamped with (the package's version). */
  version: string;
  log?: LogLine;
  /** Fetching rules for "Add": private addresses are refused unless allowed. */
  allowPrivate?: boolean;
  allowAddresses?: readonly string[];
  maxBytes?: number;
  /** The work queue's status (`serve --redis`); absent: the server has no queue. */
  queueStatus?: () => Promise<QueueStatus>;
}

export interface App {
  fetch: (request: Request) => Response | Promise<Response>;
  dossiers: StoryDossiers;
  jobs: AddJobs;
  /** Computes the dossiers of stories of two outlets or more that have none kept, newest first, up to WARM_LIMIT or until `stop` says so. */
  warm: (stop?: () => boolean) => Promise<number>;
  close: () => Promise<void>;
}

export function createApp(options: AppOptions): App {
  const { store, token, version } = options;
  const thread = new AnalysisThread();
  const dossiers = new StoryDossiers(store, version, (articles, kept, annotations) => thread.analyze(articles, kept, annotations));
  let closed = false;
  let warming: Promise<number> | null = null;
  const warm = (stop: () => boolean = () => false): Promise<number> => {
    warming ??= (async () => {
      let done = 0;
      // a story whose analysis fails stays unanalysed: passed over (by the offset), not tried again and again
      let failed = 0;
      // stories of two outlets or more, newest first, up to WARM_LIMIT a run: a store of a million
      // stories is not analysed whole in the background (nor kept whole: a dossier is ~100 KB)
      while (!closed && !stop() && done + failed < WARM_LIMIT) {
        const { stories } = await store.findStories({ unanalysed: { version }, minOutlets: 2, limit: 8, offset: failed });
        if (stories.length === 0) break;
        for (const s of stories) {
          if (closed) break;
          try {
            await dossiers.get(s.id);
            done++;
          } catch (error) {
            if (closed) break;
            failed++;
            options.log?.({ time: new Date().toISOString(), level: 'error', story: s.id, error: `analysis failed: ${(error as Error).message.split('\n')[0]}` });
          }
        }
      }
      return done;
    })().finally(() => (warming = null));
    return warming;
  };
  const jobs = new AddJobs(store, { allowPrivate: options.allowPrivate, allowAddresses: options.allowAddresses, maxBytes: options.maxBytes, onStored: () => void warm().catch(() => undefined) });
  const assets = new Map(Object.keys(STATIC).map((name) => [name, readFileSync(join(PACKAGE_ROOT, 'public', name))]));

  const app = new Hono();
  app.use(requestLog(options.log ?? (() => undefined)));
  app.use(securityHeaders());
  app.use(async (c, next) => {
    const limit = c.req.method === 'POST' && new URL(c.req.url).pathname === '/add' ? UPLOAD_LIMIT : BODY_LIMIT;
    return bodyLimit({ maxSize: limit, onError: (c) => c.text(`request body over ${limit / 1024 / 1024} MB`, 413) })(c, next);
  });
  app.use(requireToken(token, (c) => c.html(loginPage(csrfToken(c), nextPath(c)), 401)));
  app.use(csrfProtection(token));

  app.get('/static/:name', (c) => {
    const name = c.req.param('name');
    const body = assets.get(name);
    if (!body) return c.text('not found', 404);
    return c.body(view(body), 200, { 'Content-Type': STATIC[name]!, 'Cache-Control': 'public, max-age=3600' });
  });

  app.get('/login', (c) => (token && isAuthenticated(c, token) ? c.redirect('/') : c.html(loginPage(csrfToken(c), safeNext(c.req.query('next'))))));
  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined);
    if (!token) return c.redirect(next, 303);
    if (typeof form.token !== 'string' || sessionFor(form.token) !== sessionFor(token)) return c.html(loginPage(csrfToken(c), next, 'That is not the token.'), 401);
    setCookie(c, SESSION_COOKIE, sessionFor(token), { path: '/', httpOnly: true, secure: true, sameSite: 'Strict' });
    return c.redirect(next, 303);
  });

  app.get('/', async (c) => {
    const query = storyQuery(c, version);
    if ('error' in query) return c.html(errorPage(query.error), 400);
    const [result, outlets, pending] = await Promise.all([
      store.findStories(query),
      store.outlets(),
      query.contested ? store.findStories({ ...query, contested: undefined, unanalysed: { version }, limit: 0, offset: 0 }).then((p) => p.total) : Promise.resolve(0),
    ]);
    return c.html(storiesPage({ query, result, outlets, pendingDossiers: pending }));
  });

  const status = async (): Promise<StatusView> => {
    const [articles, stories] = await Promise.all([store.articleCount(), store.findStories({ limit: 0 }).then((p) => p.total)]);
    const view: StatusView = { store: { articles, stories }, queue: null };
    if (options.queueStatus) {
      try {
        view.queue = await options.queueStatus();
      } catch (error) {
        view.queueError = (error as Error).message.split('\n')[0]!.slice(0, 300);
      }
    }
    return view;
  };
  app.get('/status', async (c) => c.html(statusPage(await status())));
  app.get('/api/status', async (c) => c.json(await status()));

  app.get('/api/stories', async (c) => {
    const query = storyQuery(c, version);
    if ('error' in query) return c.json({ error: query.error }, 400);
    const result = await store.findStories(query);
    return c.json({ stories: result.stories.map(({ vector: _, ...s }) => s), total: result.total, page: query.page, pageSize: PAGE_SIZE });
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(version)));

  /** The story's dossier, or the response saying why there is none. */
  const withStory = async (c: Context, api: boolean): Promise<Awaited<ReturnType<StoryDossiers['get']>> | Response> => {
    const id = Number(c.req.param('id'));
    const found = Number.isSafeInteger(id) && id > 0 && /^\d+$/.test(c.req.param('id') ?? '') ? await dossiers.get(id) : null;
    if (found) return found;
    return api ? c.json({ error: 'no such story' }, 404) : c.html(errorPage('No such story.'), 404);
  };

  app.get('/api/stories/:id', async (c) => {
    const found = await withStory(c, true);
    if (found instanceof Response) return found;
    return rendered(c, found!, 'json', 'application/json; charset=utf-8', () => found!.json);
  });

  app.get('/api/stories/:id/check', async (c) => {
    const found = await withStory(c, true);
    if (found instanceof Response) return found;
    const claim = c.req.query('claim') ?? '';
    const problem = claimProblem(claim);
    if (problem) return c.json({ error: problem }, 400);
    return c.json(checkClaim(claim, found!.dossier));
  });

  app.get('/stories/:id', async (c) => {
    const found = await withStory(c, false);
    if (found instanceof Response) return found;
    return rendered(c, found!, 'page', 'text/html; charset=utf-8', () => storyPage(found!.story, found!.dossier));
  });

  app.get('/stories/:id/evidence/:kind/:group', async (c) => {
    const found = await withStory(c, false);
    if (found instanceof Response) return found;
    const kind = c.req.param('kind');
    const finding = kind === 'claims' || kind === 'quotes' ? findingOf(found!.dossier, kind, c.req.param('group')) : null;
    if (!finding) return c.html(errorPage('No such finding in this story.'), 404);
    return c.html(evidencePage(found!.story, found!.dossier, finding));
  });

  app.get('/stories/:id/articles/:n', async (c) => {
    const found = await withStory(c, false);
    if (found instanceof Response) return found;
    const n = /^\d+$/.test(c.req.param('n')) ? Number(c.req.param('n')) : 0;
    const article = found!.dossier.articles[n - 1];
    if (!article) return c.html(errorPage('No such article in this story.'), 404);
    return c.html(articlePage(found!.story, article));
  });

  app.get('/stories/:id/check', async (c) => {
    const found = await withStory(c, false);
    if (found instanceof Response) return found;
    const claim = c.req.query('claim');
    if (claim === undefined) return c.html(checkPage(found!.story, '', null, null));
    const problem = claimProblem(claim);
    return c.html(checkPage(found!.story, claim, problem ? null : checkClaim(claim, found!.dossier), problem), problem ? 400 : 200);
  });

  const download = (name: string, type: string, render: (d: Dossier, json: string) => string): void => {
    app.get(`/stories/:id/${name}`, async (c) => {
      const found = await withStory(c, false);
      if (found instanceof Response) return found;
      return rendered(c, found!, name, type, () => render(found!.dossier, found!.json), {
        'Content-Disposition': `attachment; filename="story-${found!.story.id}-${name}"`,
        // the report's own policy: its inline style, nothing else
        ...(name.endsWith('.html') ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'" } : {}),
      });
    });
  };
  download('dossier.json', 'application/json; charset=utf-8', (_, json) => json);
  download('brief.md', 'text/markdown; charset=utf-8', (d) => renderMarkdown(d));
  download('report.html', 'text/html; charset=utf-8', (d) => renderHtml(d));

  app.get('/add', (c) => c.html(addPage(csrfToken(c))));
  app.post('/add', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const urls = String(typeof form.urls === 'string' ? form.urls : '')
      .split(/\s+/)
      .filter(Boolean);
    const bad = urls.find((u) => !isFetchable(u));
    if (bad) return c.html(addPage(csrfToken(c), `Not an http(s) URL: ${bad.slice(0, 200)}`), 400);
    const files = ([] as unknown[]).concat(form.files ?? []).filter((f): f is File => f instanceof File && f.size > 0);
    if (urls.length === 0 && files.length === 0) return c.html(addPage(csrfToken(c), 'Give at least one URL or file.'), 400);
    const uploads: Upload[] = await Promise.all(files.map(async (f) => ({ name: f.name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'upload', bytes: Buffer.from(await f.arrayBuffer()) })));
    const job = jobs.start(urls, uploads);
    return c.redirect(`/add/jobs/${job.id}`, 303);
  });

  app.get('/add/jobs/:id', (c) => {
    const job = jobs.get(c.req.param('id'));
    return job ? c.html(jobPage(job)) : c.html(errorPage('No such job (jobs are kept while the server runs).'), 404);
  });

  app.get('/add/jobs/:id/events', (c) => {
    const job = jobs.get(c.req.param('id'));
    if (!job) return c.text('no such job', 404);
    return streamSSE(c, async (stream) => {
      const queue: JobEvent[] = [...job.events];
      let wake: (() => void) | null = null;
      const stop = job.state === 'done' ? () => undefined : jobs.listen(job.id, (e) => (queue.push(e), wake?.()));
      stream.onAbort(() => (stop(), wake?.()));
      try {
        for (;;) {
          while (queue.length) {
            const event = queue.shift()!;
            await stream.writeSSE({ event: event.kind, data: JSON.stringify(event) });
            if (event.kind === 'done' || event.kind === 'error') return;
          }
          if (stream.aborted || (job.state === 'done' && queue.length === 0)) return;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
      } finally {
        stop();
      }
    });
  });

  app.post('/api/add', async (c) => {
    if ((c.req.header('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase() !== 'application/json') return c.json({ error: 'send the body as application/json' }, 415);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'the body is not JSON' }, 400);
    }
    const parsed = AddRequest.safeParse(body);
    if (!parsed.success || parsed.data.urls.some((u) => !isFetchable(u))) return c.json({ error: 'expected {"urls": ["http(s)://…", …]} (1 to 500)' }, 400);
    return c.json(jobs.start(parsed.data.urls, []), 202);
  });

  app.get('/api/jobs/:id', (c) => {
    const job = jobs.get(c.req.param('id'));
    return job ? c.json(job) : c.json({ error: 'no such job' }, 404);
  });

  app.notFound((c) => (new URL(c.req.url).pathname.startsWith('/api/') ? c.json({ error: 'not found' }, 404) : c.html(errorPage('Not found.'), 404)));
  app.onError((error, c) => {
    (options.log ?? (() => undefined))({ time: new Date().toISOString(), level: 'error', path: new URL(c.req.url).pathname, error: error.message.split('\n')[0] });
    return new URL(c.req.url).pathname.startsWith('/api/') ? c.json({ error: 'internal error' }, 500) : c.html(errorPage('Something went wrong; the server log has the details.'), 500);
  });

  return {
    fetch: (request) => app.fetch(request),
    dossiers,
    jobs,
    warm,
    async close() {
      closed = true;
      await jobs.idle();
      // a dossier being computed is dropped: the thread ends and its promise fails
      await thread.close();
      await warming?.catch(() => undefined);
    },
  };
}

/**
 * A response made from a story's dossier, rendered once and kept with it (gzipped too): sent
 * gzipped to a client that takes it, and as 304 to one that has it already (its ETag names the
 * story and the stamp, which changes when the story does).
 */
function rendered(c: Context, found: StoryDossier, key: string, type: string, render: () => string, headers: Record<string, string> = {}): Response {
  const etag = `"${found.story.id}-${found.stamp.replace(/[^\w.:-]/g, '_')}-${key}"`;
  const common = { 'Content-Type': type, ETag: etag, Vary: 'Accept-Encoding', 'Cache-Control': 'private, no-cache', ...headers };
  if ((c.req.header('if-none-match') ?? '').split(',').some((tag) => tag.trim() === etag)) return c.body(null, 304, common);
  let body = found.rendered.get(key);
  if (!body) found.rendered.set(key, (body = Buffer.from(render(), 'utf8')));
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    let gzipped = found.rendered.get(`${key}.gz`);
    if (!gzipped) found.rendered.set(`${key}.gz`, (gzipped = gzipSync(body)));
    return c.body(view(gzipped), 200, { ...common, 'Content-Encoding': 'gzip' });
  }
  return c.body(view(body), 200, common);
}

/** The bytes of a Buffer as a Uint8Array, not a copy. */
function view(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}

/** An http(s) URL that parses: the fetcher's own test, and a URL the fetcher can take. */
function isFetchable(text: string): boolean {
  return isHttpUrl(text) && URL.canParse(text);
}

function claimProblem(claim: string): string | null {
  if (claim.trim().split(/\s+/).length < 3) return 'The claim needs at least three words.';
  if (claim.length > 2000) return 'The claim is over 2,000 characters.';
  return null;
}

/** Where to go after signing in: a path on this server only (never another site). */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/';
}

function nextPath(c: Context): string {
  const url = new URL(c.req.url);
  return safeNext(url.pathname + url.search);
}

function errorPage(message: string): string {
  return page({ title: message, body: html`<h1>${message}</h1><p><a href="/">Back to the stories</a></p>` });
}

/** The stories query of a page or API request: its parameters checked. */
function storyQuery(c: Context, version: string): (StoryQuery & { page: number }) | { error: string } {
  const q = c.req.query();
  const dateOk = (d: string | undefined): boolean => d === undefined || d === '' || /^\d{4}-\d{2}-\d{2}$/.test(d);
  if (!dateOk(q.since) || !dateOk(q.until)) return { error: 'dates are written YYYY-MM-DD' };
  const pageNo = q.page ? Number(q.page) : 1;
  if (!Number.isSafeInteger(pageNo) || pageNo < 1 || pageNo > 100_000) return { error: 'page is a whole number from 1' };
  const min = q.min ? Number(q.min) : undefined;
  if (min !== undefined && (!Number.isSafeInteger(min) || min < 1)) return { error: 'min is a whole number from 1' };
  const outlets = c.req.queries('outlet')?.filter(Boolean).slice(0, 50);
  return {
    text: q.q?.slice(0, 500) || undefined,
    since: q.since || undefined,
    // a day given as "until" includes the whole day
    until: q.until ? `${q.until}T23:59:59.999Z` : undefined,
    outlets: outlets?.length ? outlets : undefined,
    minOutlets: min,
    contested: q.contested === '1' ? { version } : undefined,
    sort: q.sort === 'size' ? 'size' : 'recent',
    offset: (pageNo - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    page: pageNo,
  };
}
