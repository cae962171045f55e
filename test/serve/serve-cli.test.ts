// `triangulate serve` as a user starts it: it says where it listens, serves, and stops with exit 0
// on SIGTERM; a short token, a port in use or a file that is not a store is one line and exit 2 or 1.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from '../helpers.ts';

function start(args: string[]): { child: ChildProcess; url: Promise<string>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts'), 'serve', ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Serving .* at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  return { child, url, stderr: () => err };
}

describe('triangulate serve', () => {
  it('serves a new store on loopback, logs one JSON line per request and stops with exit 0 on SIGTERM', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'triangulate-serve-cli-')), 'new.db');
    const run = start(['--db', db, '--port', '0']);
    const url = await run.url;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /0 stories/);
    const exit = new Promise<number | null>((resolve) => run.child.on('exit', resolve));
    run.child.kill('SIGTERM');
    assert.equal(await exit, 0);
    const lines = run.stderr().trim().split('\n').map((l) => JSON.parse(l) as { method: string; path: string; status: number });
    assert.deepEqual(lines.map((l) => [l.method, l.path, l.status]), [['GET', '/', 200]]);
  });

  it('refuses a short token, a port in use and a file that is not a store, each on one line', async () => {
    const short = runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--token', 'abc', '--db', ':memory:']);
    assert.equal(short.status, 2);
    assert.equal(short.stderr, 'triangulate: --token must be at least 16 characters\n');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const busy = runCli(['serve', '--port', String(port), '--db', ':memory:']);
      assert.equal(busy.status, 2);
      assert.equal(busy.stderr, `triangulate: port ${port} on 127.0.0.1 is in use\n`);
    } finally {
      taken.close();
    }
    const dir = mkdtempSync(join(tmpdir(), 'triangulate-serve-cli-'));
    writeFileSync(join(dir, 'notes.txt'), 'my notes, not a store');
    const notStore = runCli(['serve', '--port', '0', '--db', join(dir, 'notes.txt')]);
    assert.equal(notStore.status, 2);
    assert.match(notStore.stderr, /^triangulate: no store at .*notes\.txt \(the file is not an SQLite database\)\n$/);
  });
});
