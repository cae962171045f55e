// A running web app over a store made for the test: the bundled example story (real articles)
// and any other inputs, ingested into a new SQLite file in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input } from '../../src/pipeline.ts';
import { startServer, type Running } from '../../src/serve/serve.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { ingestToStore } from '../../src/stories/ingest-to-store.ts';
import { EXAMPLE_DIR } from '../helpers.ts';

export interface ServedStore extends Running {
  dir: string;
  store: SqliteStore;
  /** The request log lines, parsed. */
  log: Array<Record<string, unknown>>;
  /** Stops the server, closes the store and removes the folder. */
  close: () => Promise<void>;
}

export async function serveStore(options: { inputs?: Input[]; host?: string; token?: string; allowAddresses?: string[] } = {}): Promise<ServedStore> {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-serve-'));
  const store = new SqliteStore(join(dir, 'store.db'));
  await ingestToStore(options.inputs ?? [EXAMPLE_DIR], store, { now: () => '2025-04-08T12:00:00.000Z' });
  await store.flush();
  const log: Array<Record<string, unknown>> = [];
  const running = await startServer({
    store,
    host: options.host ?? '127.0.0.1',
    port: 0,
    token: options.token,
    allowAddresses: options.allowAddresses,
    log: (line) => log.push(JSON.parse(line) as Record<string, unknown>),
    say: () => undefined,
  });
  return {
    ...running,
    dir,
    store,
    log,
    async close() {
      await running.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
