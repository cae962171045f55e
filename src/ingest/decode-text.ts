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

const CHARSET_PATTERNS = [
  /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i,
  /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i,
  /^content-type:[^\n]*charset\s*=\s*["']?([\w.:-]+)/im,
];

/** The charset a page or an HTTP-style header block declares, read as ASCII from its head. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_WINDOW)).toString('latin1');
  for (const pattern of CHARSET_PATTERNS) {
    const match = pattern.exec(head);
    if (match?.[1]) return match[1];
  }
  return null;
}
