// Runs the library on hostile inputs in a child process (so that the test can give it a time and
// memory budget) and writes what came of it as JSON:
//
//   library-driver.ts files OUT.json FILE...   extractInputs(files), then analyze(files)
//   library-driver.ts memory OUT.json          analyze/extractInputs on hostile in-memory inputs, one at a time
//
// Nothing here judges: a throw is recorded with its message, and the test decides.
import { writeFileSync } from 'node:fs';
import { analyze, extractInputs, type Input } from '../../src/index.ts';
import { dossierViolations } from '../property/invariants.ts';

export interface ArticleSummary {
  source: string;
  title: string | null;
  text: string;
}

export interface FilesReport {
  extract: { articles: ArticleSummary[]; failures: Array<{ input: string; reason: string }> } | { threw: string };
  analyze: { sources: string[]; failed: Array<{ source: string; reason: string }>; violations: string[] } | { threw: string };
}

export interface MemoryCase {
  name: string;
  /** The analysis must list it as a failure (true: a field of the wrong type fails the input, naming the field), keep it as an article (false), or may do either ('either'); never throw. */
  fails: boolean | 'either';
  /** For a kept article: words its text must contain. */
  contains?: string;
}

const SENTENCES =
  'The harbour council voted on Tuesday to close the old pier after an inspection found cracks in two of its supports. ' +
  'Engineers told the council that repairs would cost more than building a new pier, according to the minutes of the meeting.';

/** Item 12 of issue 10 and its neighbours: what a JavaScript caller may hand over by mistake. */
const MEMORY_CASES: Array<MemoryCase & { input: () => unknown }> = [
  { name: 'null', fails: true, input: () => null },
  { name: 'undefined', fails: true, input: () => undefined },
  { name: 'number', fails: true, input: () => 42 },
  { name: '{url: 5}', fails: true, input: () => ({ url: 5 }) },
  { name: '{source: 42}', fails: true, input: () => ({ source: 42 }) },
  { name: '{url: 5} with text', fails: true, contains: 'harbour council', input: () => ({ url: 5, text: SENTENCES }) },
  { name: '{source: 42} with text', fails: true, contains: 'harbour council', input: () => ({ source: 42, text: SENTENCES }) },
  { name: '{publishedAt: 12345, author: []} with text', fails: true, contains: 'harbour council', input: () => ({ publishedAt: 12345, author: [], text: SENTENCES }) },
  { name: '{title: {}, outlet: 7} with text', fails: true, contains: 'harbour council', input: () => ({ title: {}, outlet: 7, text: SENTENCES }) },
  { name: '{html: null, text}', fails: false, contains: 'harbour council', input: () => ({ html: null, text: SENTENCES }) },
  { name: '{text: 5}', fails: true, input: () => ({ text: 5 }) },
  { name: '{text: ""}', fails: true, input: () => ({ text: '' }) },
  { name: '{text} with lone surrogates and NUL', fails: false, contains: 'harbour council', input: () => ({ text: `\ud800${SENTENCES}\u0000\udfff` }) },
  { name: '{html} with a script only', fails: true, input: () => ({ html: '<script>alert(1)</script>' }) },
];

export interface MemoryReport {
  cases: Array<MemoryCase & { analyze: { articles: ArticleSummary[]; failed: string[] } | { threw: string }; extract: { articles: number; failures: number } | { threw: string } }>;
}

function describeThrow(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.length > 300 ? `${message.slice(0, 300)}… (${message.length} characters)` : message;
}

async function runFiles(files: string[]): Promise<FilesReport> {
  const report: FilesReport = { extract: { threw: 'not run' }, analyze: { threw: 'not run' } };
  try {
    const { articles, failures } = await extractInputs(files);
    report.extract = { articles: articles.map((a) => ({ source: a.source, title: a.title, text: a.text })), failures: failures.map((f) => ({ input: f.input, reason: f.reason })) };
  } catch (error) {
    report.extract = { threw: describeThrow(error) };
  }
  try {
    const dossier = await analyze(files);
    report.analyze = {
      sources: dossier.articles.map((a) => a.source),
      failed: dossier.messages.filter((m) => m.rule === 'input-failed').map((m) => ({ source: m.source, reason: m.reason })),
      violations: dossierViolations(dossier),
    };
  } catch (error) {
    report.analyze = { threw: describeThrow(error) };
  }
  return report;
}

async function runMemory(): Promise<MemoryReport> {
  const report: MemoryReport = { cases: [] };
  for (const c of MEMORY_CASES) {
    const inputs = [c.input()] as unknown as Input[];
    const entry: MemoryReport['cases'][number] = { name: c.name, fails: c.fails, contains: c.contains, analyze: { threw: 'not run' }, extract: { threw: 'not run' } };
    try {
      const dossier = await analyze(inputs);
      entry.analyze = { articles: dossier.articles.map((a) => ({ source: a.source, title: a.title, text: a.text })), failed: dossier.messages.filter((m) => m.rule === 'input-failed').map((m) => `${m.source}: ${m.reason}`) };
    } catch (error) {
      entry.analyze = { threw: describeThrow(error) };
    }
    try {
      const { articles, failures } = await extractInputs(inputs);
      entry.extract = { articles: articles.length, failures: failures.length };
    } catch (error) {
      entry.extract = { threw: describeThrow(error) };
    }
    report.cases.push(entry);
  }
  return report;
}

const [mode, out, ...files] = process.argv.slice(2);
if (!out || (mode !== 'files' && mode !== 'memory')) {
  process.stderr.write('usage: library-driver.ts files|memory OUT.json [FILE...]\n');
  process.exitCode = 2;
} else {
  const report = mode === 'files' ? await runFiles(files) : await runMemory();
  writeFileSync(out, JSON.stringify(report));
}
