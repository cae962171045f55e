// Opening a store never writes into something that is not one: a file that is not a SQLite
// database, or a SQLite database of something else, is refused untouched; and commands that only
// read (`create: false`) refuse a missing or empty file, or a PostgreSQL database without the
// store's tables, instead of creating a store there.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { InputError } from '../../src/errors.ts';
import { openStore } from '../../src/store/open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'triangulate-open-'));

/** Asserts that opening rejects with a one-line InputError naming `input`, saying `reason`. */
async function refused(opening: Promise<unknown>, input: string, reason: RegExp): Promise<void> {
  await assert.rejects(opening, (error: unknown) => {
    assert.ok(error instanceof InputError, String(error));
    assert.equal(error.input, input);
    assert.match(error.reason, reason);
    assert.ok(!error.message.includes('\n'));
    return true;
  });
}

describe('opening a SQLite store', () => {
  it('for reading, refuses an empty file and leaves it empty', async () => {
    const file = join(dir, 'empty.db');
    writeFileSync(file, '');
    await refused(openStore(file, { create: false }), file, /not a Triangulate store \(an empty file\)/);
    assert.equal(readFileSync(file).length, 0);
    assert.ok(!existsSync(`${file}-wal`));
  });

  it('for reading, refuses a missing file and creates none', async () => {
    const file = join(dir, 'missing.db');
    await refused(openStore(file, { create: false }), file, /no Triangulate store here/);
    assert.ok(!existsSync(file));
  });

  it('refuses a file that is not a SQLite database, for reading or for ingest, and leaves it as it was', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'my notes, not a database\n');
    await refused(openStore(file, { create: false }), file, /not a Triangulate store \(not a SQLite database\)/);
    await refused(openStore(file), file, /not a Triangulate store \(not a SQLite database\)/);
    assert.equal(readFileSync(file, 'utf8'), 'my notes, not a database\n');
  });

  it("refuses a SQLite database of something else and leaves it as it was", async () => {
    const file = join(dir, 'other.db');
    const other = new Database(file);
    other.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');");
    other.close();
    const bytes = readFileSync(file);
    await refused(openStore(file), file, /a SQLite database of something else/);
    await refused(openStore(file, { create: false }), file, /a SQLite database of something else/);
    assert.deepEqual(readFileSync(file), bytes);
  });

  it('refuses a directory', async () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    await refused(openStore(sub), sub, /not a regular file/);
  });

  it('for ingest, makes a store of an empty file, which then opens for reading', async () => {
    const file = join(dir, 'new.db');
    writeFileSync(file, '');
    const store = await openStore(file);
    assert.equal(await store.articleCount(), 0);
    await store.close();
    const reading = await openStore(file, { create: false });
    assert.deepEqual(await reading.stories(), []);
    await reading.close();
  });
});

const url = process.env.TRIANGULATE_TEST_PG;
describe('opening a PostgreSQL store', () => {
  it('for reading, refuses a database without the store and creates nothing in it', { skip: url ? false : 'TRIANGULATE_TEST_PG is not set' }, async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('DROP SCHEMA IF EXISTS open_store_empty CASCADE; CREATE SCHEMA open_store_empty;');
      const u = new URL(url!);
      u.searchParams.set('options', '-c search_path=open_store_empty');
      await assert.rejects(openStore(u.toString(), { create: false }), (error: unknown) => {
        assert.ok(error instanceof InputError, String(error));
        assert.match(error.reason, /no Triangulate store in this database/);
        assert.ok(!error.message.includes(':triangulate@'), 'the password is not shown');
        return true;
      });
      const { rows } = await admin.query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'open_store_empty'");
      assert.equal(Number(rows[0].n), 0);
    } finally {
      await admin.query('DROP SCHEMA IF EXISTS open_store_empty CASCADE');
      await admin.end();
    }
  });
});
