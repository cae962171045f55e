// HTML pages: Readability (on linkedom) picks the article's container; our own pass turns it
// into typed blocks, drops the furniture left inside it, and reports by kind what was left out.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Removed, RemovedKind } from '../model.ts';
import { boilerplateKind, EMBED_ATTRIBUTION } from './classify-boilerplate.ts';
import type { BodyBlock, Extracted } from './extracted.ts';
import { blocksOf, type TextBlock } from './html-blocks.ts';
import { readHtmlMetadata } from './html-metadata.ts';

/** Readability's minimum article length before it retries with looser rules; news bodies are longer. */
const READABILITY_CHAR_THRESHOLD = 500;
/** Pages with more elements than this are cut short by Readability instead of scored whole. */
const MAX_ELEMS_TO_PARSE = 0;
/** Blocks longer than this are article prose even when a furniture rule would match them. */
const MAX_FURNITURE_CHARS = 700;

export function extractHtml(html: string): Extracted {
  const { document } = parseHTML(html);
  const metadata = readHtmlMetadata(document as unknown as Document);
  const body = (document as unknown as Document).body ?? (document as unknown as Document).documentElement;
  const pageBlocks = body ? blocksOf(body, 'boilerplate') : [];

  let container: Element | null = null;
  try {
    const reader = new Readability(document as unknown as Document, {
      charThreshold: READABILITY_CHAR_THRESHOLD,
      maxElemsToParse: MAX_ELEMS_TO_PARSE,
      keepClasses: true,
      serializer: (el: Node) => el,
    });
    const article = reader.parse();
    container = (article?.content as unknown as Element | undefined) ?? null;
  } catch {
    container = null; // a page that trips the parser falls back to the labelled page blocks below
  }

  const candidate: TextBlock[] = container
    ? blocksOf(container)
    : pageBlocks.filter((b) => b.label === 'boilerplate').map((b) => ({ ...b, label: null }));

  const blocks: BodyBlock[] = [];
  const removed: Removed[] = [];
  for (const block of candidate) {
    const kind = block.label ?? (block.text.length <= MAX_FURNITURE_CHARS ? furnitureKind(block.text) : null);
    if (kind) removed.push({ kind, text: block.text });
    else blocks.push({ kind: block.kind, text: block.text });
  }
  dropLeadingTitle(blocks, metadata.title, removed);

  const kept = new Set(blocks.map((b) => normalize(b.text)));
  const inArticle = new Set(removed.map((r) => normalize(r.text)));
  for (const block of pageBlocks) {
    const key = normalize(block.text);
    if (!kept.has(key) && !inArticle.has(key) && key !== normalize(metadata.title ?? '')) {
      removed.push({ kind: block.label ?? 'boilerplate', text: block.text });
    }
  }
  return { blocks, removed: mergeRuns(removed), metadata };
}

/** Furniture recognised by its text: the shared rules plus a social post's attribution line. */
function furnitureKind(text: string): RemovedKind | null {
  return EMBED_ATTRIBUTION.test(text) ? 'embed' : boilerplateKind(text);
}

/** Readability keeps the headline in the body when it sits inside the article; the title holds it. */
function dropLeadingTitle(blocks: BodyBlock[], title: string | null, removed: Removed[]): void {
  if (!title) return;
  const first = blocks[0];
  if (first && normalize(first.text) === normalize(title)) blocks.shift();
  void removed;
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
    else merged.push({ kind: piece.kind as RemovedKind, text: piece.text });
  }
  return merged;
}
