// The PostgreSQL engine of the store (pg): the same tables and behaviour as SQLite, for several
// machines sharing the work. Every article is committed in one transaction; two ingesters adding
// the same article at once leave one copy (the article id is unique; the loser's transaction
// rolls back and counts as already stored).
import pg from 'pg';
import type { Article } from '../model.ts';
import { signatureFromBytes, signatureToBytes } from '../stories/minhash.ts';
import { MIGRATIONS, RECENT_PER_KEY, storyRow, type DuplicateCandidate, type FetchState, type NewArticle, type Store, type StoryRow } from './store.ts';

export class PostgresStore implements Store {
  readonly engine = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const store = new PostgresStore(pool);
    await store.migrate();
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // one migrator at a time, across machines
      await client.query('SELECT pg_advisory_lock(72215)');
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.postgres);
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, new Date().toISOString()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(72215)').catch(() => undefined);
      client.release();
    }
  }

  async hasArticle(id: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM articles WHERE id = $1', [id])).rowCount !== 0;
  }

  async duplicateCandidates(bandKeys: readonly string[]): Promise<DuplicateCandidate[]> {
    if (bandKeys.length === 0) return [];
    const { rows } = await this.pool.query<{ id: string; signature: Buffer; story_id: string; seq: string }>(
      `SELECT a.id, a.signature, a.story_id, a.seq FROM articles a WHERE a.id IN (
         SELECT r.article_id FROM unnest($1::text[]) AS k(key), LATERAL (SELECT article_id FROM band_keys b WHERE b.key = k.key ORDER BY b.seq DESC LIMIT $2) r)
       ORDER BY a.seq`,
      [bandKeys, RECENT_PER_KEY],
    );
    return rows.map((r) => ({ id: r.id, signature: signatureFromBytes(r.signature), storyId: Number(r.story_id) }));
  }

  async storyCandidates(terms: readonly string[], since: string): Promise<StoryRow[]> {
    if (terms.length === 0) return [];
    const { rows } = await this.pool.query('SELECT DISTINCT s.* FROM story_keys k JOIN stories s ON s.id = k.story_id WHERE k.key = ANY($1) AND s.last_seen >= $2 ORDER BY s.id', [terms, since]);
    return rows.map(storyRow);
  }

  async commitArticle(input: NewArticle): Promise<{ storyId: number }> {
    const { article } = input;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      let storyId = input.storyId;
      const outlet = article.outlet ?? article.url ?? article.source;
      if (storyId === null) {
        const headline = article.title ?? article.text.slice(0, 120);
        const { rows } = await client.query<{ id: string }>('INSERT INTO stories (headline, first_seen, last_seen, articles, outlets, vector) VALUES ($1, $2, $2, 1, $3, $4) RETURNING id', [
          headline,
          input.dated,
          JSON.stringify([outlet]),
          JSON.stringify(input.storyVector),
        ]);
        storyId = Number(rows[0]!.id);
      } else {
        const s = storyRow((await client.query('SELECT * FROM stories WHERE id = $1 FOR UPDATE', [storyId])).rows[0]);
        const outlets = s.outlets.includes(outlet) ? s.outlets : [...s.outlets, outlet].sort();
        await client.query('UPDATE stories SET first_seen = $1, last_seen = $2, articles = articles + 1, outlets = $3, vector = $4 WHERE id = $5', [
          input.dated < s.firstSeen ? input.dated : s.firstSeen,
          input.dated > s.lastSeen ? input.dated : s.lastSeen,
          JSON.stringify(outlets),
          JSON.stringify(input.storyVector),
          storyId,
        ]);
        await client.query('DELETE FROM story_keys WHERE story_id = $1', [storyId]);
      }
      if (input.storyKeys.length) await client.query('INSERT INTO story_keys (key, story_id) SELECT DISTINCT unnest($1::text[]), $2::bigint ON CONFLICT DO NOTHING', [input.storyKeys, storyId]);
      const inserted = await client.query<{ seq: string }>('INSERT INTO articles (id, story_id, duplicate_of, seen_at, dated, outlet, title, url, signature, json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq', [
        article.id,
        storyId,
        input.duplicateOf,
        input.seenAt,
        input.dated,
        article.outlet,
        article.title,
        article.url,
        signatureToBytes(input.signature),
        JSON.stringify(article),
      ]);
      if (input.bandKeys.length) await client.query('INSERT INTO band_keys (key, article_id, seq) SELECT unnest($1::text[]), $2, $3::bigint', [input.bandKeys, article.id, inserted.rows[0]!.seq]);
      await client.query('COMMIT');
      return { storyId };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async flush(): Promise<void> {
    // every article is its own committed transaction
  }

  async loadFrequencies(): Promise<{ counts: Uint32Array; documents: number } | null> {
    const { rows } = await this.pool.query<{ documents: string; counts: Buffer }>('SELECT documents, counts FROM frequencies WHERE id = 1');
    if (!rows[0]) return null;
    const copy = new Uint8Array(rows[0].counts);
    return { counts: new Uint32Array(copy.buffer, 0, copy.byteLength / 4), documents: Number(rows[0].documents) };
  }

  async saveFrequencies(counts: Uint32Array, documents: number): Promise<void> {
    await this.pool.query('INSERT INTO frequencies (id, documents, counts) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET documents = EXCLUDED.documents, counts = EXCLUDED.counts', [
      documents,
      Buffer.from(counts.buffer, counts.byteOffset, counts.byteLength),
    ]);
  }

  async stories(filter: { since?: string; minOutlets?: number } = {}): Promise<StoryRow[]> {
    const { rows } = await this.pool.query('SELECT * FROM stories WHERE last_seen >= $1 ORDER BY last_seen DESC, id', [filter.since ?? '']);
    return rows.map(storyRow).filter((s) => s.outlets.length >= (filter.minOutlets ?? 0));
  }

  async story(id: number): Promise<StoryRow | null> {
    const { rows } = await this.pool.query('SELECT * FROM stories WHERE id = $1', [id]);
    return rows[0] ? storyRow(rows[0]) : null;
  }

  async storyArticles(storyId: number): Promise<Article[]> {
    const { rows } = await this.pool.query<{ json: string }>('SELECT json FROM articles WHERE story_id = $1 ORDER BY seq', [storyId]);
    return rows.map((r) => JSON.parse(r.json) as Article);
  }

  async *exportArticles(): AsyncIterable<{ storyId: number; duplicateOf: string | null; seenAt: string; article: Article }> {
    // in pages by sequence number: a million articles never sit in memory at once
    let after = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ seq: string; story_id: string; duplicate_of: string | null; seen_at: string; json: string }>(
        'SELECT seq, story_id, duplicate_of, seen_at, json FROM articles WHERE seq > $1 ORDER BY seq LIMIT 500',
        [after],
      );
      if (rows.length === 0) return;
      for (const r of rows) yield { storyId: Number(r.story_id), duplicateOf: r.duplicate_of, seenAt: r.seen_at, article: JSON.parse(r.json) as Article };
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  async articleCount(): Promise<number> {
    return Number((await this.pool.query<{ n: string }>('SELECT COUNT(*) n FROM articles')).rows[0]!.n);
  }

  async fetchState(url: string): Promise<FetchState | null> {
    const { rows } = await this.pool.query('SELECT etag, last_modified, failures, last_error FROM fetches WHERE url = $1', [url]);
    const r = rows[0];
    return r ? { etag: r.etag ?? null, lastModified: r.last_modified ?? null, failures: Number(r.failures), lastError: r.last_error ?? null } : null;
  }

  async recordFetch(url: string, state: FetchState): Promise<void> {
    await this.pool.query(
      'INSERT INTO fetches (url, etag, last_modified, failures, last_error, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, failures = EXCLUDED.failures, last_error = EXCLUDED.last_error, updated_at = EXCLUDED.updated_at',
      [url, state.etag, state.lastModified, state.failures, state.lastError, new Date().toISOString()],
    );
  }

  async failedFetches(): Promise<string[]> {
    return (await this.pool.query<{ url: string }>('SELECT url FROM fetches WHERE failures > 0 ORDER BY url')).rows.map((r) => r.url);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
