// Plain text and Markdown copied from a page: splits it into units (lines or paragraphs),
// classifies each as body, heading, list item or removed text of a kind, and picks out the
// headline, byline, dateline and the outlet named in footers.
import type { RemovedKind } from '../model.ts';
import { boilerplateKind, EMBED_ATTRIBUTION, outletFromFooter, wordCount } from './classify-boilerplate.ts';
import { NO_METADATA, type BodyBlock, type Extracted, type FoundMetadata } from './extracted.ts';
import { dateFromLine } from './find-dates.ts';
import { trimTail } from '../text/tail-runs.ts';

/** A run of page text to classify: a line, or a hard-wrapped paragraph joined back. */
interface Unit {
  text: string;
  kind: BodyBlock['kind'] | RemovedKind | 'title' | 'byline' | 'dateline';
  markdownHeading: boolean;
}

/** Social posts are at most 280 characters; embed text is looked for within that. */
const MAX_POST_CHARS = 280;
/** How many lines after an embed's attribution may still be its (truncated) text. */
const MAX_EMBED_TAIL = 3;
/** Headings are short: beyond these a line without a full stop is a sentence that lost it. */
const MAX_HEADING_WORDS = 16;
const MAX_HEADING_CHARS = 140;
/** Lines of hard-wrapped text are of similar length; single-line paragraphs vary widely. */
const WRAP_MIN = 50;
const WRAP_MAX = 100;
/** Bylines and datelines are looked for only near the top, where pages put them. */
const HEADER_UNITS = 8;

const LIST_MARKER = /^\s*(?:[•●▪◦‣∙·*+]|[-–](?=\s)|\d{1,3}[.)](?=\s))\s+/;
const EMBED_MARKERS = /(pic\.twitter\.com|t\.co\/|instagram\.com\/p\/|View this post on Instagram|A post shared by|#\w+|@\w{2,}|[\u{1F1E6}-\u{1F1FF}\u{1F300}-\u{1FAFF}])/u;
const EMBED_LINE = /^(View this post on Instagram|A post shared by .{1,80}|Watch on (YouTube|TikTok)|Embedded video)$/i;
/** Tested on a unit's text, whose white space is single spaces: one `\s` around "to"/"on" is the same
 * there, and `\s+.{1,120}` would let a run of spaces split between the two many ways. */
const COMMENT_HEADER =
  /^((\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(responses?|comments?|replies|thoughts?)(\s(to|on)\s.{1,120})?|leave a (reply|comment)|post a comment|join the (discussion|conversation)|reader comments|comments( \(\d+\))?|show comments|what do you think\??)$/i;
const BYLINE = /^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by)\s+([\p{Lu}][\p{L}.'’-]+(?:\s+(?:[\p{Lu}][\p{L}.'’-]+|de|van|von|da|di|and|&|,)){0,8})\s*(?:[|,–-].{0,60})?$/u;
/** Small words that stay lower case in a title-cased heading. */
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'for', 'of', 'to', 'in', 'on', 'at', 'by', 'from', 'with', 'as', 'vs', 'vs.', 'via', 'into', 'over', 'per', 'is', 'be']);

export function extractText(content: string, format: 'text' | 'markdown'): Extracted {
  const units = splitUnits(content, format);
  classifyUnits(units);
  return assemble(units);
}

function splitUnits(content: string, format: 'text' | 'markdown'): Unit[] {
  const lines = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) groups.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) groups.push(current);

  const units: Unit[] = [];
  for (const group of groups) {
    const pieces = isHardWrapped(group) ? [group.map((l) => l.trim()).join(' ')] : group;
    for (const piece of pieces) {
      let text = piece.replace(/[\s\u00a0]+/g, ' ').trim();
      let markdownHeading = false;
      if (format === 'markdown') {
        const opening = /^#{1,6}\s+/.exec(text);
        if (opening) {
          // "## Title ##": the closing hashes, then the white space before them, scanned off the end
          text = trimTail(trimTail(text.slice(opening[0].length), /#/), /\s/);
          markdownHeading = true;
        }
        text = stripInlineMarkdown(text);
      }
      if (text !== '') units.push({ text, kind: 'paragraph', markdownHeading });
    }
  }
  return units;
}

/** A group is hard-wrapped when its lines but the last are of wrapping width and run on. */
function isHardWrapped(group: string[]): boolean {
  if (group.length < 2) return false;
  if (group.some((l) => LIST_MARKER.test(l))) return false;
  const body = group.slice(0, -1);
  const wrapped = body.filter((l) => {
    const t = l.trim();
    // a line that ends in a sentence's end or in a name signed after a dash ("” ― Maria Lopez") does not run on
    return t.length >= WRAP_MIN && t.length <= WRAP_MAX && !/[.!?:"”]$/.test(t) && !/[”"][ \t]*[―—–][ \t]*\p{Lu}[\p{L}\p{M} .'’-]{0,60}$/u.test(t);
  });
  return wrapped.length * 2 >= body.length;
}

function stripInlineMarkdown(text: string): string {
  return unlinkMarkdown(unlinkMarkdown(text, '!['), '[')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1');
}

/**
 * `text` with each Markdown image `![alt](url)` (opener '![') or link `[text](url)` (opener '[', text
 * not empty) replaced by its alt text or text, left to right as a global replace would. Written as a
 * scan because /\[([^\]]+)\]\([^)]*\)/g looks for the closing bracket again from every '[' (20,000
 * unclosed ones take seconds); here the next ']' and ')' are found once and reused while ahead.
 */
function unlinkMarkdown(text: string, opener: '![' | '['): string {
  const minText = opener === '[' ? 1 : 0;
  let out = '';
  let copied = 0;
  let close = -2; // the next ']' at or after where it was last looked for; -1 when there is none
  let paren = -2; // the same for ')'
  for (let i = text.indexOf(opener); i >= 0; i = text.indexOf(opener, i)) {
    const textStart = i + opener.length;
    if (close !== -1 && close < textStart) close = text.indexOf(']', textStart);
    if (close === -1) break; // no ']' is left, so no later opener can close either
    if (close - textStart >= minText && text[close + 1] === '(') {
      if (paren !== -1 && paren < close + 2) paren = text.indexOf(')', close + 2);
      if (paren === -1) break; // no ')' is left for this or any later link
      out += text.slice(copied, i) + text.slice(textStart, close);
      copied = i = paren + 1;
    } else i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function classifyUnits(units: Unit[]): void {
  let inComments = false;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const text = unit.text;
    if (inComments) {
      unit.kind = boilerplateKind(text) ?? 'comment';
      continue;
    }
    if (COMMENT_HEADER.test(text.replace(/[:.]$/, ''))) {
      unit.kind = 'comment';
      inComments = true;
      continue;
    }
    if (EMBED_ATTRIBUTION.test(text)) {
      unit.kind = 'embed';
      markEmbedText(units, i);
      continue;
    }
    if (unit.kind === 'embed') continue;
    if (EMBED_LINE.test(text)) {
      unit.kind = 'embed';
      continue;
    }
    if (i < HEADER_UNITS && BYLINE.test(text)) {
      unit.kind = 'byline';
      continue;
    }
    if (i < HEADER_UNITS && dateFromLine(text)) {
      unit.kind = 'dateline';
      continue;
    }
    const listMarker = LIST_MARKER.exec(text);
    if (listMarker) {
      unit.text = text.slice(listMarker[0].length);
      unit.kind = 'list-item';
      continue;
    }
    const removed = unit.markdownHeading ? null : boilerplateKind(text);
    if (removed) unit.kind = removed;
  }
  // headings last: whether a line introduces text depends on what the lines after it are
  units.forEach((unit, i) => {
    if (unit.kind === 'paragraph' && (unit.markdownHeading || looksLikeHeading(units, i))) unit.kind = 'heading';
  });
  markTitle(units);
}

/** Text of a social post sits just before its "— Name (@handle) Date" line; a truncated one may follow it. */
function markEmbedText(units: Unit[], attribution: number): void {
  const before = units[attribution - 1];
  if (before && before.kind === 'paragraph' && before.text.length <= MAX_POST_CHARS) {
    before.kind = 'embed';
    for (let j = attribution - 2; j >= 0; j--) {
      const unit = units[j]!;
      if (unit.kind !== 'paragraph' || unit.text.length > MAX_POST_CHARS || !EMBED_MARKERS.test(unit.text)) break;
      unit.kind = 'embed';
    }
  }
  for (let j = attribution + 1; j <= attribution + MAX_EMBED_TAIL && j < units.length; j++) {
    const unit = units[j]!;
    if (unit.text.length > MAX_POST_CHARS) break;
    if (/…$/.test(unit.text)) {
      for (let k = attribution + 1; k <= j; k++) units[k]!.kind = 'embed';
      break;
    }
  }
}

function looksLikeHeading(units: Unit[], i: number): boolean {
  const text = units[i]!.text;
  if (text.length > MAX_HEADING_CHARS || wordCount(text) > MAX_HEADING_WORDS) return false;
  if (/[.!,;:…"”)\]]$/.test(text)) return false;
  // a heading introduces text: something that is not removed follows it
  const next = units.slice(i + 1).find((u) => u.kind === 'paragraph' || u.kind === 'list-item');
  if (!next) return false;
  if (text.endsWith('?')) return wordCount(text) <= 12;
  return isTitleCased(text) || next.text.length > text.length * 2;
}

function isTitleCased(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return /^\p{Lu}/u.test(text);
  const major = words.filter((w, k) => k === 0 || !MINOR_WORDS.has(w.toLowerCase()));
  const capitalised = major.filter((w) => /^[\p{Lu}\d"“'‘(]/u.test(w));
  return capitalised.length / major.length >= 0.75;
}

/** The headline is a heading that comes before any body text and reads like one. */
function markTitle(units: Unit[]): void {
  for (const unit of units) {
    if (unit.kind === 'heading') {
      if (unit.markdownHeading || looksLikeHeadline(unit.text)) unit.kind = 'title';
      return;
    }
    if (unit.kind === 'paragraph' || unit.kind === 'list-item') return;
  }
}

/** Headlines have a few words; labels ("Claim"), shouted datelines and lines of contact details are not headlines. */
const MIN_HEADLINE_WORDS = 3;

function looksLikeHeadline(text: string): boolean {
  if (wordCount(text) < MIN_HEADLINE_WORDS) return false;
  if (/[|]|www\.|https?:|@\w/.test(text) || (text.match(/:/g) ?? []).length > 1) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length === 0 || letters.replace(/[^\p{Lu}]/gu, '').length / letters.length < 0.8;
}

function assemble(units: Unit[]): Extracted {
  const blocks: BodyBlock[] = [];
  const removed: Extracted['removed'] = [];
  const metadata: FoundMetadata = { ...NO_METADATA };
  for (const unit of units) {
    switch (unit.kind) {
      case 'title':
        metadata.title = unit.text;
        break;
      case 'byline':
        metadata.author ??= BYLINE.exec(unit.text)?.[1]?.trim() ?? null;
        removed.push({ kind: 'boilerplate', text: unit.text });
        break;
      case 'dateline':
        metadata.publishedAt ??= dateFromLine(unit.text);
        removed.push({ kind: 'boilerplate', text: unit.text });
        break;
      case 'paragraph':
      case 'heading':
      case 'list-item':
      case 'quote':
      case 'preformatted':
        blocks.push({ kind: unit.kind, text: unit.text });
        break;
      default:
        removed.push({ kind: unit.kind, text: unit.text });
        if (unit.kind === 'boilerplate') metadata.outlet ??= outletFromFooter(unit.text);
    }
  }
  // a trailing heading introduces nothing: it was a label left at the end of the page
  while (blocks.length && blocks[blocks.length - 1]!.kind === 'heading') {
    removed.push({ kind: 'boilerplate', text: blocks.pop()!.text });
  }
  return { blocks, removed, metadata };
}
