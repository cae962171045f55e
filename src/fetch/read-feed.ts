// Feeds: RSS, Atom and RDF through htmlparser2's feed reader, JSON Feed by its fields. Each item
// gives the article's address, title, date, and its content when the feed carries it.
import { parseFeed } from 'htmlparser2';
import type { ArticleInput } from '../pipeline.ts';

export interface FeedItem {
  url: string;
  title: string | null;
  publishedAt: string | null;
  /** The article's HTML or text as the feed carries it (often a summary only). */
  content: string | null;
}


/** Whether a response is a feed rather than a page: by content type, else by its first element. */
export function looksLikeFeed(contentType: string, body: string): boolean {
  if (/(rss|atom|feed\+json|rdf)/i.test(contentType)) return true;
  const head = body.slice(0, 512).trimStart();
  if (/^<\?xml|^<(rss|feed|rdf:RDF)\b/i.test(head)) return /<(rss|feed|rdf:RDF)\b/i.test(body.slice(0, 2048));
  return /application\/json/i.test(contentType) && /"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(body.slice(0, 512));
}

function isoOf(value: unknown): string | null {
  if (!value) return null;
  const d = new Date(value as string);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The items of a feed, links made absolute against `base`. Throws when the body is not a feed;
 * an item whose link is not a URL is left out and named to `onBadLink`.
 */
export function readFeed(body: string, base: string, onBadLink?: (link: string) => void): FeedItem[] {
  const absolute = (link: string | null): string | null => {
    if (!link) return null;
    try {
      return new URL(link.trim(), base).href;
    } catch {
      onBadLink?.(link);
      return null;
    }
  };
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) {
    const json = JSON.parse(trimmed) as { items?: unknown };
    if (!Array.isArray(json.items)) throw new Error('a JSON Feed needs an "items" list');
    return (json.items as Array<Record<string, unknown> | null>)
      .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
      .map((i) => ({ url: absolute(text(i.url) ?? text(i.external_url)), title: text(i.title), publishedAt: isoOf(text(i.date_published)), content: text(i.content_html) ?? text(i.content_text) }))
      .filter((i): i is FeedItem => i.url !== null);
  }
  const feed = parseFeed(body, { xmlMode: true });
  if (!feed) throw new Error('not a feed');
  return feed.items
    .map((i) => ({ url: absolute(i.link ?? null), title: i.title ?? null, publishedAt: isoOf(i.pubDate), content: i.description ?? null }))
    .filter((i): i is FeedItem => i.url !== null);
}

/** A feed item whose content holds this much text is taken as the article; otherwise its page is fetched. */
const FULL_CONTENT_CHARS = 1500;

/** The item as an article when the feed carries it whole, else null (its page is to be fetched). */
export function wholeItemInput(item: FeedItem): ArticleInput | null {
  const text = (item.content ?? '').replace(/<[^<>]*>/g, ' ');
  if (text.replace(/\s+/g, ' ').length < FULL_CONTENT_CHARS) return null;
  const input: ArticleInput = { html: `<html><body><article><h1>${escapeText(item.title ?? '')}</h1>${item.content}</article></body></html>`, url: item.url, source: item.url };
  if (item.publishedAt) input.publishedAt = item.publishedAt;
  return input;
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
