// The SQLite engine of the store (better-sqlite3): one file, write-ahead log, every article
// committed in one transaction with its keys and its story.
//
// Several processes may ingest into one file at once. Each write transaction takes the write lock
// up front (BEGIN IMMEDIATE), so a transaction never reads a snapshot another writer has since
// changed (SQLITE_BUSY_SNAPSHOT) and everything read inside it is current. The lock is held for a
// batch of BATCH articles or HOLD_MS, whichever comes first, and let go while the run fetches or
// waits; a writer that finds it taken polls for it every millisecond or two (SQLite's own busy
// handler sleeps up to 100 ms between tries and would almost never catch the moment between two
// batches of a busy writer) for up to LOCK_WAIT_MS.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { InputError } from '../errors.ts';
import type { Article } from '../model.ts';
import { signatureFromBytes, signatureToBytes } from '../stories/minhash.ts';
import {
  addCounts,
  articleRefused,
  countsFromBytes,
  MIGRATIONS,
  plainText,
  RECENT_PER_KEY,
  storyAfter,
  storyKey,
  storyRow,
  type Committed,
  type DuplicateCandidate,
  type FetchState,
  type Frequencies,
  type KeptAnnotations,
  type KeptDossier,
  type NewArticle,
  type Store,
  type StoryPage,
  type StoryQuery,
  type StoryRow,
  searchBody,
  searchWords,
} from './store.ts';

type Row = Record<string, unknown>;

/** Articles per transaction, at most. */
const BATCH = 200;
/** Longest a transaction holds the write lock before it commits, in ms (a batch that takes longer, or the run pausing). */
const HOLD_MS = 250;
/** Longest a writer waits for the write lock, in ms; then the run stops. */
const LOCK_WAIT_MS = 60_000;
/** SQLite's own wait for a lock, in ms (reads meeting a checkpoint, opening a file another process is creating). */
const BUSY_TIMEOUT_MS = 60_000;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface SqliteOpenOptions {
  /** Create the store (a new file, or an empty one) when there is none; false for commands that only read. */
  create?: boolean;
}

/** Errors that are about the article's data, not the database: the article fails, the run goes on. */
function isArticleFault(error: unknown): boolean {
  if (!(error instanceof Database.SqliteError)) return error instanceof RangeError || error instanceof TypeError;
  return error.code.startsWith('SQLITE_CONSTRAINT') || error.code === 'SQLITE_TOOBIG' || error.code === 'SQLITE_MISMATCH';
}

export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Articles written in the open transaction: committed together every BATCH, and on flush or close. */
  private pending = 0;
  /** When the open transaction took the write lock (ms, performance.now()). */
  private lockedAt = 0;
  /** Commits the open transaction when the run leaves it idle (fetching, waiting) with the lock held. */
  private idle: NodeJS.Timeout | null = null;
  /** A commit that failed on that timer, thrown by the next write. */
  private idleFailure: unknown = null;

  /** A prepared statement, prepared once per SQL text. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  constructor(
    private readonly path: string,
    options: SqliteOpenOptions = {},
  ) {
    const create = options.create ?? true;
    const inMemory = path === ':memory:' || path === '';
    if (!inMemory) refuseNonStore(path, create);
    try {
      this.db = new Database(path, { timeout: BUSY_TIMEOUT_MS, fileMustExist: !create });
    } catch (error) {
      throw new InputError(path, `cannot open the store (${(error as Error).message})`);
    }
    try {
      // a SQLite database that is something else's keeps its journal mode and gets no tables of ours
      const tables = (this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
      if (!tables.includes('schema_migrations') && (tables.length > 0 || !create)) {
        throw new InputError(path, tables.length ? 'not a Triangulate store (a SQLite database of something else)' : 'not a Triangulate store (an empty database)');
      }
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.migrate();
    } catch (error) {
      this.db.close();
      if (error instanceof Database.SqliteError && (error.code === 'SQLITE_NOTADB' || error.code.startsWith('SQLITE_CORRUPT'))) {
        throw new InputError(path, `not a Triangulate store (${error.message})`);
      }
      throw error;
    }
  }

  private migrate(): void {
    // nothing to do (the usual case) needs no write lock, which running ingests may hold
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    if (exists) {
      const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
      if (MIGRATIONS.every((m) => done.has(m.version))) return;
    }
    // under the write lock, reading what is done inside it: two runs opening a new file at once
    // migrate it once
    this.db
      .transaction(() => {
        this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
        const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
        for (const m of MIGRATIONS) {
          if (done.has(m.version)) continue;
          this.db.exec(m.sqlite);
          this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
        }
      })
      .immediate();
  }

  /** Opens a write transaction holding the write lock, unless one is open. */
  private async begin(): Promise<void> {
    this.throwIdleFailure();
    if (this.db.inTransaction) return;
    const deadline = performance.now() + LOCK_WAIT_MS;
    this.db.pragma('busy_timeout = 0');
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          this.db.exec('BEGIN IMMEDIATE');
          break;
        } catch (error) {
          if (!(error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY'))) throw error;
          // not an InputError: no article is at fault, and the run cannot go on
          if (performance.now() > deadline) throw new Error(`${this.path}: the store stayed locked by another writer for ${LOCK_WAIT_MS / 1000} s`);
          await sleep(attempt < 1000 ? 1 : 2);
        }
      }
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
    this.pending = 0;
    this.lockedAt = performance.now();
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.sql('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
  }

  async duplicateCandidates(bandKeys: readonly string[]): Promise<DuplicateCandidate[]> {
    const byKey = this.sql('SELECT article_id FROM band_keys WHERE key = ? ORDER BY seq DESC LIMIT ?');
    const ids = new Set<string>();
    for (const key of bandKeys) for (const r of byKey.all(key, RECENT_PER_KEY) as Array<{ article_id: string }>) ids.add(r.article_id);
    const article = this.sql('SELECT id, signature, story_id, seq FROM articles WHERE id = ?');
    return [...ids]
      .map((id) => article.get(id) as { id: string; signature: Buffer; story_id: number; seq: number })
      .sort((a, b) => a.seq - b.seq)
      .map((r) => ({ id: r.id, signature: signatureFromBytes(r.signature), storyId: r.story_id }));
  }

  async storyCandidates(terms: readonly string[], since: string): Promise<StoryRow[]> {
    return this.candidates(terms, since);
  }

  private candidates(terms: readonly string[], since: string): StoryRow[] {
    if (terms.length === 0) return [];
    const keys = terms.map(storyKey);
    const rows = this.sql(`SELECT DISTINCT s.* FROM story_keys k JOIN stories s ON s.id = k.story_id WHERE k.key IN (${keys.map(() => '?').join(',')}) AND s.last_seen >= ? ORDER BY s.id`)
      .all(...keys, since) as Parameters<typeof storyRow>[0][];
    return rows.map(storyRow);
  }

  async commitArticle(input: NewArticle): Promise<Committed> {
    // articles go in batches per transaction (a commit costs more than the article); each
    // article inside a savepoint, so that one that fails leaves nothing of itself behind
    await this.begin();
    this.db.exec('SAVEPOINT article');
    let committed: Committed;
    try {
      committed = this.writeArticle(input);
      this.db.exec('RELEASE article');
    } catch (error) {
      if (this.db.inTransaction) {
        this.db.exec('ROLLBACK TO article');
        this.db.exec('RELEASE article');
      }
      if (isArticleFault(error)) throw articleRefused(input.article, error);
      throw error;
    }
    if (++this.pending >= BATCH || performance.now() - this.lockedAt >= HOLD_MS) await this.flush();
    else this.commitWhenIdle();
    return committed;
  }

  /** Commits the open transaction if the run leaves it idle for HOLD_MS: other writers wait meanwhile. */
  private commitWhenIdle(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.idle = null;
      try {
        if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
      } catch (error) {
        this.idleFailure = error;
      }
    }, HOLD_MS);
    this.idle.unref();
  }

  private throwIdleFailure(): void {
    const error = this.idleFailure;
    this.idleFailure = null;
    if (error) throw error;
  }

  /** Commits the open batch: everything written so far is durable. */
  async flush(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.throwIdleFailure();
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.pending = 0;
  }

  /** Writes the article under the write lock: what it reads here is current. */
  private writeArticle(input: NewArticle): Committed {
    const { article } = input;
    // another process may have stored it since this run looked
    if (this.sql('SELECT 1 FROM articles WHERE id = ?').get(article.id) !== undefined) return { known: true };
    // under the write lock, the story candidates as they are now: another writer may have started this article's story
    const chosen = input.storyId ?? (input.reassign && !input.duplicateOf ? input.reassign.choose(this.candidates(input.reassign.terms, input.reassign.since)) : null);
    const row = chosen === null ? undefined : (this.sql('SELECT * FROM stories WHERE id = ?').get(chosen) as Parameters<typeof storyRow>[0] | undefined);
    const current = row ? storyRow(row) : null;
    const next = storyAfter(current, input);
    let storyId: number;
    if (!current) {
      storyId = Number(
        this.sql('INSERT INTO stories (headline, first_seen, last_seen, articles, outlets, vector) VALUES (?, ?, ?, 1, ?, ?)')
          .run(next.headline, next.firstSeen, next.lastSeen, JSON.stringify(next.outlets), JSON.stringify(next.vector)).lastInsertRowid,
      );
    } else {
      storyId = current.id;
      this.sql('UPDATE stories SET first_seen = ?, last_seen = ?, articles = articles + 1, outlets = ?, vector = ? WHERE id = ?')
        .run(next.firstSeen, next.lastSeen, JSON.stringify(next.outlets), JSON.stringify(next.vector), storyId);
      this.sql('DELETE FROM story_keys WHERE story_id = ?').run(storyId);
    }
    const key = this.sql('INSERT OR IGNORE INTO story_keys (key, story_id) VALUES (?, ?)');
    for (const k of next.keys) key.run(k, storyId);
    const seq = this.sql('INSERT INTO articles (id, story_id, duplicate_of, seen_at, dated, outlet, title, url, signature, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(article.id, storyId, input.duplicateOf, input.seenAt, input.dated, plainText(article.outlet), plainText(article.title), plainText(article.url), signatureToBytes(input.signature), JSON.stringify(article))
      .lastInsertRowid;
    this.sql('INSERT INTO article_search (rowid, body) VALUES (?, ?)').run(seq, searchBody(article));
    const band = this.sql('INSERT INTO band_keys (key, article_id, seq) VALUES (?, ?, ?)');
    for (const k of input.bandKeys) band.run(k, article.id, seq);
    return { known: false, storyId };
  }

  async loadFrequencies(): Promise<Frequencies | null> {
    const row = this.sql('SELECT documents, counts FROM frequencies WHERE id = 1').get() as { documents: number; counts: Buffer } | undefined;
    return row ? { counts: countsFromBytes(row.counts), documents: row.documents } : null;
  }

  async addFrequencies(counts: Uint32Array, documents: number): Promise<Frequencies> {
    // read, add and write under the write lock: another run's counts are added to, not replaced
    await this.begin();
    const stored = await this.loadFrequencies();
    const total = addCounts(stored, counts, documents);
    this.sql('INSERT INTO frequencies (id, documents, counts) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET documents = excluded.documents, counts = excluded.counts')
      .run(total.documents, Buffer.from(total.counts.buffer, total.counts.byteOffset, total.counts.byteLength));
    await this.flush();
    return total;
  }

  async stories(filter: { since?: string; minOutlets?: number } = {}): Promise<StoryRow[]> {
    const rows = this.sql('SELECT * FROM stories WHERE last_seen >= ? ORDER BY last_seen DESC, id').all(filter.since ?? '') as Parameters<typeof storyRow>[0][];
    return rows.map(storyRow).filter((s) => s.outlets.length >= (filter.minOutlets ?? 0));
  }

  async story(id: number): Promise<StoryRow | null> {
    const row = this.sql('SELECT * FROM stories WHERE id = ?').get(id) as Parameters<typeof storyRow>[0] | undefined;
    return row ? storyRow(row) : null;
  }

  async storyArticles(storyId: number): Promise<Article[]> {
    return (this.sql('SELECT json FROM articles WHERE story_id = ? ORDER BY seq').all(storyId) as Array<{ json: string }>).map((r) => JSON.parse(r.json) as Article);
  }

  async *exportArticles(): AsyncIterable<{ storyId: number; duplicateOf: string | null; seenAt: string; article: Article }> {
    for (const r of this.sql('SELECT story_id, duplicate_of, seen_at, json FROM articles ORDER BY seq').iterate() as IterableIterator<Row>) {
      yield { storyId: Number(r.story_id), duplicateOf: (r.duplicate_of as string | null) ?? null, seenAt: r.seen_at as string, article: JSON.parse(r.json as string) as Article };
    }
  }

  async articleCount(): Promise<number> {
    return (this.sql('SELECT COUNT(*) n FROM articles').get() as { n: number }).n;
  }

  async fetchState(url: string): Promise<FetchState | null> {
    const r = this.sql('SELECT etag, last_modified, failures, last_error FROM fetches WHERE url = ?').get(plainText(url)) as Row | undefined;
    return r ? { etag: (r.etag as string | null) ?? null, lastModified: (r.last_modified as string | null) ?? null, failures: Number(r.failures), lastError: (r.last_error as string | null) ?? null } : null;
  }

  async recordFetch(url: string, state: FetchState): Promise<void> {
    this.sql(
        'INSERT INTO fetches (url, etag, last_modified, failures, last_error, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, failures = excluded.failures, last_error = excluded.last_error, updated_at = excluded.updated_at',
      )
      .run(plainText(url), plainText(state.etag), plainText(state.lastModified), state.failures, plainText(state.lastError), new Date().toISOString());
  }

  async failedFetches(): Promise<string[]> {
    return (this.sql('SELECT url FROM fetches WHERE failures > 0 ORDER BY url').all() as Array<{ url: string }>).map((r) => r.url);
  }

  async findStories(query: StoryQuery): Promise<StoryPage> {
    const where = ['s.last_seen >= ?'];
    const params: unknown[] = [query.since ?? ''];
    if (query.until) (where.push('s.first_seen <= ?'), params.push(query.until));
    if (query.minOutlets) (where.push('json_array_length(s.outlets) >= ?'), params.push(query.minOutlets));
    if (query.outlets?.length) {
      where.push(`EXISTS (SELECT 1 FROM json_each(s.outlets) o WHERE o.value IN (${query.outlets.map(() => '?').join(',')}))`);
      params.push(...query.outlets);
    }
    if (query.contested) {
      where.push(`EXISTS (SELECT 1 FROM story_dossiers d WHERE d.story_id = s.id AND d.contested > 0 AND d.stamp = s.articles || ':' || ?)`);
      params.push(query.contested.version);
    }
    if (query.unanalysed) {
      where.push(`NOT EXISTS (SELECT 1 FROM story_dossiers d WHERE d.story_id = s.id AND d.stamp = s.articles || ':' || ?)`);
      params.push(query.unanalysed.version);
    }
    const words = searchWords(query.text ?? '');
    if (words.length) {
      // each word quoted (nothing typed is FTS5 syntax) and matched as a prefix
      where.push('s.id IN (SELECT a.story_id FROM article_search f JOIN articles a ON a.seq = f.rowid WHERE article_search MATCH ?)');
      params.push(words.map((w) => `"${w}"*`).join(' '));
    }
    const clause = where.join(' AND ');
    const order = query.sort === 'size' ? 's.articles DESC, s.last_seen DESC, s.id' : 's.last_seen DESC, s.id';
    const total = (this.db.prepare(`SELECT COUNT(*) n FROM stories s WHERE ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT s.* FROM stories s WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, query.limit ?? 50, query.offset ?? 0) as Parameters<typeof storyRow>[0][];
    return { stories: rows.map(storyRow), total };
  }

  async outlets(): Promise<string[]> {
    return (this.sql('SELECT DISTINCT o.value v FROM stories s, json_each(s.outlets) o ORDER BY v LIMIT 2000').all() as Array<{ v: string }>).map((r) => r.v);
  }

  async keptDossier(storyId: number): Promise<KeptDossier | null> {
    return (this.sql('SELECT stamp, established, contested, json FROM story_dossiers WHERE story_id = ?').get(storyId) as KeptDossier | undefined) ?? null;
  }

  async keepDossier(storyId: number, kept: KeptDossier): Promise<void> {
    await this.begin();
    this.sql('INSERT INTO story_dossiers (story_id, stamp, established, contested, json) VALUES (?, ?, ?, ?, ?) ON CONFLICT(story_id) DO UPDATE SET stamp = excluded.stamp, established = excluded.established, contested = excluded.contested, json = excluded.json')
      .run(storyId, kept.stamp, kept.established, kept.contested, kept.json);
    await this.flush();
  }

  async keptAnnotations(articleIds: readonly string[], version: string): Promise<Map<string, string>> {
    const one = this.sql('SELECT json FROM article_annotations WHERE article_id = ? AND version = ?');
    const kept = new Map<string, string>();
    for (const id of articleIds) {
      const row = one.get(id, version) as { json: string } | undefined;
      if (row) kept.set(id, row.json);
    }
    return kept;
  }

  async keepAnnotations(rows: readonly KeptAnnotations[]): Promise<void> {
    if (rows.length === 0) return;
    await this.begin();
    const put = this.sql('INSERT INTO article_annotations (article_id, version, json) VALUES (?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, json = excluded.json');
    for (const r of rows) put.run(r.articleId, r.version, r.json);
    await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.db.close();
  }
}

/** Refuses, before SQLite touches it, a path that holds something other than a store (or nothing, when not creating). */
function refuseNonStore(path: string, create: boolean): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (create) return;
      throw new InputError(path, 'no Triangulate store here (no such file)');
    }
    throw new InputError(path, `cannot open the store (${(error as Error).message})`);
  }
  if (!stat.isFile()) throw new InputError(path, 'not a Triangulate store (not a regular file)');
  if (stat.size === 0) {
    if (create) return;
    throw new InputError(path, 'not a Triangulate store (an empty file)');
  }
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) throw new InputError(path, 'not a Triangulate store (not a SQLite database)');
}
