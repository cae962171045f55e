// Extraction quality and speed on a folder of pages, in one of two layouts:
// - Zyte's article-extraction benchmark (`html/<id>.html.gz`, `ground-truth.json`), scored by its
//   shingle metric (the published Readability.js output, when present, is scored first to check
//   the port);
// - WCXB (`html/<id>.html.gz`, `ground-truth/<id>.json`), scored by WCXB's word-level F1, overall
//   and per page type, on a fixed part of the pages (`--part tune|held-out|all`).
// Triangulate runs through its own CLI (process start included); Readability.js runs on linkedom
// (and on jsdom) in the same run, each tool in a child process of its own so that its peak memory
// is its own. A page a tool gives no text for counts as refused.
// Usage: npm run bench:extraction -- <dir> [--tools triangulate,readability-linkedom,readability-jsdom] [--runs N]
//        [--part tune|held-out|all] [--limit N] [--type article] [--dump FILE]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metricsFrom, shingleMatching } from './shingle-metric.ts';
import { isWcxbLayout, loadWcxb, type Part, type WcxbPage } from './wcxb-data.ts';
import { meanScores, wordF1, type PageScore } from './word-f1.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALL_TOOLS = ['triangulate', 'readability-linkedom', 'readability-jsdom'];
/** jsdom takes minutes over the 1,497 WCXB pages and adds nothing linkedom does not show. */
const WCXB_TOOLS = ['triangulate', 'readability-linkedom'];

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

/** The newest modification time under a folder, to tell whether the build is stale. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Triangulate as a user runs it: `triangulate extract <dir>/html --json FILE`, timed from process start. */
function runTriangulate(dir: string): ToolRun {
  const cli = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < newest(join(ROOT, 'src'))) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed');
  }
  const out = join(mkdtempSync(join(tmpdir(), 'triangulate-bench-')), 'articles.json');
  const timer = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];
  const command = [...timer, process.execPath, cli, 'extract', join(dir, 'html'), '--json', out, '--quiet'];
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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

/** The best (fastest) of `runs` runs of one tool over `dir`. */
function bestRun(tool: string, dir: string, runs: number): ToolRun {
  let best: ToolRun | null = null;
  for (let r = 0; r < runs; r++) {
    const run = tool === 'triangulate' ? runTriangulate(dir) : runReadability(tool, dir);
    if (!best || run.seconds < best.seconds) best = run;
  }
  return best!;
}

function label(tool: string): string {
  return tool === 'triangulate' ? 'triangulate extract (CLI, process start included)' : `${tool} (in process)`;
}

function benchZyte(dir: string, tools: string[], runs: number): void {
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

  console.log(`tool | F1 | precision | recall | refused | pages/s | peak MB  (${pages} pages, best of ${runs} runs for speed)`);
  let last = '';
  for (const tool of tools) {
    const best = bestRun(tool, dir, runs);
    const m = score(truth, best.predictions);
    const refused = Object.keys(truth).filter((id) => !best.predictions[id]?.trim()).length;
    const rate = pages / best.seconds;
    console.log(`${label(tool)} | ${m.f1.toFixed(3)} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${refused} | ${rate.toFixed(1)} | ${best.peakMB?.toFixed(0) ?? '?'}`);
    if (tool === 'triangulate') last = `F1 ${m.f1.toFixed(3)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} pages/s ${rate.toFixed(1)}`;
  }
  if (last) console.log(last);
}

/** A folder of links to the chosen pages, so that every tool reads exactly those. */
function selectionDir(dir: string, pages: readonly WcxbPage[]): string {
  const selection = mkdtempSync(join(tmpdir(), 'triangulate-wcxb-'));
  mkdirSync(join(selection, 'html'));
  for (const page of pages) symlinkSync(resolve(dir, 'html', `${page.id}.html.gz`), join(selection, 'html', `${page.id}.html.gz`));
  return selection;
}

function f(value: number): string {
  return value.toFixed(3).replace(/^0\./, '.');
}

function benchWcxb(dir: string, tools: string[], runs: number): void {
  const part = (option('--part') ?? 'tune') as Part;
  if (!['tune', 'held-out', 'all'].includes(part)) throw new Error(`--part is tune, held-out or all, not ${part}`);
  const limit = option('--limit') ? Number(option('--limit')) : undefined;
  const pages = loadWcxb(dir, part, { limit, type: option('--type') });
  // a page whose ground truth holds no words cannot be scored by word overlap
  const scored = pages.filter((p) => /\w/.test(p.truth));
  const types = [...new Set(scored.map((p) => p.type))].sort();
  const selection = selectionDir(dir, pages);
  const dump: Record<string, Record<string, PageScore & { type: string }>> = {};
  console.log(
    `WCXB layout, part ${part}: ${pages.length} pages (${pages.length - scored.length} without ground-truth words, not scored), ` +
      `best of ${runs} run(s) for speed; word F1 (P/R)`,
  );
  console.log(`tool | overall F1 | P | R | ${types.map((t) => `${t} (${scored.filter((p) => p.type === t).length})`).join(' | ')} | refused | pages/s | peak MB`);
  try {
    for (const tool of tools) {
      const best = bestRun(tool, selection, runs);
      const perPage = scored.map((p) => ({ page: p, score: wordF1(p.truth, best.predictions[p.id] ?? '') }));
      dump[tool] = Object.fromEntries(perPage.map(({ page, score }) => [page.id, { ...score, type: page.type }]));
      const overall = meanScores(perPage.map((x) => x.score));
      const byType = types.map((t) => f(meanScores(perPage.filter((x) => x.page.type === t).map((x) => x.score)).f1));
      const refused = pages.filter((p) => !best.predictions[p.id]?.trim()).length;
      const rate = pages.length / best.seconds;
      console.log(
        `${label(tool)} | ${f(overall.f1)} | ${f(overall.precision)} | ${f(overall.recall)} | ${byType.join(' | ')} | ${refused} | ${rate.toFixed(1)} | ${best.peakMB?.toFixed(0) ?? '?'}`,
      );
    }
  } finally {
    rmSync(selection, { recursive: true, force: true });
  }
  const dumpFile = option('--dump');
  if (dumpFile) writeFileSync(dumpFile, JSON.stringify(dump, null, 1));
}

function main(): void {
  const dir = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--')) ?? join('..', 'shared', 'data', 'extraction', 'zyte');
  const wcxb = isWcxbLayout(dir);
  const tools = (option('--tools') ?? (wcxb ? WCXB_TOOLS : ALL_TOOLS).join(',')).split(',');
  const runs = Number(option('--runs') ?? (wcxb ? 1 : 3));
  if (wcxb) benchWcxb(dir, tools, runs);
  else benchZyte(dir, tools, runs);
}

main();
