// Feeds: RSS, Atom and RDF through htmlparser2's feed reader, JSON Feed by its fields. Each item
// gives the article's address, title, date, and its content when the feed carries it.
import { parseFeed } from 'htmlparser2';

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

export function readFeed(body: string, base: string): FeedItem[] {
  const absolute = (link: string | undefined): string | null => {
    if (!link) return null;
    try {
      return new URL(link, base).href;
    } catch {
      return null;
    }
  };
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{')) {
    const json = JSON.parse(trimmed) as { items?: Array<{ url?: string; external_url?: string; title?: string; date_published?: string; content_html?: string; content_text?: string }> };
    return (json.items ?? [])
      .map((i) => ({ url: absolute(i.url ?? i.external_url), title: i.title ?? null, publishedAt: isoOf(i.date_published), content: i.content_html ?? i.content_text ?? null }))
      .filter((i): i is FeedItem => i.url !== null);
  }
  const feed = parseFeed(body, { xmlMode: true });
  if (!feed) throw new Error('not a feed');
  return feed.items
    .map((i) => ({ url: absolute(i.link), title: i.title ?? null, publishedAt: isoOf(i.pubDate), content: i.description ?? null }))
    .filter((i): i is FeedItem => i.url !== null);
}
