// Direct quotations in a text: spans between matching quotation marks (curly or straight, single
// inside double), marks included. A quote left open at the end of a paragraph and reopened at the
// start of the next is one quotation running over both. Quotes of one or two words are marked as
// scare quotes: kept, but not taken for something someone said.
import { tailRun } from '../text/tail-runs.ts';

export interface QuoteSpan {
  /** Offsets of the quotation, marks included. */
  start: number;
  end: number;
  /** Offsets of the quoted words, marks excluded. */
  innerStart: number;
  innerEnd: number;
  scare: boolean;
  /** This piece continues the quotation of the previous paragraph. */
  continued: boolean;
  /** Words quoted inside the outlet's own sentence (called the plans “a grave violation”), not a line of speech standing alone. */
  partial: boolean;
}

/** A quotation this short is a word or a phrase set apart, not speech. */
const MAX_SCARE_WORDS = 2;
/** A quotation longer than this without a closing mark is a stray mark, not a quotation. */
const MAX_UNCLOSED_CHARS = 2000;

/** The marks that close a quotation each mark opens; typed text mixes curly and straight ones (“…" and "…”). */
const OPENERS: Record<string, string> = { '“': '”"', '„': '“', '«': '»', '"': '"”' };

export function findQuotes(text: string, paragraphs: ReadonlyArray<{ start: number; end: number }>): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let carried = false;
  for (const p of paragraphs) {
    const found = quotesInParagraph(text, p.start, p.end, carried);
    quotes.push(...found.quotes);
    carried = found.leftOpen;
  }
  return quotes;
}

function quotesInParagraph(text: string, start: number, end: number, carried: boolean): { quotes: QuoteSpan[]; leftOpen: boolean } {
  const quotes: QuoteSpan[] = [];
  let i = start;
  while (i < end && /\s/.test(text[i]!)) i++;
  for (; i < end; i++) {
    const ch = text[i]!;
    const closer = OPENERS[ch];
    if (!closer) continue;
    // a straight quote mark opens only where a word starts after it
    if (ch === '"' && !/\S/.test(text[i + 1] ?? '')) continue;
    const close = findCloser(text, i + 1, end, closer);
    if (close < 0) {
      // open to the end of the paragraph: a quotation that goes on in the next one
      let stop = end;
      while (stop > i && /\s/.test(text[stop - 1]!)) stop--;
      if (stop - i <= MAX_UNCLOSED_CHARS && stop - i > 1) {
        quotes.push(piece(text, start, i, stop, i + 1, stop, carried && i === firstNonSpace(text, start, end)));
        return { quotes, leftOpen: true };
      }
      continue;
    }
    quotes.push(piece(text, start, i, close + 1, i + 1, close, carried && i === firstNonSpace(text, start, end), spokenAlone(text, start, i, close)));
    carried = false;
    i = close;
  }
  return { quotes, leftOpen: false };
}

function findCloser(text: string, from: number, end: number, closers: string): number {
  for (let k = from; k < end; k++) {
    const ch = text[k]!;
    if (closers.includes(ch)) {
      // a straight quote closes only after a word or punctuation, not before one
      if (ch === '"' && /\s/.test(text[k - 1] ?? ' ')) continue;
      return k;
    }
  }
  return -1;
}

function firstNonSpace(text: string, start: number, end: number): number {
  let k = start;
  while (k < end && /\s/.test(text[k]!)) k++;
  return k;
}

function piece(text: string, paragraphStart: number, start: number, end: number, innerStart: number, innerEnd: number, continued: boolean, spoken = false): QuoteSpan {
  const words = text.slice(innerStart, innerEnd).trim().split(/\s+/).filter(Boolean).length;
  const gap = text.slice(Math.max(paragraphStart, start - 40), start);
  const before = gap.trimEnd();
  // after a word of the outlet's sentence ("called it", "as"), not after a cue's comma or colon, a sentence end or a line break
  const partial = !continued && /[\p{L}\p{N})]$/u.test(before) && !CUE_BEFORE.test(before) && !tailRun(gap, /\s/).includes('\n');
  return { start, end, innerStart, innerEnd, scare: words <= MAX_SCARE_WORDS && !continued && !spoken, continued, partial };
}

/** Cue words that introduce a whole line of speech without a comma ("she said “…”", "he told reporters “…”"). */
const CUE_BEFORE = /\b(said|says|added|adds|told \p{L}+|wrote|writes|tweeted|asked|replied|declared|stated)$/iu;

/**
 * A short quotation that opens a sentence and ends in its own punctuation is a line of speech
 * (“I would,” she said; “You winning?”), not words set apart: a scare quote stands inside a
 * sentence (called it a “hoax,” and left).
 */
function spokenAlone(text: string, paragraphStart: number, open: number, close: number): boolean {
  if (!/[,?!.…—-]$/.test(text.slice(open + 1, close).trimEnd())) return false;
  const before = text.slice(paragraphStart, open).trimEnd();
  return before === '' || /[.?!:”"]$/.test(before);
}
