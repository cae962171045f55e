// Bytes to text: BOM, then valid UTF-8 whatever is declared, then the declared charset, then
// windows-1252, the encoding of most undeclared Western pages.
import { isUtf8 } from 'node:buffer';

export interface Decoded {
  text: string;
  encoding: string;
}

/** How far into a page a charset declaration is looked for (HTML puts it in the first 1024 bytes; some pages are sloppier). */
const DECLARATION_WINDOW = 4096;


/** `readDeclaration`: look for a charset declared in the bytes (pages do; plain text does not). */
export function decodeBytes(bytes: Uint8Array, readDeclaration = true): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  // Many pages declare ISO-8859-1 but are UTF-8: bytes that are valid UTF-8 are UTF-8.
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'), encoding: 'utf-8' };
  const label = readDeclaration ? sniffDeclaredCharset(bytes) : null;
  if (label) {
    const decoder = decoderFor(label);
    if (decoder && decoder.encoding !== 'utf-8' && decoder.encoding !== 'windows-1252') {
      return { text: decoder.decode(bytes), encoding: decoder.encoding };
    }
  }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** What windows-1252 puts at 0x80-0x9F (Node 20 decodes these as latin-1 control codes instead). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** windows-1252, which WHATWG also uses for "iso-8859-1" and "ascii" labels. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/**
 * Where a charset may be declared: each region a pattern finds (the rest of a `<meta` or `<?xml`
 * tag up to its '>', a header line), and the declaration looked for inside it. One pattern such as
 * /<meta[^>]+charset…/ backtracks through the whole head from every "<meta" (polynomial time); a
 * region pattern that ends in one run cannot, and the declaration is then tried at each position.
 */
const CHARSET_PLACES: Array<{ region: RegExp; declaration: RegExp; from: number }> = [
  // `from`: the tag patterns want at least one character between the tag name and the declaration
  { region: /<meta([^>]*)/gi, declaration: /charset\s*=\s*(?:["']\s*)?([\w.:-]+)/iy, from: 1 },
  { region: /<\?xml([^>]*)/gi, declaration: /encoding\s*=\s*["']([\w.:-]+)/iy, from: 1 },
  { region: /^content-type:([^\n]*)/gim, declaration: /charset\s*=\s*["']?([\w.:-]+)/iy, from: 0 },
];

/** The charset a page or an HTTP-style header block declares, read as ASCII from its head. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_WINDOW)).toString('latin1');
  for (const { region, declaration, from } of CHARSET_PLACES) {
    for (const found of head.matchAll(region)) {
      const label = lastDeclaration(found[1]!, declaration, from);
      if (label) return label;
    }
  }
  return null;
}

/**
 * The label of the last declaration starting at `from` or after in a region (what the greedy
 * `[^>]+` or `[^\n]*` of a single pattern would settle on), or null.
 */
function lastDeclaration(region: string, declaration: RegExp, from: number): string | null {
  for (let at = region.length - 1; at >= from; at--) {
    declaration.lastIndex = at;
    const match = declaration.exec(region);
    if (match?.[1]) return match[1];
  }
  return null;
}
