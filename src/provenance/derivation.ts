// Which articles rewrite which, with the evidence: the passages two articles share word for word
// outside quotations. Quoted words are masked before comparing (every span between quotation
// marks, straight or curly, and block quotations): two outlets quoting the same statement is the
// same origin, never copying. Facts stated in the same order are not evidence on their own (three
// outlets covering one event lead with the same facts), so only shared text counts.
//
// Direction follows publication times: the earlier article is the source. When the times are
// equal (two dates of the same day, as most feeds give them) or one is unknown, which article
// came first cannot be told from the articles: the pair is reported on both sides with
// `directionKnown: false` and is left out of `derivedFrom`, which says who copied whom.
//
// Pairs come from an index of eight-word shingles: no article is compared with one it shares
// nothing with, and the work stays linear in the text for articles that share little.
import { findQuotes } from '../annotate/find-quotes.ts';

export interface DerivableArticle {
  id: string;
  text: string;
  publishedAt: string | null;
  /** Body blocks: quotations are looked for paragraph by paragraph, block quotations masked whole. */
  blocks?: ReadonlyArray<{ kind: string; start: number; end: number }>;
  /** More spans to leave out of the comparison (the dossier's quotations). */
  quoted?: ReadonlyArray<{ start: number; end: number }>;
}

/** One passage both articles hold: `start`/`end` in the article that has the derivation, `fromStart`/`fromEnd` in the other. */
export interface SharedPassage {
  text: string;
  start: number;
  end: number;
  fromStart: number;
  fromEnd: number;
}

export interface Derivation {
  fromArticleId: string;
  shared: SharedPassage[];
  /** False when the publication times do not tell which came first: the two share text, either may be the source. */
  directionKnown: boolean;
}

const SHINGLE = 8;
/**
 * The longest run of words two articles must share outside quotations to be a copy: a whole
 * sentence. A name with its title or a stock phrase ("the Port Authority of New York and New
 * Jersey") runs to eight or ten words in independent reports of one event (the longest such run
 * on the even-year development stories is ten); copied text shares sentences.
 */
export const MIN_LONGEST_RUN = 15;
/** A shingle found more often than this in one article is a refrain, not evidence. */
const MAX_POSITIONS = 4;

interface Words {
  starts: number[];
  ends: number[];
  /** Lowercased words; null where the word is inside a quotation (breaks every run). */
  words: Array<string | null>;
}

/** The article's spans to mask: quotations found paragraph by paragraph, block quotations, and any given. */
export function quotedSpans(article: DerivableArticle): Array<{ start: number; end: number }> {
  const blocks = article.blocks && article.blocks.length ? article.blocks : [{ kind: 'paragraph', start: 0, end: article.text.length }];
  const spans = findQuotes(article.text, blocks).map((q) => ({ start: q.start, end: q.end }));
  for (const b of blocks) {
    if (b.kind === 'quote') spans.push({ start: b.start, end: b.end });
    const tail = quotationTail(article.text, b.start, b.end);
    if (tail) spans.push(tail);
  }
  for (const q of article.quoted ?? []) spans.push({ start: q.start, end: q.end });
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A paragraph that closes a quotation it never opened: the end of an excerpt quoted over several
 * paragraphs whose marks are not repeated at each paragraph's start ("Here's an excerpt from the
 * Times report: "… / … according to records."). The paragraph up to that closing mark is quoted.
 * Curly marks tell a closer from an opener; with straight ones, an odd count whose last mark ends
 * the paragraph is read so. Masking too much only loses evidence of copying, never invents it.
 */
function quotationTail(text: string, start: number, end: number): { start: number; end: number } | null {
  let open = 0;
  let straight = 0;
  let lastStraight = -1;
  let tail = -1;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === '“') open++;
    else if (ch === '”') {
      if (open > 0) open--;
      else tail = i + 1;
    } else if (ch === '"') {
      straight++;
      lastStraight = i;
    }
  }
  if (straight % 2 === 1 && lastStraight >= 0 && /^[\s.,;:!?)\]]*$/.test(text.slice(lastStraight + 1, end)) && /\S/.test(text[lastStraight - 1] ?? ' ')) tail = Math.max(tail, lastStraight + 1);
  return tail > start ? { start, end: tail } : null;
}

function wordsOf(article: DerivableArticle): Words {
  const masked = quotedSpans(article);
  const out: Words = { starts: [], ends: [], words: [] };
  let m = 0;
  for (const match of article.text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    while (m < masked.length && masked[m]!.end <= start) m++;
    // spans are sorted by start: the first not yet ended is the only one that can hold this word
    let inside = false;
    for (let k = m; k < masked.length && masked[k]!.start < end; k++) {
      if (masked[k]!.end > start) {
        inside = true;
        break;
      }
    }
    out.starts.push(start);
    out.ends.push(end);
    out.words.push(inside ? null : match[0].toLowerCase());
  }
  return out;
}

/** Shingle → the word positions where it starts, for the shingles made only of unmasked words. */
function shinglesOf(w: Words): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let clean = 0; // unmasked words in a row ending at i
  for (let i = 0; i < w.words.length; i++) {
    clean = w.words[i] === null ? 0 : clean + 1;
    if (clean < SHINGLE) continue;
    const at = i - SHINGLE + 1;
    const key = w.words.slice(at, i + 1).join(' ');
    const list = out.get(key);
    if (!list) out.set(key, [at]);
    else if (list.length < MAX_POSITIONS) list.push(at);
  }
  return out;
}

interface Run {
  /** First word in each article, and the number of words. */
  i: number;
  j: number;
  words: number;
}

/** Matching shingle positions → maximal runs of words shared by both, longest first where runs overlap. */
function runsOf(matches: Array<[number, number]>): Run[] {
  matches.sort((x, y) => x[0] - x[1] - (y[0] - y[1]) || x[0] - y[0]);
  const runs: Run[] = [];
  for (const [a, b] of matches) {
    const last = runs[runs.length - 1];
    // the same diagonal, continuing or overlapping the last run
    if (last && last.i - last.j === a - b && a <= last.i + last.words - SHINGLE + 1) last.words = Math.max(last.words, a - last.i + SHINGLE);
    else runs.push({ i: a, j: b, words: SHINGLE });
  }
  // a passage repeated in one article matches twice: keep the longest runs that do not overlap in either article
  runs.sort((x, y) => y.words - x.words || x.i - y.i || x.j - y.j);
  const kept: Run[] = [];
  for (const r of runs) {
    const clash = kept.some((k) => (r.i < k.i + k.words && k.i < r.i + r.words) || (r.j < k.j + k.words && k.j < r.j + r.words));
    if (!clash) kept.push(r);
  }
  return kept.sort((x, y) => x.i - y.i);
}

/** -1 when `a` is known to be earlier, 1 when later, 0 when the times do not tell. */
export function compareTimes(a: string | null, b: string | null): -1 | 0 | 1 {
  if (!a || !b) return 0;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return 0;
  // a bare date is a whole day: another time on that day may be before or after it
  const day = (s: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? s.trim() : null);
  const da = day(a);
  const db = day(b);
  if ((da || db) && (da ?? new Date(ta).toISOString().slice(0, 10)) === (db ?? new Date(tb).toISOString().slice(0, 10))) return 0;
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/**
 * Sources kept per article: those it shares the most text with. A story of 200 copies of a wire
 * report would otherwise list every pair (20,000 links, tens of megabytes of passages) where the
 * closest few say who copied whom.
 */
export const MAX_SOURCES = 5;

/**
 * For each article (by index), the articles it shares enough non-quoted text with (the
 * MAX_SOURCES sharing the most), with the passages. A pair whose direction is known appears once,
 * on the later article; one whose direction is unknown appears on both.
 */
export function findDerivations(articles: readonly DerivableArticle[], minLongestRun = MIN_LONGEST_RUN): Derivation[][] {
  const words = articles.map(wordsOf);
  const index = new Map<string, Array<[number, number[]]>>();
  words.forEach((w, a) => {
    for (const [key, positions] of shinglesOf(w)) {
      const list = index.get(key);
      if (list) list.push([a, positions]);
      else index.set(key, [[a, positions]]);
    }
  });
  const matches = new Map<string, Array<[number, number]>>();
  for (const list of index.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, pa] = list[x]!;
        const [b, pb] = list[y]!;
        const key = `${a}:${b}`;
        const found = matches.get(key) ?? matches.set(key, []).get(key)!;
        for (const p of pa) for (const q of pb) found.push([p, q]);
      }
    }
  }
  const out: Derivation[][] = articles.map(() => []);
  const keys = [...matches.keys()].sort((x, y) => {
    const [xa, xb] = x.split(':').map(Number) as [number, number];
    const [ya, yb] = y.split(':').map(Number) as [number, number];
    return xa - ya || xb - yb;
  });
  for (const key of keys) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    const runs = runsOf(matches.get(key)!);
    if (!runs.some((r) => r.words >= minLongestRun)) continue;
    const passages = (self: number, other: number): SharedPassage[] =>
      runs.map((r) => {
        const [p, q] = self === a ? [r.i, r.j] : [r.j, r.i];
        const ws = words[self]!;
        const wo = words[other]!;
        const start = ws.starts[p]!;
        const end = ws.ends[p + r.words - 1]!;
        return { text: articles[self]!.text.slice(start, end), start, end, fromStart: wo.starts[q]!, fromEnd: wo.ends[q + r.words - 1]! };
      });
    const order = compareTimes(articles[a]!.publishedAt, articles[b]!.publishedAt);
    if (order !== 1) {
      // b is later, or the order is unknown: b holds a derivation from a
      out[b]!.push({ fromArticleId: articles[a]!.id, shared: passages(b, a), directionKnown: order === -1 });
    }
    if (order !== -1) out[a]!.push({ fromArticleId: articles[b]!.id, shared: passages(a, b), directionKnown: order === 1 });
  }
  const shared = (d: Derivation): number => d.shared.reduce((n, p) => n + p.end - p.start, 0);
  return out.map((list) =>
    (list.length > MAX_SOURCES ? [...list].sort((x, y) => shared(y) - shared(x) || x.fromArticleId.localeCompare(y.fromArticleId)).slice(0, MAX_SOURCES) : list).sort((x, y) => x.fromArticleId.localeCompare(y.fromArticleId)),
  );
}
