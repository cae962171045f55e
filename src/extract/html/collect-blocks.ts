// Turns DOM subtrees into typed text blocks (paragraphs, headings, list items, quotes,
// preformatted text), each labelled with the page furniture it sits in: by tag, role, class or
// id, or because it fails the article-content checks (link-heavy lists, image strips, forms).
import type { BlockKind, RemovedKind } from '../../model.ts';
import { trimHead, trimTail } from '../../text/tail-runs.ts';
import { BLOCK_LEVEL, HEADINGS, attr, hintOf, isElement, isText, NON_CONTENT, type AnyNode, type Element } from './dom.ts';
import { classWeight } from './find-article.ts';
import { isSkipped, linkDensity, type ElementStats, type PageStats } from './page-stats.ts';

export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** The furniture the block sits in, or null for article content. */
  label: RemovedKind | null;
}

export interface CollectOptions {
  /** Figures of the page, for the content checks; without them only tags and class hints label. */
  page?: PageStats;
  /** Apply Readability-style checks that drop link lists, image strips and forms inside the article. */
  cleanConditionally: boolean;
  weightClasses: boolean;
  /** Hidden and `<noscript>` text counts too (see `computePageStats`). */
  reveal?: boolean;
}

/** A "furniture" element holding more than this share of the text walked is a page wrapper with an unlucky class name. */
const MAX_FURNITURE_SHARE = 0.5;
/** Elements checked for being article content at all. */
const CONDITIONAL = new Set(['form', 'fieldset', 'table', 'ul', 'ol', 'div', 'section', 'aside', 'figure', 'dl']);
/** Past this many commas an element is prose, whatever else it holds. */
const PROSE_COMMAS = 10;

const NAVIGATION_HINT = /(^|[-_\s])(nav|navbar|navigation|menu|menus|breadcrumbs?|pagination|pager|sitemap|masthead|topbar|skip-?link)([-_\s]|$)/i;
const COMMENT_HINT = /(^|[-_\s])(comments?|comment-list|disqus\w*|respond|discussion|replies)([-_\s]|$)/i;
const AD_HINT = /(^|[-_\s])(ad|ads|adsense|advert\w*|sponsor\w*|dfp|gpt|promo\w*|taboola|outbrain|commercial)([-_\s]|$)/i;
const EMBED_HINT = /(twitter-tweet|instagram-media|tiktok-embed|fb-post|embed|oembed|social-post)/i;
const BOILERPLATE_HINT =
  /(^|[-_\s])(share|sharing|share-?bar|social|newsletter|signup|sign-up|subscribe|subscription|related|recommended|more-stories|read-?more|byline|author-?bio|tags|cookie|consent|gdpr|paywall|sr-only|visually-hidden|screen-reader-text)([-_\s]|$)/i;
/** Class names of the article itself: a container that has one is never furniture. */
const CONTENT_HINT = /(^|[-_\s])(article|body|content|entry|main|post|story|text)([-_\s]|$)/i;
const NAV_TAGS = new Set(['nav', 'menu']);
/** Captions and credits of pictures: about the picture, not part of the story's text. */
const CAPTION_HINT = /(^|[-_\s])(caption|captions|credit|credits|photo-?credit|image-?credit|gallery|slideshow|carousel)([-_\s]|$)/i;

interface Walker {
  options: CollectOptions;
  /** Elements that fail the content checks, found bottom-up before the walk. */
  failing: Map<Element, RemovedKind>;
  rootChars: number;
  buffer: string[];
  kind: BlockKind;
  label: RemovedKind | null;
  out: TextBlock[];
}

/** The text blocks of the given subtrees in order, labelled; `rootLabel` labels what has no label of its own. */
export function collectBlocks(roots: readonly Element[], options: CollectOptions, rootLabel: RemovedKind | null = null): TextBlock[] {
  const rootChars = roots.reduce((n, r) => n + (options.page?.stats.get(r)?.chars ?? 0), 0);
  const failing = new Map<Element, RemovedKind>();
  if (options.cleanConditionally && options.page) for (const root of roots) findFailing(root, options.page, options, failing, true);
  const w: Walker = { options, failing, rootChars, buffer: [], kind: 'paragraph', label: rootLabel, out: [] };
  // the roots are the article (or the page): never furniture themselves, whatever their class
  for (const root of roots) {
    if (BLOCK_LEVEL.has(root.name) && root.name !== 'body' && root.name !== 'html') {
      walkElement(root, 'paragraph', rootLabel, w);
    } else walkChildren(root, 'paragraph', rootLabel, w);
    flush(w);
  }
  return w.out;
}

function walkChildren(node: AnyNode & { children: AnyNode[] }, kind: BlockKind, label: RemovedKind | null, w: Walker): void {
  for (const child of node.children) {
    if (isText(child)) {
      if ((kind !== w.kind || label !== w.label) && w.buffer.join('').trim() !== '') flush(w);
      w.kind = kind;
      w.label = label;
      w.buffer.push(child.data);
      continue;
    }
    if (!isElement(child)) continue;
    const name = child.name;
    if (isSkipped(child, w.options.reveal ?? false)) continue;
    if (name === 'img') continue;
    if (!BLOCK_LEVEL.has(name)) {
      walkChildren(child, kind, furnitureOf(child, w) ?? label, w);
      continue;
    }
    flush(w);
    if (name === 'br' || name === 'hr') continue;
    walkElement(child, kind, furnitureOf(child, w) ?? label, w);
    flush(w);
    w.kind = kind;
    w.label = label;
  }
}

function walkElement(el: Element, parentKind: BlockKind, label: RemovedKind | null, w: Walker): void {
  const name = el.name;
  const kind: BlockKind = HEADINGS.has(name)
    ? 'heading'
    : name === 'li' || name === 'dd' || name === 'dt'
      ? 'list-item'
      : name === 'blockquote'
        ? 'quote'
        : name === 'pre'
          ? 'preformatted'
          : parentKind === 'paragraph' || parentKind === 'heading'
            ? 'paragraph'
            : parentKind;
  if (name === 'pre') {
    // leading blank lines and trailing white space off, each scanned from its end (a pattern would
    // retry from every position of a long inner run of spaces)
    const text = trimTail(trimHead(rawText(el).replace(/\r\n?/g, '\n'), /\n/), /\s/);
    if (text) w.out.push({ kind: 'preformatted', text, label });
    return;
  }
  walkChildren(el, kind, label, w);
}

function rawText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node) || NON_CONTENT.has(node.name)) return '';
  return node.children.map(rawText).join('');
}

function flush(w: Walker): void {
  const text = w.buffer.join('').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  w.buffer = [];
  if (text !== '') w.out.push({ kind: w.kind, text, label: w.label });
}

/** The furniture label an element gives its text, or null to inherit. */
function furnitureOf(el: Element, w: Walker): RemovedKind | null {
  const label = furnitureLabel(el);
  const s = w.options.page?.stats.get(el);
  if (label !== null) {
    // a wrapper holding most of what is walked is not furniture, whatever its class says
    if (s && w.rootChars > 0 && s.chars > w.rootChars * MAX_FURNITURE_SHARE) return null;
    return label;
  }
  return w.failing.get(el) ?? null;
}

const STAT_KEYS = ['chars', 'linkChars', 'commas', 'paragraphs', 'images', 'listItems', 'inputs', 'embeds', 'listChars'] as const;

/**
 * Readability cleans from the innermost element out, so an element is judged without the
 * parts already removed inside it: a story body is not dropped for the image strip beside it.
 * Returns the element's figures minus what was removed; records failing elements.
 */
function findFailing(el: Element, page: PageStats, options: CollectOptions, failing: Map<Element, RemovedKind>, isRoot: boolean): ElementStats | null {
  const own = page.stats.get(el);
  if (!own) return null;
  let adjusted: ElementStats | null = null;
  for (const child of el.children) {
    if (!isElement(child)) continue;
    const original = page.stats.get(child);
    if (!original) continue;
    const after = findFailing(child, page, options, failing, false);
    if (after === original) continue;
    adjusted ??= { ...own };
    for (const key of STAT_KEYS) adjusted[key] -= original[key] - (after?.[key] ?? 0);
  }
  const figures = adjusted ?? own;
  if (!isRoot && (CONDITIONAL.has(el.name) || (el.name === 'td' && isLayoutCell(el))) && failsContentChecks(el, figures, options)) {
    failing.set(el, linkDensity(figures) > 0.5 ? 'navigation' : 'boilerplate');
    return null;
  }
  return figures;
}

/** What kind of page furniture an element is by its tag, role, class or id; null when nothing says. */
function furnitureLabel(el: Element): RemovedKind | null {
  const name = el.name;
  if (NAV_TAGS.has(name) || attr(el, 'role') === 'navigation') return 'navigation';
  if (name === 'header' || name === 'footer' || name === 'aside' || name === 'form') {
    return name === 'header' ? 'navigation' : 'boilerplate';
  }
  if (name === 'figcaption') return 'boilerplate';
  const hint = hintOf(el);
  if (hint === '') return null;
  if (CAPTION_HINT.test(hint)) return 'boilerplate';
  if (EMBED_HINT.test(hint)) return 'embed';
  if (COMMENT_HINT.test(hint)) return 'comment';
  if (AD_HINT.test(hint)) return 'ad';
  if (NAVIGATION_HINT.test(hint)) return 'navigation';
  if (BOILERPLATE_HINT.test(hint) && !CONTENT_HINT.test(hint)) return 'boilerplate';
  return null;
}

/** Readability's conditional cleaning: lists of links, strips of images, forms and the like are not article text. */
function failsContentChecks(el: Element, s: ElementStats, options: CollectOptions): boolean {
  if (el.name === 'table' && isDataTable(el)) return false;
  const weight = options.weightClasses ? classWeight(el) : 0;
  if (weight < 0) return true;
  if (s.commas >= PROSE_COMMAS) return false;
  const isList = el.name === 'ul' || el.name === 'ol' || (s.chars > 0 && s.listChars / s.chars > 0.9);
  const density = linkDensity(s);
  const paragraphs = s.paragraphs;
  const items = s.listItems - 100 > 0 ? s.listItems - 100 : 0;
  const isFigure = el.name === 'figure';
  if (!isFigure && s.images > 1 && paragraphs / s.images < 0.5) return true;
  if (!isList && items > paragraphs) return true;
  if (s.inputs > Math.floor(paragraphs / 3)) return true;
  if (!isList && !isFigure && s.chars < 25 && (s.images === 0 || s.images > 2) && density > 0) return true;
  if (weight < 25 && density > 0.2 && (!isList || density > 0.5)) return true;
  if (weight >= 25 && density > 0.5) return true;
  if ((s.embeds === 1 && s.chars < 75) || s.embeds > 1) return true;
  return false;
}

/**
 * A cell of a table used for layout, as pages of the 1990s and 2000s are built: a few rows whose
 * cells are the page's columns (menu, story, sidebar), checked like the divs of later pages. The
 * cells of a data table, or of a long table of rows (a list of books, of results), are its content.
 */
const MAX_LAYOUT_ROWS = 4;
const layoutTables = new WeakMap<Element, boolean>();

function isLayoutCell(el: Element): boolean {
  const row = el.parent && isElement(el.parent) && el.parent.name === 'tr' ? el.parent : null;
  const section = row?.parent && isElement(row.parent) ? row.parent : null;
  const table = section && section.name !== 'table' ? (section.parent && isElement(section.parent) ? section.parent : null) : section;
  if (!table || table.name !== 'table') return false;
  let layout = layoutTables.get(table);
  if (layout === undefined) {
    layout = rowCount(table) <= MAX_LAYOUT_ROWS && !isDataTable(table);
    layoutTables.set(table, layout);
  }
  return layout;
}

function rowCount(table: Element): number {
  let rows = 0;
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows++;
    else if (child.name === 'tbody' || child.name === 'thead' || child.name === 'tfoot') rows += child.children.filter((c) => isElement(c) && c.name === 'tr').length;
  }
  return rows;
}

function isDataTable(el: Element): boolean {
  if (attr(el, 'role') === 'presentation' || attr(el, 'datatable') === '0') return false;
  if (attr(el, 'summary')) return true;
  let found = false;
  const visit = (n: AnyNode): void => {
    if (found || !isElement(n)) return;
    if (n.name === 'th' || n.name === 'caption' || n.name === 'thead' || n.name === 'colgroup') {
      found = true;
      return;
    }
    if (n.name === 'table' && n !== el) return;
    for (const c of n.children) visit(c);
  };
  visit(el);
  return found;
}
