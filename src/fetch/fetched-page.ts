// A fetched body as articles: the Content-Type's charset applied when the bytes are not UTF-8,
// then the same path a file takes (binary refused, BOM and declared charset read, JSON records
// split, HTML or text by content) through `bytesToDocuments`.
import { isUtf8 } from 'node:buffer';
import type { InputError } from '../errors.ts';
import { decodeBytes } from '../ingest/decode-text.ts';
import { bytesToDocuments } from '../ingest/ingest.ts';
import type { RawDocument } from '../ingest/raw-document.ts';
import type { ArticleInput } from '../pipeline.ts';

/** The charset a Content-Type header names, or null. */
export function headerCharset(contentType: string): string | null {
  for (const param of contentType.split(';').slice(1)) {
    const [name, value] = param.split('=', 2).map((s) => s.trim());
    if (name?.toLowerCase() === 'charset' && value) return value.replace(/^"|"$/g, '') || null;
  }
  return null;
}

const hasBom = (b: Uint8Array): boolean => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * The bytes re-encoded as UTF-8 when the header names a charset that the bytes are in (they are
 * not UTF-8 and have no BOM, which win), so that `decodeBytes` reads them right; otherwise as
 * they are. windows-1252 and its aliases are left to `decodeBytes`, whose table is exact where
 * Node 20's decoder is not.
 */
export function withHeaderCharset(bytes: Buffer, contentType: string): Buffer {
  const label = headerCharset(contentType);
  if (!label || bytes.length === 0 || hasBom(bytes)) return bytes;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label.toLowerCase());
  } catch {
    return bytes;
  }
  const utf16 = decoder.encoding.startsWith('utf-16');
  if (decoder.encoding === 'utf-8' || decoder.encoding === 'windows-1252' || (!utf16 && isUtf8(bytes))) return bytes;
  return Buffer.from(decoder.decode(bytes), 'utf8');
}

/** A fetched body as text (a feed's, say). */
export function fetchedText(bytes: Buffer, contentType: string): string {
  return decodeBytes(withHeaderCharset(bytes, contentType)).text;
}

/** The name that tells `bytesToDocuments` what a Content-Type announces (null: look at the content). */
function nameFor(contentType: string): string | null {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'page.html';
  if (type === 'text/plain') return 'page.txt';
  return null;
}

/** The articles (or the failure) of a fetched page; `source` names it, `meta` adds what a feed said. */
export function pageInputs(
  body: Buffer,
  contentType: string,
  page: { url: string; source: string; publishedAt?: string },
  maxBytes?: number,
): Array<ArticleInput | InputError> {
  return bytesToDocuments(withHeaderCharset(body, contentType), page.source, nameFor(contentType), maxBytes).map((item) => ('error' in item ? item.error : documentInput(item.doc, page)));
}

/** A read document as an in-memory input: what the document says about itself wins over `page` (a feed's or a fetch's). */
export function documentInput(doc: RawDocument, page: { url?: string; publishedAt?: string } = {}): ArticleInput {
  const input: ArticleInput = doc.format === 'html' ? { html: doc.content } : { text: doc.content };
  input.source = doc.source;
  const url = doc.hints.url ?? page.url;
  if (url) input.url = url;
  const publishedAt = doc.hints.publishedAt ?? page.publishedAt;
  if (publishedAt) input.publishedAt = publishedAt;
  if (doc.hints.title) input.title = doc.hints.title;
  if (doc.hints.outlet) input.outlet = doc.hints.outlet;
  if (doc.hints.author) input.author = doc.hints.author;
  return input;
}
