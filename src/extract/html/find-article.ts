// Finds the elements that hold a page's article, after Readability's scoring: every paragraph
// gives points to its ancestors (more for long text with commas), scores are discounted by link
// density, the best candidate is widened to its real container and joined by related siblings.
import { BLOCK_LEVEL, isElement, isText, walkElements, type Element } from './dom.ts';
import { linkDensity, parentElement, type PageStats } from './page-stats.ts';

/** Class or id words of article containers, and of page parts that are not (Readability's lists). */
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
/** A paragraph shorter than this gives no points: captions, labels, buttons. */
const MIN_PARAGRAPH_CHARS = 25;
/** How many ancestors of a paragraph share its points. */
const ANCESTOR_LEVELS = 5;
/** Candidates kept for the common-ancestor check. */
const TOP_CANDIDATES = 5;
/** Candidates this close to the best are alternatives; three sharing an ancestor promote it. */
const ALTERNATIVE_SHARE = 0.75;
const MIN_ALTERNATIVES = 3;
/** Tags that count as paragraphs for scoring. */
const SCORED_TAGS = new Set(['p', 'pre', 'td', 'section', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TAG_BASE: Record<string, number> = {
  div: 5, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};

export interface FindOptions {
  weightClasses: boolean;
}

/** The article's elements in document order, or an empty list when nothing scores. */
export function findArticle(body: Element, page: PageStats, options: FindOptions): Element[] {
  const scores = new Map<Element, number>();
  const initialise = (el: Element): void => {
    if (!scores.has(el)) scores.set(el, (TAG_BASE[el.name] ?? 0) + (options.weightClasses ? classWeight(el) : 0));
  };

  const score = (owner: Element, text: number, commas: number, startAtOwner: boolean): void => {
    if (text < MIN_PARAGRAPH_CHARS) return;
    const points = 1 + (commas + 1) + Math.min(Math.floor(text / 100), 3);
    let ancestor: Element | null = startAtOwner ? owner : parentElement(owner);
    for (let level = 0; ancestor && level < ANCESTOR_LEVELS; level++) {
      initialise(ancestor);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, scores.get(ancestor)! + points / divider);
      ancestor = parentElement(ancestor);
    }
  };

  const visit = (el: Element): void => {
    if (page.excluded.has(el)) return;
    const s = page.stats.get(el);
    if (!s) return;
    const blockChildren = el.children.some((c) => isElement(c) && BLOCK_LEVEL.has(c.name) && !page.excluded.has(c));
    if (SCORED_TAGS.has(el.name) || (el.name === 'div' && !blockChildren)) {
      score(el, s.chars, s.commas, false);
      if (!blockChildren) return;
    } else if (blockChildren) scoreInlineRuns(el, page, score);
    for (const child of el.children) if (isElement(child)) visit(child);
  };
  visit(body);

  const ranked: Array<[Element, number]> = [];
  for (const [el, raw] of scores) {
    const adjusted = raw * (1 - linkDensity(page.stats.get(el)));
    scores.set(el, adjusted);
    ranked.push([el, adjusted]);
  }
  ranked.sort((a, b) => b[1] - a[1]);
  const top = ranked.slice(0, TOP_CANDIDATES);
  if (top.length === 0) return [];
  let best = top[0]![0];
  if (best === body) return [body];

  best = promoteCommonAncestor(best, top, body);
  best = climbWhileParentScoresHigher(best, scores, body);
  while (best.parent && best.parent !== body && isElement(best.parent) && elementChildren(best.parent).length === 1) best = best.parent;
  return withChunks(chunkScope(best, body), best, withSiblings(best, scores, page), page);
}

/** A chunk of article text needs this much prose to join from elsewhere in the page. */
const MIN_CHUNK_CHARS = 140;
const MAX_CHUNK_LINK_DENSITY = 0.15;
/** Chunks of one article sit close together: within this many levels above the container. */
const CHUNK_SCOPE_LEVELS = 4;

function chunkScope(best: Element, body: Element): Element {
  let scope = best;
  for (let level = 0; level < CHUNK_SCOPE_LEVELS; level++) {
    const parent = parentElement(scope);
    if (!parent || parent === body) break;
    scope = parent;
  }
  return scope;
}

/**
 * Pages that cut the article into chunks between ads repeat the container's class on each
 * chunk, often under different parents: chunks with the same tag and class join, in page order.
 */
function withChunks(scope: Element, best: Element, chosen: Element[], page: PageStats): Element[] {
  const cls = best.attribs.class;
  if (!cls) return chosen;
  const picked = new Set(chosen);
  const result: Element[] = [];
  walkElements(scope, (el) => {
    if (picked.has(el)) {
      result.push(el);
      return false;
    }
    if (page.excluded.has(el)) return false;
    if (el.name === best.name && el.attribs.class === cls) {
      const s = page.stats.get(el);
      if (s && s.chars >= MIN_CHUNK_CHARS && linkDensity(s) < MAX_CHUNK_LINK_DENSITY) {
        result.push(el);
        return false;
      }
    }
    return true;
  });
  // the siblings were chosen under the container's parent, which the scope may not reach
  return result.length >= chosen.length ? result : chosen;
}

/** Text directly inside an element that also has block children: each inline run scores like a paragraph of that element. */
function scoreInlineRuns(el: Element, page: PageStats, score: (owner: Element, text: number, commas: number, startAtOwner: boolean) => void): void {
  let text = 0;
  let commas = 0;
  const flush = (): void => {
    score(el, text, commas, true);
    text = 0;
    commas = 0;
  };
  for (const child of el.children) {
    if (isText(child)) {
      text += child.data.trim().length;
      commas += (child.data.match(/,/g) ?? []).length;
    } else if (isElement(child)) {
      if (BLOCK_LEVEL.has(child.name)) flush();
      else if (!page.excluded.has(child)) {
        const s = page.stats.get(child);
        if (s) {
          text += s.chars;
          commas += s.commas;
        }
      }
    }
  }
  flush();
}

function promoteCommonAncestor(best: Element, top: Array<[Element, number]>, body: Element): Element {
  const bestScore = top[0]![1];
  const alternatives = top.slice(1).filter(([, s]) => bestScore > 0 && s / bestScore >= ALTERNATIVE_SHARE).map(([el]) => ancestorsOf(el));
  if (alternatives.length < MIN_ALTERNATIVES) return best;
  for (let parent = parentElement(best); parent && parent !== body; parent = parentElement(parent)) {
    const sharing = alternatives.filter((list) => list.has(parent!)).length;
    if (sharing >= MIN_ALTERNATIVES) return parent;
  }
  return best;
}

function climbWhileParentScoresHigher(start: Element, scores: Map<Element, number>, body: Element): Element {
  let best = start;
  let lastScore = scores.get(best) ?? 0;
  const threshold = lastScore / 3;
  for (let parent = parentElement(best); parent && parent !== body; parent = parentElement(parent)) {
    const parentScore = scores.get(parent);
    if (parentScore === undefined) continue;
    if (parentScore < threshold) break;
    if (parentScore > lastScore) {
      best = parent;
      break;
    }
    lastScore = parentScore;
  }
  return best;
}

/** Siblings that score well, or read like paragraphs, belong to the article too. */
function withSiblings(best: Element, scores: Map<Element, number>, page: PageStats): Element[] {
  const parent = parentElement(best);
  if (!parent) return [best];
  const bestScore = scores.get(best) ?? 0;
  const threshold = Math.max(10, bestScore * 0.2);
  const bestClass = best.attribs.class ?? '';
  const chosen: Element[] = [];
  for (const sibling of elementChildren(parent)) {
    if (sibling === best) {
      chosen.push(sibling);
      continue;
    }
    if (page.excluded.has(sibling)) continue;
    const bonus = bestClass !== '' && sibling.attribs.class === bestClass ? bestScore * 0.2 : 0;
    const siblingScore = scores.get(sibling);
    if (siblingScore !== undefined && siblingScore + bonus >= threshold) {
      chosen.push(sibling);
      continue;
    }
    if (sibling.name === 'p') {
      const s = page.stats.get(sibling);
      if (!s) continue;
      const density = linkDensity(s);
      if (s.chars > 80 && density < 0.25) chosen.push(sibling);
      else if (s.chars < 80 && s.chars > 0 && density === 0 && /\.( |$)/.test(siblingText(sibling))) chosen.push(sibling);
    }
  }
  return chosen;
}

function siblingText(el: Element): string {
  const parts: string[] = [];
  for (const c of el.children) if (isText(c)) parts.push(c.data);
  return parts.join('');
}

export function classWeight(el: Element): number {
  let weight = 0;
  const cls = el.attribs.class;
  const id = el.attribs.id;
  if (cls) {
    if (NEGATIVE.test(cls)) weight -= 25;
    if (POSITIVE.test(cls)) weight += 25;
  }
  if (id) {
    if (NEGATIVE.test(id)) weight -= 25;
    if (POSITIVE.test(id)) weight += 25;
  }
  return weight;
}

function ancestorsOf(el: Element): Set<Element> {
  const set = new Set<Element>();
  for (let p = parentElement(el); p; p = parentElement(p)) set.add(p);
  return set;
}

function elementChildren(el: Element): Element[] {
  return el.children.filter(isElement);
}

