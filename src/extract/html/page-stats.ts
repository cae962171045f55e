// One bottom-up pass over a page that gives every element the figures scoring and cleaning
// need (text length, link text, commas, counts of paragraphs, images, list items, inputs),
// skipping hidden, non-content and, when asked, unlikely elements.
import { attr, hintOf, isElement, isHidden, isText, NON_CONTENT, type AnyNode, type Element } from './dom.ts';

export interface ElementStats {
  chars: number;
  linkChars: number;
  commas: number;
  paragraphs: number;
  images: number;
  listItems: number;
  inputs: number;
  embeds: number;
  /** Text inside ul/ol. */
  listChars: number;
}

export interface PageStats {
  stats: Map<Element, ElementStats>;
  /** Elements left out of the page's text: hidden, non-content, or unlikely to be the article. */
  excluded: Set<Element>;
}

/** Class or id words of page parts that are almost never the article (Readability's list, extended). */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|cookie|consent|subscribe|signup/i;
/** Words that rescue an unlikely-looking element: it may hold the article. */
const MAYBE_CANDIDATE = /and|article|body|column|content|main|mathjax|shadow/i;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
const COMMAS = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g;
const EMBED_TAGS = new Set(['iframe', 'embed', 'object', 'video']);

function isUnlikely(el: Element): boolean {
  if (el.name === 'body' || el.name === 'a' || el.name === 'html' || el.name === 'article' || el.name === 'main') return false;
  const role = attr(el, 'role');
  if (role && UNLIKELY_ROLES.has(role)) return true;
  const hint = hintOf(el);
  return hint !== '' && UNLIKELY.test(hint) && !MAYBE_CANDIDATE.test(hint);
}

/**
 * `reveal` counts what a browser hides until a script shows it (`hidden`, `display: none`) and
 * what it shows only without scripts (`<noscript>`): pages that stream their text into a hidden
 * element, or print their posts only for readers without scripts, hold nothing visible otherwise.
 */
export function computePageStats(root: Element, stripUnlikely: boolean, reveal = false): PageStats {
  const stats = new Map<Element, ElementStats>();
  const excluded = new Set<Element>();
  const visit = (el: Element, inList: boolean, inLink: boolean, inCode: boolean): ElementStats => {
    const s: ElementStats = { chars: 0, linkChars: 0, commas: 0, paragraphs: 0, images: 0, listItems: 0, inputs: 0, embeds: 0, listChars: 0 };
    const name = el.name;
    if (name === 'p') s.paragraphs = 1;
    else if (name === 'img') s.images = 1;
    else if (name === 'li') s.listItems = 1;
    else if (name === 'input') s.inputs = 1;
    else if (EMBED_TAGS.has(name)) s.embeds = 1;
    const link = inLink || name === 'a';
    const list = inList || name === 'ul' || name === 'ol';
    const code = inCode || name === 'pre' || name === 'code';
    for (const child of el.children) {
      if (isText(child)) {
        const length = collapsedLength(child.data);
        s.chars += length;
        if (link) s.linkChars += length;
        if (list) s.listChars += length;
        const commas = child.data.match(COMMAS);
        if (commas) s.commas += commas.length;
      } else if (isElement(child)) {
        if (isSkipped(child, reveal) || (stripUnlikely && !code && isUnlikely(child))) {
          excluded.add(child);
          if (EMBED_TAGS.has(child.name)) s.embeds += 1;
          if (child.name === 'input') s.inputs += 1;
          continue;
        }
        const c = visit(child, list, link, code);
        s.chars += c.chars;
        s.linkChars += c.linkChars;
        s.commas += c.commas;
        s.paragraphs += c.paragraphs;
        s.images += c.images;
        s.listItems += c.listItems;
        s.inputs += c.inputs;
        s.embeds += c.embeds;
        s.listChars += c.listChars;
      }
    }
    stats.set(el, s);
    return s;
  };
  visit(root, false, false, false);
  return { stats, excluded };
}

/** Elements whose text is not page text: non-content and hidden ones, unless revealed. */
export function isSkipped(el: Element, reveal: boolean): boolean {
  if (reveal) return el.name !== 'noscript' && NON_CONTENT.has(el.name);
  return NON_CONTENT.has(el.name) || isHidden(el);
}

/** Length of text once runs of white space count as one character. */
function collapsedLength(text: string): number {
  let length = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isSpace = code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 160 || code === 0x200b;
    if (isSpace) {
      if (!space) length++;
      space = true;
    } else {
      length++;
      space = false;
    }
  }
  return length;
}

export function linkDensity(s: ElementStats | undefined): number {
  return s && s.chars > 0 ? s.linkChars / s.chars : 0;
}

export function parentElement(node: AnyNode): Element | null {
  const parent = node.parent;
  return parent && isElement(parent) ? parent : null;
}
