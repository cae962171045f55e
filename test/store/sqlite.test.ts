// The store suite on SQLite, and what only a file can show: a reopened store keeps everything and
// runs no migration twice.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { MIGRATIONS } from '../../src/store/store.ts';
import { storeSuite } from './store-suite.ts';

const file = join(mkdtempSync(join(tmpdir(), 'triangulate-store-')), 'stories.db');
storeSuite('SQLite', async () => new SqliteStore(file), {
  async refuseTitle(title) {
    const db = new Database(file);
    db.prepare(`CREATE TRIGGER refuse_title BEFORE INSERT ON articles WHEN NEW.title = '${title.replace(/'/g, "''")}' BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END`).run();
    db.close();
  },
});

describe('a SQLite store reopened', () => {
  it('keeps its articles and records each migration once', async () => {
    const store = new SqliteStore(file);
    assert.ok((await store.articleCount()) >= 7);
    await store.close();
    const db = new Database(file, { readonly: true });
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
    db.close();
    assert.deepEqual(versions.map((v) => v.version), MIGRATIONS.map((m) => m.version));
  });
});
