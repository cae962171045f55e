// Unlabelled English news text from the development data sets under ../shared/data, for learning
// word vectors (scripts/train-word-vectors.ts). Only the texts are read, never the labels.
// Left out on purpose: framing/basil and stories/ (the story benchmarks are drawn from BASIL:
// vectors learned on those texts would inflate development scores), MSRP (its licence does not
// allow shipping weights trained on it, and it is a benchmark of the vectors), and STS dev (the
// benchmark of the vectors). Each text is one unit a context window never crosses: a paragraph,
// or a sentence where a set is sentences.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, readBodies } from './read-fnc.ts';

export interface SourceTexts {
  /** The set, as named in the model's header and the README. */
  name: string;
  texts: string[];
}

/** Paragraphs of a text: its non-blank lines (the sets break paragraphs with line breaks). */
function paragraphs(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

function fnc(dir: string): string[] {
  return [...readBodies(join(dir, 'stance', 'fnc-1', 'train_bodies.csv')).values()].flatMap(paragraphs);
}

/** PolNeAR train and dev texts; a text annotated by several annotators is one file already. */
function polnear(dir: string): string[] {
  const out: string[] = [];
  for (const part of ['train', 'dev']) {
    const textDir = join(dir, 'attribution', 'polnear', part, 'text');
    for (const f of readdirSync(textDir).filter((n) => n.endsWith('.txt')).sort()) out.push(...paragraphs(readFileSync(join(textDir, f), 'utf8')));
  }
  return out;
}

/** GMB: one token a row (`Sentence: n,word,POS,tag`), Windows-1252. */
function gmb(dir: string): string[] {
  const text = new TextDecoder('windows-1252').decode(readFileSync(join(dir, 'ner', 'gmb-kaggle', 'ner_dataset.csv')));
  const out: string[] = [];
  let words: string[] = [];
  for (const row of parseCsv(text).slice(1)) {
    if (row.length < 2) continue;
    if (row[0]!.startsWith('Sentence:') && words.length) {
      out.push(words.join(' '));
      words = [];
    }
    words.push(row[1]!);
  }
  if (words.length) out.push(words.join(' '));
  return out;
}

/** CheckThat! 2024 sentences (`Sentence_id, Text, class_label`, tab-separated), train and dev. */
function ct24(dir: string): string[] {
  const out: string[] = [];
  for (const f of ['CT24_checkworthy_english_train.tsv', 'CT24_checkworthy_english_dev.tsv']) {
    const file = join(dir, 'checkworthy', 'ct24', f);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
      const text = line.split('\t')[1];
      if (text) out.push(text);
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** ECB+ documents: `<token sentence="n">word</token>` rows, one sentence a unit. */
function ecbplus(dir: string): string[] {
  const root = join(dir, 'events', 'ecbplus');
  const out: string[] = [];
  const topics = readdirSync(root).filter((t) => /^\d+$/.test(t)).sort((a, b) => Number(a) - Number(b));
  for (const topic of topics) {
    for (const f of readdirSync(join(root, topic)).filter((n) => n.endsWith('.xml')).sort()) {
      const sentences = new Map<string, string[]>();
      for (const m of readFileSync(join(root, topic, f), 'utf8').matchAll(/<token [^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
        const word = m[2]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
        const list = sentences.get(m[1]!) ?? sentences.set(m[1]!, []).get(m[1]!)!;
        list.push(word);
      }
      for (const words of sentences.values()) out.push(words.join(' '));
    }
  }
  return out;
}

/** WCXB development pages' ground-truth main content (every page type: general English). */
function wcxb(dir: string): string[] {
  const gt = join(dir, 'extraction', 'wcxb', 'dev', 'ground-truth');
  const out: string[] = [];
  for (const f of readdirSync(gt).filter((n) => n.endsWith('.json')).sort()) {
    const page = JSON.parse(readFileSync(join(gt, f), 'utf8')) as { ground_truth?: { main_content?: string } };
    out.push(...paragraphs(page.ground_truth?.main_content ?? ''));
  }
  return out;
}

function zyte(dir: string): string[] {
  const truth = JSON.parse(readFileSync(join(dir, 'extraction', 'zyte', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
  return Object.keys(truth).sort().flatMap((id) => paragraphs(truth[id]!.articleBody ?? ''));
}

/** STS Benchmark train sentences (dev is the vectors' benchmark). */
function stsTrain(dir: string): string[] {
  return readFileSync(join(dir, 'paraphrase', 'stsb', 'sts-train.csv'), 'utf8')
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((f) => f.length >= 7)
    .flatMap((f) => [f[5]!, f[6]!]);
}

/** SNLI premises and hypotheses, dev and test (tokenised text, one sentence a line). */
function snli(dir: string): string[] {
  const out: string[] = [];
  for (const f of ['s1.dev', 's2.dev', 's1.test', 's2.test']) out.push(...paragraphs(readFileSync(join(dir, 'nli', 'snli', f), 'utf8')));
  return out;
}

const READERS: Array<[string, (dir: string) => string[]]> = [
  ['FNC-1 bodies', fnc],
  ['PolNeAR texts', polnear],
  ['GMB sentences', gmb],
  ['CT24 sentences', ct24],
  ['ECB+ sentences', ecbplus],
  ['WCXB dev main content', wcxb],
  ['Zyte articleBody', zyte],
  ['STS-B train sentences', stsTrain],
  ['SNLI sentences', snli],
];

/**
 * Every set's texts, in a fixed order. A unit seen before (in any set: SNLI repeats its premises,
 * FNC-1 and PolNeAR repeat boilerplate lines) is kept once, so repeats do not pass for co-occurrence.
 */
export function readNewsTexts(dataDir: string): SourceTexts[] {
  const seen = new Set<string>();
  return READERS.map(([name, read]) => ({
    name,
    texts: read(dataDir).filter((t) => {
      if (seen.has(t)) return false;
      seen.add(t);
      return true;
    }),
  }));
}
