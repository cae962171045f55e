// Metadata of an HTML page: headline, outlet, author, publication date and address, from the
// places publishers put them (Open Graph, JSON-LD, meta tags, <time>), in order of reliability.
import type { FoundMetadata } from './extracted.ts';
import { outletFromFooter } from './classify-boilerplate.ts';
import { normalizeDateValue } from './find-dates.ts';
import { hostOf } from './host-of.ts';

/** Site names are short; a longer "name" is a slogan or a sentence. */
const MAX_OUTLET_CHARS = 80;
const MAX_AUTHOR_CHARS = 120;
/** Separators between a headline and the site name in <title>. */
const TITLE_SEPARATOR = /\s+[|\-–—:·•»]\s+/;

type Doc = Document;

export function readHtmlMetadata(document: Doc): FoundMetadata {
  const meta = collectMeta(document);
  const ld = collectJsonLd(document);
  const url = firstOf(
    meta.get('og:url'),
    document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    ld.url,
  );
  const title = firstOf(meta.get('og:title'), meta.get('twitter:title'), ld.headline, titleFromTitleTag(document), text(document.querySelector('h1')));
  const outlet = firstOf(
    meta.get('og:site_name'),
    ld.publisher,
    meta.get('application-name'),
    outletFromCopyright(document),
    hostOf(url),
  );
  const author = firstOf(
    ld.author,
    nonUrl(meta.get('author')),
    nonUrl(meta.get('article:author')),
    nonUrl(meta.get('byl')?.replace(/^by\s+/i, '')),
    nonUrl(meta.get('parsely-author')),
    text(document.querySelector('[rel="author"]')),
    text(document.querySelector('[itemprop="author"] [itemprop="name"], [itemprop="author"]')),
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
      document.querySelector('[itemprop="datePublished"]')?.getAttribute('content'),
      document.querySelector('time[datetime]')?.getAttribute('datetime'),
    ),
  );
  return {
    title: clip(title, 400),
    outlet: clip(outlet, MAX_OUTLET_CHARS),
    author: clip(author, MAX_AUTHOR_CHARS),
    publishedAt,
    url: url && /^https?:\/\//i.test(url) ? url : null,
  };
}

function collectMeta(document: Doc): Map<string, string> {
  const found = new Map<string, string>();
  for (const el of document.querySelectorAll('meta')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const value = el.getAttribute('content')?.trim();
    if (key && value && !found.has(key)) found.set(key, decodeEntities(value));
  }
  return found;
}

interface LdFields {
  headline?: string;
  publisher?: string;
  author?: string;
  datePublished?: string;
  url?: string;
}

const ARTICLE_TYPES = /(Article|Posting|Report|BlogPosting|WebPage)$/;

function collectJsonLd(document: Doc): LdFields {
  const fields: LdFields = {};
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const node of flattenLd(data)) {
      const type = [node['@type']].flat().join(' ');
      if (!ARTICLE_TYPES.test(type)) continue;
      fields.headline ??= str(node.headline);
      fields.publisher ??= nameOf(node.publisher);
      fields.author ??= namesOf(node.author);
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

function titleFromTitleTag(document: Doc): string | null {
  const raw = text(document.querySelector('title'));
  if (!raw) return null;
  const parts = raw.split(TITLE_SEPARATOR);
  // keep the longest part: the site name is the short one at either end
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '');
}

function outletFromCopyright(document: Doc): string | null {
  const footer = document.querySelector('footer');
  const candidates = footer ? [footer] : [];
  for (const el of candidates) {
    for (const line of (el.textContent ?? '').split(/\n/)) {
      if (/©|copyright/i.test(line)) {
        const name = outletFromFooter(line);
        if (name) return name;
      }
    }
  }
  return null;
}


function nonUrl(value: string | null | undefined): string | null {
  return value && !/^https?:\/\//i.test(value) ? value : null;
}

function text(el: Element | null): string | null {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
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
