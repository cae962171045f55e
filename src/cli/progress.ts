// A progress bar on stderr for long runs, shown only when stderr is a terminal and not --quiet.
import { errorLine, type InputError } from '../errors.ts';

export interface Progress {
  update(done: number, total: number): void;
  /** Prints a failure line without tearing the bar. */
  fail(error: InputError): void;
  stop(): void;
}

export async function createProgress(enabled: boolean): Promise<Progress> {
  const printFailure = (error: InputError): void => {
    // one line whatever the input's name holds (a newline, a terminal escape)
    process.stderr.write(`triangulate: ${errorLine(error)}\n`);
  };
  if (!enabled || !process.stderr.isTTY) return { update() {}, fail: printFailure, stop() {} };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'reading [{bar}] {value}/{total} inputs', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    fail(error) {
      if (started) process.stderr.write('\r\x1b[2K');
      printFailure(error);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
