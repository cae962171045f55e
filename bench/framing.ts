// Lexical-bias detection with the committed lexicon and model on a folder laid out like BASIL's:
// sentence level (a sentence with a gold lexical-bias span against a sentence with a loaded term)
// and span level (loaded terms against gold spans, overlap),
// precision, recall and F1. `--years 2015,2016` keeps those years only (the committed model was
// trained on 2010-2014).
// Usage: npm run bench:framing -- [../shared/data/framing/basil] [--years 2015,2016]
import { join } from 'node:path';
import { loadedTermsOf } from '../src/framing/loaded-terms.ts';
import { readBasil } from '../scripts/read-basil.ts';

const args = process.argv.slice(2);
const yearsAt = args.indexOf('--years');
const years = yearsAt >= 0 ? args[yearsAt + 1]!.split(',') : undefined;
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--years') ?? join('..', 'shared', 'data', 'framing', 'basil');
const articles = readBasil(dir, years);
const s = { tp: 0, fp: 0, fn: 0 };
const byReason = { 'watch-list': { tp: 0, fp: 0, fn: 0 }, model: { tp: 0, fp: 0, fn: 0 } };
const span = { tpP: 0, fp: 0, tpR: 0, fn: 0 };
let sentences = 0;
for (const a of articles) {
  for (const sentence of a.sentences) {
    sentences++;
    const gold = sentence.spans.filter((b) => b.kind === 'lex');
    const terms = loadedTermsOf(sentence.text);
    const flagged = terms.length > 0;
    for (const reason of ['watch-list', 'model'] as const) {
      const mine = terms.some((t) => t.reason === reason);
      const c = byReason[reason];
      if (mine && gold.length) c.tp++;
      if (mine && !gold.length) c.fp++;
      if (!mine && gold.length) c.fn++;
    }
    if (flagged && gold.length) s.tp++;
    if (flagged && !gold.length) s.fp++;
    if (!flagged && gold.length) s.fn++;
    const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }): boolean => x.start < y.end && y.start < x.end;
    for (const t of terms) (gold.some((g) => overlaps(g, t)) ? span.tpP++ : span.fp++);
    for (const g of gold) (terms.some((t) => overlaps(g, t)) ? span.tpR++ : span.fn++);
  }
}
const f = (p: number, r: number): number => (2 * p * r) / (p + r || 1);
const sp = s.tp / (s.tp + s.fp || 1);
const sr = s.tp / (s.tp + s.fn || 1);
const pp = span.tpP / (span.tpP + span.fp || 1);
const pr = span.tpR / (span.tpR + span.fn || 1);
console.log(`${articles.length} articles, ${sentences} sentences${years ? ` (${years.join(', ')})` : ''}`);
for (const [reason, c] of Object.entries(byReason)) console.log(`  ${reason} alone: sentence P ${(c.tp / (c.tp + c.fp || 1)).toFixed(3)} R ${(c.tp / (c.tp + c.fn || 1)).toFixed(3)} F1 ${((2 * c.tp) / (2 * c.tp + c.fp + c.fn || 1)).toFixed(3)}`);
console.log(`sentence P ${sp.toFixed(3)} R ${sr.toFixed(3)}; span (overlap) P ${pp.toFixed(3)} R ${pr.toFixed(3)}`);
console.log(`lexical sentence F1 ${f(sp, sr).toFixed(3)} span F1 ${f(pp, pr).toFixed(3)}`);
