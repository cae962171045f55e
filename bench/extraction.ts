// Extraction quality and speed on a folder laid out like the Zyte article-extraction benchmark
// (`html/<id>.html.gz`, `ground-truth.json`). Scores Triangulate through its own CLI (process
// start included) and, in the same run, Readability.js on linkedom and on jsdom, each tool in a
// child process of its own so that its peak memory is its own. With `--check-port`, first
// reproduces the published Readability.js score from `output/readability_js.json`.
// Usage: npm run bench:extraction -- <dir> [--tools triangulate,readability-linkedom,readability-jsdom] [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metricsFrom, shingleMatching } from './shingle-metric.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALL_TOOLS = ['triangulate', 'readability-linkedom', 'readability-jsdom'];

interface ToolRun {
  predictions: Record<string, string>;
  seconds: number;
  peakMB: number | null;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function score(truth: Record<string, { articleBody?: string }>, predictions: Record<string, string>) {
  const ids = Object.keys(truth);
  return metricsFrom(ids.map((id) => shingleMatching(truth[id]!.articleBody ?? '', predictions[id] ?? '')));
}

/** Triangulate as a user runs it: `triangulate extract <dir>/html --json FILE`, timed from process start. */
function runTriangulate(dir: string): ToolRun {
  const cli = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(cli)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const out = join(mkdtempSync(join(tmpdir(), 'triangulate-bench-')), 'articles.json');
  const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];
  const command = [...timer, process.execPath, cli, 'extract', join(dir, 'html'), '--json', out, '--quiet'];
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const peakKB = timer.length ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  const { articles } = JSON.parse(readFileSync(out, 'utf8')) as { articles: Array<{ source: string; text: string }> };
  rmSync(dirname(out), { recursive: true, force: true });
  const predictions: Record<string, string> = {};
  for (const a of articles) predictions[basename(a.source).replace(/\.html(\.gz)?$/, '')] = a.text;
  return { predictions, seconds, peakMB: Number.isFinite(peakKB) ? peakKB / 1024 : null };
}

/** A Readability run in a child process: it reports its own timing (parsing and extraction only) and peak memory. */
function runReadability(tool: string, dir: string): ToolRun {
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'bench', 'readability-worker.ts'), tool, dir], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ToolRun;
}

function main(): void {
  const dir = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')) ?? join('..', 'shared', 'data', 'extraction', 'zyte');
  const tools = (option('--tools') ?? ALL_TOOLS.join(',')).split(',');
  const runs = Number(option('--runs') ?? 3);
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  const pages = Object.keys(truth).length;

  const published = join(dir, 'output', 'readability_js.json');
  if (existsSync(published)) {
    const data = JSON.parse(readFileSync(published, 'utf8')) as { output?: Record<string, { articleBody?: string }> };
    const output = data.output ?? (data as Record<string, { articleBody?: string }>);
    const predictions = Object.fromEntries(Object.entries(output).map(([id, v]) => [id, v.articleBody ?? '']));
    const m = score(truth, predictions);
    console.log(`metric port check: published Readability.js output scores F1 ${m.f1.toFixed(3)} (published .947)`);
  }

  console.log(`tool | F1 | precision | recall | pages/s | peak MB  (${pages} pages, best of ${runs} runs for speed)`);
  let last = '';
  for (const tool of tools) {
    let best: ToolRun | null = null;
    for (let r = 0; r < runs; r++) {
      const run = tool === 'triangulate' ? runTriangulate(dir) : runReadability(tool, dir);
      if (!best || run.seconds < best.seconds) best = run;
    }
    const m = score(truth, best!.predictions);
    const rate = pages / best!.seconds;
    const label = tool === 'triangulate' ? 'triangulate extract (CLI, process start included)' : `${tool} (in process)`;
    console.log(`${label} | ${m.f1.toFixed(3)} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${rate.toFixed(1)} | ${best!.peakMB?.toFixed(0) ?? '?'}`);
    if (tool === 'triangulate') last = `F1 ${m.f1.toFixed(3)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} pages/s ${rate.toFixed(1)}`;
  }
  if (last) console.log(last);
}

main();
