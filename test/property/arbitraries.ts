// Generators for the property tests and the fixed seed that makes them the same on every run.
// Three kinds of text: arbitrary Unicode (graphemes, any code point, lone surrogates, controls),
// and news-like text mixing real sentences from the bundled example with quotations, capitalised
// names, numbers, dates and HTML fragments, which reaches the annotators' deeper paths.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EXAMPLE_DIR } from '../helpers.ts';

/** One seed for every property file: CI sees the same cases on every run. */
export const SEED = 20_251_010;

/** Runs per property, kept small: the whole property suite must stay under a minute on 2 cores. */
export function configure(numRuns: number): void {
  fc.configureGlobal({ seed: SEED, numRuns });
}

export const exampleSentences: string[] = readdirSync(EXAMPLE_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(join(EXAMPLE_DIR, f), 'utf8').split('\n'))
  .flatMap((line) => line.split(/(?<=[.!?][”"]?)\s+(?=[A-Z“"])/))
  .filter((s) => s.length > 20);

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const special = fc.constantFrom('\u200b', '\u200d', '\u202e', '\u202c', '\u2066', '\ufeff', '\u00a0', '\u0301', '\u0000', '\r', '\n', '\n\n', '\t', '\u2028', '“', '”', '"', "'", '’', '—', '<', '>', '&', '#', '*', '`', '[', ']', '(', ')', '\\');

/** Arbitrary Unicode: printable graphemes. */
export const graphemeText = fc.string({ unit: 'grapheme', maxLength: 200 });
/** Arbitrary code points, lone surrogate halves, controls and the characters syntax is made of. */
export const binaryText = fc.string({ unit: fc.oneof({ weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 2, arbitrary: special }, { weight: 1, arbitrary: loneSurrogate }), maxLength: 200 });

const capitalisedName = fc
  .tuple(fc.constantFrom('Maria', 'John', 'Claudia', 'Pete', 'Ronald', 'Ana', 'Li', 'Ngozi', 'O’Brien', 'José', 'Zoë'), fc.stringMatching(/^[A-Z][a-z]{1,12}$/))
  .map(([first, last]) => `${first} ${last}`);
const organisation = fc.stringMatching(/^[A-Z][a-z]{2,10}( [A-Z][a-z]{2,10}){0,2}$/).map((s) => `the ${s} Ministry`);
const number = fc.oneof(fc.integer({ min: -5, max: 100_000 }).map(String), fc.constantFrom('3.5', '10,000', '9/11', '1,500', '40%', 'three', 'dozens'));
const date = fc.oneof(
  fc.constantFrom('Tuesday', 'last month', 'next week', 'in 1914', 'on April 8', 'yesterday', 'three years ago', 'Sept. 11', '2025-04-08', 'March 3, 2025'),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toDateString()),
);
const quotation = fc
  .tuple(fc.constantFrom(...exampleSentences.slice(0, 40)), capitalisedName, fc.constantFrom('said', 'told reporters', 'wrote', 'added', 'according to'))
  .map(([s, name, cue]) => (cue === 'according to' ? `“${s}” ${cue} ${name}.` : `“${s},” ${name} ${cue}.`));
const htmlFragment = fc.constantFrom('<p>', '</p>', '<script>alert(1)</script>', '<b>', '</b>', '&amp;', '&lt;script&gt;', '<a href="javascript:x()">link</a>', '<!-- c -->', '<br>', '<div class="ad">Advertisement</div>', '<h2>Heading</h2>', '<img src=x onerror=alert(1)>', ']]>', '<![CDATA[');
const sentence = fc.constantFrom(...exampleSentences);
const glue = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '\n\n', ', ', '. ', ' — ', '\n- ', '\n1. ', '\n# ');

const newsPiece = fc.oneof(
  { weight: 6, arbitrary: sentence },
  { weight: 2, arbitrary: quotation },
  { weight: 2, arbitrary: fc.tuple(capitalisedName, fc.constantFrom('said', 'met', 'denied', 'announced'), organisation, fc.constantFrom('on', 'in', 'since'), date).map((p) => `${p.join(' ')}.`) },
  { weight: 2, arbitrary: fc.tuple(number, fc.constantFrom('people were hurt', 'drones', 'officials', 'percent', 'miles')).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: date },
  { weight: 1, arbitrary: htmlFragment },
  { weight: 1, arbitrary: graphemeText },
);

/** News-like text: real sentences, quotations with speakers, names, numbers, dates, a little HTML and noise. */
export const newsText = fc.array(fc.tuple(newsPiece, glue), { minLength: 1, maxLength: 24 }).map((parts) => parts.map(([piece, g]) => piece + g).join(''));

/** Any of the three. */
export const anyText = fc.oneof({ weight: 2, arbitrary: newsText }, { weight: 1, arbitrary: graphemeText }, { weight: 1, arbitrary: binaryText });

/** An HTML page around news-like or arbitrary text, with furniture around it. */
export const htmlPage = fc
  .tuple(fc.array(fc.oneof(newsText, binaryText), { minLength: 1, maxLength: 6 }), fc.option(graphemeText), fc.boolean())
  .map(([paragraphs, title, furniture]) =>
    `<!DOCTYPE html><html><head>${title === null ? '' : `<title>${title}</title>`}<meta charset="utf-8"></head><body>` +
    (furniture ? '<nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="share">Share on Facebook</div>' : '') +
    `<article>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>` +
    (furniture ? '<footer>© 2025 The Example Times. All rights reserved.</footer><script>track()</script>' : '') +
    '</body></html>',
  );
