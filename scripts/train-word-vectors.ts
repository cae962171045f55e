// Learns models/word-vectors.bin.gz: word vectors for the most frequent content stems of
// unlabelled news text under ../shared/data (scripts/read-news-text.ts names the sets and why
// some are left out), by PPMI and a truncated SVD (scripts/learn-word-vectors.ts). Same data,
// same file: the reading order is fixed and the method deterministic.
// Usage: npm run train:vectors -- [dataDir=../shared/data] [--dims 128] [--vocab 25000] [--min-count 5] [--eigen-weight 0] [--out models/word-vectors.bin.gz]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_OPTIONS, encodeWordVectors, learnWordVectors } from './learn-word-vectors.ts';
import { readNewsTexts } from './read-news-text.ts';
import { vectorTokensOf, type Token } from './word-vector-tokens.ts';

function option(name: string, fallback: number): number;
function option(name: string, fallback: string): string;
function option(name: string, fallback: number | string): number | string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) return fallback;
  return typeof fallback === 'number' ? Number(process.argv[i + 1]) : process.argv[i + 1]!;
}
/** Arguments that are neither an option nor an option's value. */
const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const dataDir = positional[0] ?? join('..', 'shared', 'data');
const out = option('out', join('models', 'word-vectors.bin.gz'));
const options = {
  ...DEFAULT_OPTIONS,
  dims: option('dims', DEFAULT_OPTIONS.dims),
  maxVocab: option('vocab', DEFAULT_OPTIONS.maxVocab),
  minCount: option('min-count', DEFAULT_OPTIONS.minCount),
  eigenWeight: option('eigen-weight', DEFAULT_OPTIONS.eigenWeight),
};

const started = performance.now();
const log = (m: string): void => void process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)}s] ${m}\n`);

const units: Token[][] = [];
const sources: Array<{ name: string; units: number; tokens: number }> = [];
for (const { name, texts } of readNewsTexts(dataDir)) {
  let tokens = 0;
  for (const text of texts) {
    const toks = vectorTokensOf(text);
    if (toks.length < 2) continue;
    units.push(toks);
    tokens += toks.length;
  }
  sources.push({ name, units: texts.length, tokens });
}
const tokens = sources.reduce((s, x) => s + x.tokens, 0);
log(`${units.length} units, ${tokens} tokens`);

const learned = learnWordVectors(units, { ...options, log });
const file = encodeWordVectors(learned, {
  method: `PPMI (window ±${options.window}, linear distance weights, context smoothing ${options.smoothing}, contexts seen ≥ ${options.minContextCount} times, ${learned.contexts} contexts, ${learned.nonZeros} positive cells) + randomised truncated SVD, U·Σ^${options.eigenWeight}, rows L2-normalised, int8`,
  sources,
  tokens,
  minCount: options.minCount,
});
writeFileSync(out, file);
log(`${learned.words.length} stems × ${learned.dims} dims written to ${out} (${(file.length / 1e6).toFixed(2)} MB); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
