// The story store: articles, their near-duplicate keys and their stories, kept current as
// articles arrive. One interface, two engines (SQLite for one machine, PostgreSQL for several);
// both pass the same test suite. Every article is written with its keys and its story in one
// transaction (SQLite batches a few hundred articles per transaction, each in a savepoint): a
// store killed at any point holds each article whole or not at all.
import type { Article } from '../model.ts';

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
  /** The story it joins (its id), or a new one (null), with the story's vector after it. */
  storyId: number | null;
  storyVector: Array<[string, number]>;
  /** Terms under which the story is found again (its top terms). */
  storyKeys: readonly string[];
}

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
  commitArticle(input: NewArticle): Promise<{ storyId: number }>;
  /** Makes everything written so far durable (an engine may commit articles in batches). */
  flush(): Promise<void>;
  loadFrequencies(): Promise<{ counts: Uint32Array; documents: number } | null>;
  saveFrequencies(counts: Uint32Array, documents: number): Promise<void>;
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
  close(): Promise<void>;
}

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
];

/** Articles read per near-duplicate key: the most recent ones. */
export const RECENT_PER_KEY = 8;

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
