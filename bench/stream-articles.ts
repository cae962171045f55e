// A stream of articles for the scale benches, made from the Zyte benchmark's 181 real bodies: each
// varied (a share of its sentences dropped, the rest rotated, a line of its own) and dated as a
// stream, ARTICLES_PER_DAY a day. Deterministic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/learn/seeded-random.ts';
import type { ArticleInput } from '../src/pipeline.ts';

export const ARTICLES_PER_DAY = 2000;

export function* streamArticles(dir: string, n: number): Generator<ArticleInput> {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  const bodies = Object.values(truth)
    .map((t) => (t.articleBody ?? '').trim())
    .filter((b) => b.split(/\s+/).length > 80)
    .map((b) => b.split(/(?<=[.!?])\s+/));
  const random = seededRandom(20251122);
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < n; i++) {
    const sentences = bodies[i % bodies.length]!.filter(() => random() > 0.2);
    const shift = Math.floor(random() * 3);
    const body = [...sentences.slice(shift), ...sentences.slice(0, shift)];
    body.splice(Math.floor(body.length / 2), 0, `Item ${i} of the stream was filed at ${(i * 7919) % 100000} past the hour.`);
    const paragraphs: string[] = [];
    for (let k = 0; k < body.length; k += 4) paragraphs.push(body.slice(k, k + 4).join(' '));
    yield { text: paragraphs.join('\n\n'), source: `stream-${i}.txt`, publishedAt: new Date(start + Math.floor(i / ARTICLES_PER_DAY) * 86_400_000).toISOString() };
  }
}
