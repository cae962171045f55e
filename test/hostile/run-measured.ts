// Runs a Node script (the CLI, or the library driver) as a child with a time budget and measures
// its peak resident memory: under /usr/bin/time -f %M where it exists, else by a preload that
// reads VmHWM from /proc just before exit. A child past its budget is killed with its process
// group and reported as hung.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(ROOT, 'src', 'cli', 'main.ts');
const TIME = '/usr/bin/time';
const PEAK_PRELOAD = join(dirname(fileURLToPath(import.meta.url)), 'peak-rss-preload.mjs');
/** Output kept per stream: an error that dumps megabytes (a 10 MB regex) is cut, not buffered whole. */
const MAX_CAPTURE = 16 * 1024 * 1024;

export interface Measured {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stderr was longer than what was kept. */
  stderrCut: boolean;
  ms: number;
  /** Peak resident set of the Node process, MB; null when it could not be measured (killed under the preload). */
  peakMB: number | null;
  hung: boolean;
}

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
  env?: Record<string, string>;
}

/** `node --import tsx <script> ...args`, measured. */
export function runMeasured(script: string, args: string[], options: RunOptions): Promise<Measured> {
  const work = mkdtempSync(join(tmpdir(), 'triangulate-hostile-run-'));
  const peakFile = join(work, 'peak');
  const node = [process.execPath, '--import', import.meta.resolve('tsx'), script, ...args];
  const useTime = existsSync(TIME);
  const [command, ...argv] = useTime ? [TIME, '-f', '%M', '-o', peakFile, ...node] : [process.execPath, '--import', PEAK_PRELOAD, ...node.slice(1)];
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command!, argv, {
      cwd: options.cwd,
      // its own process group, so that a hung child and anything it started die together
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', TRIANGULATE_PEAK_FILE: peakFile, ...options.env },
    });
    const out = capture(child.stdout!);
    const err = capture(child.stderr!);
    let hung = false;
    let fallback: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      hung = true;
      // the Node process first, so that /usr/bin/time still writes its figure; then the whole group
      for (const pid of childrenOf(child.pid!)) kill(pid);
      fallback = setTimeout(() => kill(-child.pid!), 2000);
    }, options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      clearTimeout(fallback);
      const ms = Math.round(performance.now() - started);
      let peakMB: number | null = null;
      try {
        // /usr/bin/time writes "Command terminated by signal 9" before the figure when the child was killed
        const figures = readFileSync(peakFile, 'utf8').trim().split('\n');
        const kb = Number(figures[figures.length - 1]);
        if (Number.isFinite(kb) && kb > 0) peakMB = Math.round(kb / 1024);
      } catch {
        peakMB = null;
      }
      rmSync(work, { recursive: true, force: true });
      // /usr/bin/time exits with the child's status, or 128+signal when it was killed
      const killedBySignal = useTime && status !== null && status > 128 ? (`SIG${status - 128}` as NodeJS.Signals) : null;
      resolvePromise({ status: killedBySignal ? null : status, signal: signal ?? killedBySignal, stdout: out.text(), stderr: err.text(), stderrCut: err.cut(), ms, peakMB, hung });
    });
  });
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** SIGKILL to one process (or a group, negative), which may already be gone. */
function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function capture(stream: NodeJS.ReadableStream): { text: () => string; cut: () => boolean } {
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  stream.on('data', (chunk: Buffer) => {
    if (size >= MAX_CAPTURE) {
      cut = true;
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  return { text: () => Buffer.concat(chunks).toString('utf8'), cut: () => cut };
}

/** Why a run is a crash rather than a clean result or a clean failure: an exit status other than 0/1/2, a signal, or a stack trace. */
export function crashOf(run: Measured): string | null {
  if (run.hung) return null;
  if (run.signal) return `killed by ${run.signal}`;
  if (run.status !== 0 && run.status !== 1 && run.status !== 2) return `exit status ${run.status}`;
  if (/^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m.test(run.stderr)) return 'a stack trace on stderr';
  if (/FATAL ERROR|JavaScript heap out of memory|Segmentation fault|Aborted/.test(run.stderr)) return 'a fatal error on stderr';
  return null;
}
