// Trains the page type classifier (models/page-type.json) on the tuning part of WCXB dev and
// reports it on the held-out part (pages whose id's SHA-256 starts with a byte ≡ 0 mod 5).
//
//   npm run train:page-type -- ../shared/data/extraction/wcxb/dev [--cv] [--kind logistic|mlp]
//
// --cv reports five-fold cross-validation on the tuning part alone (for choosing the model
// without looking at the held-out pages) and writes nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extractHtml } from '../src/extract/extract-html.ts';
import { htmlPageSignals, PAGE_FEATURES } from '../src/extract/page-signals.ts';
import { decidePageType, type PageTypeModel } from '../src/extract/page-type.ts';
import { trainLogistic } from '../src/learn/logistic.ts';
import { trainMlp } from '../src/learn/mlp.ts';
import { PageTypeName } from '../src/model.ts';
import { readPage, readWcxb, type WcxbPage } from './read-wcxb.ts';

const CLASSES = PageTypeName.options;
const MODEL_PATH = new URL('../models/page-type.json', import.meta.url);

interface Row {
  page: WcxbPage;
  signals: number[];
}

async function signalsOf(pages: WcxbPage[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const page of pages) {
    const doc = await readPage(page);
    const extracted = extractHtml(doc.content);
    if (!extracted.document) continue;
    rows.push({ page, signals: htmlPageSignals(extracted.document, doc.hints.url ?? extracted.metadata.url, extracted.blocks, extracted.metadata) });
  }
  return rows;
}

/** Classes weighted towards equal total weight, softened (square root) so that articles still count most. */
function classWeights(rows: Row[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.page.type, (counts.get(r.page.type) ?? 0) + 1);
  const mean = rows.length / counts.size;
  return Object.fromEntries([...counts].map(([c, n]) => [c, Math.sqrt(mean / n)]));
}

function train(rows: Row[], kind: string): PageTypeModel {
  const x = rows.map((r) => r.signals);
  const y = rows.map((r) => r.page.type);
  const weights = classWeights(rows);
  if (kind === 'mlp') return { kind: 'mlp', ...trainMlp(x, y, PAGE_FEATURES, CLASSES, { hiddenUnits: 16, epochs: 40, rate: 0.02, l2: 1e-3, classWeights: weights }) };
  return { kind: 'logistic', ...trainLogistic(x, y, PAGE_FEATURES, CLASSES, { epochs: 60, rate: 0.05, l2: 1e-3, classWeights: weights }) };
}

function accuracy(model: PageTypeModel, rows: Row[]): number {
  return rows.filter((r) => decidePageType(model, r.signals).type === r.page.type).length / (rows.length || 1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && !['--kind', '--cache'].includes(args[i - 1] ?? ''));
  if (!dir) throw new Error('usage: train-page-type <wcxb dev dir> [--cv] [--kind logistic|mlp] [--cache FILE]');
  const kind = args.includes('--kind') ? args[args.indexOf('--kind') + 1]! : 'mlp';
  // --cache FILE keeps the signals between runs while only the model is tried out
  const cache = args.includes('--cache') ? args[args.indexOf('--cache') + 1]! : null;
  let all: Row[];
  const cached = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as { features: string[]; rows: Row[] }) : null;
  if (cached && cached.features.join() === PAGE_FEATURES.join()) all = cached.rows;
  else {
    all = await signalsOf(readWcxb(dir, 'all'));
    if (cache) writeFileSync(cache, JSON.stringify({ features: PAGE_FEATURES, rows: all }));
  }
  const tune = all.filter((r) => !r.page.heldOut);
  if (args.includes('--cv')) {
    let right = 0;
    const confusion = new Map<string, number>();
    for (let fold = 0; fold < 5; fold++) {
      const test = tune.filter((_, i) => i % 5 === fold);
      const model = train(tune.filter((_, i) => i % 5 !== fold), kind);
      right += accuracy(model, test) * test.length;
      for (const r of test) {
        const key = `${r.page.type} -> ${decidePageType(model, r.signals).type}`;
        confusion.set(key, (confusion.get(key) ?? 0) + 1);
      }
    }
    console.log(`${kind}: five-fold accuracy on the tuning part (${tune.length} pages): ${(right / tune.length).toFixed(3)}`);
    if (args.includes('--verbose')) for (const [key, n] of [...confusion].sort((a, b) => b[1] - a[1])) if (!/^(\w+) -> \1$/.test(key)) console.log(`  ${key}: ${n}`);
    return;
  }
  const model = train(tune, kind);
  const heldOut = all.filter((r) => r.page.heldOut);
  console.log(`${kind}: accuracy on tune ${accuracy(model, tune).toFixed(3)} (${tune.length}), held out ${accuracy(model, heldOut).toFixed(3)} (${heldOut.length})`);
  writeFileSync(MODEL_PATH, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${MODEL_PATH.pathname}`);
}

await main();
