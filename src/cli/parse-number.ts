// Whole-number options (--port, --min-outlets, --concurrency…): digits only, within bounds, or a
// UsageError naming the flag and the bounds.
import { oneLine, UsageError } from '../errors.ts';

export function wholeNumber(flag: string, min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value: string): number => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      const bounds = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
      throw new UsageError(`${flag} takes a whole number ${bounds}, not "${oneLine(value)}"`);
    }
    return n;
  };
}
