// The store suite on PostgreSQL, when TRIANGULATE_TEST_PG names a database to use (its tables
// are dropped first). CI's .ci/run installs and starts PostgreSQL and sets it; without it the
// suite is skipped and says so.
import { describe, it } from 'node:test';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres-store.ts';
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
} else {
  describe('the PostgreSQL store', () => {
    it('needs TRIANGULATE_TEST_PG (set by .ci/run)', { skip: 'TRIANGULATE_TEST_PG is not set' }, () => {});
  });
}
