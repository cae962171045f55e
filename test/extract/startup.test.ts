// `triangulate extract` starts without what it does not use: chrono's parsers of languages other
// than English (its package index loads them all: a third of a second of CPU at every start) and
// the HTTP client (undici), which only `ingest` of addresses needs. A module hook in the child
// process reports every module resolved; the run itself extracts a page written for the test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** Logs each resolved module that the extract command should not need. */
const HOOK = `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (/chrono-node\\/dist\\/esm\\/locales\\/(?!en\\/)/.test(r.url) || /\\/node_modules\\/undici\\//.test(r.url)) console.log('UNNEEDED ' + r.url);
  return r;
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`;

const PAGE = `<!DOCTYPE html><html><head><title>Ferry to resume - Harbor Town Gazette</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry to resume</h1>
<p>The county ferry between Harbor Town and Gull Island will run again from the first week of April, the transit board decided on Tuesday evening.</p>
<p>The crossing was suspended in November after an inspection found corrosion on the landing ramp at the island dock, and repairs cost the county about $180,000.</p>
</article></body></html>`;

describe('the extract command at start', () => {
  it('loads neither other languages’ date parsers nor the HTTP client', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triangulate-startup-'));
    try {
      const page = join(dir, 'ferry.html');
      writeFileSync(page, PAGE);
      const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, '--import', 'tsx', CLI, 'extract', page, '--json', '-', '--quiet'], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(run.status, 0, run.stderr);
      const unneeded = run.stdout.split('\n').filter((line) => line.startsWith('UNNEEDED '));
      assert.deepEqual(unneeded.slice(0, 5), [], `${unneeded.length} modules loaded that extract does not use`);
      const json = run.stdout.slice(run.stdout.indexOf('{'));
      const { articles } = JSON.parse(json) as { articles: Array<{ text: string }> };
      assert.match(articles[0]!.text, /^The county ferry between Harbor Town/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
