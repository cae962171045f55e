// The story store: articles, their near-duplicate keys and their stories, kept current as
// articles arrive. One interface, two engines (SQLite for one machine, PostgreSQL for several);
// both pass the same test suite. Every article is written with its keys and its story in one
// transaction (SQLite batches a few hundred articles per transaction, each in a savepoint): a
// store killed at any point holds each article whole or not at all.
//
// Several ingesters may write one store at once (processes on one SQLite file, workers on one
// PostgreSQL database). What they share is only ever changed from rows read inside the writing
// transaction, under the write lock (SQLite) or a row lock (PostgreSQL): an article someone else
// stored meanwhile counts as known, a story's count, outlets and vector are updated from its
// current row, and the document frequencies are added to, never overwritten.
import { createHash } from 'node:crypto';
import { InputError } from '../errors.ts';
import type { Article } from '../model.ts';
import { mergeVectors } from '../stories/story-features.ts';

export interface StoryRow {
  id: number;
  headline: string;
  firstSeen: string;
  lastSeen: string;
  articles: number;
  outlets: string[];
  /** The story's top terms and weights. */
  vector: Array<[string, number]>;
}

export interface DuplicateCandidate {
  id: string;
  signature: Uint32Array;
  storyId: number;
}

export interface NewArticle {
  article: Article;
  /** When the store first saw it (ISO 8601). */
  seenAt: string;
  /** The date that places it in time: publication, else first seen. */
  dated: string;
  signature: Uint32Array;
  bandKeys: readonly string[];
  /** The article it is a near-duplicate or syndicated copy of. */
  duplicateOf: string | null;
  /** The story it joins (its id), or a new one (null). */
  storyId: number | null;
  /**
   * How to choose again, inside the writing transaction, when the assigner found no story to join:
   * another writer may have started the story this article belongs to since the candidates were
   * read. The store locks the article's story keys (PostgreSQL: advisory locks, in one order; SQLite:
   * its write lock), reads the candidates again and lets `choose` pick one (or none).
   */
  reassign?: { terms: readonly string[]; since: string; choose: (candidates: readonly StoryRow[]) => number | null };
  /**
   * The article's own term vector. The store merges it into the story's vector as the story's row
   * stands inside the writing transaction, not as the assigner read it: another writer may have
   * added to the story since.
   */
  vector: Array<[string, number]>;
}

/** What committing an article did: stored it (in this story), or found it stored already by another writer. */
export type Committed = { known: false; storyId: number } | { known: true };

export interface FetchState {
  etag: string | null;
  lastModified: string | null;
  failures: number;
  lastError: string | null;
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  hasArticle(id: string): Promise<boolean>;
  duplicateCandidates(bandKeys: readonly string[]): Promise<DuplicateCandidate[]>;
  /** Stories seen on or after `since` that share a key with these terms. */
  storyCandidates(terms: readonly string[], since: string): Promise<StoryRow[]>;
  /**
   * Stores the article with its keys and its story. An article another writer stored meanwhile is
   * `known`; one the store cannot hold (its data refused by the database) throws an InputError
   * naming it and leaves the store as it was, ready for the next article.
   */
  commitArticle(input: NewArticle): Promise<Committed>;
  /** Makes everything written so far durable (an engine may commit articles in batches). */
  flush(): Promise<void>;
  loadFrequencies(): Promise<Frequencies | null>;
  /**
   * Adds counts (one run's articles since its last save) to the stored document frequencies in
   * one transaction, and returns the totals: runs writing at once add up, none overwrites another.
   */
  addFrequencies(counts: Uint32Array, documents: number): Promise<Frequencies>;
  stories(filter?: { since?: string; minOutlets?: number }): Promise<StoryRow[]>;
  story(id: number): Promise<StoryRow | null>;
  storyArticles(storyId: number): Promise<Article[]>;
  /** Every article with its story, in the order they were stored. */
  exportArticles(): AsyncIterable<{ storyId: number; duplicateOf: string | null; seenAt: string; article: Article }>;
  articleCount(): Promise<number>;
  fetchState(url: string): Promise<FetchState | null>;
  recordFetch(url: string, state: FetchState): Promise<void>;
  /** URLs whose last fetch failed, to retry. */
  failedFetches(): Promise<string[]>;
  /** A page of the stories a query finds, newest (or largest) first, and how many it finds in all. */
  findStories(query: StoryQuery): Promise<StoryPage>;
  /** Every outlet of the store's stories, sorted. */
  outlets(): Promise<string[]>;
  /** The story's kept dossier, whatever its stamp (the caller compares it with the story's). */
  keptDossier(storyId: number): Promise<KeptDossier | null>;
  /** Keeps a story's dossier (replacing the one kept). */
  keepDossier(storyId: number, kept: KeptDossier): Promise<void>;
  /** The kept annotations of these articles made by this version (the others are missing or stale). */
  keptAnnotations(articleIds: readonly string[], version: string): Promise<Map<string, string>>;
  /** Keeps articles' annotations (replacing what was kept for them). */
  keepAnnotations(rows: readonly KeptAnnotations[]): Promise<void>;
  close(): Promise<void>;
}

export interface Frequencies {
  counts: Uint32Array;
  documents: number;
}

/** Characters of an article's text that go into the search index, after its title and outlet. */
export const SEARCH_CHARS = 1000;

/** The migrations, numbered: each runs once, in order, and is recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sqlite: `
      CREATE TABLE stories (id INTEGER PRIMARY KEY AUTOINCREMENT, headline TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
        articles INTEGER NOT NULL, outlets TEXT NOT NULL, vector TEXT NOT NULL);
      CREATE TABLE articles (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, story_id INTEGER NOT NULL REFERENCES stories(id),
        duplicate_of TEXT, seen_at TEXT NOT NULL, dated TEXT NOT NULL, outlet TEXT, title TEXT, url TEXT, signature BLOB NOT NULL, json TEXT NOT NULL);
      CREATE INDEX articles_story ON articles(story_id);
      CREATE TABLE band_keys (key TEXT NOT NULL, article_id TEXT NOT NULL);
      CREATE INDEX band_keys_key ON band_keys(key);
      CREATE TABLE story_keys (key TEXT NOT NULL, story_id INTEGER NOT NULL, PRIMARY KEY (key, story_id));
      CREATE INDEX story_keys_story ON story_keys(story_id);
      CREATE TABLE frequencies (id INTEGER PRIMARY KEY CHECK (id = 1), documents INTEGER NOT NULL, counts BLOB NOT NULL);
      CREATE TABLE fetches (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, failures INTEGER NOT NULL, last_error TEXT, updated_at TEXT NOT NULL);`,
    postgres: `
      CREATE TABLE stories (id BIGSERIAL PRIMARY KEY, headline TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
        articles INTEGER NOT NULL, outlets TEXT NOT NULL, vector TEXT NOT NULL);
      CREATE TABLE articles (seq BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, story_id BIGINT NOT NULL REFERENCES stories(id),
        duplicate_of TEXT, seen_at TEXT NOT NULL, dated TEXT NOT NULL, outlet TEXT, title TEXT, url TEXT, signature BYTEA NOT NULL, json TEXT NOT NULL);
      CREATE INDEX articles_story ON articles(story_id);
      CREATE TABLE band_keys (key TEXT NOT NULL, article_id TEXT NOT NULL);
      CREATE INDEX band_keys_key ON band_keys(key);
      CREATE TABLE story_keys (key TEXT NOT NULL, story_id BIGINT NOT NULL, PRIMARY KEY (key, story_id));
      CREATE INDEX story_keys_story ON story_keys(story_id);
      CREATE TABLE frequencies (id INTEGER PRIMARY KEY CHECK (id = 1), documents BIGINT NOT NULL, counts BYTEA NOT NULL);
      CREATE TABLE fetches (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, failures INTEGER NOT NULL, last_error TEXT, updated_at TEXT NOT NULL);`,
  },
  {
    // near-duplicate lookups read only the most recent articles under each key: a key shared by
    // thousands of similar articles costs no more than one shared by a few
    version: 2,
    sqlite: `
      ALTER TABLE band_keys ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
      DROP INDEX band_keys_key;
      CREATE INDEX band_keys_key_seq ON band_keys(key, seq DESC);`,
    postgres: `
      ALTER TABLE band_keys ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
      DROP INDEX band_keys_key;
      CREATE INDEX band_keys_key_seq ON band_keys(key, seq DESC);`,
  },
  {
    // the web app: stories found by the words of their articles (a title and the start of the
    // text, SEARCH_CHARS), and each story's dossier kept until the story changes. SQLite's
    // full-text index holds no copy of the text (contentless); the row id is the article's seq.
    version: 3,
    sqlite: `
      CREATE VIRTUAL TABLE article_search USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
      INSERT INTO article_search (rowid, body)
        SELECT seq, coalesce(title, '') || ' ' || coalesce(outlet, '') || ' ' || substr(coalesce(json_extract(json, '$.text'), ''), 1, ${SEARCH_CHARS}) FROM articles;
      CREATE TABLE story_dossiers (story_id INTEGER PRIMARY KEY REFERENCES stories(id), stamp TEXT NOT NULL,
        established INTEGER NOT NULL, contested INTEGER NOT NULL, json TEXT NOT NULL);`,
    postgres: `
      CREATE TABLE article_search (seq BIGINT PRIMARY KEY, story_id BIGINT NOT NULL, body TSVECTOR NOT NULL);
      INSERT INTO article_search (seq, story_id, body)
        SELECT seq, story_id, to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(outlet, '')) FROM articles;
      CREATE INDEX article_search_body ON article_search USING GIN (body);
      CREATE INDEX article_search_story ON article_search (story_id);
      CREATE TABLE story_dossiers (story_id BIGINT PRIMARY KEY REFERENCES stories(id), stamp TEXT NOT NULL,
        established INTEGER NOT NULL, contested INTEGER NOT NULL, json TEXT NOT NULL);`,
  },
  {
    // each article's annotations (names, quotes, attributions, claims, dated events), kept under
    // the annotation version: made once, read by every dossier of its story
    version: 4,
    sqlite: `CREATE TABLE article_annotations (article_id TEXT PRIMARY KEY, version TEXT NOT NULL, json TEXT NOT NULL);`,
    postgres: `CREATE TABLE article_annotations (article_id TEXT PRIMARY KEY, version TEXT NOT NULL, json TEXT NOT NULL);`,
  },
];

/** An article's annotations as kept: their JSON (without the article itself) and the version that made them. */
export interface KeptAnnotations {
  articleId: string;
  version: string;
  json: string;
}

/** What the search index holds of an article: its title, its outlet and the start of its text. */
export function searchBody(article: Article): string {
  return plainText(`${article.title ?? ''} ${article.outlet ?? ''} ${article.text.slice(0, SEARCH_CHARS)}`);
}

/** What the stories page asks for: words to find, filters, an order and a page. */
export interface StoryQuery {
  /** Words every story found holds (in one of its articles' titles, outlets or leads). */
  text?: string;
  /** Stories seen on or after this time (ISO 8601 or a date). */
  since?: string;
  /** Stories first seen on or before this time. */
  until?: string;
  /** Stories reported by at least one of these outlets. */
  outlets?: readonly string[];
  minOutlets?: number;
  /** Only stories whose dossier, kept for this analysis version, has contested facts. */
  contested?: { version: string };
  /** Only stories with no dossier kept for this analysis version (or one kept before the story changed). */
  unanalysed?: { version: string };
  sort?: 'recent' | 'size';
  offset?: number;
  limit?: number;
}

export interface StoryPage {
  stories: StoryRow[];
  /** Stories matching the query, over all pages. */
  total: number;
}

/** What makes a kept dossier current: the story's article count (articles are only ever added) and the analysis version. */
export function dossierStamp(articles: number, version: string): string {
  return `${articles}:${version}`;
}

/** A story's dossier as kept: valid while the stamp is the story's current one. */
export interface KeptDossier {
  stamp: string;
  established: number;
  contested: number;
  json: string;
}

/**
 * The words of a search as the engines take them: letters and digits only, so that nothing a
 * user types is query syntax (FTS5's NEAR, quotes, columns; tsquery's operators). Every word must
 * be found (AND), each as a prefix of a word of the text.
 */
export function searchWords(text: string): string[] {
  return [...new Set(text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 16);
}

/** Articles read per near-duplicate key: the most recent ones. */
export const RECENT_PER_KEY = 8;

/** Counts as stored (bytes of a Uint32Array), copied to an aligned array of their own. */
export function countsFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2);
}

/** The stored frequencies (none yet: zeros) plus a run's counts. */
export function addCounts(stored: Frequencies | null, counts: Uint32Array, documents: number): Frequencies {
  const total = new Uint32Array(Math.max(counts.length, stored?.counts.length ?? 0));
  if (stored) total.set(stored.counts);
  for (let i = 0; i < counts.length; i++) if (counts[i]) total[i] = total[i]! + counts[i]!;
  return { counts: total, documents: (stored?.documents ?? 0) + documents };
}

/** Terms under which a story is found again: its top terms. */
export const STORY_KEYS = 20;

/**
 * A story as it stands after an article joins it (`current`, read inside the writing
 * transaction) or starts it (`current` null): the one rule both engines apply.
 */
export function storyAfter(current: StoryRow | null, input: NewArticle): Omit<StoryRow, 'id' | 'articles'> & { keys: string[] } {
  const { article } = input;
  const outlet = article.outlet ?? article.url ?? article.source;
  const own = new Map(input.vector);
  const merged = current ? mergeVectors(new Map(current.vector), own, current.articles) : own;
  const vector = [...merged].map(([t, w]): [string, number] => [t, Math.round(w * 1e6) / 1e6]);
  if (!current) {
    return { headline: plainText(article.title ?? article.text.slice(0, 120)), firstSeen: input.dated, lastSeen: input.dated, outlets: [outlet], vector, keys: storyKeys(vector) };
  }
  return {
    headline: current.headline,
    firstSeen: input.dated < current.firstSeen ? input.dated : current.firstSeen,
    lastSeen: input.dated > current.lastSeen ? input.dated : current.lastSeen,
    outlets: current.outlets.includes(outlet) ? current.outlets : [...current.outlets, outlet].sort(),
    vector,
    keys: storyKeys(vector),
  };
}

function storyKeys(vector: ReadonlyArray<[string, number]>): string[] {
  return [...new Set(vector.slice(0, STORY_KEYS).map(([t]) => storyKey(t)))];
}

/** Longest term kept as it is in `story_keys`. */
const MAX_KEY = 200;

/**
 * A term as a story key: as it is, or, when longer than MAX_KEY characters (a 5,000-letter
 * "word"), cut and suffixed with its hash. PostgreSQL cannot index a value over 2,704 bytes, and
 * both engines keep the same keys. Two long terms sharing a cut and a hash would only make a story
 * a candidate, which the cosine then judges.
 */
export function storyKey(term: string): string {
  return plainText(term.length <= MAX_KEY ? term : `${term.slice(0, MAX_KEY - 41)}#${createHash('sha1').update(term).digest('hex')}`);
}

/**
 * A value for a plain text column (title, outlet, url, headline, fetch error). PostgreSQL's TEXT
 * cannot hold U+0000 ("invalid byte sequence"), so both engines store it as U+FFFD, the
 * replacement character, and give the same value back. Nothing is lost: an article's own fields
 * come back from its `json` column, where JSON.stringify has written U+0000 as the escape
 * "\u0000" (plain ASCII). Lone surrogates become U+FFFD too, as both drivers' UTF-8 encoding
 * would make them anyway.
 */
export function plainText(value: string): string;
export function plainText(value: string | null | undefined): string | null;
export function plainText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The name an article is reported under when it cannot be stored. */
export function articleName(article: Article): string {
  return plainText(article.url ?? article.source ?? article.id).replace(/[\r\n]+/g, ' ');
}

/** The one-line error for an article the database refused; the run goes on with the next one. */
export function articleRefused(article: Article, error: unknown): InputError {
  const message = error instanceof Error ? error.message : String(error);
  return new InputError(articleName(article), `could not be stored (${message.split('\n')[0]})`);
}

export function storyRow(r: { id: number | string; headline: string; first_seen: string; last_seen: string; articles: number | string; outlets: string; vector: string }): StoryRow {
  return {
    id: Number(r.id),
    headline: r.headline,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    articles: Number(r.articles),
    outlets: JSON.parse(r.outlets) as string[],
    vector: JSON.parse(r.vector) as Array<[string, number]>,
  };
}
