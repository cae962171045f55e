// Turns a DOM subtree into typed text blocks (paragraphs, headings, list items, quotes,
// preformatted text), and labels every block of a whole page with the kind of page furniture
// it sits in, so that what extraction leaves out can be reported by kind.
import type { BlockKind, RemovedKind } from '../model.ts';

export interface TextBlock {
  kind: BlockKind;
  text: string;
}

export interface LabelledBlock {
  label: RemovedKind;
  text: string;
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

interface Walker {
  buffer: string[];
  kind: BlockKind;
  out: TextBlock[];
}

/** The text blocks of a subtree, in document order. */
export function blocksOf(root: Element): TextBlock[] {
  const walker: Walker = { buffer: [], kind: 'paragraph', out: [] };
  walk(root, 'paragraph', walker);
  flush(walker);
  return walker.out;
}

function walk(node: Node, kind: BlockKind, w: Walker): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      if (kind !== w.kind && w.buffer.join('').trim() !== '') flush(w);
      w.kind = kind;
      w.buffer.push(child.nodeValue ?? '');
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag) || isHidden(el)) continue;
    if (tag === 'IMG') continue;
    if (!BLOCK_LEVEL.has(tag)) {
      walk(el, kind, w);
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
      w.out.push(...preformatted(el));
      continue;
    }
    walk(el, childKind, w);
    flush(w);
    w.kind = kind;
  }
}

function preformatted(el: Element): TextBlock[] {
  const text = (el.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
  return text ? [{ kind: 'preformatted', text }] : [];
}

function flush(w: Walker): void {
  const text = w.buffer.join('').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  w.buffer = [];
  if (text !== '') w.out.push({ kind: w.kind, text });
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

const NAVIGATION_HINT = /(^|[-_\s])(nav|navbar|navigation|menu|menus|breadcrumbs?|pagination|pager|sitemap|masthead|topbar|skip-?link)([-_\s]|$)/i;
const COMMENT_HINT = /(^|[-_\s])(comments?|comment-list|disqus\w*|respond|discussion|replies)([-_\s]|$)/i;
const AD_HINT = /(^|[-_\s])(ad|ads|adsense|advert\w*|sponsor\w*|dfp|gpt|banner|promo\w*|taboola|outbrain|commercial)([-_\s]|$)/i;
const EMBED_HINT = /(twitter-tweet|instagram-media|tiktok-embed|fb-post|embed|oembed|social-post)/i;
const NAV_TAGS = new Set(['NAV', 'HEADER', 'MENU']);

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
  return null;
}

/** Every text block of the page with the furniture label of its nearest labelled ancestor (boilerplate when none). */
export function labelledBlocksOf(root: Element): LabelledBlock[] {
  const out: LabelledBlock[] = [];
  const visit = (el: Element, label: RemovedKind): void => {
    const own = furnitureLabel(el) ?? label;
    const hasBlockChild = Array.from(el.children).some((c) => BLOCK_LEVEL.has(c.tagName.toUpperCase()) && !SKIPPED.has(c.tagName.toUpperCase()));
    if (!hasBlockChild) {
      for (const block of blocksOf(el)) out.push({ label: own, text: block.text });
      return;
    }
    // mixed content: inline runs between block children are blocks of their own
    let inline: string[] = [];
    const flushInline = (): void => {
      const text = inline.join('').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
      if (text) out.push({ label: own, text });
      inline = [];
    };
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) inline.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const c = child as Element;
        const tag = c.tagName.toUpperCase();
        if (SKIPPED.has(tag) || isHidden(c)) continue;
        if (BLOCK_LEVEL.has(tag)) {
          flushInline();
          visit(c, own);
        } else inline.push(c.textContent ?? '');
      }
    }
    flushInline();
  };
  visit(root, 'boilerplate');
  return out;
}
