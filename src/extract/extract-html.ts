// HTML pages: parsed with htmlparser2, the article found by Readability-style scoring (our own
// port, several times faster than Readability on a DOM emulation), turned into typed blocks, the
// furniture inside it dropped, and everything else on the page reported by kind.
import type { Removed, RemovedKind } from '../model.ts';
import { authorFromByline, boilerplateKind, EMBED_ATTRIBUTION, outletFromFooter } from './classify-boilerplate.ts';
import type { BodyBlock, Extracted, FoundMetadata } from './extracted.ts';
import { dateFromLine, dateFromStamp } from './find-dates.ts';
import { collectBlocks, type TextBlock } from './html/collect-blocks.ts';
import { findElement } from './html/dom.ts';
import { findArticle } from './html/find-article.ts';
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

export function extractHtml(html: string): Extracted {
  const document = parsePage(html);
  const metadata = readHtmlMetadata(document);
  const body = findElement(document, (el) => el.name === 'body') ?? findElement(document, (el) => el.name === 'html');
  if (!body) return { blocks: [], removed: [], metadata, document };

  let best: { blocks: BodyBlock[]; removed: Removed[]; chars: number; page: PageStats } | null = null;
  for (const attempt of ATTEMPTS) {
    const page = computePageStats(body, attempt.stripUnlikely);
    const containers = findArticle(body, page, attempt);
    const candidate = { ...sortBlocks(collectBlocks(containers, { page, ...attempt }), metadata.title), page };
    if (!best || candidate.chars > best.chars) best = candidate;
    if (candidate.chars >= MIN_ARTICLE_CHARS) break;
  }
  const { blocks, removed, page } = best!;

  // everything else on the page, labelled by the furniture it sits in; the walk gives the same
  // text for the same nodes, so kept blocks are recognised by their exact text
  const kept = new Set(blocks.map((b) => b.text));
  const seen = new Set(removed.map((r) => r.text));
  const title = normalize(metadata.title ?? '');
  for (const block of collectBlocks([body], { page, cleanConditionally: false, weightClasses: false }, 'boilerplate')) {
    // the headline is the title, not removed text (length first: normalising every block is not cheap)
    const isTitle = Math.abs(block.text.length - (metadata.title?.length ?? -1)) <= 10 && normalize(block.text) === title;
    if (!kept.has(block.text) && !seen.has(block.text) && !isTitle) {
      removed.push({ kind: block.label ?? 'boilerplate', text: block.text });
    }
  }
  return { blocks, removed: mergeRuns(removed), metadata: { ...metadata, ...metadataFromText(blocks, removed, metadata) }, document };
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
function sortBlocks(candidate: TextBlock[], title: string | null): { blocks: BodyBlock[]; removed: Removed[]; chars: number } {
  const blocks: BodyBlock[] = [];
  const removed: Removed[] = [];
  const titleKey = title ? normalize(title) : null;
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
      block.text.length <= MAX_TEASER_TITLE && TEASER_HEADING.test(block.text) && !!next && (next.kind === 'list-item' || next.kind === 'heading');
    if (inTeaserList) {
      removed.push({ kind: 'navigation', text: block.text });
      return;
    }
    const kind = block.label ?? (block.text.length <= MAX_FURNITURE_CHARS ? furnitureKind(block.text) : null);
    if (kind) removed.push({ kind, text: block.text });
    else if (block.kind === 'heading' && blocks.length === 0 && titleKey !== null && normalize(block.text) === titleKey) return;
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

