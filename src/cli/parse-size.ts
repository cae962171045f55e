// "20MB", "512k", "1048576": a byte count from a command-line value.
import { UsageError } from '../errors.ts';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

export function parseSize(value: string): number {
  // trimmed first: /^\s*…\s*$/ lets a long run of spaces be split between two \s* many ways
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?b?)$/i.exec(value.trim());
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new UsageError(`--max-bytes takes a size like 20MB, 512k or 1048576, not "${value}"`);
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes <= 0) throw new UsageError('--max-bytes must be above zero');
  return bytes;
}
