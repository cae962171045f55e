// Opens the store a `--db` value names: a PostgreSQL URL (postgres:// or postgresql://), else a
// SQLite file path (./triangulate.db by default).
import type { Store } from './store.ts';

export const DEFAULT_DB = 'triangulate.db';

export async function openStore(db: string = DEFAULT_DB): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(db)) {
    const { PostgresStore } = await import('./postgres-store.ts');
    return PostgresStore.open(db);
  }
  const { SqliteStore } = await import('./sqlite-store.ts');
  return new SqliteStore(db);
}
