// A story of any size made from the example story's five articles: each copy drops a quarter of
// its paragraphs and shuffles the rest (seeded), so that every article shares facts with the
// others, the hardest case for alignment. Used by bench:analyze and bench:serve.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/learn/seeded-random.ts';
import type { ArticleInput } from '../src/pipeline.ts';

const dir = join(import.meta.dirname, '..', 'examples', 'drone-strikes-2025');
const originals = readdirSync(dir)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));

/**
 * `n` copies. `distinct` ends each with a line of its own (the store keeps the same text once) and
 * gives them one of seven outlets.
 */
export function exampleCopies(n: number, options: { distinct?: boolean } = {}): ArticleInput[] {
  const random = seededRandom(20251122);
  return Array.from({ length: n }, (_, i) => {
    const paragraphs = originals[i % originals.length]!.split(/\n\s*\n/);
    const kept = paragraphs.filter((_, k) => k === 0 || random() >= 0.25);
    const body = kept.slice(1).sort(() => random() - 0.5);
    if (!options.distinct) return { text: [kept[0], ...body].join('\n\n'), source: `copy-${i}.txt` };
    return { text: [kept[0], ...body, `Dispatch ${i + 1} of the series.`].join('\n\n'), source: `copy-${i}.txt`, outlet: `Outlet ${i % 7}` };
  });
}
