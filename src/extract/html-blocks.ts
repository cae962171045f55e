// Turns a DOM subtree into typed text blocks (paragraphs, headings, list items, quotes,
// preformatted text), and labels every block of a whole page with the kind of page furniture
// it sits in, so that what extraction leaves out can be reported by kind.
import type { BlockKind, RemovedKind } from '../model.ts';

export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** The furniture the block sits in (from its ancestors' tags, classes and ids), or null. */
  label: RemovedKind | null;
}

/** Elements whose text is never page text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'SELECT', 'OPTION', 'BUTTON', 'INPUT', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK', 'OBJECT', 'MATH']);
/** Elements that start a new block; everything else is inline and runs on. */
const BLOCK_LEVEL = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'NAV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'FIGURE', 'FIGCAPTION',
  'DL', 'DT', 'DD', 'HR', 'BR', 'ADDRESS', 'DETAILS', 'SUMMARY', 'FORM', 'FIELDSET', 'LEGEND', 'CENTER', 'HGROUP', 'IFRAME', 'BODY', 'HTML',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** A "furniture" element holding more than this share of the text walked is a page wrapper with an unlucky class name. */
const MAX_FURNITURE_SHARE = 0.5;

interface Walker {
  /** Text length of the walked root, to tell furniture from page wrappers. */
  rootChars: number;
  buffer: string[];
  kind: BlockKind;
  label: RemovedKind | null;
  out: TextBlock[];
}

/** The text blocks of a subtree, in document order, each labelled with the furniture it sits in (`rootLabel` where none). */
export function blocksOf(root: Element, rootLabel: RemovedKind | null = null): TextBlock[] {
  const walker: Walker = { rootChars: (root.textContent ?? '').length, buffer: [], kind: 'paragraph', label: rootLabel, out: [] };
  walk(root, 'paragraph', rootLabel, walker);
  flush(walker);
  return walker.out;
}

function walk(node: Node, kind: BlockKind, label: RemovedKind | null, w: Walker): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      if ((kind !== w.kind || label !== w.label) && w.buffer.join('').trim() !== '') flush(w);
      w.kind = kind;
      w.label = label;
      w.buffer.push(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag) || isHidden(el)) continue;
    if (tag === 'IMG') continue;
    const childLabel = furnitureOf(el, w) ?? label;
    if (!BLOCK_LEVEL.has(tag)) {
      walk(el, kind, childLabel, w);
      continue;
    }
    flush(w);
    if (tag === 'BR' || tag === 'HR' || tag === 'IFRAME') continue;
    const childKind: BlockKind = HEADINGS.has(tag)
      ? 'heading'
      : tag === 'LI' || tag === 'DD' || tag === 'DT'
        ? 'list-item'
        : tag === 'BLOCKQUOTE'
          ? 'quote'
          : tag === 'PRE'
            ? 'preformatted'
            : kind === 'paragraph' || kind === 'heading'
              ? 'paragraph'
              : kind;
    if (tag === 'PRE') {
      w.out.push(...preformatted(el, childLabel));
      continue;
    }
    walk(el, childKind, childLabel, w);
    flush(w);
    w.kind = kind;
    w.label = label;
  }
}

function preformatted(el: Element, label: RemovedKind | null): TextBlock[] {
  const text = (el.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  return text ? [{ kind: 'preformatted', text, label }] : [];
}

function flush(w: Walker): void {
  const text = w.buffer.join('').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  w.buffer = [];
  if (text !== '') w.out.push({ kind: w.kind, text, label: w.label });
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

const NAVIGATION_HINT = /(^|[-_\s])(nav|navbar|navigation|menu|menus|breadcrumbs?|pagination|pager|sitemap|masthead|topbar|skip-?link)([-_\s]|$)/i;
const COMMENT_HINT = /(^|[-_\s])(comments?|comment-list|disqus\w*|respond|discussion|replies)([-_\s]|$)/i;
const AD_HINT = /(^|[-_\s])(ad|ads|adsense|advert\w*|sponsor\w*|dfp|gpt|promo\w*|taboola|outbrain|commercial)([-_\s]|$)/i;
const BOILERPLATE_HINT =
  /(^|[-_\s])(share|sharing|share-?bar|social|newsletter|signup|sign-up|subscribe|subscription|related|recommended|more-stories|read-?more|byline|author-?bio|tags|cookie|consent|gdpr|paywall|sr-only|visually-hidden|screen-reader-text)([-_\s]|$)/i;
/** Class names of the article itself: a container that has one is never furniture. */
const CONTENT_HINT = /(^|[-_\s])(article|body|content|entry|main|post|story|text)([-_\s]|$)/i;
const EMBED_HINT = /(twitter-tweet|instagram-media|tiktok-embed|fb-post|embed|oembed|social-post)/i;
const NAV_TAGS = new Set(['NAV', 'HEADER', 'MENU']);

function furnitureOf(el: Element, w: Walker): RemovedKind | null {
  const label = furnitureLabel(el);
  if (label === null) return null;
  return (el.textContent ?? '').length <= w.rootChars * MAX_FURNITURE_SHARE ? label : null;
}

/** What kind of page furniture an element is, or null to inherit its parent's. */
function furnitureLabel(el: Element): RemovedKind | null {
  const tag = el.tagName.toUpperCase();
  if (NAV_TAGS.has(tag) || el.getAttribute('role') === 'navigation') return 'navigation';
  if (tag === 'IFRAME') return 'embed';
  const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (hint.trim() === '') return null;
  if (EMBED_HINT.test(hint)) return 'embed';
  if (COMMENT_HINT.test(hint)) return 'comment';
  if (AD_HINT.test(hint)) return 'ad';
  if (NAVIGATION_HINT.test(hint)) return 'navigation';
  if (BOILERPLATE_HINT.test(hint) && !CONTENT_HINT.test(hint)) return 'boilerplate';
  return null;
}
