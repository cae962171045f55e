// The library's entry points: run the stages over inputs (paths, globs, `-`, or in-memory
// articles) and return articles or the dossier. I/O happens in ingest only; failures of single
// inputs are collected, never thrown, so that one bad input does not stop a batch.
import { InputError, shortReason, UsageError } from './errors.ts';
import { attributeQuotes } from './annotate/attribute-quotes.ts';
import { findAttributions, tagArticle } from './annotate/find-attributions.ts';
import { findNames } from './annotate/find-names.ts';
import { findClaims } from './claims/find-claims.ts';
import { findDatedEvents } from './timeline/find-dated-events.ts';
import { findReferences, findRoles } from './annotate/find-roles.ts';
import { buildDossier, withUniqueIds } from './dossier/build-dossier.ts';
import { extractArticle } from './extract/extract-article.ts';
import { expandInputs, readRef, type IngestItem, type IngestOptions } from './ingest/ingest.ts';
import type { RawDocument } from './ingest/raw-document.ts';
import type { Article, Dossier, Message } from './model.ts';
import { segmentArticle } from './text/segment.ts';

/** Inputs processed between turns of the event loop. */
const YIELD_EVERY = 16;

/** An article handed over in memory instead of a path. */
export interface ArticleInput {
  text?: string;
  html?: string;
  /** Names the input in errors and in `articles[].source`; defaults to `url` or `input#N`. */
  source?: string;
  url?: string;
  outlet?: string;
  title?: string;
  author?: string;
  publishedAt?: string;
}

export type Input = string | ArticleInput;

export interface RunOptions extends IngestOptions {
  /**
   * Analyse pages that are not articles (forums, documentation, listings, collections, products,
   * services) as articles. Without it they are kept and extracted, marked by `pageType`, and left
   * out of the analysis (entities, quotes, claims, framing, timeline) and of story assignment.
   */
  includeNonArticles?: boolean;
  /** Called after each input with how many of the expanded inputs are done. */
  onProgress?: (done: number, total: number) => void;
  /** Called for each input that could not be processed, as it happens. */
  onError?: (error: InputError) => void;
}

export interface ExtractResult {
  articles: Article[];
  failures: InputError[];
}

/** Ingest, extract and segment every input. */
export async function extractInputs(inputs: readonly Input[], options: RunOptions = {}): Promise<ExtractResult> {
  const articles: Article[] = [];
  const failures: InputError[] = [];
  for await (const article of eachArticle(inputs, { ...options, onError: (e) => (failures.push(e), options.onError?.(e)) })) articles.push(article);
  return { articles, failures };
}

/** The articles of the inputs one at a time, as they are read: a long run never holds them all. */
export async function* eachArticle(inputs: readonly Input[], options: RunOptions = {}): AsyncGenerator<Article> {
  if (!Array.isArray(inputs)) throw new UsageError('the inputs must be an array (of paths, globs, "-" or article objects)');
  const paths = inputs.filter((i): i is string => typeof i === 'string');
  const refs = await expandInputs(paths);
  // anything else, null and numbers included, is an in-memory input: it is read or it fails alone
  const memory: unknown[] = inputs.filter((i) => typeof i !== 'string');
  const total = refs.length + memory.length;
  function* take(items: IngestItem[]): Generator<Article> {
    for (const item of items) {
      if ('error' in item) {
        options.onError?.(item.error);
        continue;
      }
      let article: Article;
      try {
        article = segmentArticle(extractArticle(item.doc));
      } catch (error) {
        options.onError?.(error instanceof InputError ? error : new InputError(item.doc.source, `extraction failed (${(error as Error).message})`));
        continue;
      }
      yield article;
    }
  }
  let done = 0;
  for (const ref of refs) {
    yield* take(await readRef(ref, options));
    options.onProgress?.(++done, total);
    // let timers (the progress bar's redraw) and stdin run now and then
    if (done % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  for (const [i, input] of memory.entries()) {
    yield* take([memoryDocument(input, i)]);
    options.onProgress?.(++done, total);
  }
}

export interface AnalyzeResult extends ExtractResult {
  dossier: Dossier;
}

/** The whole pipeline over one story's inputs: the dossier, plus the inputs that failed. */
export async function analyzeInputs(inputs: readonly Input[], options: RunOptions = {}): Promise<AnalyzeResult> {
  const extracted = await extractInputs(inputs, options);
  const articles = withUniqueIds(extracted.articles);
  const messages: Message[] = extracted.failures.map((f) => ({ source: f.input, rule: 'input-failed', reason: f.reason }));
  const dossier = analyzeArticles(articles, messages, { includeNonArticles: options.includeNonArticles });
  // an article whose annotation failed is left out of the dossier and listed with the failures
  const kept = new Set(dossier.articles.map((a) => a.id));
  const failures = [...extracted.failures];
  for (const article of articles) {
    if (kept.has(article.id)) continue;
    const failure = new InputError(article.source, dossier.messages.find((m) => m.source === article.source && m.rule === 'input-failed')?.reason ?? 'annotation failed');
    failures.push(failure);
    options.onError?.(failure);
  }
  return { articles: articles.filter((a) => kept.has(a.id)), failures, dossier };
}

/** One article's annotations, as stored (plain data: they go through JSON unchanged). */
export interface ArticleAnnotations {
  article: Article;
  names: ReturnType<typeof findNames>;
  quotes: ReturnType<typeof attributeQuotes>;
  attributions: ReturnType<typeof findAttributions>;
  claims: ReturnType<typeof findClaims>;
  roles: ReturnType<typeof findRoles>;
  references: ReturnType<typeof findReferences>;
  events: ReturnType<typeof findDatedEvents>;
}

/** One article's annotations; each stage sees the article alone. */
export function annotateArticle(article: Article): ArticleAnnotations {
  const names = findNames(article);
  const tagged = tagArticle(article);
  const attributions = findAttributions(article, tagged);
  return {
    article,
    names,
    quotes: attributeQuotes(article, names, tagged),
    attributions,
    claims: findClaims(article, attributions),
    roles: findRoles(article, names),
    references: findReferences(article, names),
    events: findDatedEvents(article),
  };
}

export interface AnalyzeArticlesOptions {
  includeNonArticles?: boolean;
  /** Annotations already made (stored), by article id: used instead of annotating again. */
  known?: ReadonlyMap<string, ArticleAnnotations>;
  /** Called with each article's annotations made in this call (to store them). */
  onAnnotated?: (annotations: ArticleAnnotations) => void;
}

/**
 * The dossier of articles already extracted (a stored story's): annotate, then build. An article
 * that a stage fails on (a bug, not the input's fault, but an input found it) is left out and
 * listed in `messages`, so that one article never costs the whole story.
 */
export function analyzeArticles(articles: readonly Article[], messages: readonly Message[] = [], options: AnalyzeArticlesOptions = {}): Dossier {
  const annotated: ArticleAnnotations[] = [];
  const failed: Message[] = [];
  const setAside = new Set(options.includeNonArticles ? [] : articles.filter((a) => !isArticlePage(a)).map((a) => a.id));
  for (const article of articles) {
    if (setAside.has(article.id)) continue;
    const known = options.known?.get(article.id);
    if (known) {
      // what was annotated is this very article: its own fields, not the stored copy's
      annotated.push({ ...known, article });
      continue;
    }
    try {
      const fresh = annotateArticle(article);
      annotated.push(fresh);
      options.onAnnotated?.(fresh);
    } catch (error) {
      failed.push({ source: article.source, rule: 'input-failed', reason: `annotation failed (${shortReason(error)})` });
    }
  }
  const dossier = buildDossier(
    annotated.map((a) => a.article),
    [...messages, ...failed],
    {
      names: annotated.flatMap((a) => a.names),
      quotes: annotated.flatMap((a) => a.quotes),
      roles: annotated.flatMap((a) => a.roles),
      references: annotated.flatMap((a) => a.references),
      attributions: annotated.flatMap((a) => a.attributions),
      claims: annotated.flatMap((a) => a.claims),
      events: annotated.flatMap((a) => a.events),
    },
  );
  if (setAside.size === 0) return dossier;
  // pages that are not articles stay in the dossier, in input order, marked by their pageType
  const kept = new Set(dossier.articles.map((a) => a.id));
  return { ...dossier, articles: articles.filter((a) => kept.has(a.id) || setAside.has(a.id)) };
}

/** An article, or a page of another type (a listing, a product…); articles stored before page types were read count as articles. */
export function isArticlePage(article: Article): boolean {
  return !article.pageType || article.pageType.type === 'article';
}


/** `import { analyze } from 'triangulate'`: the dossier of the given inputs. */
export async function analyze(inputs: readonly Input[], options: RunOptions = {}): Promise<Dossier> {
  return (await analyzeInputs(inputs, options)).dossier;
}

/** One in-memory article, extracted and segmented; an InputError when it cannot be. */
export function extractOne(input: ArticleInput, index = 0): Article {
  const item = memoryDocument(input, index);
  if ('error' in item) throw item.error;
  return segmentArticle(extractArticle(item.doc));
}

/** What a value is, for a message: "null", "a number", "an array"… */
function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : type === 'bigint' ? 'a BigInt' : `a ${type}`;
}

/** The optional string fields of an in-memory article. */
const STRING_FIELDS = ['source', 'url', 'outlet', 'title', 'author', 'publishedAt', 'html', 'text'] as const;

/**
 * One in-memory input as a document, or why it cannot be one. Anything may arrive here from
 * JavaScript callers (null, a number, fields of the wrong type): each becomes a failure naming
 * the input and the field, never a TypeError. A field that is null or undefined is absent.
 */
function memoryDocument(input: unknown, index: number): IngestItem {
  const fallback = `input#${index + 1}`;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { error: new InputError(fallback, `an input must be a path or an object with "text" or "html", not ${describeType(input)}`) };
  }
  const fields = input as Record<string, unknown>;
  const given = (name: string): string | null => (typeof fields[name] === 'string' ? (fields[name] as string) : null);
  const source = given('source') ?? given('url') ?? fallback;
  for (const name of STRING_FIELDS) {
    const value = fields[name];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return { error: new InputError(source, `"${name}" must be a string, not ${describeType(value)}`) };
    }
  }
  // the field that holds text: {html: null, text: "…"} is text
  const html = given('html');
  const text = given('text');
  const format = html !== null && html.trim() !== '' ? 'html' : text !== null && text.trim() !== '' ? 'text' : null;
  if (format === null) return { error: new InputError(source, 'an in-memory article needs a non-empty "text" or "html"') };
  const doc: RawDocument = {
    source,
    format,
    content: format === 'html' ? html! : text!,
    encoding: 'utf-8',
    hints: {
      url: given('url'),
      outlet: given('outlet'),
      title: given('title'),
      author: given('author'),
      publishedAt: given('publishedAt'),
    },
  };
  return { doc };
}
