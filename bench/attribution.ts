// Attribution quality on a folder laid out like PolNeAR's (`text/`, `attributions/*.ann`):
// precision, recall and F1 of source, cue and content spans, exact match and overlap, for all
// attributions and for direct quotes alone (contents in quotation marks, and their sources).
// Discontinuous gold spans count one span per fragment. Speed in articles per second.
// Usage: npm run bench:attribution -- [../shared/data/attribution/polnear/dev] [--model PATH --held-out-every N]
//   --model: another tagger model than the committed one (e.g. one trained with
//   `npm run train:attribution -- --hold-out-every 4 --out /tmp/attr.bin.gz`); --held-out-every N:
//   score only every Nth article of the folder (the ones that training left out).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attributionSpans, readAttributionModel, type AttributionSpan } from '../src/annotate/attribution/tag-attributions.ts';
import { attributeQuotes } from '../src/annotate/attribute-quotes.ts';
import { findNames } from '../src/annotate/find-names.ts';
import { findQuotes } from '../src/annotate/find-quotes.ts';
import { segmentArticle } from '../src/text/segment.ts';
import type { Article } from '../src/model.ts';
import { paragraphsOf, readPolnear, type GoldSpan, type SpanKind } from '../scripts/read-polnear.ts';

interface Scored {
  exact: { tp: number; fp: number; fn: number };
  overlap: { tpP: number; fp: number; tpR: number; fn: number };
}

/** A direct quote's content starts with a quotation mark; contents that only end in one are partial quotes. */
const QUOTE_START = /^["“«]/;

function trimmed(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function empty(): Scored {
  return { exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tpP: 0, fp: 0, tpR: 0, fn: 0 } };
}

function compare(score: Scored, gold: Array<{ start: number; end: number }>, predicted: Array<{ start: number; end: number }>): void {
  const goldKeys = new Set(gold.map((g) => `${g.start}:${g.end}`));
  const predKeys = new Set(predicted.map((p) => `${p.start}:${p.end}`));
  for (const k of predKeys) (goldKeys.has(k) ? score.exact.tp++ : score.exact.fp++);
  for (const k of goldKeys) if (!predKeys.has(k)) score.exact.fn++;
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
  for (const p of predicted) (gold.some((g) => overlaps(g, p)) ? score.overlap.tpP++ : score.overlap.fp++);
  for (const g of gold) (predicted.some((p) => overlaps(g, p)) ? score.overlap.tpR++ : score.overlap.fn++);
}

function f1(tp: number, fp: number, fn: number, tpR = tp): { p: number; r: number; f: number } {
  const p = tp / (tp + fp || 1);
  const r = tpR / (tpR + fn || 1);
  return { p, r, f: (2 * p * r) / (p + r || 1) };
}

function main(): void {
  const args = process.argv.slice(2);
  const valueOf = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const dir = args.find((a, i) => !a.startsWith('--') && !['--model', '--held-out-every'].includes(args[i - 1]!)) ?? join('..', 'shared', 'data', 'attribution', 'polnear', 'dev');
  const every = Number(valueOf('--held-out-every') ?? 0);
  const docs = readPolnear(dir).filter((_, i) => !every || i % every === every - 1);
  const modelPath = valueOf('--model');
  const scorer = modelPath ? readAttributionModel(pathToFileURL(resolve(modelPath))) : undefined;
  const kinds: SpanKind[] = ['SRC', 'CUE', 'CON'];
  const all = Object.fromEntries(kinds.map((k) => [k, empty()])) as Record<SpanKind, Scored>;
  const direct = { CON: empty(), SRC: empty() };
  const product = { CON: empty(), SRC: empty() };
  const finder = empty();
  let words = 0;
  const started = performance.now();
  const predictions = docs.map((doc) => paragraphsOf(doc.text).flatMap((p) => attributionSpans(doc.text, p.start, p.end, scorer)));
  const seconds = (performance.now() - started) / 1000;
  docs.forEach((doc, d) => {
    words += doc.text.split(/\s+/).length;
    const predicted = predictions[d]!.map((s) => ({ ...s, ...trimmed(doc.text, s) }));
    const gold = doc.spans.map((s) => ({ ...s, ...trimmed(doc.text, s) }));
    for (const kind of kinds) compare(all[kind], gold.filter((g) => g.kind === kind), predicted.filter((p) => p.kind === kind));
    // direct quotes: contents in quotation marks, and the sources of those attributions
    const isDirect = (s: { start: number; end: number }): boolean => QUOTE_START.test(doc.text.slice(s.start, s.end));
    const goldDirect = gold.filter((g) => g.kind === 'CON' && isDirect(g));
    const directIds = new Set(goldDirect.map((g) => g.attribution));
    const goldDirectSources = gold.filter((g: GoldSpan) => g.kind === 'SRC' && directIds.has(g.attribution));
    const predDirect = predicted.filter((p) => p.kind === 'CON' && isDirect(p));
    compare(direct.CON, goldDirect, predDirect);
    const contents = predicted.filter((p) => p.kind === 'CON');
    const found = findQuotes(doc.text, paragraphsOf(doc.text)).filter((q) => !q.scare && contents.some((c) => c.start < q.end && q.start < c.end));
    compare(finder, goldDirect, found.map((q) => trimmed(doc.text, q)));
    compare(direct.SRC, goldDirectSources, nearestSources(predicted, predDirect));
    // what the dossier reports: every quotation that stands as a line of speech, and the source it gives it
    const blocks = paragraphsOf(doc.text).map((p) => ({ kind: 'paragraph' as const, ...p }));
    const article = segmentArticle({ id: doc.name, text: doc.text, blocks, sentences: [] } as unknown as Article);
    const quotes = attributeQuotes(article, findNames(article), predictions[d]).filter((q) => !q.scare && !q.partial);
    compare(product.CON, goldDirect, quotes.map((q) => trimmed(doc.text, q)));
    const withoutComma = (s: { start: number; end: number }) => {
      const t = trimmed(doc.text, s);
      return doc.text[t.end - 1] === ',' ? { start: t.start, end: t.end - 1 } : t;
    };
    compare(product.SRC, goldDirectSources.map(withoutComma), quotes.filter((q) => q.sourceStart !== null).map((q) => ({ start: q.sourceStart!, end: q.sourceEnd! })));
  });
  const line = (name: string, s: Scored): string => {
    const e = f1(s.exact.tp, s.exact.fp, s.exact.fn);
    const o = f1(s.overlap.tpP, s.overlap.fp, s.overlap.fn, s.overlap.tpR);
    return `${name.padEnd(16)} exact P ${e.p.toFixed(3)} R ${e.r.toFixed(3)} F1 ${e.f.toFixed(3)} | overlap P ${o.p.toFixed(3)} R ${o.r.toFixed(3)} F1 ${o.f.toFixed(3)}`;
  };
  console.log(`${docs.length} articles, ${(docs.length / seconds).toFixed(0)} articles/s (${(words / seconds / 1000).toFixed(0)}k words/s)`);
  console.log(line('source', all.SRC));
  console.log(line('cue', all.CUE));
  console.log(line('content', all.CON));
  console.log(line('direct content', direct.CON));
  console.log(line('direct source', direct.SRC));
  console.log(line('quote finder', finder));
  console.log(line('dossier quotes', product.CON));
  console.log(line('dossier speakers', product.SRC));
  const ex = (s: Scored): string => f1(s.exact.tp, s.exact.fp, s.exact.fn).f.toFixed(3);
  console.log(`content F1 ${ex(all.CON)} source F1 ${ex(all.SRC)} cue F1 ${ex(all.CUE)} direct content F1 ${ex(product.CON)} direct source F1 ${ex(product.SRC)}`);
}

/** The source span nearest to each direct-quote content: the speaker the tagger gives it. */
function nearestSources(spans: AttributionSpan[], contents: AttributionSpan[]): AttributionSpan[] {
  const sources = spans.filter((s) => s.kind === 'SRC');
  const chosen = new Set<AttributionSpan>();
  for (const c of contents) {
    let best: AttributionSpan | null = null;
    let distance = Infinity;
    for (const s of sources) {
      const d = s.start >= c.end ? s.start - c.end : c.start - s.end;
      if (d >= 0 && d < distance) {
        best = s;
        distance = d;
      }
    }
    if (best && distance < 200) chosen.add(best);
  }
  return [...chosen];
}

main();
