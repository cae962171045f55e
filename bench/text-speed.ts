// Plain-text extraction on clean article bodies: how much of text that is all article the
// classifier wrongly removes (a precision check of the line rules), and throughput: real article bodies (the Zyte ground truth, repeated to a few thousand
// records, written to a temporary folder, never committed) through `triangulate extract`, as
// .txt files and as one JSON Lines file, timed from process start; best of N runs.
// Usage: npm run bench:text -- [zyte dir] [--articles N] [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../src/extract/extract-text.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function timeCli(args: string[], runs: number): { seconds: number; peakMB: number | null } {
  const cli = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(cli)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];
  let best = { seconds: Infinity, peakMB: null as number | null };
  for (let r = 0; r < runs; r++) {
    const command = [...timer, process.execPath, cli, 'extract', ...args, '--quiet'];
    const started = performance.now();
    const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(result.stderr);
    const peakKB = timer.length ? Number(result.stderr.trim().split('\n').pop()) : NaN;
    if (seconds < best.seconds) best = { seconds, peakMB: Number.isFinite(peakKB) ? peakKB / 1024 : null };
  }
  return best;
}

function main(): void {
  const dir = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')) ?? join('..', 'shared', 'data', 'extraction', 'zyte');
  const count = option('--articles', 3000);
  const runs = option('--runs', 3);
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  const bodies = Object.values(truth).map((t) => t.articleBody ?? '').filter((t) => t.trim().length > 0);
  let total = 0;
  let removed = 0;
  let titled = 0;
  for (const body of bodies) {
    const extracted = extractText(body, 'text');
    total += body.length;
    removed += extracted.removed.reduce((n, r) => n + r.text.length, 0) + (extracted.metadata.title?.length ?? 0);
    if (extracted.metadata.title) titled++;
  }
  console.log(`clean bodies (${bodies.length}): ${((100 * removed) / total).toFixed(2)}% of characters removed or taken as headline; ${titled} bodies lost a first line to the headline`);

  const work = mkdtempSync(join(tmpdir(), 'triangulate-text-bench-'));
  try {
    const txtDir = join(work, 'txt');
    mkdirSync(txtDir);
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      // a number line keeps every copy distinct, so that no two records are the same article
      const text = `${bodies[i % bodies.length]}\n\nCopy ${i}.`;
      writeFileSync(join(txtDir, `${String(i).padStart(6, '0')}.txt`), text);
      lines.push(JSON.stringify({ text, url: `https://example.org/${i}` }));
    }
    writeFileSync(join(work, 'articles.jsonl'), `${lines.join('\n')}\n`);
    const files = timeCli([txtDir, '--json', join(work, 'out-txt.json')], runs);
    const jsonl = timeCli([join(work, 'articles.jsonl'), '--json', join(work, 'out-jsonl.json')], runs);
    console.log(`plain text, ${count} real article bodies, best of ${runs} runs, process start included`);
    console.log(`.txt files  | ${(count / files.seconds).toFixed(0)} articles/s | peak ${files.peakMB?.toFixed(0) ?? '?'} MB`);
    console.log(`.jsonl file | ${(count / jsonl.seconds).toFixed(0)} articles/s | peak ${jsonl.peakMB?.toFixed(0) ?? '?'} MB`);
    console.log(`articles/s ${(count / files.seconds).toFixed(0)} (txt) ${(count / jsonl.seconds).toFixed(0)} (jsonl)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
