// The ingest stage: reads each input's bytes (file or stdin, gzipped or not) within a size limit,
// refuses binary and empty input, decodes text and yields one RawDocument per article.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.ts';
import { decodeBytes } from './decode-text.ts';
import { expandInputs, type InputRef } from './expand-inputs.ts';

export { expandInputs, type InputRef };
import { NO_HINTS, type RawDocument } from './raw-document.ts';
import { readJsonLines, readJsonRecords } from './read-records.ts';
import { binaryReason, isGzip, kindFromContent, kindFromName, type ContentKind } from './sniff-content.ts';

/** Default size limit for one input, before and after decompression. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface IngestOptions {
  maxBytes?: number;
  /** Reads standard input; injected so that tests and the library can supply it. */
  readStdin?: (maxBytes: number) => Promise<Buffer>;
}

export type IngestItem = { doc: RawDocument } | { error: InputError };

/** Yields documents and failures in input order; one bad input never stops the rest. */
export async function* ingest(inputs: readonly string[], options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  for (const ref of await expandInputs(inputs)) {
    for (const item of await readRef(ref, options)) yield item;
  }
}

/** The documents (or the failure) of one expanded input. */
export async function readRef(ref: InputRef, options: IngestOptions = {}): Promise<IngestItem[]> {
  if (ref.kind === 'failed') return [{ error: ref.error }];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const bytes = await readInput(ref, maxBytes, options.readStdin ?? readProcessStdin);
    return bytesToDocuments(bytes, ref.source, ref.kind === 'file' ? ref.path : null, maxBytes);
  } catch (error) {
    return [{ error: error instanceof InputError ? error : new InputError(ref.source, describeSystemError(error)) }];
  }
}

async function readInput(ref: Exclude<InputRef, { kind: 'failed' }>, maxBytes: number, readStdin: (maxBytes: number) => Promise<Buffer>): Promise<Buffer> {
  if (ref.kind === 'stdin') {
    const bytes = await readStdin(maxBytes);
    if (bytes.length > maxBytes) throw new InputError('-', tooLarge(bytes.length, maxBytes));
    return bytes;
  }
  // synchronous: a local page reads in well under a millisecond, and each async step would
  // cost a turn of the event loop per file
  const fd = openSync(ref.path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) throw new InputError(ref.source, tooLarge(size, maxBytes));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Turns one input's bytes into documents: a JSON Lines file gives many, a page gives one. */
export function bytesToDocuments(raw: Buffer, source: string, name: string | null, maxBytes = DEFAULT_MAX_BYTES): IngestItem[] {
  try {
    let bytes = raw;
    if (isGzip(bytes)) bytes = gunzip(bytes, source, maxBytes);
    else if (name?.toLowerCase().endsWith('.gz')) throw new InputError(source, 'named .gz but not gzip data');
    if (bytes.length === 0) throw new InputError(source, 'empty input');
    const binary = binaryReason(bytes);
    if (binary) throw new InputError(source, binary);

    const nameKind = name ? kindFromName(name) : null;
    // a declared charset matters only for bytes that are not UTF-8, and is read only then
    const { text: decoded, encoding } = decodeBytes(bytes, nameKind === 'html' || nameKind === null);
    if (decoded.trim() === '') throw new InputError(source, 'empty input (only white space)');
    const kind: ContentKind = nameKind ?? kindFromContent(decoded);

    if (kind === 'json' || kind === 'jsonl') {
      const results = kind === 'json' ? readJsonRecords(decoded, source, encoding) : readJsonLines(decoded, source, encoding);
      return results;
    }
    const content = kind === 'html' ? stripHttpHeaders(decoded) : decoded;
    return [{ doc: { source, format: kind, content, encoding, hints: NO_HINTS } }];
  } catch (error) {
    return [{ error: error instanceof InputError ? error : new InputError(source, describeSystemError(error)) }];
  }
}

function gunzip(bytes: Buffer, source: string, maxBytes: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || /maxOutputLength|buffer/i.test((error as Error).message)) {
      throw new InputError(source, `decompresses to more than the ${formatMB(maxBytes)} limit (--max-bytes)`);
    }
    throw new InputError(source, `broken gzip data (${(error as Error).message})`);
  }
}

/** A page saved with its HTTP response head: the head goes, its charset was already read. */
function stripHttpHeaders(text: string): string {
  if (!/^HTTP\/\d/.test(text)) return text;
  const end = text.search(/\r?\n\r?\n/);
  return end < 0 ? text : text.slice(end).trimStart();
}

function tooLarge(size: number, maxBytes: number): string {
  return `${formatMB(size)} is over the ${formatMB(maxBytes)} limit (raise it with --max-bytes)`;
}

function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function describeSystemError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many symbolic links';
    default: return e.message ?? String(error);
  }
}

/** Reads stdin up to one byte past the limit, so that an endless pipe cannot exhaust memory. */
async function readProcessStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks);
}
