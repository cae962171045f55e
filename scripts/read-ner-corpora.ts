// Readers and splits of the name-tagging corpora under ../shared/data/ner besides GMB
// (scripts/train-ner.ts) and Wikigold (scripts/read-wikigold.ts): the Broad Twitter Corpus and
// WNUT-17, both tweets in CoNLL form (token, tab, BIO tag), their tags mapped to ours. Also the
// fixed splits every script shares: what is held out for the bench, and the tuning part carved
// out of the training portions to choose settings on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TaggedSentence {
  words: string[];
  tags: string[];
}

/** WNUT-17's six types to our four: companies and groups are organisations, products and creative works other names. */
const WNUT_TYPES: Record<string, string> = { person: 'PER', location: 'LOC', corporation: 'ORG', group: 'ORG', product: 'MISC', 'creative-work': 'MISC' };
const BTC_TYPES: Record<string, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC' };

/** "token<TAB>tag" lines, a blank line between sentences; types through `types` (unknown → O). */
export function readConll(path: string, types: Record<string, string>): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length) out.push(cleanTweet({ words, tags }));
    words = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const [word, tag = 'O'] = line.split('\t');
    if (!word) continue;
    const bio = tag.slice(0, 1);
    const mapped = tag[1] === '-' ? types[tag.slice(2)] : undefined;
    words.push(word);
    tags.push(mapped && (bio === 'B' || bio === 'I') ? `${bio}-${mapped}` : 'O');
  }
  flush();
  return out;
}

/**
 * Tweets' own marks are not names: a lone "@" (BTC tags it as the start of the person it
 * addresses) becomes O, and so does a tag that starts with I- where no span of its type stands
 * before it becomes B-, so that every sequence is valid BIO.
 */
function cleanTweet(s: TaggedSentence): TaggedSentence {
  const tags = s.tags.slice();
  for (let i = 0; i < tags.length; i++) {
    if (s.words[i] === '@' || s.words[i] === '#') tags[i] = 'O';
    if (tags[i]!.startsWith('I-') && (i === 0 || tags[i - 1] === 'O' || tags[i - 1]!.slice(2) !== tags[i]!.slice(2))) tags[i] = `B-${tags[i]!.slice(2)}`;
  }
  return { words: s.words, tags };
}

/** All of the Broad Twitter Corpus (sections a, b, e, f, g, h): training only. */
export function readBtc(nerDir: string): TaggedSentence[] {
  return ['a', 'b', 'e', 'f', 'g', 'h'].flatMap((s) => readConll(join(nerDir, 'btc', 'CONLL-format', 'data', `${s}.conll`), BTC_TYPES));
}

/** WNUT-17's train, dev or test part, mapped. Only train is trained on. */
export function readWnut(nerDir: string, part: 'train' | 'dev' | 'test'): TaggedSentence[] {
  const file = { train: 'train/wnut17train.conll', dev: 'dev/emerging.dev.conll', test: 'test/emerging.test.annotated' }[part];
  return readConll(join(nerDir, 'wnut17', 'CONLL-format', 'data', file), WNUT_TYPES);
}

/** GMB: every tenth sentence (index % 10 === 9) is held out for the bench. */
export const GMB_HELD_OUT = (index: number): boolean => index % 10 === 9;
/** GMB's tuning part: every seventh sentence of the rest. */
export const GMB_TUNING = (index: number): boolean => !GMB_HELD_OUT(index) && index % 7 === 6;
/** Wikigold's tuning part: one training article in four (training articles are those with doc % 3 ≠ 2). */
export const WIKIGOLD_TUNING = (s: { doc: number }): boolean => s.doc % 3 !== 2 && (2 * Math.floor(s.doc / 3) + (s.doc % 3)) % 4 === 3;
