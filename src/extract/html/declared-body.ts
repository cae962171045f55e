// Text a page declares as its content outside its visible body: the JSON-LD `articleBody` (or the
// `text` of a posting), and the meta description; fallbacks for pages whose text scripts build.
import type { Document } from 'domhandler';
import { walkElements, type Element } from './dom.ts';

/** JSON-LD blocks longer than this are not parsed: a fallback must stay cheap. */
const MAX_JSON_LD_CHARS = 2_000_000;
const BODY_KEYS = ['articleBody', 'reviewBody'];
/** Types whose `text` is the page's content (a forum question, a posting). */
const TEXT_TYPES = /^(DiscussionForumPosting|SocialMediaPosting|Question|Answer|Comment|BlogPosting|NewsArticle|Article|Report)$/;

/** The longest body text of the page's JSON-LD, or null. */
export function jsonLdBody(document: Document): string | null {
  let best: string | null = null;
  walkElements(document, (el: Element) => {
    if (el.name !== 'script' || !/ld\+json/i.test(el.attribs.type ?? '')) return true;
    const raw = el.children.map((c) => ('data' in c ? String(c.data) : '')).join('');
    if (raw.length > MAX_JSON_LD_CHARS) return false;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return false;
    }
    for (const text of bodiesIn(data)) if (!best || text.length > best.length) best = text;
    return false;
  });
  return best;
}

function bodiesIn(data: unknown, depth = 0): string[] {
  if (depth > 8 || data === null || typeof data !== 'object') return [];
  if (Array.isArray(data)) return data.flatMap((d) => bodiesIn(d, depth + 1));
  const record = data as Record<string, unknown>;
  const found: string[] = [];
  for (const key of BODY_KEYS) if (typeof record[key] === 'string') found.push(record[key]);
  const type = Array.isArray(record['@type']) ? record['@type'][0] : record['@type'];
  if (typeof type === 'string' && TEXT_TYPES.test(type) && typeof record.text === 'string') found.push(record.text);
  for (const [key, value] of Object.entries(record)) if (key !== 'text' && !BODY_KEYS.includes(key)) found.push(...bodiesIn(value, depth + 1));
  return found;
}

const DESCRIPTION_NAMES = new Set(['description', 'og:description', 'twitter:description']);

/**
 * The longest description in the page's meta tags, or null: the last text to give before
 * refusing, for pages whose body is drawn by scripts (a forum thread's first post starts there).
 */
export function metaDescription(document: Document): string | null {
  let best: string | null = null;
  walkElements(document, (el: Element) => {
    if (el.name === 'body') return false;
    if (el.name !== 'meta') return true;
    const name = (el.attribs.name ?? el.attribs.property ?? '').toLowerCase();
    const content = el.attribs.content?.trim();
    if (DESCRIPTION_NAMES.has(name) && content && (!best || content.length > best.length)) best = content;
    return true;
  });
  return best;
}
