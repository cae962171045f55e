// Small helpers over htmlparser2's DOM (domhandler nodes): tag names, attributes, and the
// sets of elements that matter to extraction.
import type { AnyNode, ChildNode, Element } from 'domhandler';

export type { AnyNode, ChildNode, Element };

/** Elements whose text is never page text. */
export const NON_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'select', 'option', 'button', 'input', 'textarea', 'head', 'title', 'meta',
  'link', 'object', 'math', 'iframe', 'video', 'audio', 'picture', 'source', 'map', 'dialog',
]);

/** Elements that start a new block; everything else is inline and runs on. */
export const BLOCK_LEVEL = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li',
  'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'hr',
  'br', 'address', 'details', 'summary', 'form', 'fieldset', 'legend', 'center', 'hgroup', 'iframe', 'body', 'html', 'menu', 'dialog',
]);

export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: AnyNode): node is AnyNode & { data: string } {
  return node.type === 'text';
}

export function attr(el: Element, name: string): string | null {
  const value = el.attribs[name];
  return value === undefined ? null : value;
}

/** Class and id together: where page builders name what an element is. */
export function hintOf(el: Element): string {
  const cls = el.attribs.class;
  const id = el.attribs.id;
  return cls && id ? `${cls} ${id}` : (cls ?? id ?? '');
}

export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  const style = a.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** The text of a subtree, non-content elements skipped, white space collapsed. */
export function textOf(node: AnyNode): string {
  const parts: string[] = [];
  const visit = (n: AnyNode): void => {
    if (isText(n)) parts.push(n.data);
    else if (isElement(n)) {
      if (NON_CONTENT.has(n.name)) return;
      if (BLOCK_LEVEL.has(n.name)) parts.push(' ');
      for (const c of n.children) visit(c);
    }
  };
  visit(node);
  return parts.join('').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Depth-first over elements, calling `visit`; returning false skips the element's subtree. */
export function walkElements(root: AnyNode, visit: (el: Element) => boolean | void): void {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isElement(node)) {
      if (node !== root && visit(node) === false) continue;
    }
    const children = (node as { children?: ChildNode[] }).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The first element matching `test`, depth-first, or null. */
export function findElement(root: AnyNode, test: (el: Element) => boolean): Element | null {
  let found: Element | null = null;
  walkElements(root, (el) => {
    if (found) return false;
    if (test(el)) {
      found = el;
      return false;
    }
    return true;
  });
  return found;
}
