// Metadata of an HTML page: headline, outlet, author, publication date and address, from the
// places publishers put them (Open Graph, JSON-LD, meta tags, <time>), in order of reliability.
import { outletFromFooter } from '../classify-boilerplate.ts';
import type { FoundMetadata } from '../extracted.ts';
import { normalizeDateValue } from '../find-dates.ts';
import { hostOf } from '../host-of.ts';
import { isSiteName, siteNames } from '../settle-metadata.ts';
import { trimTail } from '../../text/tail-runs.ts';
import { attr, textOf, walkElements, type AnyNode, type Element } from './dom.ts';

/** Site names are short; a longer "name" is a slogan or a sentence. */
const MAX_OUTLET_CHARS = 80;
const MAX_AUTHOR_CHARS = 120;
/**
 * Separators between a headline and the site name in <title>. The look-behind lets a match start
 * only where a run of white space starts: without it, each position of a long run of spaces that
 * no separator follows scans the rest of the run again.
 */
const TITLE_SEPARATOR = /(?<!\s)\s+[|\-–—:·•»]\s+/;

/** Level-one headings looked at for the headline: a page's own is among its first few. */
const MAX_H1S = 5;
/** A headline longer than this is a paragraph set in a heading. */
const MAX_HEADLINE_CHARS = 300;

/** The elements metadata is read from, found in one pass over the page. */
interface Sources {
  meta: Map<string, string>;
  jsonLd: string[];
  title: string | null;
  /** The first few level-one headings' texts, in page order. */
  h1s: string[];
  canonical: string | null;
  time: string | null;
  itemDate: string | null;
  relAuthor: string | null;
  itemAuthor: string | null;
  footer: Element | null;
}

function collectSources(root: AnyNode): Sources {
  const found: Sources = { meta: new Map(), jsonLd: [], title: null, h1s: [], canonical: null, time: null, itemDate: null, relAuthor: null, itemAuthor: null, footer: null };
  walkElements(root, (el) => {
    switch (el.name) {
      case 'meta': {
        const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? '').trim().toLowerCase();
        const value = attr(el, 'content')?.trim();
        if (key && value && !found.meta.has(key)) found.meta.set(key, decodeEntities(value));
        if (attr(el, 'itemprop') === 'datePublished' && value) found.itemDate ??= value;
        return false;
      }
      case 'script':
        if ((attr(el, 'type') ?? '').toLowerCase() === 'application/ld+json') found.jsonLd.push(rawText(el));
        return false;
      case 'title':
        found.title ??= rawText(el).replace(/\s+/g, ' ').trim() || null;
        return false;
      case 'h1':
        if (found.h1s.length < MAX_H1S) {
          const text = textOf(el);
          if (text) found.h1s.push(text);
        }
        break;
      case 'link':
        if ((attr(el, 'rel') ?? '').toLowerCase() === 'canonical') found.canonical ??= attr(el, 'href');
        return false;
      case 'time':
        found.time ??= attr(el, 'datetime');
        break;
      case 'footer':
        found.footer ??= el;
        break;
    }
    if (attr(el, 'rel') === 'author') found.relAuthor ??= textOf(el) || null;
    const itemprop = attr(el, 'itemprop');
    if (itemprop === 'datePublished') found.itemDate ??= attr(el, 'content') ?? attr(el, 'datetime');
    if (itemprop === 'author') found.itemAuthor ??= textOf(el) || null;
    return true;
  });
  return found;
}

function rawText(el: Element): string {
  return el.children.map((c) => ('data' in c ? String(c.data) : '')).join('');
}

export function readHtmlMetadata(root: AnyNode): FoundMetadata {
  const sources = collectSources(root);
  const meta = sources.meta;
  const ld = collectJsonLd(sources.jsonLd);
  const url = firstOf(meta.get('og:url'), sources.canonical, ld.url);
  const declaredTitle = firstOf(meta.get('og:title'), meta.get('twitter:title'), ld.headline, titleFromTitleTag(sources.title));
  const outlet = firstOf(
    meta.get('og:site_name'),
    ld.publisher,
    meta.get('application-name'),
    sources.footer ? outletFromCopyright(textOf(sources.footer)) : null,
    hostOf(url),
  );
  const author = firstOf(
    ld.author,
    nonUrl(meta.get('author')),
    nonUrl(meta.get('article:author')),
    nonUrl(meta.get('byl')?.replace(/^by\s+/i, '')),
    nonUrl(meta.get('parsely-author')),
    sources.relAuthor,
    sources.itemAuthor,
  );
  const publishedAt = normalizeDateValue(
    firstOf(
      meta.get('article:published_time'),
      ld.datePublished,
      meta.get('datepublished'),
      meta.get('publishdate'),
      meta.get('pubdate'),
      meta.get('date'),
      meta.get('dc.date'),
      meta.get('dc.date.issued'),
      meta.get('sailthru.date'),
      sources.itemDate,
      sources.time,
    ),
  );
  const outletName = outlet && /^https?:\/\//i.test(outlet) ? hostOf(outlet) : outlet;
  const title = headlineOf(sources.h1s, [declaredTitle, sources.title], outletName, url) ?? withoutSiteSuffix(declaredTitle, outletName, url);
  return {
    title: clip(title, 400),
    outlet: clip(outletName, MAX_OUTLET_CHARS),
    author: clip(author?.replace(/^by\s+/i, '') ?? null, MAX_AUTHOR_CHARS),
    publishedAt,
    url: url && /^https?:\/\//i.test(url) ? url : null,
  };
}

interface LdFields {
  headline?: string;
  publisher?: string;
  author?: string;
  datePublished?: string;
  url?: string;
}

const ARTICLE_TYPES = /(Article|Posting|Report|BlogPosting|WebPage)$/;

function collectJsonLd(scripts: string[]): LdFields {
  const fields: LdFields = {};
  const nodes: Array<Record<string, unknown>> = [];
  for (const script of scripts) {
    try {
      nodes.push(...flattenLd(JSON.parse(script)));
    } catch {
      continue;
    }
  }
  // a graph names its author once, as a Person node, and points at it: {"author": {"@id": "…#person"}}
  const byId = new Map<string, Record<string, unknown>>();
  for (const node of nodes) if (typeof node['@id'] === 'string' && !byId.has(node['@id'])) byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object' && !('name' in value) && typeof (value as Record<string, unknown>)['@id'] === 'string') {
      return byId.get((value as Record<string, string>)['@id']!) ?? value;
    }
    return value;
  };
  {
    for (const node of nodes) {
      const type = [node['@type']].flat().join(' ');
      if (!ARTICLE_TYPES.test(type)) continue;
      fields.headline ??= str(node.headline);
      fields.publisher ??= nameOf(resolve(node.publisher));
      fields.author ??= namesOf(resolve(node.author));
      fields.datePublished ??= str(node.datePublished);
      fields.url ??= str(node.url);
    }
  }
  return fields;
}

function flattenLd(data: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(data)) return data.flatMap(flattenLd);
  if (typeof data !== 'object' || data === null) return [];
  const node = data as Record<string, unknown>;
  return [node, ...(Array.isArray(node['@graph']) ? flattenLd(node['@graph']) : [])];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? decodeEntities(value.trim()) : undefined;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return str(value);
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return str((value as Record<string, unknown>).name);
  return undefined;
}

function namesOf(value: unknown): string | undefined {
  const list = (Array.isArray(value) ? value : [value]).map(nameOf).filter((n): n is string => !!n && !/^https?:/.test(n));
  return list.length ? [...new Set(list)].join(', ') : undefined;
}

/**
 * The page's visible headline: the level-one heading that shares most words with the title the
 * page declares (the first on a tie), unless it is the site's name (a logo set in an <h1>). The
 * declared titles (Open Graph, <title>) are written for search results and shares, often longer
 * or reworded ("Title | Site", "Best X in 2025 - Top 10 Picks"), so they come second.
 */
function headlineOf(h1s: readonly string[], declared: ReadonlyArray<string | null>, outlet: string | null, url: string | null): string | null {
  const names = siteNames(outlet, url);
  const declaredWords = new Set(declared.flatMap((t) => (t ? wordKey(t).split(' ') : [])));
  let best: string | null = null;
  // with a declared title, a heading that shares none of its words is a section's or a widget's
  let bestShared = declaredWords.size ? 0 : -1;
  for (const raw of h1s) {
    // a heading's anchor link ("Quickstart¶") is no part of it
    const h1 = trimTail(raw.replace(/\s+/g, ' '), /[\s¶§#🔗]/u).trim();
    const key = wordKey(h1);
    if (!key || h1.length > MAX_HEADLINE_CHARS || isSiteName(h1, names)) continue;
    const words = key.split(' ');
    const shared = declaredWords.size ? words.filter((w) => declaredWords.has(w)).length / words.length : 0;
    if (shared > bestShared) {
      best = h1;
      bestShared = shared;
    }
  }
  return best;
}

function wordKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function titleFromTitleTag(raw: string | null): string | null {
  if (!raw) return null;
  const parts = raw.split(TITLE_SEPARATOR);
  // keep the longest part: the site name is the short one at either end
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/**
 * "Headline - Site Name" or "Site Name | Headline": the site's name goes when it is the outlet's or
 * the address's (its host without "www." and the suffix, letters and digits only).
 */
function withoutSiteSuffix(title: string | null, outlet: string | null, url: string | null): string | null {
  if (!title) return title;
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const names = siteNames(outlet, url);
  if (isSiteName(parts[parts.length - 1]!, names)) return parts.slice(0, -1).join(' - ');
  if (isSiteName(parts[0]!, names)) return parts.slice(1).join(' - ');
  return title;
}

function outletFromCopyright(footerText: string): string | null {
  const line = /(?:©|\(c\)|copyright)[^|]{0,80}/i.exec(footerText)?.[0];
  return line ? outletFromFooter(line) : null;
}

function nonUrl(value: string | null | undefined): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

function firstOf(...values: Array<string | null | undefined>): string | null {
  for (const v of values) {
    const t = v?.replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return null;
}

function clip(value: string | null, max: number): string | null {
  return value && value.length <= max ? value : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Meta values are sometimes entity-encoded twice; one more pass of the common ones. */
function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name] ?? _);
}
