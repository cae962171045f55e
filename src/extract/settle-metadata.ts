// Rules that keep a page's metadata right or null: an author is people (not "Staff", not the site,
// not a user id or a forum's badge counts), a title's site name is the outlet's or the host's.
// Applied to what extraction found, never to what the input itself said.
import { hostOf } from './host-of.ts';

/** Words that name a role or a desk rather than a person: a name made of nothing else is no author. */
const GENERIC_AUTHOR = new Set([
  'staff', 'writer', 'writers', 'editor', 'editors', 'editorial', 'team', 'admin', 'administrator', 'webmaster', 'contributor', 'contributors',
  'guest', 'news', 'desk', 'newsroom', 'reporter', 'reporters', 'the', 'wire', 'wires', 'services', 'service', 'press', 'agency', 'anonymous', 'unknown',
  'undefined', 'null', 'none', 'author', 'authors', 'user', 'post', 'posts', 'blog', 'by', 'and', 'of', 'content', 'site', 'official', 'member',
]);
const AUTHOR_LABEL = /^(?:(?:written|posted|published|reported|reporting|words|story|text)\s+)?(?:by|author|authors)\b\s*:?\s*/i;
const MAX_NAME_CHARS = 60;

/** The people among an author value, or null; the value as given when every name in it stands. */
export function cleanAuthor(raw: string | null, outlet: string | null, url: string | null): string | null {
  if (!raw) return null;
  const value = raw.replace(/\s+/g, ' ').trim().replace(AUTHOR_LABEL, '');
  const sites = siteNames(outlet, url);
  const parts = value.split(/,|\||;|&|\band\b|\//i).map((p) => p.trim()).filter(Boolean);
  const kept: string[] = [];
  let changed = false;
  for (const part of parts) {
    // a name ends before its first digit: "drat 1", "kumiko 15911 silver badge66 bronze badges" (a Q&A site's reputation glued on)
    const digit = part.search(/\d/);
    const name = (digit < 0 ? part : part.slice(0, digit)).trim();
    if (name !== part) changed = true;
    if (isPerson(name, sites)) kept.push(name);
    else changed = true;
  }
  if (!kept.length) return null;
  return changed ? [...new Set(kept)].join(', ') : value;
}

function isPerson(name: string, sites: readonly string[]): boolean {
  if (!name || name.length > MAX_NAME_CHARS) return false;
  if (!/\p{L}/u.test(name) || /\d{3,}/.test(name) || /https?:|www\.|@\w+\./i.test(name)) return false;
  const words = name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (words.every((w) => GENERIC_AUTHOR.has(w))) return false;
  // the site's own name is no author, unless it is a person's (a writer's own site: "Rick Steves")
  return !isSiteName(name, sites) || looksLikePersonName(name);
}

/** Words of organisations' names, never of a person's. */
const ORGANIZATION_WORD =
  /^(inc|llc|ltd|plc|corp|co|company|group|bank|care|clinic|online|media|news|today|times|post|daily|magazine|journal|network|solutions|services|university|college|school|institute|foundation|association|center|centre|team|labs?|studio|agency|health|dental|marketing|digital|global|international|official|shop|store|travel)$/i;

/** Two to four capitalised words, none an organisation's: "Rick Steves", "Mary-Anne de la Cruz" fails on "de" but is rare on a site. */
function looksLikePersonName(name: string): boolean {
  const words = name.split(' ');
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}'’.-]+$/u.test(w) && !ORGANIZATION_WORD.test(w));
}

/** The compact keys a page's site goes by: its outlet's name and its host's main label. */
export function siteNames(outlet: string | null, url: string | null): string[] {
  return [outlet, siteOfHost(url)].filter((n): n is string => !!n).map(compactKey).filter((k) => k.length > 1);
}

/** Whether a piece of text is the site's name: one of `sites` (compact keys), the start of one, or starting with one. */
export function isSiteName(text: string, sites: readonly string[]): boolean {
  const key = compactKey(text);
  return key.length > 1 && sites.some((site) => key === site || site.startsWith(key) || key.startsWith(site));
}

/** "www.bbc.co.uk" → "bbc". */
export function siteOfHost(url: string | null): string | null {
  const host = hostOf(url);
  if (!host) return null;
  const labels = host.replace(/^www\d?\./, '').split('.');
  // the label before the public suffix ("co.uk", "com.au" have two parts)
  const cut = labels.length >= 3 && labels[labels.length - 2]!.length <= 3 ? labels.length - 3 : labels.length - 2;
  return labels[Math.max(0, cut)] ?? null;
}

export function compactKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
