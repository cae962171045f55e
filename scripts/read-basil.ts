// Reads a folder laid out like BASIL's (`articles/<year>/<triplet>_<n>.json` with
// `body-paragraphs` as lists of sentences; `annotations/<year>/<triplet>_<n>_ann.json` with
// phrase-level annotations whose offsets are within one sentence) into sentences with their
// lexical- and informational-bias spans. A span is placed in the sentence where its offsets
// give its text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BiasSpan {
  start: number;
  end: number;
  kind: 'lex' | 'inf';
}

export interface BasilArticle {
  id: string;
  year: string;
  source: string;
  date: string | null;
  title: string;
  sentences: Array<{ text: string; spans: BiasSpan[] }>;
}

export function readBasil(dir: string, years?: readonly string[]): BasilArticle[] {
  const out: BasilArticle[] = [];
  for (const year of readdirSync(join(dir, 'articles')).filter((y) => !years || years.includes(y)).sort()) {
    for (const file of readdirSync(join(dir, 'articles', year)).filter((f) => f.endsWith('.json')).sort()) {
      const article = JSON.parse(readFileSync(join(dir, 'articles', year, file), 'utf8')) as { source: string; date?: string; title: string; 'body-paragraphs': string[][] };
      const sentences = article['body-paragraphs'].flat().map((text) => ({ text, spans: [] as BiasSpan[] }));
      const annFile = join(dir, 'annotations', year, file.replace(/\.json$/, '_ann.json'));
      if (existsSync(annFile)) {
        const ann = JSON.parse(readFileSync(annFile, 'utf8')) as { 'phrase-level-annotations': Array<{ start: number; end: number; txt: string; bias: string }> };
        for (const p of ann['phrase-level-annotations']) {
          if (p.bias !== 'lex' && p.bias !== 'inf') continue;
          const s = sentences.find((x) => x.text.slice(p.start, p.end) === p.txt);
          if (s) s.spans.push({ start: p.start, end: p.end, kind: p.bias });
        }
      }
      out.push({ id: file.replace(/\.json$/, ''), year, source: article.source, date: article.date ?? null, title: article.title, sentences });
    }
  }
  return out;
}
