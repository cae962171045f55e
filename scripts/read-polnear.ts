// Reads a PolNeAR compartment (`text/<name>.txt`, `attributions/<name>_<annotator>.ann`, BRAT
// standoff) into paragraphs of tokens tagged Source / Cue / Content in BIO. A text annotated by
// several annotators is read once, with the first annotator's file (by name). Discontinuous spans
// become one span per fragment, as a tag sequence represents them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize, type Token } from '../src/text/tokenize.ts';

export type SpanKind = 'SRC' | 'CUE' | 'CON';

export interface GoldSpan {
  kind: SpanKind;
  start: number;
  end: number;
  /** The attribution (BRAT event id) the span belongs to. */
  attribution: string | null;
}

export interface PolnearDoc {
  name: string;
  text: string;
  spans: GoldSpan[];
}

export interface TaggedParagraph {
  tokens: Token[];
  tags: string[];
}

const KIND: Record<string, SpanKind> = { Source: 'SRC', Cue: 'CUE', Content: 'CON' };

export function readPolnear(dir: string): PolnearDoc[] {
  const byText = new Map<string, string>();
  for (const file of readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort()) {
    const name = file.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!byText.has(name)) byText.set(name, file);
  }
  const docs: PolnearDoc[] = [];
  for (const [name, file] of [...byText].sort()) {
    let text: string;
    try {
      text = readFileSync(join(dir, 'text', `${name}.txt`), 'utf8');
    } catch {
      continue;
    }
    const spans: GoldSpan[] = [];
    const lines = readFileSync(join(dir, 'attributions', file), 'utf8').split('\n');
    const owner = new Map<string, string>();
    for (const line of lines) {
      const [id, info] = line.split('\t');
      if (!id?.startsWith('E') || !info) continue;
      for (const part of info.split(' ')) {
        const term = part.split(':')[1];
        if (term) owner.set(term, id);
      }
    }
    for (const line of lines) {
      const [id, info] = line.split('\t');
      if (!id?.startsWith('T') || !info) continue;
      const [type, ...ranges] = info.split(' ');
      const kind = KIND[type ?? ''];
      if (!kind) continue;
      for (const range of ranges.join(' ').split(';')) {
        const [start, end] = range.split(' ').map(Number) as [number, number];
        if (Number.isFinite(start) && Number.isFinite(end) && end > start) spans.push({ kind, start, end, attribution: owner.get(id) ?? null });
      }
    }
    docs.push({ name, text, spans: spans.sort((a, b) => a.start - b.start) });
  }
  return docs;
}

/** Paragraph ranges of a text: runs of non-blank lines. */
export function paragraphsOf(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Tokens of each paragraph, tagged from the gold spans. */
export function tagParagraphs(doc: PolnearDoc): TaggedParagraph[] {
  return paragraphsOf(doc.text).map(({ start, end }) => {
    const tokens = tokenize(doc.text, start, end);
    const tags = tokens.map(() => 'O');
    for (const span of doc.spans) {
      let first = true;
      tokens.forEach((t, i) => {
        if (t.start >= span.start && t.start < span.end) {
          tags[i] = `${first ? 'B' : 'I'}-${span.kind}`;
          first = false;
        }
      });
    }
    return { tokens, tags };
  });
}
