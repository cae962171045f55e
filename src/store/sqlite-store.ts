// The SQLite engine of the store (better-sqlite3): one file, write-ahead log, every article
// committed in one transaction with its keys and its story.
import Database from 'better-sqlite3';
import type { Article } from '../model.ts';
import { signatureFromBytes, signatureToBytes } from '../stories/minhash.ts';
import { MIGRATIONS, RECENT_PER_KEY, storyRow, type DuplicateCandidate, type FetchState, type NewArticle, type Store, type StoryRow } from './store.ts';

type Row = Record<string, unknown>;

/** Articles per transaction. */
const BATCH = 200;

export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Articles written in the open transaction: committed together every BATCH, and on flush or close. */
  private pending = 0;

  /** A prepared statement, prepared once per SQL text. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sqlite);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
      })();
    }
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
    if (terms.length === 0) return [];
    const rows = this.sql(`SELECT DISTINCT s.* FROM story_keys k JOIN stories s ON s.id = k.story_id WHERE k.key IN (${terms.map(() => '?').join(',')}) AND s.last_seen >= ? ORDER BY s.id`)
      .all(...terms, since) as Parameters<typeof storyRow>[0][];
    return rows.map(storyRow);
  }

  async commitArticle(input: NewArticle): Promise<{ storyId: number }> {
    // articles go in batches of BATCH per transaction (a commit costs more than the article); each
    // article inside a savepoint, so that one that fails leaves nothing of itself behind
    if (!this.db.inTransaction) this.db.exec('BEGIN');
    this.db.exec('SAVEPOINT article');
    let storyId: number;
    try {
      storyId = this.writeArticle(input);
      this.db.exec('RELEASE article');
    } catch (error) {
      this.db.exec('ROLLBACK TO article');
      this.db.exec('RELEASE article');
      throw error;
    }
    if (++this.pending >= BATCH) await this.flush();
    return { storyId };
  }

  /** Commits the open batch: everything written so far is durable. */
  async flush(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.pending = 0;
  }

  private writeArticle(input: NewArticle): number {
    const { article } = input;
    let storyId = input.storyId;
    const outlet = article.outlet ?? article.url ?? article.source;
    if (storyId === null) {
      const headline = article.title ?? article.text.slice(0, 120);
      storyId = Number(
        this.sql('INSERT INTO stories (headline, first_seen, last_seen, articles, outlets, vector) VALUES (?, ?, ?, 1, ?, ?)')
          .run(headline, input.dated, input.dated, JSON.stringify([outlet]), JSON.stringify(input.storyVector)).lastInsertRowid,
      );
    } else {
      const s = storyRow(this.sql('SELECT * FROM stories WHERE id = ?').get(storyId) as Parameters<typeof storyRow>[0]);
      const outlets = s.outlets.includes(outlet) ? s.outlets : [...s.outlets, outlet].sort();
      this.sql('UPDATE stories SET first_seen = ?, last_seen = ?, articles = articles + 1, outlets = ?, vector = ? WHERE id = ?')
        .run(input.dated < s.firstSeen ? input.dated : s.firstSeen, input.dated > s.lastSeen ? input.dated : s.lastSeen, JSON.stringify(outlets), JSON.stringify(input.storyVector), storyId);
      this.sql('DELETE FROM story_keys WHERE story_id = ?').run(storyId);
    }
    const key = this.sql('INSERT OR IGNORE INTO story_keys (key, story_id) VALUES (?, ?)');
    for (const k of input.storyKeys) key.run(k, storyId);
    const seq = this.sql('INSERT INTO articles (id, story_id, duplicate_of, seen_at, dated, outlet, title, url, signature, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(article.id, storyId, input.duplicateOf, input.seenAt, input.dated, article.outlet, article.title, article.url, signatureToBytes(input.signature), JSON.stringify(article)).lastInsertRowid;
    const band = this.sql('INSERT INTO band_keys (key, article_id, seq) VALUES (?, ?, ?)');
    for (const k of input.bandKeys) band.run(k, article.id, seq);
    return storyId;
  }

  async loadFrequencies(): Promise<{ counts: Uint32Array; documents: number } | null> {
    const row = this.sql('SELECT documents, counts FROM frequencies WHERE id = 1').get() as { documents: number; counts: Buffer } | undefined;
    if (!row) return null;
    const copy = new Uint8Array(row.counts);
    return { counts: new Uint32Array(copy.buffer, 0, copy.byteLength / 4), documents: row.documents };
  }

  async saveFrequencies(counts: Uint32Array, documents: number): Promise<void> {
    this.sql('INSERT INTO frequencies (id, documents, counts) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET documents = excluded.documents, counts = excluded.counts')
      .run(documents, Buffer.from(counts.buffer, counts.byteOffset, counts.byteLength));
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
    const r = this.sql('SELECT etag, last_modified, failures, last_error FROM fetches WHERE url = ?').get(url) as Row | undefined;
    return r ? { etag: (r.etag as string | null) ?? null, lastModified: (r.last_modified as string | null) ?? null, failures: Number(r.failures), lastError: (r.last_error as string | null) ?? null } : null;
  }

  async recordFetch(url: string, state: FetchState): Promise<void> {
    this.sql(
        'INSERT INTO fetches (url, etag, last_modified, failures, last_error, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, failures = excluded.failures, last_error = excluded.last_error, updated_at = excluded.updated_at',
      )
      .run(url, state.etag, state.lastModified, state.failures, state.lastError, new Date().toISOString());
  }

  async failedFetches(): Promise<string[]> {
    return (this.sql('SELECT url FROM fetches WHERE failures > 0 ORDER BY url').all() as Array<{ url: string }>).map((r) => r.url);
  }

  async close(): Promise<void> {
    await this.flush();
    this.db.close();
  }
}
