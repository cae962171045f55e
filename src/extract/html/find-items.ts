// Finds the repeated item blocks of a listing, a collection or a service page: siblings of one
// shape (same tag and first class word), each with some text, whose text together outweighs every
// other such run on the page. Menus are such runs too, but of short link-only items, and sit in
// nav, header, footer and aside, as filters and facets sit in forms. Only the page's structure is
// read, never its wording.
import { isElement, type Element } from './dom.ts';
import { type ElementStats, type PageStats } from './page-stats.ts';

/** Fewer siblings than this are not a list. */
const MIN_ITEMS = 3;
/** An item is a title and more: at least this much text on average. */
const MIN_ITEM_CHARS = 20;
/** Items of a menu are links through and through; a listing's item has some text of its own (a snippet, a price, a date)... */
const MAX_ITEM_LINK_DENSITY = 0.9;
/** ...or links a whole teaser: a link this long on average is a sentence, not a menu entry. */
const MIN_TEASER_CHARS = 100;
/** Parts of a page that hold its furniture, never its items. */
const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'menu', 'form']);

export interface ItemRun {
  /** The parent of the items. */
  parent: Element;
  /** The items, in page order. */
  items: Element[];
  /** Their text together. */
  chars: number;
}

function shapeOf(el: Element): string {
  const cls = el.attribs.class;
  // the first class word is the item's kind; later ones are states and variants ("card card--featured")
  return `${el.name}.${cls ? cls.trim().split(/\s+/)[0] : ''}`;
}

/** Every run of same-shaped sibling items under `root`, outside excluded parts. */
export function findItemRuns(root: Element, page: PageStats): ItemRun[] {
  const runs: ItemRun[] = [];
  const visit = (el: Element): void => {
    if (page.excluded.has(el) || FURNITURE_TAGS.has(el.name)) return;
    const groups = new Map<string, Element[]>();
    for (const child of el.children) {
      if (!isElement(child) || page.excluded.has(child)) continue;
      const s = page.stats.get(child);
      if (!s || s.chars === 0) continue;
      const shape = shapeOf(child);
      const group = groups.get(shape);
      if (group) group.push(child);
      else groups.set(shape, [child]);
    }
    for (const items of groups.values()) {
      if (items.length < MIN_ITEMS) continue;
      // (whether items hold links says little: a service page's sections often hold none)
      const total = sum(items.map((i) => page.stats.get(i)!));
      const mean = total.chars / items.length;
      if (mean < MIN_ITEM_CHARS || (total.linkChars / total.chars > MAX_ITEM_LINK_DENSITY && mean < MIN_TEASER_CHARS)) continue;
      runs.push({ parent: el, items, chars: total.chars });
    }
    for (const child of el.children) if (isElement(child)) visit(child);
  };
  visit(root);
  return runs;
}

function sum(stats: readonly ElementStats[]): { chars: number; linkChars: number } {
  let chars = 0;
  let linkChars = 0;
  for (const s of stats) {
    chars += s.chars;
    linkChars += s.linkChars;
  }
  return { chars, linkChars };
}
