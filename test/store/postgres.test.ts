// The store suite on PostgreSQL, when TRIANGULATE_TEST_PG names a database to use (its tables
// are dropped first). CI's .ci/run installs and starts PostgreSQL and sets it; without it the
// suite is skipped and says so.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres-store.ts';
import { EXAMPLE_DIR, runCli } from '../helpers.ts';
import { storeSuite } from './store-suite.ts';

const url = process.env.TRIANGULATE_TEST_PG;
if (url) {
  storeSuite('PostgreSQL', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.end();
    return PostgresStore.open(url);
  }, {
    async refuseTitle(title) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE FUNCTION refuse_title() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.title = ${pg.escapeLiteral(title)} THEN RAISE EXCEPTION 'refused by a trigger'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_title BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_title();`);
      await client.end();
    },
  });

  describe('ingest into PostgreSQL', () => {
    it('stores an article with U+0000 in its title and text, goes on to the next input and prints its summary', async () => {
      // a schema of its own, so that the suite above may run alongside
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('DROP SCHEMA IF EXISTS ingest_nul CASCADE; CREATE SCHEMA ingest_nul;');
      try {
        const u = new URL(url);
        u.searchParams.set('options', '-c search_path=ingest_nul');
        const dir = mkdtempSync(join(tmpdir(), 'triangulate-pg-nul-'));
        const text =
          'Engineers closed the old harbour bridge in Port Elsworth on Tuesday after divers found cracks in two of its granite piers, sending morning traffic on a forty minute detour.\u0000\n\nThe bridge, built in 1911 to carry a tramway over the inner basin, had been due for a full inspection next spring. The harbour board brought the work forward after a fishing crew reported loose stones near the waterline.';
        writeFileSync(join(dir, 'nul.json'), JSON.stringify({ title: 'Harbour\u0000bridge closed', outlet: 'Quay\u0000Times', text }));
        const run = runCli(['ingest', join(dir, 'nul.json'), join(EXAMPLE_DIR, '000_0c875d1442d65709.txt'), '--db', u.toString()]);
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, /^Ingested 2 new articles and 0 near-duplicates into 2 stories; 0 already stored\.$/m);
        const { rows } = await admin.query<{ json: string }>('SELECT json FROM ingest_nul.articles ORDER BY seq');
        assert.equal(rows.length, 2);
        assert.equal((JSON.parse(rows[0]!.json) as { title: string }).title, 'Harbour\u0000bridge closed');
      } finally {
        await admin.query('DROP SCHEMA IF EXISTS ingest_nul CASCADE');
        await admin.end();
      }
    });
  });
} else {
  describe('the PostgreSQL store', () => {
    it('needs TRIANGULATE_TEST_PG (set by .ci/run)', { skip: 'TRIANGULATE_TEST_PG is not set' }, () => {});
  });
}
