// Speed of the who-said-what annotation (names, titles, role phrases and pronouns, attributions, quotes with speakers) on one core, over real
// article bodies (the Zyte ground truth), and the process's peak memory.
// Usage: npm run bench:annotate -- [../shared/data/extraction/zyte] [--rounds N]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attributeQuotes } from '../src/annotate/attribute-quotes.ts';
import { findAttributions, tagArticle } from '../src/annotate/find-attributions.ts';
import { findNames } from '../src/annotate/find-names.ts';
import { findReferences, findRoles } from '../src/annotate/find-roles.ts';
import { extractArticle } from '../src/extract/extract-article.ts';
import { NO_HINTS } from '../src/ingest/raw-document.ts';
import { segmentArticle } from '../src/text/segment.ts';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds') ?? join('..', 'shared', 'data', 'extraction', 'zyte');
const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
const articles = Object.entries(truth)
  .filter(([, t]) => (t.articleBody ?? '').trim())
  .map(([id, t]) => segmentArticle(extractArticle({ source: id, format: 'text', content: t.articleBody!, encoding: 'utf-8', hints: NO_HINTS })));
const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);

/** Names, titles, references and quotes with speakers (the tagger on quotation paragraphs only), and optionally every attribution (the tagger on every body paragraph), as the pipeline does. */
function annotate(article: (typeof articles)[number], withAttributions: boolean): number {
  const names = findNames(article);
  findRoles(article, names);
  findReferences(article, names);
  if (!withAttributions) return attributeQuotes(article, names).length;
  const tagged = tagArticle(article);
  findAttributions(article, tagged);
  return attributeQuotes(article, names, tagged).length;
}

// the first article loads the models; time the rounds after it
annotate(articles[0]!, true);
const perArticle = words / articles.length;
for (const withAttributions of [false, true]) {
  let best = Infinity;
  let first = 0;
  let quotes = 0;
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    quotes = 0;
    for (const article of articles) quotes += annotate(article, withAttributions);
    const seconds = (performance.now() - started) / 1000;
    if (r === 0) first = seconds;
    best = Math.min(best, seconds);
  }
  console.log(`${withAttributions ? 'with every attribution (pipeline)' : 'names and quotes'}: ${articles.length} articles, ${perArticle.toFixed(0)} words each on average, ${quotes} quotes`);
  console.log(`  articles/s ${(articles.length / best).toFixed(0)} (${(words / best / 1000).toFixed(0)}k words/s; ${(words / best / 800).toFixed(0)} articles/s of 800 words)`);
  // the taggers remember the scores of words they have seen: the first round sees every word for the first time (and warms the JIT), the later ones none
  if (!withAttributions) console.log(`  first round ${(words / first / 800).toFixed(0)} articles/s of 800 words (every word new to the taggers)`);
}
console.log(`peak MB ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
