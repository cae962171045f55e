// Hostile files and paths around the command (issue 10): outputs that name an input through a
// directory, a glob or a link; outputs that are links, pipes or standard output; inputs that are
// FIFOs or devices; names with newlines; folders that cannot be listed; system errors in words.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, copyFileSync, existsSync, openSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLE_DIR, ROOT } from '../helpers.ts';

const ARTICLE = join(EXAMPLE_DIR, '004_c0100b728ebff7f0.txt');
/** A generous bound against a hang: the bugs these tests guard against hung for ever. */
const HARD_TIMEOUT_MS = 120_000;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'triangulate-hostile-'));
}

/** Runs the command from source, killed if it hangs (status null then). */
function run(args: string[], options: { cwd?: string; input?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: HARD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** Every stderr line is one `triangulate: …` line. */
function assertOneLineEach(stderr: string): void {
  for (const line of stderr.trimEnd().split('\n')) assert.match(line, /^triangulate: /, `a line of its own: ${JSON.stringify(line)}`);
}

describe('outputs never overwrite inputs, however they are named', () => {
  it('refuses an output that is an input found in a directory, by a glob or through a symbolic link', () => {
    const dir = tempDir();
    const story = join(dir, 'story');
    mkdirSync(story);
    copyFileSync(ARTICLE, join(story, 'a.txt'));
    const record = JSON.stringify({ text: readFileSync(ARTICLE, 'utf8'), outlet: 'Record' });
    writeFileSync(join(story, 'b.json'), record);
    symlinkSync(join(story, 'a.txt'), join(dir, 'link.txt'));

    const cases: string[][] = [
      ['analyze', story, '--json', join(story, 'b.json')], // .json files in a directory are inputs
      ['analyze', join(story, '*.txt'), '--md', join(story, 'a.txt')],
      ['analyze', join(dir, 'link.txt'), '--html', join(story, 'a.txt')],
      ['analyze', story, '--out', story, '--json', join(dir, 'story', '..', 'story', 'b.json')],
      ['extract', story, '--json', join(story, 'a.txt')],
      ['check', 'The administration planned drone strikes against the cartels', join(dir, 'link.txt'), '--json', join(story, 'a.txt')],
      ['ingest', join(dir, 'link.txt'), '--db', join(story, 'a.txt')],
    ];
    for (const args of cases) {
      const result = run([...args, '-q']);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /^triangulate: refusing to overwrite the input .* with the output .*\n$/, args.join(' '));
    }
    assert.deepEqual(readFileSync(join(story, 'a.txt')), readFileSync(ARTICLE));
    assert.equal(readFileSync(join(story, 'b.json'), 'utf8'), record);
    assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink());
  });
});

describe('outputs keep what the path names', () => {
  it('writes through a symbolic link (also a dangling one) and keeps the link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'old.json'), 'old');
    symlinkSync(join(dir, 'real', 'old.json'), join(dir, 'link.json'));
    symlinkSync(join('real', 'new.md'), join(dir, 'dangling.md'));
    const result = run(['analyze', ARTICLE, '--json', join(dir, 'link.json'), '--md', join(dir, 'dangling.md'), '-q']);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(lstatSync(join(dir, 'link.json')).isSymbolicLink(), 'the link is still a link');
    assert.ok(lstatSync(join(dir, 'dangling.md')).isSymbolicLink(), 'the dangling link is still a link');
    assert.equal(JSON.parse(readFileSync(join(dir, 'real', 'old.json'), 'utf8')).articles.length, 1);
    assert.match(readFileSync(join(dir, 'real', 'new.md'), 'utf8'), /^# Triangulate dossier/);
  });

  it('writes into a named pipe and a link to standard output instead of replacing them', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'out.fifo');
    mkfifo(fifo);
    const received = join(dir, 'received.json');
    const reader = spawn('sh', ['-c', 'cat "$0" > "$1"', fifo, received], { stdio: 'ignore' });
    try {
      const result = run(['analyze', ARTICLE, '--json', fifo, '-q']);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(lstatSync(fifo).isFIFO(), 'the FIFO is still a FIFO');
      const exit = once(reader, 'exit');
      const timer = setTimeout(() => reader.kill('SIGKILL'), 30_000);
      await exit;
      clearTimeout(timer);
      assert.equal(JSON.parse(readFileSync(received, 'utf8')).articles.length, 1);
    } finally {
      reader.kill('SIGKILL');
    }

    // a link to this process's standard output (as /dev/stdout is): written into, never replaced
    symlinkSync('/proc/self/fd/1', join(dir, 'to-stdout.json'));
    const viaLink = run(['analyze', ARTICLE, '--json', join(dir, 'to-stdout.json'), '-q']);
    assert.equal(viaLink.status, 0, viaLink.stderr);
    assert.ok(lstatSync(join(dir, 'to-stdout.json')).isSymbolicLink());
    assert.equal(readlinkSync(join(dir, 'to-stdout.json')), '/proc/self/fd/1');
    assert.equal(JSON.parse(viaLink.stdout).articles.length, 1);
  });

  it('takes - as standard output in analyze and extract, and at most one output there', () => {
    const cwd = tempDir();
    const analyzed = run(['analyze', ARTICLE, '--json', '-', '--md', 'brief.md'], { cwd });
    assert.equal(analyzed.status, 0, analyzed.stderr);
    assert.equal(JSON.parse(analyzed.stdout).articles.length, 1, 'standard output holds only the dossier');
    assert.match(analyzed.stderr, /Analysed 1 article .*\nWrote standard output, brief\.md\n/);
    assert.ok(!existsSync(join(cwd, '-')), 'no file named -');

    const md = run(['analyze', ARTICLE, '--md', '-', '-q'], { cwd });
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^# Triangulate dossier/);

    const extracted = run(['extract', ARTICLE, '--json', '-', '-q'], { cwd });
    assert.equal(extracted.status, 0, extracted.stderr);
    assert.equal(JSON.parse(extracted.stdout).articles.length, 1);
    assert.ok(!existsSync(join(cwd, '-')), 'no file named -');

    const two = run(['analyze', ARTICLE, '--md', '-', '--html', '-'], { cwd });
    assert.equal(two.status, 2);
    assert.match(two.stderr, /only one output can go to standard output/);
  });

  it('names the user path, in words, when an output cannot be written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const inTheWay = run(['analyze', ARTICLE, '--out', join(dir, 'file'), '-q']);
    assert.equal(inTheWay.status, 1);
    assert.equal(inTheWay.stderr, `triangulate: ${join(dir, 'file', 'dossier.json')}: a part of the path is a file, not a directory\n`);
    const long = join(dir, `${'n'.repeat(300)}.json`);
    const tooLong = run(['analyze', ARTICLE, '--json', long, '-q']);
    assert.equal(tooLong.status, 1);
    assert.equal(tooLong.stderr, `triangulate: ${long}: the name or the whole path is too long\n`);
    const directory = run(['analyze', ARTICLE, '--json', dir, '-q']);
    assert.equal(directory.status, 1);
    assert.equal(directory.stderr, `triangulate: ${dir}: is a directory\n`);
    // a full device, through a link (never /dev/full itself: the old code, as root, replaced the node)
    symlinkSync('/dev/full', join(dir, 'full.json'));
    const full = run(['analyze', ARTICLE, '--json', join(dir, 'full.json'), '-q']);
    assert.equal(full.status, 1);
    assert.equal(full.stderr, `triangulate: ${join(dir, 'full.json')}: no space left on the device\n`);
    assert.ok(lstatSync(join(dir, 'full.json')).isSymbolicLink());
  });

  it('says when standard output is full, and stops quietly when its reader has gone', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const full = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts'), 'extract', ARTICLE, '--json', '-', '-q'], {
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
        timeout: HARD_TIMEOUT_MS,
      });
      assert.equal(full.status, 1);
      assert.equal(full.stderr, 'triangulate: standard output: no space left on the device\n');
    } finally {
      closeSync(fd);
    }
    const gone = spawnSync('sh', ['-c', `"$0" --import "$1" "$2" extract "$3" --json - -q | true`, process.execPath, import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts'), EXAMPLE_DIR], {
      encoding: 'utf8',
      timeout: HARD_TIMEOUT_MS,
    });
    assert.doesNotMatch(gone.stderr, /EPIPE|Error|at /);
  });
});

describe('FIFOs and devices as inputs', () => {
  it('gives up on a FIFO nobody writes to, with one line, instead of hanging', () => {
    const dir = tempDir();
    const fifo = join(dir, 'in.fifo');
    mkfifo(fifo);
    const result = run(['analyze', fifo, ARTICLE, '--json', join(dir, 'o.json'), '-q']);
    assert.notEqual(result.status, null, 'the run ended by itself');
    assert.equal(result.status, 1);
    assert.equal(result.stderr, `triangulate: ${fifo}: nothing wrote to this pipe within 5 s\n`);
    assert.equal(JSON.parse(readFileSync(join(dir, 'o.json'), 'utf8')).articles.length, 1, 'the other input is still analysed');
  });

  it('skips FIFOs in a directory, also behind a symbolic link', () => {
    const dir = tempDir();
    const story = join(dir, 'story');
    mkdirSync(story);
    copyFileSync(ARTICLE, join(story, 'a.txt'));
    mkfifo(join(story, 'b.txt'));
    mkfifo(join(dir, 'elsewhere.fifo'));
    symlinkSync(join(dir, 'elsewhere.fifo'), join(story, 'c.html'));
    const result = run(['analyze', story, '--json', join(dir, 'o.json'), '-q']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'o.json'), 'utf8')).articles.length, 1);
    const globbed = run(['analyze', join(story, '*.txt'), '--json', join(dir, 'g.json'), '-q']);
    assert.equal(globbed.status, 0, globbed.stderr);
  });

  it('stops an endless FIFO at --max-bytes, and refuses endless devices without reading them whole', () => {
    const dir = tempDir();
    const fifo = join(dir, 'endless.txt');
    mkfifo(fifo);
    const writer = spawn('sh', ['-c', 'while :; do echo "All work and no play makes a dull article, said the officials."; done > "$0"', fifo], { stdio: 'ignore' });
    try {
      const result = run(['analyze', fifo, '--max-bytes', '1MB', '--json', join(dir, 'o.json'), '-q']);
      assert.equal(result.status, 1);
      assert.equal(result.stderr, `triangulate: ${fifo}: more than 1 MB is over the 1 MB limit (raise it with --max-bytes)\ntriangulate: no article could be read; nothing written\n`);
    } finally {
      writer.kill('SIGKILL');
    }
    const devices = run(['analyze', '/dev/zero', '/dev/urandom', '/dev/null', '--json', join(dir, 'd.json'), '-q']);
    assert.equal(devices.status, 1);
    assert.match(devices.stderr, /^triangulate: \/dev\/zero: binary input \(contains NUL bytes\), not text$/m);
    assert.match(devices.stderr, /^triangulate: \/dev\/urandom: binary input/m);
    assert.match(devices.stderr, /^triangulate: \/dev\/null: empty input$/m);
  });
});

describe('names and folders that break the format', () => {
  it('keeps one line per failure and the brief intact when a file name holds a newline', () => {
    const dir = tempDir();
    const story = join(dir, 'story');
    mkdirSync(story);
    copyFileSync(ARTICLE, join(story, 'a.txt'));
    writeFileSync(join(story, 'evil\n# Injected [x](javascript:alert(1))\n.txt'), '');
    const result = run(['analyze', story, '--md', join(dir, 'brief.md'), '--json', join(dir, 'd.json'), '-q']);
    assert.equal(result.status, 1);
    assertOneLineEach(result.stderr);
    assert.equal(result.stderr, `triangulate: ${story}/evil\\n# Injected [x](javascript:alert(1))\\n.txt: empty input\n`);
    const brief = readFileSync(join(dir, 'brief.md'), 'utf8');
    assert.doesNotMatch(brief, /^# Injected/m);
    assert.match(brief, /^- `.*evil\\n# Injected \[x\]\(javascript:alert\(1\)\)\\n\.txt`: empty input$/m);
    // the JSON keeps the name as it is
    assert.equal(JSON.parse(readFileSync(join(dir, 'd.json'), 'utf8')).messages[0].source, join(story, 'evil\n# Injected [x](javascript:alert(1))\n.txt'));
  });

  it('reports a folder that cannot be listed as one failed input and reads the rest', () => {
    // root reads any folder whatever its mode, so the folder is made unlistable by its path's
    // length: built in two short pieces and joined by a rename, it ends past PATH_MAX (4096)
    const dir = tempDir();
    const story = join(dir, 'story');
    mkdirSync(story);
    copyFileSync(ARTICLE, join(story, 'a.txt'));
    const level = (c: string): string => c.repeat(250);
    const deep = join(story, 'deep', ...'abcdefghijklmn'.split('').map(level));
    mkdirSync(deep, { recursive: true });
    mkdirSync(join(dir, 'tail', level('o'), level('p'), level('q')), { recursive: true });
    renameSync(join(dir, 'tail'), join(deep, 'tail'));
    const result = run(['analyze', story, '--json', join(dir, 'o.json'), '-q']);
    assert.equal(result.status, 1, result.stderr);
    assertOneLineEach(result.stderr);
    assert.equal(result.stderr.trimEnd().split('\n').length, 1);
    assert.match(result.stderr, /^triangulate: .*\/tail\/o+\/p+(\/q+)?: cannot list this folder: the name or the whole path is too long\n$/);
    assert.equal(JSON.parse(readFileSync(join(dir, 'o.json'), 'utf8')).articles.length, 1);
  });

  it('says in words why an input name cannot be read', () => {
    const dir = tempDir();
    const long = join(dir, `${'n'.repeat(300)}.txt`);
    writeFileSync(join(dir, 'file.txt'), 'x');
    const result = run(['analyze', long, join(dir, 'file.txt', 'sub.txt'), ARTICLE, '--json', join(dir, 'o.json'), '-q']);
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      `triangulate: ${long}: the name or the whole path is too long\ntriangulate: ${join(dir, 'file.txt', 'sub.txt')}: a part of the path is a file, not a directory\n`,
    );
  });
});
