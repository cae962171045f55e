// Parses HTML into a DOM with htmlparser2, refusing pages that nest elements absurdly deep:
// such a page is hostile or broken, and the parser's cost grows with the square of the depth.
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

class DepthLimitedHandler extends DomHandler {
  private depth = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.depth > MAX_NESTING) throw new NestingTooDeepError();
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
