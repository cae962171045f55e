// Parses HTML into a DOM with htmlparser2, refusing pages that nest elements absurdly deep (the
// parser's cost grows with the square of the depth) or hold absurdly many elements (each costs
// about a kilobyte and a half through extraction: a 20 MB page of 1.2 million empty spans took
// 1.9 GB). Such a page is hostile or broken.
import { DomHandler, type ChildNode, type Document, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';

/** Browsers stop nesting at 512 levels; twice that is more than any real page needs. */
export const MAX_NESTING = 1024;

export class NestingTooDeepError extends Error {
  constructor() {
    super(`the page nests elements more than ${MAX_NESTING} deep (hostile or broken HTML)`);
    this.name = 'NestingTooDeepError';
  }
}

/**
 * The most elements a page may hold: over ten times the most of 1,678 real pages of the Zyte and
 * WCXB sets (15,793), and about 300 MB of extraction.
 */
export const MAX_ELEMENTS = 200_000;

export class TooManyElementsError extends Error {
  constructor() {
    super(`the page holds more than ${MAX_ELEMENTS.toLocaleString('en-US')} elements (hostile or broken HTML; a long news page holds a few thousand)`);
    this.name = 'TooManyElementsError';
  }
}

class DepthLimitedHandler extends DomHandler {
  private depth = 0;
  private elements = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.depth > MAX_NESTING) throw new NestingTooDeepError();
    if (++this.elements > MAX_ELEMENTS) throw new TooManyElementsError();
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

export function parsePage(html: string): Document {
  const handler = new DepthLimitedHandler(undefined, { withStartIndices: false });
  new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(closeCdata(html));
  moveStraysIntoBody(handler.root);
  return handler.root;
}

/**
 * In HTML (outside SVG and MathML) `<![CDATA[` opens a comment that the next `>` closes;
 * htmlparser2 reads on to a `]]>` or a `-->`, and a forum page that writes one stray `<![CDATA[`
 * before its posts loses them all. Written as the comment a browser sees.
 */
function closeCdata(html: string): string {
  if (!html.includes('<![CDATA[')) return html;
  // scanned by position: a pattern `<!\[CDATA\[[^>]*>` re-read the rest of the page from every unclosed opening
  let out = '';
  let from = 0;
  for (let at = html.indexOf('<![CDATA[', from); at >= 0; at = html.indexOf('<![CDATA[', from)) {
    const close = html.indexOf('>', at + 9);
    if (close < 0) break;
    const open = html.slice(at, close + 1);
    out += `${html.slice(from, at)}<!--${open.slice(2, -1).replace(/--/g, '- -')}-->`;
    from = close + 1;
  }
  return out + html.slice(from);
}

/**
 * What a page writes after `</body>` or `</html>` (templates that close the page early and go
 * on) is shown in the body by browsers; htmlparser2 leaves it beside the `<html>` element, where
 * extraction, which reads the body, would never see it.
 */
function moveStraysIntoBody(root: Document): void {
  const html = root.children.find((c): c is Element => c.type === 'tag' && c.name === 'html');
  if (!html) return;
  const body = html.children.find((c): c is Element => c.type === 'tag' && c.name === 'body');
  if (!body) return;
  const strays: ChildNode[] = [];
  for (const node of [...root.children.slice(root.children.indexOf(html) + 1), ...html.children.slice(html.children.indexOf(body) + 1)]) {
    if (node.type === 'tag' || node.type === 'script' || node.type === 'style' || (node.type === 'text' && 'data' in node && /\S/.test(node.data))) {
      strays.push(node);
    }
  }
  for (const node of strays) {
    const siblings = node.parent!.children;
    siblings.splice(siblings.indexOf(node), 1);
    const last = body.children[body.children.length - 1] ?? null;
    node.prev = last;
    node.next = null;
    if (last) last.next = node;
    node.parent = body;
    body.children.push(node);
  }
}
