// The extract stage: one RawDocument to one Article. Picks the extractor for the format, lays
// the body blocks out as one canonical text, and settles metadata (the input's own fields
// first, then what the page says, then the address's host for the outlet).
import { createHash } from 'node:crypto';
import { InputError } from '../errors.ts';
import type { RawDocument } from '../ingest/raw-document.ts';
import type { Article, Block, PageType, PageTypeName } from '../model.ts';
import { extractDocument, extractHtml } from './extract-html.ts';
import { NestingTooDeepError, TooManyElementsError } from './html/parse-page.ts';
import { extractText } from './extract-text.ts';
import type { Extracted } from './extracted.ts';
import { hostOf } from './host-of.ts';
import { normalizeDateValue } from './find-dates.ts';
import { htmlPageType, TEXT_PAGE_TYPE } from './page-type.ts';
import { cleanAuthor } from './settle-metadata.ts';

/** Blank line between blocks, as in the plain text a reader would copy. */
const BLOCK_SEPARATOR = '\n\n';

export function extractArticle(raw: RawDocument): Article {
  let extracted: Extracted;
  try {
    extracted = raw.format === 'html' ? extractHtml(raw.content) : extractText(raw.content, raw.format);
  } catch (error) {
    if (error instanceof NestingTooDeepError || error instanceof TooManyElementsError) throw new InputError(raw.source, error.message);
    throw error;
  }
  if (extracted.blocks.length === 0) {
    throw new InputError(raw.source, 'no article text found (everything on the page looked like navigation or boilerplate)');
  }
  const found = extracted.metadata;
  const url = raw.hints.url ?? found.url;
  const outlet = raw.hints.outlet ?? found.outlet ?? hostOf(url);
  // the type is read from the article reading of the page; a listing is then read again as its
  // items (the metadata stays the first reading's: the page's own, not an item's byline)
  const pageType = extracted.document ? htmlPageType(extracted.document, url, extracted.blocks, found) : TEXT_PAGE_TYPE;
  if (extracted.document && readsAsItems(pageType)) {
    const items = extractDocument(extracted.document, 'items');
    if (items.blocks.length > 0) extracted = items;
  }
  const blocks: Block[] = [];
  let text = '';
  for (const block of extracted.blocks) {
    if (text) text += BLOCK_SEPARATOR;
    blocks.push({ kind: block.kind, start: text.length, end: text.length + block.text.length });
    text += block.text;
  }
  // a shop's, a service's or a list's page is not published by anyone on a day: the dates and
  // names its metadata carries are the site's (a template's author, the last rebuild)
  const undated = UNDATED_TYPES.has(pageType.type) && pageType.confidence >= UNDATED_CONFIDENCE;
  return {
    id: articleId(text),
    source: raw.source,
    outlet,
    title: raw.hints.title ?? found.title,
    author: raw.hints.author ?? (undated ? null : cleanAuthor(found.author, outlet, url)),
    publishedAt: normalizeDateValue(raw.hints.publishedAt) ?? raw.hints.publishedAt ?? (undated ? null : found.publishedAt),
    text,
    removed: extracted.removed,
    url,
    format: raw.format,
    encoding: raw.encoding,
    blocks,
    sentences: [],
    pageType,
  };
}

/**
 * Page types whose main content is a run of items or sections (WCXB's ground truth: a listing's
 * titles and snippets, a shop's tiles, a service page's sections), not one body of prose.
 */
const ITEM_TYPES: ReadonlySet<PageTypeName> = new Set(['listing', 'collection', 'service', 'product']);
/**
 * Reading a page as its items changes its text the most, so the type must be surer than for
 * merely marking it: a news story taken for a shop at .74 lost its body to the related products
 * beside it (Zyte), while on WCXB's tuning part listings and collections lose under .01 by it.
 */
const ITEM_CONFIDENCE = 0.8;

/** Whether a page of this type is read as its run of items or sections rather than as one article. */
export function readsAsItems(pageType: PageType): boolean {
  return ITEM_TYPES.has(pageType.type) && pageType.confidence >= ITEM_CONFIDENCE;
}

/** Page types that have no author or publication date of their own (WCXB dev: 2-6% of them show one). */
const UNDATED_TYPES: ReadonlySet<PageTypeName> = new Set(['product', 'service', 'collection', 'listing', 'documentation']);
/** Below this the page may be an article misread, and keeps what it says. */
const UNDATED_CONFIDENCE = 0.5;

/** Content-derived, so that the same article gets the same id in every run and every store. */
export function articleId(text: string): string {
  return `a${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

