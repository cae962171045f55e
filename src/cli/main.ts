#!/usr/bin/env node
// The `triangulate` command: analyze, check, ingest, stories, dossier, export, extract, serve, schema,
// and for several machines enqueue, worker, status and failed. Exit 0 when every input was
// processed, 1 when some failed (the rest still written), 2 on a usage error.
import { existsSync } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { errorLine, oneLine, UsageError, type InputError } from '../errors.ts';
import { isHttpUrl } from '../fetch/is-http-url.ts';
import { DEFAULT_MAX_BYTES, expandInputs } from '../ingest/ingest.ts';
import type { Article, Dossier } from '../model.ts';
import { analyzeInputs, eachArticle, extractInputs, isArticlePage, type Input, type RunOptions } from '../pipeline.ts';
import { DEFAULT_DB, isPostgresUrl, openStore } from '../store/open-store.ts';
import { renderHtml } from '../render/render-html.ts';
import { jsonChunks, renderJsonChunks } from '../render/render-json.ts';
import { renderMarkdown } from '../render/render-markdown.ts';
import { parseSize } from './parse-size.ts';
import { wholeNumber } from './parse-number.ts';
import { addQueueCommands } from './queue-commands.ts';
import { createProgress } from './progress.ts';
import { STDOUT, writeOutput, type Content } from './write-output.ts';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLE_DIR = join(PACKAGE_ROOT, 'examples', 'drone-strikes-2025');
const DEFAULT_OUT_DIR = 'triangulate-out';

interface CommonOptions {
  maxBytes: number;
  /** URLs given as inputs may be fetched from private, loopback and link-local addresses. */
  allowPrivate?: boolean;
  quiet?: boolean;
  includeNonArticles?: boolean;
}

interface AnalyzeOptions extends CommonOptions {
  json?: string;
  md?: string;
  html?: string;
  out?: string;
}

function buildProgram(): Command {
  const program = new Command()
    .name('triangulate')
    .description('Cross-check a news story across every outlet that reported it.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();

  const maxBytes = (): Option =>
    new Option('--max-bytes <size>', 'refuse inputs larger than this (e.g. 20MB, 512k)').argParser(parseSize).default(DEFAULT_MAX_BYTES, '20MB');

  program
    .command('analyze')
    .description('analyse one story: files, directories (recursive), globs or - for stdin; with no inputs, the bundled example')
    .argument('[inputs...]', '.txt .md .html .json .jsonl files (optionally .gz), directories, globs, -, article URLs (fetched)')
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses')
    .option('--json <file>', 'write the dossier as JSON (- for standard output)')
    .option('--md <file>', 'write the Markdown brief (- for standard output)')
    .option('--html <file>', 'write the HTML report (- for standard output)')
    .option('--out <dir>', `write dossier.json, brief.md and report.html here (the default, into ./${DEFAULT_OUT_DIR}, when no other output is named)`)
    .option('--include-non-articles', 'analyse forums, documentation, listings, collections, products and services as articles (by default they are kept, marked and left out)')
    .addOption(maxBytes())
    .option('-q, --quiet', 'no progress bar and no summary')
    .action(async (inputs: string[], options: AnalyzeOptions) => {
      process.exitCode = await runAnalyze(inputs, options);
    });

  program
    .command('extract')
    .description('only ingest and extract: clean article text and metadata as { "articles": [...] }')
    .argument('<inputs...>', 'files, directories, globs, - or article URLs (fetched)')
    .option('--json <file>', 'write here instead of standard output (- for standard output)')
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses')
    .addOption(maxBytes())
    .option('-q, --quiet', 'no progress bar and no summary')
    .action(async (inputs: string[], options: CommonOptions & { json?: string }) => {
      process.exitCode = await runExtract(inputs, options);
    });

  const db = (): Option => new Option('--db <path|url>', 'the store: a SQLite file, or a postgres:// URL').default(DEFAULT_DB);

  program
    .command('ingest')
    .description('add articles (files, article URLs, feeds) to the story store; each joins a story')
    .argument('<inputs...>', 'files, directories, globs, - for standard input, article or feed URLs')
    .addOption(db())
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses')
    .option('--annotate', "annotate each new article now and keep its annotations (otherwise its story's first dossier does)")
    .option('--include-non-articles', 'assign forums, documentation, listings, collections, products and services to stories as articles (by default each is stored, marked, in a story of its own)')
    .addOption(maxBytes())
    .option('-q, --quiet', 'no progress bar and no summary')
    .action(async (inputs: string[], options: CommonOptions & { db: string; allowPrivate?: boolean; annotate?: boolean }) => {
      process.exitCode = await runIngest(inputs, options);
    });

  program
    .command('stories')
    .description('list the stories in the store')
    .addOption(db())
    .option('--since <date>', 'only stories seen on or after this date (YYYY-MM-DD, or an ISO 8601 time)', parseSince)
    .option('--min-outlets <n>', 'only stories from at least this many outlets', wholeNumber('--min-outlets', 1))
    .option('--json', 'as JSON')
    .action(async (options: { db: string; since?: string; minOutlets?: number; json?: boolean }) => {
      process.exitCode = await runStories(options);
    });

  program
    .command('dossier')
    .description("render a stored story's dossier, as analyze does")
    .argument('<story-id>', 'the story, as `stories` lists it')
    .addOption(db())
    .option('--json [file]', 'the dossier as JSON (standard output without a file, or with -)')
    .option('--md [file]', 'the Markdown brief (standard output without a file, or with -)')
    .option('--html [file]', 'the HTML report (standard output without a file, or with -)')
    .action(async (id: string, options: { db: string; json?: string | true; md?: string | true; html?: string | true }) => {
      process.exitCode = await runDossier(id, options);
    });

  program
    .command('serve')
    .description('the web app: the stories of the store, their dossiers and evidence, checking and adding articles (http://127.0.0.1:8080)')
    .addOption(db())
    .option('--host <host>', 'the address to listen on; beyond loopback a token is required', '127.0.0.1')
    .option('--port <port>', 'the port (0: any free one)', wholeNumber('--port', 0, 65535), 8080)
    .option('--token <token>', 'the token clients must send (beyond loopback one is generated and printed when not given; also TRIANGULATE_TOKEN)')
    .option('--allow-private', 'let "Add articles" fetch private, loopback and link-local addresses')
    .option('--redis <url>', "show this Redis work queue's status at /status (as `triangulate status` does)")
    .addOption(maxBytes())
    .option('-q, --quiet', 'no log line per request')
    .action(async (options: ServeCliOptions) => {
      process.exitCode = await runServe(options);
    });

  program
    .command('export')
    .description('write the stored articles and stories as JSON Lines')
    .addOption(db())
    .option('--articles <file>', 'articles here (standard output without it, or with -)')
    .option('--stories <file>', 'stories here (- for standard output)')
    .action(async (options: { db: string; articles?: string; stories?: string }) => {
      process.exitCode = await runExport(options);
    });

  program
    .command('check')
    .description('say which articles agree with a claim, disagree, only discuss it or are unrelated, with the sentences that decide it')
    .argument('<claim>', 'the claim, in quotation marks')
    .argument('[inputs...]', 'the coverage: files, directories, globs, - for standard input, or article URLs (fetched)')
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses')
    .option('--story <id>', 'the coverage is this stored story')
    .addOption(db())
    .option('--json <file>', 'write the answer as JSON (- for standard output)')
    .addOption(maxBytes())
    .option('-q, --quiet', 'no progress bar')
    .action(async (claim: string, inputs: string[], options: CommonOptions & { json?: string; story?: string; db: string }) => {
      process.exitCode = await runCheck(claim, inputs, options);
    });

  addQueueCommands(program, { db, maxBytes });

  program
    .command('schema')
    .description("print the dossier's JSON Schema")
    .action(async () => {
      // zod is loaded only here: the other commands need the types, not the schema objects
      const { dossierJsonSchema } = await import('../model.ts');
      process.stdout.write(`${JSON.stringify(dossierJsonSchema(), null, 2)}\n`);
    });
  return program;
}

async function runAnalyze(givenInputs: string[], options: AnalyzeOptions): Promise<number> {
  let inputs = givenInputs;
  if (inputs.length === 0) {
    if (!existsSync(EXAMPLE_DIR)) throw new UsageError('no inputs given and the bundled example is missing');
    // relative to where the user stands, so that sources in the output do not depend on the machine
    const example = relative(process.cwd(), EXAMPLE_DIR) || '.';
    inputs = [example];
    if (!options.quiet) process.stderr.write(`No inputs given: analysing the bundled example story (${example}).\n`);
  }
  const outputs = plannedOutputs(options);
  refuseSeveralOnStdout(Object.values(outputs));
  await refuseOverwritingInputs(inputs, Object.values(outputs));
  const progress = await createProgress(!options.quiet);
  const run = runOptions(options, progress);
  const fetched = await fetchUrls(inputs, options, run);
  const { dossier, articles, failures } = await analyzeFetched(fetched, run);
  progress.stop();
  if (articles.length === 0) {
    process.stderr.write('triangulate: no article could be read; nothing written\n');
    return 1;
  }
  const written: string[] = [];
  if (outputs.json) written.push(await write(outputs.json, renderJsonChunks(dossier)));
  if (outputs.md) written.push(await write(outputs.md, renderMarkdown(dossier)));
  if (outputs.html) written.push(await write(outputs.html, renderHtml(dossier)));
  if (!options.quiet) {
    // the summary must not mix with a report written to standard output
    const summaryStream = Object.values(outputs).includes(STDOUT) ? process.stderr : process.stdout;
    const outlets = new Set(articles.map((a) => a.outlet).filter((o) => o !== null)).size;
    const unknown = articles.filter((a) => a.outlet === null).length;
    const sentences = articles.reduce((n, a) => n + a.sentences.length, 0);
    const removed = articles.reduce((n, a) => n + a.removed.length, 0);
    const setAside = options.includeNonArticles ? 0 : articles.filter((a) => !isArticlePage(a)).length;
    summaryStream.write(
      `Analysed ${articles.length} article${articles.length === 1 ? '' : 's'} from ${outlets} named outlet${outlets === 1 ? '' : 's'}` +
        (unknown ? ` and ${unknown} of unknown outlet` : '') +
        ': ' +
        `${sentences} sentences, ${removed} removed pieces of page furniture` +
        (setAside ? `; ${setAside} page${setAside === 1 ? '' : 's'} not an article (kept, marked, not analysed: --include-non-articles)` : '') +
        (failures.length ? `; ${failures.length} input${failures.length === 1 ? '' : 's'} failed` : '') +
        `.\nWrote ${written.join(', ')}\n`,
    );
  }
  return failures.length ? 1 : 0;
}

async function runCheck(claim: string, inputs: string[], options: CommonOptions & { json?: string; story?: string; db: string }): Promise<number> {
  if (claim.trim().split(/\s+/).length < 3) throw new UsageError('the claim needs at least three words');
  if (options.story !== undefined && inputs.length) throw new UsageError('give either inputs or --story, not both');
  if (options.story === undefined && inputs.length === 0) throw new UsageError('give the coverage: inputs, or --story ID');
  await refuseOverwritingInputs(inputs, [options.json]);
  const progress = await createProgress(!options.quiet);
  const run = runOptions(options, progress);
  const { dossier, articles, failures } = options.story !== undefined ? await storedStory(options.db, options.story) : await analyzeFetched(await fetchUrls(inputs, options, run), run);
  progress.stop();
  if (articles.length === 0) {
    process.stderr.write('triangulate: no article could be read; nothing to check against\n');
    return 1;
  }
  const { checkClaim } = await import('../check/check-claim.ts');
  const result = checkClaim(claim, dossier);
  if (options.json) await writeOutput(options.json, renderJsonChunks(result));
  else {
    const { renderCheck } = await import('../render/render-check.ts');
    process.stdout.write(renderCheck(result));
  }
  return failures.length ? 1 : 0;
}

async function storedStory(db: string, id: string): Promise<{ dossier: Dossier; articles: Article[]; failures: unknown[] }> {
  const storyId = Number(id);
  if (!Number.isInteger(storyId) || storyId <= 0) throw new UsageError(`not a story id: ${id}`);
  await requireStore(db);
  const store = await openStore(db, { create: false });
  try {
    const articles = await store.storyArticles(storyId);
    if (articles.length === 0) throw new UsageError(`no story ${id} in ${db}`);
    const { storedDossier } = await import('../dossier/stored-annotations.ts');
    return { dossier: await storedDossier(store, articles), articles, failures: [] };
  } finally {
    await store.close();
  }
}

async function runIngest(inputs: string[], options: CommonOptions & { db: string; allowPrivate?: boolean; annotate?: boolean }): Promise<number> {
  if (!isPostgresUrl(options.db)) await refuseOverwritingInputs(inputs, [options.db]);
  const progress = await createProgress(!options.quiet);
  const store = await openStore(options.db);
  let summary;
  try {
    // loaded here: it brings the HTTP client (undici), a third of a second of every other command's start
    const { ingestToStore } = await import('../stories/ingest-to-store.ts');
    summary = await ingestToStore(inputs, store, { ...runOptions(options, progress), allowPrivate: options.allowPrivate, annotate: options.annotate });
  } finally {
    progress.stop();
    await store.close();
  }
  if (!options.quiet) {
    process.stdout.write(
      `Ingested ${summary.added} new article${summary.added === 1 ? '' : 's'} and ${summary.duplicates} near-duplicate${summary.duplicates === 1 ? '' : 's'} into ${summary.stories.size} stor${summary.stories.size === 1 ? 'y' : 'ies'}` +
        `; ${summary.known} already stored` +
        (summary.nonArticles ? `; ${summary.nonArticles} page${summary.nonArticles === 1 ? '' : 's'} not an article, each stored in a story of its own (--include-non-articles to assign them)` : '') +
        (summary.notModified ? `, ${summary.notModified} unchanged since the last fetch` : '') +
        (summary.failed ? `; ${summary.failed} input${summary.failed === 1 ? '' : 's'} failed` : '') +
        `.\n`,
    );
  }
  return summary.failed ? 1 : 0;
}

async function runStories(options: { db: string; since?: string; minOutlets?: number; json?: boolean }): Promise<number> {
  await requireStore(options.db);
  const store = await openStore(options.db, { create: false });
  try {
    const stories = await store.stories({ since: options.since, minOutlets: options.minOutlets });
    if (options.json) await writeOutput(STDOUT, renderJsonChunks(stories.map(({ vector: _, ...s }) => s)));
    else {
      const clean = (t: string): string => t.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
      for (const s of stories) process.stdout.write(`${String(s.id).padStart(6)}  ${s.firstSeen.slice(0, 10)}…${s.lastSeen.slice(0, 10)}  ${String(s.articles).padStart(4)} articles  ${String(s.outlets.length).padStart(3)} outlets  ${clean(s.headline).slice(0, 90)}\n`);
    }
  } finally {
    await store.close();
  }
  return 0;
}

async function runDossier(id: string, options: { db: string; json?: string | true; md?: string | true; html?: string | true }): Promise<number> {
  // a flag without a file, or -, is standard output; with no flag at all, the JSON goes there
  const target = (value: string | true | undefined): string | undefined => (value === true ? STDOUT : value);
  const json = target(options.json ?? (options.md || options.html ? undefined : true));
  const md = target(options.md);
  const html = target(options.html);
  refuseSeveralOnStdout([json, md, html]);
  const { dossier } = await storedStory(options.db, id);
  if (json) await writeOutput(json, renderJsonChunks(dossier));
  if (md) await writeOutput(md, renderMarkdown(dossier));
  if (html) await writeOutput(html, renderHtml(dossier));
  return 0;
}

async function runExport(options: { db: string; articles?: string; stories?: string }): Promise<number> {
  refuseSeveralOnStdout([options.articles ?? STDOUT, options.stories]);
  await requireStore(options.db);
  const store = await openStore(options.db, { create: false });
  try {
    // one line at a time: the store may hold more than any one string can
    async function* articleLines(): AsyncGenerator<string> {
      for await (const row of store.exportArticles()) yield `${JSON.stringify({ storyId: row.storyId, duplicateOf: row.duplicateOf, seenAt: row.seenAt, ...row.article })}\n`;
    }
    await writeOutput(options.articles ?? STDOUT, articleLines());
    if (options.stories) {
      const stories = await store.stories();
      await writeOutput(options.stories, stories.map((s) => `${JSON.stringify(s)}\n`));
    }
  } finally {
    await store.close();
  }
  return 0;
}

interface ServeCliOptions {
  db: string;
  host: string;
  port: number;
  token?: string;
  allowPrivate?: boolean;
  redis?: string;
  maxBytes: number;
  quiet?: boolean;
}

async function runServe(options: ServeCliOptions): Promise<number> {
  const { startServer } = await import('../serve/serve.ts');
  const queue = options.redis ? await (await import('./queue-commands.ts')).openQueueStatus(options.redis) : null;
  // the store is created when missing: a new server starts empty and fills from "Add articles"
  if (!isPostgresUrl(options.db) && existsSync(options.db)) await requireStore(options.db);
  const store = await openStore(options.db);
  let running;
  try {
    running = await startServer({
      store,
      host: options.host,
      port: options.port,
      token: options.token ?? process.env.TRIANGULATE_TOKEN,
      allowPrivate: options.allowPrivate,
      maxBytes: options.maxBytes,
      queueStatus: queue?.status,
      log: options.quiet ? null : (line) => process.stderr.write(`${line}\n`),
      say: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    await store.close();
    await queue?.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${options.port} on ${options.host} is in use`);
    throw error;
  }
  process.stdout.write(`Serving ${oneLine(options.db)} at ${running.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.stop();
  await store.close();
  await queue?.close();
  return 0;
}

async function runExtract(inputs: string[], options: CommonOptions & { json?: string }): Promise<number> {
  const output = options.json ?? STDOUT;
  await refuseOverwritingInputs(inputs, [output]);
  const progress = await createProgress(!options.quiet);
  let failures = 0;
  let count = 0;
  const run = runOptions(options, progress);
  const counted = { ...run, onError: (error: InputError) => (failures++, run.onError?.(error)) };
  const fetched = await fetchUrls(inputs, options, counted);
  // each article written as it is extracted: memory stays flat however many pages there are
  const articles = eachArticle(fetched.inputs, counted);
  await writeOutput(output, articlesJson(articles, () => count++));
  progress.stop();
  if (output !== STDOUT && !options.quiet) process.stderr.write(`Extracted ${count} article${count === 1 ? '' : 's'} to ${oneLine(output)}\n`);
  return failures ? 1 : 0;
}

/** `renderJson({ articles })`, byte for byte, written as the articles come. */
async function* articlesJson(articles: AsyncIterable<Article>, onArticle: () => void): AsyncGenerator<string> {
  let first = true;
  for await (const article of articles) {
    yield first ? '{\n  "articles": [\n    ' : ',\n    ';
    first = false;
    // an article's own lines, two levels in (a newline in JSON text is always structure: strings escape theirs)
    for (const chunk of jsonChunks(article, 64 * 1024)) yield chunk.replaceAll('\n', '\n    ');
    onArticle();
  }
  yield first ? '{\n  "articles": []\n}\n' : '\n  ]\n}\n';
}

/** The inputs with their URLs fetched (pages read as saved files would be), and the URLs that failed. */
async function fetchUrls(inputs: readonly string[], options: CommonOptions, run: RunOptions): Promise<{ inputs: Input[]; failures: InputError[] }> {
  const urls = inputs.filter(isHttpUrl);
  if (urls.length === 0) return { inputs: [...inputs], failures: [] };
  const { fetchPages } = await import('../fetch/fetch-pages.ts');
  const { inputs: pages, failures } = await fetchPages(urls, { allowPrivate: options.allowPrivate, maxBytes: options.maxBytes, onError: run.onError });
  // pages where their URLs stood, so that the articles keep the order given
  const byUrl = new Map<string, Input[]>();
  for (const page of pages) byUrl.set(page.source!, [...(byUrl.get(page.source!) ?? []), page]);
  return { inputs: inputs.flatMap((i): Input[] => (isHttpUrl(i) ? (byUrl.get(i) ?? []) : [i])), failures };
}

/** `analyzeInputs` over fetched inputs: the URLs that failed are listed with the other failures, in the dossier's messages too. */
async function analyzeFetched(fetched: { inputs: Input[]; failures: InputError[] }, run: RunOptions): Promise<{ dossier: Dossier; articles: Article[]; failures: unknown[] }> {
  const result = await analyzeInputs(fetched.inputs, run);
  if (fetched.failures.length === 0) return result;
  const messages = [...fetched.failures.map((f) => ({ source: f.input, rule: 'input-failed', reason: f.reason })), ...result.dossier.messages];
  return { ...result, dossier: { ...result.dossier, messages }, failures: [...fetched.failures, ...result.failures] };
}

function runOptions(options: CommonOptions, progress: Awaited<ReturnType<typeof createProgress>>): RunOptions {
  return {
    maxBytes: options.maxBytes,
    onProgress: (done, total) => progress.update(done, total),
    onError: (error) => progress.fail(error),
    includeNonArticles: options.includeNonArticles,
  };
}

function plannedOutputs(options: AnalyzeOptions): { json?: string; md?: string; html?: string } {
  const named = options.json || options.md || options.html;
  const dir = options.out ?? (named ? undefined : DEFAULT_OUT_DIR);
  return {
    json: options.json ?? (dir ? join(dir, 'dossier.json') : undefined),
    md: options.md ?? (dir ? join(dir, 'brief.md') : undefined),
    html: options.html ?? (dir ? join(dir, 'report.html') : undefined),
  };
}

/**
 * An output that is one of the inputs would destroy what the user stored, and the next run would
 * read the report back as an article. Outputs and inputs are compared by their real paths, the
 * inputs as read (directories walked, globs matched), so that `dir/`, `'*.json'` or a symbolic
 * link cannot hide an input.
 */
async function refuseOverwritingInputs(inputs: readonly string[], outputs: ReadonlyArray<string | undefined>): Promise<void> {
  const byRealPath = new Map<string, string>();
  for (const output of outputs) if (output && output !== STDOUT) byRealPath.set(await realTarget(output), output);
  if (byRealPath.size === 0) return;
  for (const ref of await expandInputs(inputs)) {
    if (ref.kind !== 'file') continue;
    const output = byRealPath.get(await realpath(ref.path).catch(() => resolve(ref.path)));
    if (output !== undefined) throw new UsageError(`refusing to overwrite the input ${oneLine(ref.source)} with the output ${oneLine(output)}`);
  }
}

/** Where writing `path` lands: its real path, or for a file not yet there its folder's real path and its name. */
async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return join(await realpath(dirname(resolve(path))).catch(() => dirname(resolve(path))), basename(path));
  }
}

function refuseSeveralOnStdout(outputs: ReadonlyArray<string | undefined>): void {
  if (outputs.filter((o) => o === STDOUT).length > 1) throw new UsageError('only one output can go to standard output (-)');
}


/**
 * The store must be there before a command that only reads it opens it: opening an SQLite path
 * creates the file and writes a schema into it, which would turn a mistyped or empty file into a store.
 */
async function requireStore(db: string): Promise<void> {
  if (isPostgresUrl(db)) return;
  const info = await stat(db).catch(() => null);
  if (!info || !info.isFile() || info.size === 0) throw new UsageError(`no store at ${oneLine(db)}`);
  const head = Buffer.alloc(16);
  const handle = await open(db, 'r');
  try {
    await handle.read(head, 0, 16, 0);
  } finally {
    await handle.close();
  }
  if (head.toString('latin1') !== 'SQLite format 3\0') throw new UsageError(`no store at ${oneLine(db)} (the file is not an SQLite database)`);
}

/** `--since`: a calendar date or an ISO 8601 time, compared with the stories' ISO times. */
function parseSince(value: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (date) {
    const [, y, m, d] = date.map(Number) as [number, number, number, number];
    const day = new Date(Date.UTC(y, m - 1, d));
    if (day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d) return value.trim();
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value.trim())) {
    const time = Date.parse(value.trim());
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  throw new UsageError(`--since takes a date like 2025-04-08 or a time like 2025-04-08T12:00:00Z, not "${oneLine(value)}"`);
}

async function write(path: string, content: Content): Promise<string> {
  await writeOutput(path, content);
  return path === STDOUT ? 'standard output' : oneLine(path);
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`triangulate: ${oneLine(error.message)}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`triangulate: ${errorLine(error as Error)}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv);
