// Parses HTML into a DOM with htmlparser2, refusing pages that nest elements absurdly deep (the
// parser's cost grows with the square of the depth) or hold absurdly many elements (each costs
// about a kilobyte and a half through extraction: a 20 MB page of 1.2 million empty spans took
// 1.9 GB). Such a page is hostile or broken.
import { DomHandler, type Document } from 'domhandler';
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
  new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).end(html);
  return handler.root;
}
