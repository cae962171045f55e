// Preloaded (`node --import`) where /usr/bin/time is missing: writes the process's peak resident
// set (VmHWM, kB) to $TRIANGULATE_PEAK_FILE as it exits.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.TRIANGULATE_PEAK_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
      writeFileSync(file, `${hwm ?? Math.round(process.resourceUsage().maxRSS)}\n`);
    } catch {
      // no figure: the run reports null
    }
  });
}
