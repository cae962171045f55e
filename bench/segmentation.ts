// Sentence-boundary quality on text rebuilt from sentence-split corpora: Wikigold documents
// (hand-split Wikipedia text) and GMB newswire (VOA news, consecutive sentences grouped in tens).
// Compares our splitter with sentence-splitter (textlint) and wink-nlp on the same text.
// Usage: npm run bench:segmentation -- [../shared/data/ner]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../src/text/split-sentences.ts';
import { decodeWindows1252 } from '../src/ingest/decode-text.ts';

interface Doc {
  text: string;
  /** Offsets where a gold sentence ends. */
  ends: Set<number>;
}

type Splitter = (text: string) => number[];

const GMB_SENTENCES = 20000;
const GMB_GROUP = 10;

/** Joins tokens back into running text: no space before closing punctuation and clitics, none after opening marks. */
function detokenize(tokens: string[]): string {
  let out = '';
  let openQuote = false;
  for (const token of tokens) {
    let attach = /^([.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|'|\.\.\.)$/i.test(token);
    let next = token;
    if (token === '"' || token === '``' || token === "''") {
      next = '"';
      attach = openQuote;
      openQuote = !openQuote;
    }
    if (token === '-LRB-') next = '(';
    if (token === '-RRB-') {
      next = ')';
      attach = true;
    }
    const prevOpens = /[([{$]$/.test(out) || (out.endsWith('"') && openQuote && !attach && next !== '"');
    out += out === '' || attach || prevOpens ? next : ` ${next}`;
  }
  return out;
}

function docsFromSentences(groups: string[][][]): Doc[] {
  return groups.map((sentences) => {
    let text = '';
    const ends = new Set<number>();
    for (const tokens of sentences) {
      if (text) text += ' ';
      text += detokenize(tokens);
      ends.add(text.length);
    }
    return { text, ends };
  });
}

function readWikigold(dir: string): Doc[] {
  const lines = readFileSync(join(dir, 'wikigold', 'wikigold.conll.txt'), 'utf8').split('\n');
  const docs: string[][][] = [];
  let sentence: string[] = [];
  for (const line of lines) {
    const token = line.split(' ')[0] ?? '';
    if (token === '-DOCSTART-') {
      docs.push([]);
      sentence = [];
      continue;
    }
    if (line.trim() === '') {
      if (sentence.length && docs.length) docs[docs.length - 1]!.push(sentence);
      sentence = [];
      continue;
    }
    sentence.push(token);
  }
  if (sentence.length && docs.length) docs[docs.length - 1]!.push(sentence);
  return docsFromSentences(docs.filter((d) => d.length > 0));
}

function readGmb(dir: string): Doc[] {
  const text = decodeWindows1252(readFileSync(join(dir, 'gmb-kaggle', 'ner_dataset.csv')));
  const sentences: string[][] = [];
  for (const line of text.split('\n').slice(1)) {
    if (line.trim() === '') continue;
    const match = /^(Sentence: \d+)?,(.*),[^,]*,[^,]*$/.exec(line.trim());
    if (!match) continue;
    if (match[1]) {
      if (sentences.length >= GMB_SENTENCES) break;
      sentences.push([]);
    }
    let word = match[2]!;
    if (word.startsWith('"') && word.endsWith('"') && word.length > 1) word = word.slice(1, -1).replace(/""/g, '"');
    sentences[sentences.length - 1]?.push(word);
  }
  const groups: string[][][] = [];
  for (let i = 0; i < sentences.length; i += GMB_GROUP) groups.push(sentences.slice(i, i + GMB_GROUP));
  return docsFromSentences(groups);
}

function score(docs: Doc[], split: Splitter): { p: number; r: number; f1: number; seconds: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const started = performance.now();
  const predicted = docs.map((d) => split(d.text));
  const seconds = (performance.now() - started) / 1000;
  docs.forEach((doc, i) => {
    const ends = new Set(predicted[i]);
    for (const e of ends) (doc.ends.has(e) ? tp++ : fp++);
    for (const e of doc.ends) if (!ends.has(e)) fn++;
  });
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return { p, r, f1: (2 * p * r) / (p + r), seconds };
}

/** Offsets of sentences given as strings, found in order in the text. */
function endsOfStrings(text: string, sentences: string[]): number[] {
  const ends: number[] = [];
  let from = 0;
  for (const s of sentences) {
    const at = text.indexOf(s.trim(), from);
    if (at < 0) continue;
    from = at + s.trim().length;
    ends.push(from);
  }
  return ends;
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? join('..', 'shared', 'data', 'ner');
  const { split: textlintSplit } = await import('sentence-splitter');
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model);
  const splitters: Record<string, Splitter> = {
    triangulate: (text) => splitSentences(text).map((s) => s.end),
    'sentence-splitter': (text) =>
      textlintSplit(text)
        .filter((n) => n.type === 'Sentence')
        .map((n) => {
          let end = n.range[1];
          while (end > 0 && /\s/.test(text[end - 1]!)) end--;
          return end;
        }),
    'wink-nlp': (text) => endsOfStrings(text, nlp.readDoc(text).sentences().out() as string[]),
  };
  const sets: Record<string, Doc[]> = { 'wikigold (145 docs)': readWikigold(dir), [`gmb newswire (${GMB_SENTENCES} sentences)`]: readGmb(dir) };
  console.log('set | splitter | precision | recall | F1 | seconds');
  let last = '';
  for (const [setName, docs] of Object.entries(sets)) {
    for (const [name, split] of Object.entries(splitters)) {
      const m = score(docs, split);
      console.log(`${setName} | ${name} | ${m.p.toFixed(3)} | ${m.r.toFixed(3)} | ${m.f1.toFixed(3)} | ${m.seconds.toFixed(2)}`);
      if (name === 'triangulate') last = `${setName}: F1 ${m.f1.toFixed(3)} P ${m.p.toFixed(3)} R ${m.r.toFixed(3)}`;
    }
  }
  console.log(`sentence boundaries, ${last}`);
}

await main();
