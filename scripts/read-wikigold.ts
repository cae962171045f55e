// Reads Wikigold (`wikigold/wikigold.conll.txt`: "token TAG" lines in the IO scheme, blank lines
// between sentences, "-DOCSTART-" between articles) into sentences tagged in BIO, each with the
// index of its article. Every third article (index % 3 === 2) is held out for the bench; the
// others may be used for training.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WikigoldSentence {
  doc: number;
  words: string[];
  tags: string[];
}

export const WIKIGOLD_HELD_OUT = (s: { doc: number }): boolean => s.doc % 3 === 2;

export function readWikigold(nerDir: string): WikigoldSentence[] {
  const out: WikigoldSentence[] = [];
  let doc = -1;
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length) {
      // IO scheme: a run of one type is one entity
      const bio = tags.map((t, i) => (t === 'O' ? 'O' : i > 0 && tags[i - 1] === t ? `I-${t.slice(2)}` : `B-${t.slice(2)}`));
      out.push({ doc: Math.max(doc, 0), words, tags: bio });
    }
    words = [];
    tags = [];
  };
  for (const line of readFileSync(join(nerDir, 'wikigold', 'wikigold.conll.txt'), 'utf8').split('\n')) {
    const [word, tag] = line.split(' ');
    if (word === '-DOCSTART-') {
      flush();
      doc++;
      continue;
    }
    if (!word) {
      flush();
      continue;
    }
    words.push(word);
    tags.push(tag ?? 'O');
  }
  flush();
  return out;
}
