// Lexical-bias detection with the committed lexicon and model on a folder laid out like BASIL's:
// sentence level (a sentence with a gold lexical-bias span against a sentence with a loaded term),
// span level (loaded terms against gold spans, overlap), and the precision of listed terms (a
// listed term is right when it overlaps an annotated lexical span), by evidence and by category.
// Quotations are left out as the product leaves them out (`--in-quotes` lists inside them too).
// `--years 2015,2016` keeps those years only (the committed model was trained on 2010-2014);
// `--sample N` prints N listed terms drawn at random (fixed seed) for a reader to judge.
// Usage: npm run bench:framing -- [../shared/data/framing/basil] [--years 2015,2016] [--sample 30] [--in-quotes]
import { join } from 'node:path';
import { loadedTermsOf } from '../src/framing/loaded-terms.ts';
import { shuffledOrder } from '../src/learn/seeded-random.ts';
import { readBasil } from '../scripts/read-basil.ts';
import { scoreLexical, sentenceF1 } from '../scripts/score-lexical.ts';

const args = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const years = valueOf('--years')?.split(',');
const sample = Number(valueOf('--sample') ?? 0);
const inQuotes = args.includes('--in-quotes');
const dir = args.find((a, i) => !a.startsWith('--') && !['--years', '--sample'].includes(args[i - 1] ?? '')) ?? join('..', 'shared', 'data', 'framing', 'basil');
const articles = readBasil(dir, years);
const started = performance.now();
const score = scoreLexical(articles, (text, quoted) => loadedTermsOf(text, quoted), inQuotes);
const seconds = (performance.now() - started) / 1000;
const s = sentenceF1(score.sentence);
const pp = score.terms.right / (score.terms.listed || 1);
const pr = score.gold.found / (score.gold.all || 1);
const ratio = (c: { right: number; listed: number }): string => `${(c.right / (c.listed || 1)).toFixed(3)} (${c.right} of ${c.listed})`;
console.log(`${articles.length} articles, ${score.sentences} sentences${years ? ` (${years.join(', ')})` : ''}${inQuotes ? ', quotations included' : ', quotations left out'}; ${seconds.toFixed(2)} s`);
console.log(`sentence P ${s.p.toFixed(3)} R ${s.r.toFixed(3)}; span (overlap) P ${pp.toFixed(3)} R ${pr.toFixed(3)}`);
console.log(`lexical sentence F1 ${s.f1.toFixed(3)} span F1 ${((2 * pp * pr) / (pp + pr || 1)).toFixed(3)}`);
console.log(`precision of listed terms ${ratio(score.terms)}`);
for (const [reason, c] of Object.entries(score.byReason).sort()) console.log(`  ${reason}: ${ratio(c)}`);
for (const [why, c] of Object.entries(score.byWhy).sort()) console.log(`    ${why}: ${ratio(c)}`);
if (sample > 0) {
  console.log(`${sample} listed terms drawn at random (+ overlaps a gold span):`);
  for (const i of shuffledOrder(score.listed.length, 12).slice(0, sample)) {
    const t = score.listed[i]!;
    console.log(`  ${t.right ? '+' : ' '} "${t.term}" (${t.why.replace(/:.*/, '')}) in: ${t.sentence.length > 140 ? `${t.sentence.slice(0, 137)}...` : t.sentence}`);
  }
}
