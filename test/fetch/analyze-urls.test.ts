// `triangulate analyze <URL…>` (and extract) fetch the pages with ingest's fetcher and rules, against a
// local server: the pages are analysed with the files given beside them, a page robots.txt
// disallows, one that is missing and a private address without --allow-private each fail on one
// line naming the URL, and the rest is still written.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Dossier } from '../../src/model.ts';
import { EXAMPLE_DIR, ROOT } from '../helpers.ts';

const PAGE = `<!doctype html><html><head><title>Harbour bridge closed</title><meta property="og:site_name" content="Quay Times"></head>
<body><nav>Home | News | Sport</nav><article><h1>Harbour bridge closed after divers find cracks</h1>
<p>Engineers closed the old harbour bridge in Port Elsworth on Tuesday after divers found cracks in two of its granite piers, the harbour board said.</p>
<p>"We will not reopen it until the piers are safe," said Mara Quill, the board's chief engineer.</p>
<p>The board said the bridge would stay closed to cars and lorries for at least three weeks while a contractor props the arches with steel frames.</p>
</article><footer>© Quay Times</footer></body></html>`;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // spawned, not spawnSync: the server answering lives in this process
  const run = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts'), ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  run.stdout.on('data', (d) => (stdout += d));
  run.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => run.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('analyze and extract with URLs', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '/');
      if (req.url === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      if (req.url === '/news/harbour') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      res.writeHead(404).end('no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => server.close());

  it('analyses fetched pages beside files; a disallowed, a missing page each fail on one line; exit 1 with the dossier written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'triangulate-urls-')), 'd.json');
    const run = await cli(['analyze', join(EXAMPLE_DIR, '000_0c875d1442d65709.txt'), `${base}/news/harbour`, `${base}/private/memo`, `${base}/gone`, '--allow-private', '--json', out, '-q']);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 2, run.stderr);
    assert.match(run.stderr, /private\/memo: disallowed by robots\.txt/);
    assert.match(run.stderr, /\/gone: .*404/);
    assert.ok(!hits.includes('/private/memo'), 'a disallowed page is never requested');
    const dossier = Dossier.parse(JSON.parse(readFileSync(out, 'utf8')));
    assert.equal(dossier.articles.length, 2);
    const fetched = dossier.articles[1]!;
    assert.equal(fetched.source, `${base}/news/harbour`);
    assert.equal(fetched.url, `${base}/news/harbour`);
    assert.equal(fetched.outlet, 'Quay Times');
    assert.match(fetched.text, /^Engineers closed the old harbour bridge/);
    assert.doesNotMatch(fetched.text, /Home \| News|© Quay Times/);
    assert.deepEqual(dossier.messages.filter((m) => m.rule === 'input-failed').map((m) => m.source).sort(), [`${base}/gone`, `${base}/private/memo`]);
  });

  it('refuses a private address without --allow-private, naming the URL, and writes nothing when nothing could be read', async () => {
    const before = hits.length;
    const run = await cli(['analyze', `${base}/news/harbour`, '--json', '-', '-q']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /news\/harbour: refusing to connect to the private address 127\.0\.0\.1/);
    assert.equal(hits.length, before, 'nothing was requested');
  });

  it('extracts a fetched page as it extracts a saved one', async () => {
    const run = await cli(['extract', `${base}/news/harbour`, '--allow-private', '-q']);
    assert.equal(run.code, 0, run.stderr);
    const { articles } = JSON.parse(run.stdout) as { articles: Array<{ title: string; url: string }> };
    assert.equal(articles.length, 1);
    assert.equal(articles[0]!.title, 'Harbour bridge closed after divers find cracks');
  });
});
