// The PostgreSQL engine (pg): the same tables and behaviour as SQLite, for several machines
// sharing the work. Every article is committed in one transaction. Workers writing at once: two
// adding the same article leave one copy (the insert does nothing on the unique id; the loser's
// transaction rolls back and the article counts as known); a story joined by two at once is
// locked (SELECT ... FOR UPDATE) and updated from its current row; the document frequencies are
// added to under a row lock. An article PostgreSQL refuses (a value too long to index, a
// constraint) fails alone with an InputError; the connection goes back to the pool clean.
import pg from 'pg';
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

export interface PostgresOpenOptions {
  /** Create the tables when the database has none; false for commands that only read. */
  create?: boolean;
}

/**
 * SQLSTATE classes that are about the article's data: data exceptions (22: a bad value),
 * integrity constraints (23), program limits (54: a value too long to index) and errors raised by
 * a trigger (P0). Others (a lost connection, a full disk) stop the run.
 */
const ARTICLE_FAULTS = new Set(['22', '23', '54', 'P0']);

function isArticleFault(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return ARTICLE_FAULTS.has(code.slice(0, 2));
  return error instanceof RangeError || error instanceof TypeError;
}

/** The database URL without its password, to name it in a message. */
function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}

export class PostgresStore implements Store {
  readonly engine = 'postgres';

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string, options: PostgresOpenOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const store = new PostgresStore(pool);
    try {
      if (!(options.create ?? true) && !(await store.hasSchema())) throw new InputError(redacted(url), 'no Triangulate store in this database');
      await store.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  private async hasSchema(): Promise<boolean> {
    const { rows } = await this.pool.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
    return rows[0]?.t != null;
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
    const { rows } = await this.pool.query('SELECT DISTINCT s.* FROM story_keys k JOIN stories s ON s.id = k.story_id WHERE k.key = ANY($1) AND s.last_seen >= $2 ORDER BY s.id', [terms.map(storyKey), since]);
    return rows.map(storyRow);
  }

  async commitArticle(input: NewArticle): Promise<Committed> {
    const { article } = input;
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      let chosen = input.storyId;
      if (chosen === null && input.reassign && !input.duplicateOf && input.reassign.terms.length) {
        // no story found to join: lock this article's story keys (advisory locks, in one order, held
        // to the commit) and look again. A worker starting a story under one of these keys has
        // committed it, or waits for this one: two similar articles never start two stories.
        const keys = [...new Set(input.reassign.terms.map(storyKey))];
        await client.query('SELECT pg_advisory_xact_lock(72216, h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS locks', [keys]);
        const { rows } = await client.query('SELECT DISTINCT s.* FROM story_keys k JOIN stories s ON s.id = k.story_id WHERE k.key = ANY($1) AND s.last_seen >= $2 ORDER BY s.id', [keys, input.reassign.since]);
        chosen = input.reassign.choose(rows.map(storyRow));
      }
      // the story as it is now, locked until this commits: another worker adding to it waits
      const row = chosen === null ? undefined : (await client.query('SELECT * FROM stories WHERE id = $1 FOR UPDATE', [chosen])).rows[0];
      const current = row ? storyRow(row) : null;
      const next = storyAfter(current, input);
      let storyId: number;
      if (!current) {
        const { rows } = await client.query<{ id: string }>('INSERT INTO stories (headline, first_seen, last_seen, articles, outlets, vector) VALUES ($1, $2, $3, 1, $4, $5) RETURNING id', [
          next.headline,
          next.firstSeen,
          next.lastSeen,
          JSON.stringify(next.outlets),
          JSON.stringify(next.vector),
        ]);
        storyId = Number(rows[0]!.id);
      } else {
        storyId = current.id;
        await client.query('UPDATE stories SET first_seen = $1, last_seen = $2, articles = articles + 1, outlets = $3, vector = $4 WHERE id = $5', [
          next.firstSeen,
          next.lastSeen,
          JSON.stringify(next.outlets),
          JSON.stringify(next.vector),
          storyId,
        ]);
        await client.query('DELETE FROM story_keys WHERE story_id = $1', [storyId]);
      }
      // another worker may be storing (or have stored) the same article: its insert wins, this one
      // does nothing and everything above is rolled back
      const inserted = await client.query<{ seq: string }>(
        // the article and its search entry in one round trip (none when the article is known already)
        `WITH stored AS (INSERT INTO articles (id, story_id, duplicate_of, seen_at, dated, outlet, title, url, signature, json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING seq)
         INSERT INTO article_search (seq, story_id, body) SELECT seq, $2, to_tsvector('simple', $11) FROM stored RETURNING seq`,
        [
          article.id,
          storyId,
          input.duplicateOf,
          input.seenAt,
          input.dated,
          plainText(article.outlet),
          plainText(article.title),
          plainText(article.url),
          signatureToBytes(input.signature),
          JSON.stringify(article),
          searchBody(article),
        ],
      );
      if (inserted.rows.length === 0) {
        await client.query('ROLLBACK');
        return { known: true };
      }
      if (next.keys.length) await client.query('INSERT INTO story_keys (key, story_id) SELECT DISTINCT unnest($1::text[]), $2::bigint ON CONFLICT DO NOTHING', [next.keys, storyId]);
      if (input.bandKeys.length) await client.query('INSERT INTO band_keys (key, article_id, seq) SELECT unnest($1::text[]), $2, $3::bigint', [input.bandKeys, article.id, inserted.rows[0]!.seq]);
      await client.query('COMMIT');
      return { known: false, storyId };
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollback) {
        // the connection is gone: the pool must not hand it out again
        broken = rollback as Error;
        throw error;
      }
      if (isArticleFault(error)) throw articleRefused(article, error);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async flush(): Promise<void> {
    // every article is its own committed transaction
  }

  async loadFrequencies(): Promise<Frequencies | null> {
    const { rows } = await this.pool.query<{ documents: string; counts: Buffer }>('SELECT documents, counts FROM frequencies WHERE id = 1');
    return rows[0] ? { counts: countsFromBytes(rows[0].counts), documents: Number(rows[0].documents) } : null;
  }

  async addFrequencies(counts: Uint32Array, documents: number): Promise<Frequencies> {
    // the row locked from read to write: workers saving at once add up in turn
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      await client.query("INSERT INTO frequencies (id, documents, counts) VALUES (1, 0, ''::bytea) ON CONFLICT (id) DO NOTHING");
      const { rows } = await client.query<{ documents: string; counts: Buffer }>('SELECT documents, counts FROM frequencies WHERE id = 1 FOR UPDATE');
      const total = addCounts({ counts: countsFromBytes(rows[0]!.counts), documents: Number(rows[0]!.documents) }, counts, documents);
      await client.query('UPDATE frequencies SET documents = $1, counts = $2 WHERE id = 1', [total.documents, Buffer.from(total.counts.buffer, total.counts.byteOffset, total.counts.byteLength)]);
      await client.query('COMMIT');
      return total;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => {
        broken = rollback;
      });
      throw error;
    } finally {
      client.release(broken);
    }
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
    const { rows } = await this.pool.query('SELECT etag, last_modified, failures, last_error FROM fetches WHERE url = $1', [plainText(url)]);
    const r = rows[0];
    return r ? { etag: r.etag ?? null, lastModified: r.last_modified ?? null, failures: Number(r.failures), lastError: r.last_error ?? null } : null;
  }

  async recordFetch(url: string, state: FetchState): Promise<void> {
    await this.pool.query(
      'INSERT INTO fetches (url, etag, last_modified, failures, last_error, updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, failures = EXCLUDED.failures, last_error = EXCLUDED.last_error, updated_at = EXCLUDED.updated_at',
      [plainText(url), plainText(state.etag), plainText(state.lastModified), state.failures, plainText(state.lastError), new Date().toISOString()],
    );
  }

  async failedFetches(): Promise<string[]> {
    return (await this.pool.query<{ url: string }>('SELECT url FROM fetches WHERE failures > 0 ORDER BY url')).rows.map((r) => r.url);
  }

  async findStories(query: StoryQuery): Promise<StoryPage> {
    const params: unknown[] = [];
    const p = (value: unknown): string => (params.push(value), `$${params.length}`);
    const where = [`s.last_seen >= ${p(plainText(query.since ?? ''))}`];
    if (query.until) where.push(`s.first_seen <= ${p(plainText(query.until))}`);
    if (query.minOutlets) where.push(`json_array_length(s.outlets::json) >= ${p(query.minOutlets)}`);
    // a U+0000 written as an escape cannot be read as text by json functions: such a story has no outlet to match
    if (query.outlets?.length) where.push(`strpos(s.outlets, '\\u0000') = 0 AND EXISTS (SELECT 1 FROM json_array_elements_text(s.outlets::json) o WHERE o = ANY(${p(query.outlets.map((o) => plainText(o)))}::text[]))`);
    if (query.contested) where.push(`EXISTS (SELECT 1 FROM story_dossiers d WHERE d.story_id = s.id AND d.contested > 0 AND d.stamp = s.articles::text || ':' || ${p(query.contested.version)})`);
    if (query.unanalysed) where.push(`NOT EXISTS (SELECT 1 FROM story_dossiers d WHERE d.story_id = s.id AND d.stamp = s.articles::text || ':' || ${p(query.unanalysed.version)})`);
    const words = searchWords(query.text ?? '');
    // words of letters and digits only, each a prefix: nothing typed is tsquery syntax
    if (words.length) where.push(`s.id IN (SELECT story_id FROM article_search WHERE body @@ to_tsquery('simple', ${p(words.map((w) => `${w}:*`).join(' & '))}))`);
    const clause = where.join(' AND ');
    const order = query.sort === 'size' ? 's.articles DESC, s.last_seen DESC, s.id' : 's.last_seen DESC, s.id';
    const total = Number((await this.pool.query<{ n: string }>(`SELECT COUNT(*) n FROM stories s WHERE ${clause}`, params)).rows[0]!.n);
    const { rows } = await this.pool.query(`SELECT s.* FROM stories s WHERE ${clause} ORDER BY ${order} LIMIT ${p(query.limit ?? 50)} OFFSET ${p(query.offset ?? 0)}`, params);
    return { stories: rows.map(storyRow), total };
  }

  async outlets(): Promise<string[]> {
    const { rows } = await this.pool.query<{ v: string }>("SELECT DISTINCT json_array_elements_text(outlets::json) v FROM stories WHERE strpos(outlets, '\\u0000') = 0 ORDER BY v LIMIT 2000");
    return rows.map((r) => r.v);
  }

  async keptDossier(storyId: number): Promise<KeptDossier | null> {
    const { rows } = await this.pool.query<KeptDossier>('SELECT stamp, established, contested, json FROM story_dossiers WHERE story_id = $1', [storyId]);
    return rows[0] ?? null;
  }

  async keepDossier(storyId: number, kept: KeptDossier): Promise<void> {
    await this.pool.query(
      'INSERT INTO story_dossiers (story_id, stamp, established, contested, json) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (story_id) DO UPDATE SET stamp = EXCLUDED.stamp, established = EXCLUDED.established, contested = EXCLUDED.contested, json = EXCLUDED.json',
      [storyId, kept.stamp, kept.established, kept.contested, kept.json],
    );
  }

  async keptAnnotations(articleIds: readonly string[], version: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ article_id: string; json: string }>('SELECT article_id, json FROM article_annotations WHERE article_id = ANY($1::text[]) AND version = $2', [[...articleIds], version]);
    return new Map(rows.map((r) => [r.article_id, r.json]));
  }

  async keepAnnotations(rows: readonly KeptAnnotations[]): Promise<void> {
    if (rows.length === 0) return;
    await this.pool.query(
      'INSERT INTO article_annotations (article_id, version, json) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (article_id) DO UPDATE SET version = EXCLUDED.version, json = EXCLUDED.json',
      [rows.map((r) => r.articleId), rows.map((r) => r.version), rows.map((r) => r.json)],
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
