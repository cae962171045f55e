// The claims of one article: every body sentence, or clause where a sentence joins two
// statements with a semicolon or a contrast ("…, but …", "…, while …"), that states something
// checkable. Not claims: headings, questions, reader-facing prompts ("Sign up for …"), and
// opinion in the outlet's own first person without a name or number to check. Each claim keeps
// the attribution the article gives it (the source of an attribution whose cue or content lies in
// it), the hedges that soften it ("reportedly", "may", "is considering") and a check-worthiness.
import { indexSpans, reaching } from '../text/span-index.ts';
import { tailRunStart } from '../text/tail-runs.ts';
import type { Article } from '../model.ts';
import type { AttributionFinding } from '../annotate/find-attributions.ts';
import { HEDGE } from '../framing/markers.ts';
import { checkworthiness } from './checkworthy.ts';

export interface ClaimFinding {
  articleId: string;
  start: number;
  end: number;
  text: string;
  /** The attribution's source words ("the AP", "officials familiar with the matter"), or null. */
  attribution: string | null;
  attributionStart: number | null;
  attributionEnd: number | null;
  hedges: string[];
  checkworthiness: number;
}

const MIN_WORDS = 4;
/** Where one sentence joins two statements: a semicolon, a contrast, "and" before a new subject, a participle that adds what someone said. */
// (a dash's break begins at the white space before the dash, which clausesOf adds: a leading \s*
// here was tried from every space of a long run)
const CLAUSE_BREAK = /;\s+|,\s+(?:but|while|whereas)\s+|—\s*but\s+|,\s+and\s+(?=(?:we|they|he|she|it|i)\s)|,\s+(?=(?:emphasizing|emphasising|suggesting|adding|noting|citing|arguing|warning|insisting|stressing)\s)/gi;
/** Words addressed to the reader rather than stating anything. */
const READER_PROMPT = /^(read|click|subscribe|sign up|follow|share|watch|listen|download|contact|email|tap|join|learn more|see also|related)\b/i;
/** The outlet speaking for itself about what should be or what it thinks. */
const OWN_OPINION = /^(i|we)\s+(think|believe|feel|hope|wish|must|should)\b|^in (my|our) (view|opinion)\b/i;
/** Cues that report where something comes from. */
const REPORTING_CUE = /\b(said|says|say|told|tells|according|reported|reports|stated|states|announced|confirmed|claimed|claims|wrote|writes|tweeted|posted|noted|added|warned|argued|insisted|cited|citing)\b/i;

function insideQuotation(before: string): boolean {
  const count = (mark: string): number => before.split(mark).length - 1;
  return count('“') > count('”') || count('"') % 2 === 1;
}

function clausesOf(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const sentence = text.slice(start, end);
  const cuts: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let floor = 0, m = CLAUSE_BREAK.exec(sentence); m; floor = CLAUSE_BREAK.lastIndex, m = CLAUSE_BREAK.exec(sentence)) {
    // a break at a dash takes the white space before it, back to where the last break ended
    const at = m[0].startsWith('—') ? tailRunStart(sentence, /\s/, m.index, floor) : m.index;
    // never inside a quotation: its words are the speaker's sentence
    if (insideQuotation(sentence.slice(0, at))) continue;
    cuts.push(at, m.index + m[0].length);
  }
  const pieces: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    pieces.push({ start: from, end: cuts[i]! });
    from = cuts[i + 1]!;
  }
  pieces.push({ start: from, end: sentence.length });
  const words = (p: { start: number; end: number }): number => sentence.slice(p.start, p.end).trim().split(/\s+/).length;
  // a clause too short to state anything stays with its sentence
  if (pieces.length > 1 && pieces.some((p) => words(p) < MIN_WORDS + 1)) return [{ start, end }];
  return pieces.map((p) => ({ start: start + p.start, end: start + p.end }));
}

export function findClaims(article: Article, attributions: readonly AttributionFinding[]): ClaimFinding[] {
  const claims: ClaimFinding[] = [];
  // attributions looked up by where their cue and content stand, in their order: linear in the article's length
  const attributed = attributions.filter((a) => a.source).map((a, order) => ({ a, order }));
  const byCue = indexSpans(attributed.map((x) => ({ start: x.a.cue.start, end: x.a.cue.end, x })));
  const byContent = indexSpans(attributed.filter((x) => x.a.content).map((x) => ({ start: x.a.content!.start, end: x.a.content!.end, x })));
  for (const sentence of article.sentences) {
    const block = article.blocks[sentence.block];
    if (!block || block.kind === 'heading' || block.kind === 'preformatted') continue;
    for (const clause of clausesOf(article.text, sentence.start, sentence.end)) {
      let { start, end } = clause;
      while (start < end && /\s/.test(article.text[start]!)) start++;
      while (end > start && /\s/.test(article.text[end - 1]!)) end--;
      const text = article.text.slice(start, end);
      if (text.split(/\s+/).length < MIN_WORDS) continue;
      if (/\?["”’)]*$/.test(text) || READER_PROMPT.test(text) || OWN_OPINION.test(text)) continue;
      const near = new Set([...reaching(byCue, start, end), ...reaching(byContent, start, end)].map((h) => h.x));
      const candidates = [...near]
        .sort((x, y) => x.order - y.order)
        .map((x) => x.a)
        .filter((a) => a.source && ((a.cue.start >= start && a.cue.end <= end) || (a.content && a.content.start < end && start < a.content.end && a.source.start >= sentence.start && a.source.end <= sentence.end + 200)));
      // a reporting cue ("according to", "said", "told") names where the claim comes from; "is considering" does not
      const attribution = candidates.find((a) => REPORTING_CUE.test(article.text.slice(a.cue.start, a.cue.end))) ?? candidates[0];
      const hedges = [...new Set((text.match(HEDGE) ?? []).map((h) => h.toLowerCase()))];
      claims.push({
        articleId: article.id,
        start,
        end,
        text,
        attribution: attribution?.source ? article.text.slice(attribution.source.start, attribution.source.end) : null,
        attributionStart: attribution?.source?.start ?? null,
        attributionEnd: attribution?.source?.end ?? null,
        hedges,
        checkworthiness: Math.round(checkworthiness(text) * 1000) / 1000,
      });
    }
  }
  return claims;
}
