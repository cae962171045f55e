// End-to-end runs of the `triangulate` command: the example story, hostile inputs, exit codes,
// determinism and the written reports.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, existsSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { Dossier } from '../../src/model.ts';
import { EXAMPLE_DIR, FIXTURES, runCli } from '../helpers.ts';

const CONTRACT_KEYS = ['version', 'articles', 'entities', 'quotes', 'quoteGroups', 'claims', 'claimGroups', 'sources', 'framing', 'timeline'];
const HOSTILE_PAGE = join(FIXTURES, 'hostile', 'script-in-body.html');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'triangulate-test-'));
}

describe('triangulate analyze', () => {
  it('analyses the bundled example when given no inputs, and says so', () => {
    const cwd = tempDir();
    const result = runCli(['analyze'], { cwd });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /bundled example story/);
    assert.match(result.stdout, /Analysed 5 articles/);
    for (const file of ['dossier.json', 'brief.md', 'report.html']) assert.ok(existsSync(join(cwd, 'triangulate-out', file)), file);
  });

  it('writes a dossier that has every contract key and parses with the schema', () => {
    const out = join(tempDir(), 'd.json');
    const result = runCli(['analyze', EXAMPLE_DIR, '--json', out, '--quiet']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    const dossier = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(Object.keys(dossier).slice(0, CONTRACT_KEYS.length), CONTRACT_KEYS);
    Dossier.parse(dossier);
    assert.equal(dossier.articles.length, 5, 'the folder README is not an article');
    for (const article of dossier.articles) {
      for (const key of ['id', 'source', 'outlet', 'title', 'author', 'publishedAt', 'text', 'removed']) assert.ok(key in article, key);
      for (const block of article.blocks) assert.ok(block.start >= 0 && block.end <= article.text.length && block.start < block.end);
      for (const s of article.sentences) {
        const block = article.blocks[s.block];
        assert.ok(s.start >= block.start && s.end <= block.end, 'a sentence stays inside its block');
      }
    }
  });

  it('gives byte-identical JSON on two runs', () => {
    const dir = tempDir();
    runCli(['analyze', EXAMPLE_DIR, '--json', join(dir, 'a.json'), '--html', join(dir, 'a.html'), '-q']);
    runCli(['analyze', EXAMPLE_DIR, '--json', join(dir, 'b.json'), '--html', join(dir, 'b.html'), '-q']);
    assert.equal(readFileSync(join(dir, 'a.json'), 'utf8'), readFileSync(join(dir, 'b.json'), 'utf8'));
    assert.equal(readFileSync(join(dir, 'a.html'), 'utf8'), readFileSync(join(dir, 'b.html'), 'utf8'));
  });

  it('processes the good files of a directory with bad ones, names each bad one, and exits 1', () => {
    const dir = tempDir();
    const story = join(dir, 'story');
    mkdirSync(story);
    copyFileSync(join(EXAMPLE_DIR, '000_0c875d1442d65709.txt'), join(story, 'a.txt'));
    copyFileSync(join(EXAMPLE_DIR, '004_c0100b728ebff7f0.txt'), join(story, 'b.txt'));
    writeFileSync(join(story, 'empty.txt'), '');
    writeFileSync(join(story, 'binary.html'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
    writeFileSync(join(story, 'broken.txt.gz'), gzipSync(Buffer.from('some text that will be cut short')).subarray(0, 15));
    const out = join(dir, 'out.json');
    const result = runCli(['analyze', story, '--json', out, '-q']);
    assert.equal(result.status, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 3, result.stderr);
    assert.match(result.stderr, /^triangulate: .*binary\.html: binary input/m);
    assert.match(result.stderr, /^triangulate: .*broken\.txt\.gz: broken gzip data/m);
    assert.match(result.stderr, /^triangulate: .*empty\.txt: empty input$/m);
    const dossier = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(dossier.articles.length, 2);
    assert.equal(dossier.messages.length, 3);
  });

  it('refuses a file over the size limit with one line, without reading it all', () => {
    const dir = tempDir();
    const big = join(dir, 'big.txt');
    const fd = openSync(big, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'All work and no play makes a dull article. ');
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    closeSync(fd);
    const result = runCli(['analyze', big, '--json', join(dir, 'o.json'), '-q']);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, `triangulate: ${big}: 50 MB is over the 20 MB limit (raise it with --max-bytes)\ntriangulate: no article could be read; nothing written\n`);
    assert.ok(!existsSync(join(dir, 'o.json')));
  });

  it('escapes article content in the HTML report and the brief; nothing in it can run or load', () => {
    const dir = tempDir();
    const result = runCli(['analyze', HOSTILE_PAGE, '--html', join(dir, 'r.html'), '--md', join(dir, 'r.md'), '--json', join(dir, 'r.json'), '-q']);
    assert.equal(result.status, 0, result.stderr);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    const dossier = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    assert.match(dossier.articles[0].text, /<script>alert\(1\)<\/script> is how the attack began/, 'the article text keeps what the page said');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /\sonerror=/i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /(src|href)="https?:/i);
    const md = readFileSync(join(dir, 'r.md'), 'utf8');
    assert.doesNotMatch(md, /<script/i);
  });

  it('refuses a page nested absurdly deep with one line, and reads one nested as deep as browsers allow', () => {
    const dir = tempDir();
    const paragraph = '<p>The council met on Tuesday, and the budget passed after a long debate about roads, schools and parks.</p>';
    writeFileSync(join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(100000)}${paragraph}${'</div>'.repeat(100000)}</body></html>`);
    writeFileSync(join(dir, 'nested.html'), `<html><body>${'<div>'.repeat(500)}${paragraph.repeat(8)}${'</div>'.repeat(500)}</body></html>`);
    const result = runCli(['analyze', join(dir, 'deep.html'), join(dir, 'nested.html'), '--json', join(dir, 'o.json'), '-q']);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, `triangulate: ${join(dir, 'deep.html')}: the page nests elements more than 1024 deep (hostile or broken HTML)\n`);
    const dossier = JSON.parse(readFileSync(join(dir, 'o.json'), 'utf8'));
    assert.equal(dossier.articles.length, 1);
    assert.match(dossier.articles[0].text, /^The council met on Tuesday/);
  });

  it('reads stdin with -', () => {
    const dir = tempDir();
    const text = readFileSync(join(EXAMPLE_DIR, '004_c0100b728ebff7f0.txt'));
    const result = runCli(['analyze', '-', '--json', join(dir, 's.json'), '-q'], { input: text });
    assert.equal(result.status, 0, result.stderr);
    const dossier = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    assert.equal(dossier.articles[0].source, '-');
  });

  it('exits 2 on a usage error and never overwrites an input', () => {
    assert.equal(runCli(['analyze', '--no-such-option']).status, 2);
    assert.equal(runCli(['analyze', EXAMPLE_DIR, '--max-bytes', 'lots']).status, 2);
    const dir = tempDir();
    const input = join(dir, 'in.txt');
    copyFileSync(join(EXAMPLE_DIR, '004_c0100b728ebff7f0.txt'), input);
    const before = readFileSync(input);
    const result = runCli(['analyze', input, '--json', input]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /refusing to overwrite the input/);
    assert.deepEqual(readFileSync(input), before);
  });

  it('names a missing input and an unmatched glob', () => {
    const result = runCli(['analyze', 'no/such/file.txt', 'nothing-*.html', '-q', '--json', join(tempDir(), 'x.json')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^triangulate: no\/such\/file\.txt: no such file or directory$/m);
    assert.match(result.stderr, /^triangulate: nothing-\*\.html: no file matches this pattern$/m);
  });
});

describe('triangulate extract and schema', () => {
  it('extract writes only articles, the same objects as the dossier has', () => {
    const dir = tempDir();
    const result = runCli(['extract', join(EXAMPLE_DIR, '003_70c9bd313a2ce470.txt'), '--json', join(dir, 'e.json'), '-q']);
    assert.equal(result.status, 0, result.stderr);
    const extracted = JSON.parse(readFileSync(join(dir, 'e.json'), 'utf8'));
    assert.deepEqual(Object.keys(extracted), ['articles']);
    const article = extracted.articles[0];
    assert.equal(article.title, 'Trump admin weighs using drone strikes against Mexican drug cartels: report');
    assert.ok(!article.text.includes(article.title), 'the body does not repeat the headline');
    assert.match(article.text, /\n\n/, 'paragraphs are separated by blank lines');
  });

  it('schema prints a JSON Schema of the dossier', () => {
    const result = runCli(['schema']);
    assert.equal(result.status, 0);
    const schema = JSON.parse(result.stdout);
    assert.equal(schema.type, 'object');
    for (const key of CONTRACT_KEYS) assert.ok(key in schema.properties, key);
  });
});
