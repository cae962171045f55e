// HTML pages: parsed with htmlparser2, the article found by Readability-style scoring (our own
// port, several times faster than Readability on a DOM emulation), turned into typed blocks, the
// furniture inside it dropped, and everything else on the page reported by kind.
import type { Removed, RemovedKind } from '../model.ts';
import { authorFromByline, boilerplateKind, EMBED_ATTRIBUTION, outletFromFooter, wordCount } from './classify-boilerplate.ts';
import type { BodyBlock, Extracted, FoundMetadata } from './extracted.ts';
import { dateFromLine, dateFromStamp } from './find-dates.ts';
import { collectBlocks, type TextBlock } from './html/collect-blocks.ts';
import type { Document } from 'domhandler';
import { findElement, walkElements, type Element } from './html/dom.ts';
import { findItemRuns } from './html/find-items.ts';
import { findArticle } from './html/find-article.ts';
import { jsonLdBody, metaDescription } from './html/declared-body.ts';
import { computePageStats, type PageStats } from './html/page-stats.ts';
import { parsePage } from './html/parse-page.ts';
import { readHtmlMetadata } from './html/read-metadata.ts';

/** An article shorter than this is retried with looser rules, as Readability does. */
const MIN_ARTICLE_CHARS = 500;
/** Blocks longer than this are article prose even when a furniture rule would match them. */
const MAX_FURNITURE_CHARS = 700;

/** Headings over lists of other stories ("More Great Stories", "Related articles", "You may also like"). */
const TEASER_HEADING =
  /^(more|related|recommended|popular|trending|top|latest|most (read|popular|viewed|shared)|also on|don['’]t miss|you (may|might) (also )?like|further reading|read (more|next)|editor['’]?s picks|what to read next)\b[^.!?]{0,60}$/i;
const MAX_TEASER_TITLE = 120;

/** Successively looser passes: unlikely-looking parts kept, class names ignored, no content checks. */
const ATTEMPTS = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
] as const;

/**
 * What a page's main content is made of: an article's prose, or a listing's or collection's
 * repeated items (their titles and snippets whole, the filters and menus around them out).
 */
export type PageShape = 'article' | 'items';

export function extractHtml(html: string): Extracted {
  return extractDocument(parsePage(html), 'article');
}

/** Extraction of a parsed page, read as the shape given (the page type tells which). */
export function extractDocument(document: Document, shape: PageShape): Extracted {
  const metadata = readHtmlMetadata(document);
  const body = findElement(document, (el) => el.name === 'body') ?? findElement(document, (el) => el.name === 'html');
  if (!body) return { blocks: [], removed: [], metadata, document };

  // never refuse a page a person would read: when scoring finds too little, fall back step by step
  let best = scoringPasses(body, metadata.title, false);
  if (best.chars < MIN_ARTICLE_CHARS) {
    const declared = jsonLdBody(document);
    if (declared && declared.length > best.chars) {
      const blocks = blocksOfText(declared);
      const chars = blocks.reduce((n, b) => n + b.text.length, 0);
      if (chars > best.chars) best = { blocks, removed: [], chars, page: best.page };
    }
  }
  if (best.chars < MIN_ARTICLE_CHARS) {
    const revealed = scoringPasses(body, metadata.title, true);
    if (revealed.chars > best.chars * REVEAL_GAIN) best = revealed;
  }
  if (best.blocks.length === 0) {
    const page = computePageStats(body, false, true);
    const prose = sortBlocks(proseBlocks(collectBlocks([body], { page, cleanConditionally: false, weightClasses: false, reveal: true })), metadata.title);
    if (prose.chars > 0) best = { ...prose, page };
  }
  if (best.blocks.length === 0) {
    const description = metaDescription(document);
    if (description && readsAsProse(description)) best = { ...best, blocks: blocksOfText(description), chars: description.length };
  }
  if (shape === 'items') best = withItems(body, best, metadata.title);
  const { blocks, removed, page } = best;

  // everything else on the page, labelled by the furniture it sits in; the walk gives the same
  // text for the same nodes, so kept blocks are recognised by their exact text
  const kept = new Set(blocks.map((b) => b.text));
  const seen = new Set(removed.map((r) => r.text));
  const headlines = headlineKeys(metadata.title);
  for (const block of collectBlocks([body], { page, cleanConditionally: false, weightClasses: false }, 'boilerplate')) {
    // the headline is the title, not removed text (length first: normalising every block is not cheap)
    const isTitle = block.text.length <= (metadata.title?.length ?? -1) + 10 && headlines.has(normalize(block.text));
    if (!kept.has(block.text) && !seen.has(block.text) && !isTitle) {
      removed.push({ kind: block.label ?? 'boilerplate', text: block.text });
    }
  }
  return { blocks, removed: mergeRuns(removed), metadata: { ...metadata, ...metadataFromText(blocks, removed, metadata) }, document };
}

/** Revealed hidden text replaces what scoring found only when it holds this many times more. */
const REVEAL_GAIN = 2;

interface Candidate {
  blocks: BodyBlock[];
  removed: Removed[];
  chars: number;
  page: PageStats;
  /** The elements scoring collected the blocks from, and whether hidden text counted (absent for the fallbacks that read no subtree). */
  roots?: Element[];
  reveal?: boolean;
}

/** The run of items is read beside scored text at least twice its size. */
const MIN_RUN_SHARE = 0.5;

/**
 * A listing's main content is its run of items: the largest run of same-shaped linked siblings,
 * collected whole (a title link inside an item is its content, not a link list to clean out),
 * beside what scoring found (an intro above the list), in page order.
 */
function withItems(body: Element, scored: Candidate, title: string | null): Candidate {
  // text declared by the page or gathered from all over it has no place among subtrees to join the items to
  if (!scored.roots) return scored;
  const reveal = scored.reveal ?? false;
  const page = computePageStats(body, false, reveal);
  let best = null;
  for (const run of findItemRuns(body, page)) if (!best || run.chars > best.chars) best = run;
  // a run much smaller than the text scoring found is a box beside the content (related products, a team's faces)
  if (!best || best.chars < scored.chars * MIN_RUN_SHARE) return scored;
  const roots = inPageOrder(body, [...scored.roots, ...best.items]);
  // the list is the content here: no cleaning of link-heavy parts, no "Top rated" heading taking its items away
  // each root walked on its own: a wrapper that holds most of the scored text is not furniture,
  // however much the items add beside it
  const options = { page, cleanConditionally: false, weightClasses: false, reveal };
  const items = sortBlocks(roots.flatMap((root) => collectBlocks([root], options)), title, true);
  return { ...items, page, roots, reveal };
}

/** The elements in page order, those inside another of them left out (its text comes with it). */
function inPageOrder(body: Element, elements: readonly Element[]): Element[] {
  const wanted = new Set(elements);
  const ordered: Element[] = [];
  walkElements(body, (el) => {
    if (!wanted.has(el)) return true;
    ordered.push(el);
    return false;
  });
  return ordered;
}

/** The scoring passes, strictest first, until one finds an article of a reasonable length. */
function scoringPasses(body: Element, title: string | null, reveal: boolean): Candidate {
  let best: Candidate | null = null;
  for (const attempt of ATTEMPTS) {
    const page = computePageStats(body, attempt.stripUnlikely, reveal);
    const containers = findArticle(body, page, attempt);
    const candidate = { ...sortBlocks(collectBlocks(containers, { page, ...attempt, reveal }), title), page, roots: containers, reveal };
    if (!best || candidate.chars > best.chars) best = candidate;
    if (candidate.chars >= MIN_ARTICLE_CHARS) break;
  }
  return best!;
}

/** A sentence's worth of words, ended by sentence punctuation: what prose is made of. */
const MIN_PROSE_WORDS = 10;
const SENTENCE_END = /[.!?…]["'”’)\]]*(\s|$)/;

function readsAsProse(text: string): boolean {
  return SENTENCE_END.test(text) && wordCount(text) >= MIN_PROSE_WORDS;
}

/**
 * The last step before refusing: every block of the page that reads as prose, whatever furniture
 * it sits in (table cells, text between `<br>`s and `<font>` runs are blocks of their own), with
 * the headings right above such blocks.
 */
function proseBlocks(all: TextBlock[]): TextBlock[] {
  const kept: TextBlock[] = [];
  all.forEach((block, i) => {
    const next = all[i + 1];
    if (block.label === 'navigation' && !readsAsProse(block.text)) return;
    if (readsAsProse(block.text) || (block.kind === 'heading' && next !== undefined && readsAsProse(next.text))) {
      kept.push({ ...block, label: null });
    }
  });
  return kept;
}

/** Plain text (or HTML) declared by the page as its body, as paragraphs. */
function blocksOfText(text: string): BodyBlock[] {
  // (the tag's name is enough to tell HTML: no scan to its '>', which a run of unclosed tags made quadratic)
  const plain = /<\/?(?:p|br|div|h\d|li)\b/i.test(text) ? textOfHtml(text) : text;
  return plain
    .split(/\n\s*\n|\r?\n/)
    .map((line) => line.replace(/[\s\u00a0\u200b]+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => ({ kind: 'paragraph' as const, text: line }));
}

/** The text of a fragment of HTML, one line per block. */
function textOfHtml(fragment: string): string {
  const root = findElement(parsePage(`<body>${fragment}</body>`), (el) => el.name === 'body');
  if (!root) return '';
  const page = computePageStats(root, false);
  return collectBlocks([root], { page, cleanConditionally: false, weightClasses: false })
    .map((b) => b.text)
    .join('\n');
}

/** Blocks near the top of a page where a byline or a publishing stamp may stand. */
const HEADER_BLOCKS = 12;

/** A page without date or author metadata often prints them: a stamp or a byline line near the article's top. */
function metadataFromText(blocks: BodyBlock[], removed: Removed[], found: FoundMetadata): Partial<FoundMetadata> {
  const extra: Partial<FoundMetadata> = {};
  const near = [...removed.slice(0, HEADER_BLOCKS).flatMap((r) => r.text.split('\n')), ...blocks.slice(0, HEADER_BLOCKS).map((b) => b.text)];
  if (!found.publishedAt) {
    let updated: string | null = null;
    for (const line of near) {
      const dateline = dateFromLine(line);
      const stamp = dateFromStamp(line) ?? (dateline ? { date: dateline, updated: false } : null);
      if (stamp && !stamp.updated) {
        extra.publishedAt = stamp.date;
        break;
      }
      if (stamp) updated ??= stamp.date;
    }
    extra.publishedAt ??= updated;
  }
  if (!found.outlet) {
    for (const piece of removed) {
      const outlet = piece.kind === 'boilerplate' ? piece.text.split('\n').map(outletFromFooter).find((o) => o !== null) : null;
      if (outlet) {
        extra.outlet = outlet;
        break;
      }
    }
  }
  if (!found.author) {
    for (const line of near) {
      const author = authorFromByline(line);
      if (author) {
        extra.author = author;
        break;
      }
    }
  }
  return extra;
}

/** Splits the article's blocks into body and removed furniture; the headline goes (it is the title). */
function sortBlocks(candidate: TextBlock[], title: string | null, listIsContent = false): { blocks: BodyBlock[]; removed: Removed[]; chars: number } {
  const blocks: BodyBlock[] = [];
  const removed: Removed[] = [];
  const headlines = headlineKeys(title);
  let chars = 0;
  let inTeaserList = false;
  candidate.forEach((block, i) => {
    // a "More stories" heading over a list takes the list of links under it along
    if (inTeaserList && (block.kind === 'list-item' || (block.kind === 'heading' && block.text.length <= MAX_TEASER_TITLE))) {
      removed.push({ kind: 'navigation', text: block.text });
      return;
    }
    const next = candidate[i + 1];
    inTeaserList =
      !listIsContent &&
      block.text.length <= MAX_TEASER_TITLE && TEASER_HEADING.test(block.text) && !!next && (next.kind === 'list-item' || next.kind === 'heading');
    if (inTeaserList) {
      removed.push({ kind: 'navigation', text: block.text });
      return;
    }
    const kind = block.label ?? (block.text.length <= MAX_FURNITURE_CHARS ? furnitureKind(block.text) : null);
    if (kind) removed.push({ kind, text: block.text });
    else if (blocks.length === 0 && block.text.length <= (title?.length ?? -1) + 10 && headlines.has(normalize(block.text))) return;
    else {
      blocks.push({ kind: block.kind, text: block.text });
      chars += block.text.length;
    }
  });
  // a heading with nothing after it introduces nothing
  while (blocks.length && blocks[blocks.length - 1]!.kind === 'heading') {
    const heading = blocks.pop()!;
    chars -= heading.text.length;
    removed.push({ kind: 'boilerplate', text: heading.text });
  }
  return { blocks, removed, chars };
}

/** Furniture recognised by its text: the shared rules plus a social post's attribution line. */
function furnitureKind(text: string): RemovedKind | null {
  return EMBED_ATTRIBUTION.test(text) ? 'embed' : boilerplateKind(text);
}

/** A title's own parts between site-name separators, of this many words or more, are headlines too. */
const MIN_HEADLINE_WORDS = 3;
/** Between a title's parts, once its white space is collapsed to single spaces (a run of spaces read from every start was quadratic). */
const TITLE_SEPARATOR = / [|–—-] |: | [»›] /;

/**
 * The forms of the page's headline as the page may print it over the article: the whole title,
 * or one side of it without the site's name ("Harbor Town Gazette - Ferry service to resume").
 */
function headlineKeys(title: string | null): Set<string> {
  const keys = new Set<string>();
  if (!title) return keys;
  keys.add(normalize(title));
  for (const part of title.replace(/\s+/g, ' ').split(TITLE_SEPARATOR)) if (wordCount(part) >= MIN_HEADLINE_WORDS) keys.add(normalize(part));
  return keys;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Neighbouring removed pieces of one kind become one entry, lines kept apart. */
function mergeRuns(removed: Removed[]): Removed[] {
  const merged: Removed[] = [];
  for (const piece of removed) {
    const last = merged[merged.length - 1];
    if (last && last.kind === piece.kind) last.text += `\n${piece.text}`;
    else merged.push({ kind: piece.kind, text: piece.text });
  }
  return merged;
}

