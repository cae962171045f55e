// Speed of the whole analyse step on one story as it grows: 10, 50 and 200 articles made from the
// example story's five (each copy drops a quarter of its paragraphs and shuffles the rest, seeded),
// so that every article shares facts with the others, the hardest case for alignment. Prints
// seconds, articles per second, claims, groups and peak memory for each size; the time per
// article should stay flat (no all-pairs comparison).
// Usage: npm run bench:analyze [-- --max N]
import { analyzeInputs } from '../src/pipeline.ts';
import { exampleCopies } from './example-copies.ts';

const args = process.argv.slice(2);
const maxAt = args.indexOf('--max');
const max = maxAt >= 0 ? Number(args[maxAt + 1]) : 200;
const story = (n: number): ReturnType<typeof exampleCopies> => exampleCopies(n);

// load the models before timing
await analyzeInputs(story(2));
for (const n of [10, 50, 200].filter((n) => n <= max)) {
  const inputs = story(n);
  const started = performance.now();
  const { dossier } = await analyzeInputs(inputs);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${String(n).padStart(4)} articles: ${seconds.toFixed(2)} s, ${(n / seconds).toFixed(1)} articles/s, ${(seconds / n * 1000).toFixed(0)} ms per article; ` +
      `${dossier.claims.length} claims, ${dossier.claimGroups.length} groups, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
}
