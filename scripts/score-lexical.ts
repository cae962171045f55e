// Scores loaded terms against BASIL's lexical-bias spans, for the bench and for choosing the word
// model's threshold: sentence level (a sentence with a gold lexical span against a sentence with a
// listed term), span level (listed terms against gold spans, overlap) and the precision of listed
// terms by where their evidence comes from. Quotations (between matching marks in the sentence)
// are left out as the product leaves them out, unless `inQuotes`.
import type { LoadedTerm } from '../src/framing/loaded-terms.ts';
import type { BasilArticle } from './read-basil.ts';

export interface LexicalScore {
  sentences: number;
  sentence: { tp: number; fp: number; fn: number };
  /** Listed terms that overlap a gold span, and all listed terms, by reason and why. */
  terms: { right: number; listed: number };
  byReason: Record<string, { right: number; listed: number }>;
  byWhy: Record<string, { right: number; listed: number }>;
  /** Gold spans some listed term overlaps, and all gold spans. */
  gold: { found: number; all: number };
  listed: Array<{ term: string; why: string; right: boolean; sentence: string }>;
}

/**
 * Quotations of one sentence: text between a pair of straight marks or an opening and a closing
 * curly mark; a quotation begun in an earlier sentence (a closing mark first, or an odd straight
 * mark after punctuation: `topic," a spokesman said`) runs from the sentence's start, and one left
 * open runs to its end.
 */
export function quotationsOf(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = 0;
  const firstClosing = /^[^“"]*”/.exec(text) ?? ((text.match(/"/g) ?? []).length % 2 === 1 ? /^[^"]*[.,!?]"/.exec(text) : null);
  if (firstClosing) {
    out.push({ start: 0, end: firstClosing[0].length });
    from = firstClosing[0].length;
  }
  for (const m of text.slice(from).matchAll(/"[^"]*("|$)|“[^”]*(”|$)/g)) out.push({ start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

export function scoreLexical(articles: readonly BasilArticle[], termsOf: (text: string, quoted: Array<{ start: number; end: number }>) => LoadedTerm[], inQuotes = false): LexicalScore {
  const score: LexicalScore = { sentences: 0, sentence: { tp: 0, fp: 0, fn: 0 }, terms: { right: 0, listed: 0 }, byReason: {}, byWhy: {}, gold: { found: 0, all: 0 }, listed: [] };
  const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }): boolean => x.start < y.end && y.start < x.end;
  const count = (table: Record<string, { right: number; listed: number }>, key: string, right: boolean): void => {
    const c = (table[key] ??= { right: 0, listed: 0 });
    c.listed++;
    if (right) c.right++;
  };
  for (const a of articles) {
    for (const sentence of a.sentences) {
      score.sentences++;
      const gold = sentence.spans.filter((b) => b.kind === 'lex');
      const terms = termsOf(sentence.text, inQuotes ? [] : quotationsOf(sentence.text));
      const flagged = terms.length > 0;
      if (flagged && gold.length) score.sentence.tp++;
      if (flagged && !gold.length) score.sentence.fp++;
      if (!flagged && gold.length) score.sentence.fn++;
      for (const t of terms) {
        const right = gold.some((g) => overlaps(g, t));
        score.terms.listed++;
        if (right) score.terms.right++;
        count(score.byReason, t.reason, right);
        count(score.byWhy, t.why.replace(/:.*/, ''), right);
        score.listed.push({ term: t.term, why: t.why, right, sentence: sentence.text });
      }
      for (const g of gold) {
        score.gold.all++;
        if (terms.some((t) => overlaps(g, t))) score.gold.found++;
      }
    }
  }
  return score;
}

export function sentenceF1({ tp, fp, fn }: LexicalScore['sentence']): { p: number; r: number; f1: number } {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1) };
}
