// Opens the store a `--db` value names: a PostgreSQL URL (postgres:// or postgresql://), else a
// SQLite file path (./triangulate.db by default).
//
// `create: false` is for commands that only read (stories, dossier, export, check --story): they
// open an existing store or fail with an InputError naming it, and never write a schema into a
// new, empty or foreign file or database. Either way a non-empty file that is not a SQLite
// database, or a SQLite database without the store's tables, is refused ("not a Triangulate
// store"), never written to.
import type { Store } from './store.ts';

export const DEFAULT_DB = 'triangulate.db';

export interface OpenStoreOptions {
  /** Create the store when there is none (the default, for ingest); false for read-only commands. */
  create?: boolean;
}

/** Whether a `--db` value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export async function openStore(db: string = DEFAULT_DB, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(db)) {
    const { PostgresStore } = await import('./postgres-store.ts');
    return PostgresStore.open(db, options);
  }
  const { SqliteStore } = await import('./sqlite-store.ts');
  return new SqliteStore(db, options);
}
