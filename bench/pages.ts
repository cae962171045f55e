// Page types and metadata on a WCXB split: page type accuracy with a confusion table, and the
// exact-match rate of title, author and publication date against the ground truth, per field and
// per page type, with pages/s of extraction (in process: reading, decoding, extraction, page type).
//
//   npm run bench:pages -- ../shared/data/extraction/wcxb/dev [--part tune|held-out|all] [--misses FIELD]
//
// Matching: title equal once white space and case are normalised; author the same set of names
// (normalised, order free); date the same day. A field the ground truth leaves null is right
// when ours is null too.
import { performance } from 'node:perf_hooks';
import { extractArticle } from '../src/extract/extract-article.ts';
import type { Article } from '../src/model.ts';
import { readPage, readWcxb, type Part, type WcxbPage } from '../scripts/read-wcxb.ts';

const FIELDS = ['title', 'author', 'date'] as const;
type Field = (typeof FIELDS)[number];

export function normalizeTitle(text: string | null): string | null {
  const t = text?.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
  return t || null;
}

/** A list of names as a sorted set: "A, B and C" = "C & B, A". */
export function authorSet(text: string | null): string | null {
  if (!text) return null;
  const names = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s*(?:,|&|;|\band\b|\|)\s*/)
    .map((n) => n.replace(/\s+/g, ' ').replace(/^by\s+/, '').trim())
    .filter(Boolean);
  return names.length ? [...new Set(names)].sort().join(' | ') : null;
}

export function dayOf(value: string | null): string | null {
  return value ? (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value) : null;
}

function ours(article: Article | null, field: Field): string | null {
  if (!article) return null;
  if (field === 'title') return normalizeTitle(article.title);
  if (field === 'author') return authorSet(article.author);
  return dayOf(article.publishedAt);
}

function theirs(page: WcxbPage, field: Field): string | null {
  if (field === 'title') return normalizeTitle(page.title);
  if (field === 'author') return authorSet(page.author);
  return dayOf(page.date);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && !['--part', '--misses'].includes(args[i - 1] ?? ''));
  if (!dir) throw new Error('usage: bench:pages <wcxb dir> [--part tune|held-out|all] [--misses title|author|date]');
  const part = (args.includes('--part') ? args[args.indexOf('--part') + 1] : 'all') as Part;
  const misses = args.includes('--misses') ? (args[args.indexOf('--misses') + 1] as Field) : null;
  const pages = readWcxb(dir, part);
  const docs = await Promise.all(pages.map(readPage));

  const started = performance.now();
  const results: Array<{ page: WcxbPage; article: Article | null }> = [];
  for (const [i, page] of pages.entries()) {
    let article: Article | null = null;
    try {
      article = extractArticle(docs[i]!);
    } catch {
      // a refused page scores as nulls and an unknown type
    }
    results.push({ page, article });
  }
  const seconds = (performance.now() - started) / 1000;

  const types = [...new Set(pages.map((p) => p.type))].sort();
  const predicted = ['article', 'forum', 'documentation', 'listing', 'collection', 'product', 'service', 'none'];
  const confusion = new Map<string, number>();
  let right = 0;
  for (const { page, article } of results) {
    const got = article?.pageType?.type ?? 'none';
    if (got === page.type) right++;
    confusion.set(`${page.type}>${got}`, (confusion.get(`${page.type}>${got}`) ?? 0) + 1);
  }
  console.log(`WCXB ${part}: ${pages.length} pages, ${(pages.length / seconds).toFixed(1)} pages/s (extraction and page type, in process)`);
  console.log(`\npage type accuracy ${(right / pages.length).toFixed(3)}\n`);
  const shown = predicted.filter((p) => p !== 'none' || results.some((r) => !r.article));
  console.log(`| gold \\ predicted | ${shown.join(' | ')} | recall |`);
  console.log(`| --- | ${shown.map(() => '---:').join(' | ')} | ---: |`);
  for (const t of types) {
    const row = shown.map((p) => confusion.get(`${t}>${p}`) ?? 0);
    const total = results.filter((r) => r.page.type === t).length;
    console.log(`| ${t} | ${row.join(' | ')} | ${((confusion.get(`${t}>${t}`) ?? 0) / total).toFixed(3)} |`);
  }

  console.log(`\n| page type | pages | title | author | date |`);
  console.log(`| --- | ---: | ---: | ---: | ---: |`);
  for (const t of [...types, 'all']) {
    const rows = results.filter((r) => t === 'all' || r.page.type === t);
    const rate = (field: Field): string => (rows.filter((r) => ours(r.article, field) === theirs(r.page, field)).length / rows.length).toFixed(3);
    console.log(`| ${t} | ${rows.length} | ${FIELDS.map(rate).join(' | ')} |`);
  }
  if (misses) {
    console.log(`\nmisses (${misses}):`);
    for (const { page, article } of results) {
      const a = ours(article, misses);
      const b = theirs(page, misses);
      if (a !== b) console.log(`${page.id} ${page.type}\tours: ${JSON.stringify(a)}\tgold: ${JSON.stringify(b)}`);
    }
  }
}

await main();
