// Polling periods as `--every` takes them and `status` shows them: 15m, 1h, 1d (no dependencies:
// the web app's status page uses it without loading the queue).
import { UsageError } from '../errors.ts';

/** "15m", "1h", "30s", "2d" as milliseconds. */
export function parseEvery(value: string): number {
  const match = /^(\d{1,6})(s|m|h|d)$/.exec(value.trim());
  const unit = match ? { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'] : 0;
  const ms = match ? Number(match[1]) * unit : 0;
  if (ms < 60_000) throw new UsageError(`--every takes a period of at least a minute such as 15m, 1h or 1d, not "${value.slice(0, 50)}"`);
  return ms;
}

/** A period as `every` reads it: 15m, 1h, 1d. */
export function formatPeriod(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000]] as const) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms / 1000}s`;
}
