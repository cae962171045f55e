// The ingest stage: reads each input's bytes (file or stdin, gzipped or not) within a size limit,
// refuses binary and empty input, decodes text and yields one RawDocument per article.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describeSystemError, InputError } from '../errors.ts';
import { decodeBytes } from './decode-text.ts';
import { expandInputs, type InputRef } from './expand-inputs.ts';

export { expandInputs, type InputRef };
import { NO_HINTS, type RawDocument } from './raw-document.ts';
import { readJsonLines, readJsonRecords } from './read-records.ts';
import { binaryReason, isGzip, kindFromContent, kindFromName, type ContentKind } from './sniff-content.ts';

/** Default size limit for one input, before and after decompression. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** How long a named pipe may wait for a writer (or a device for its first byte) before it fails. */
export const PIPE_WAIT_MS = 5000;

/** Bytes read at a time from a pipe or a device. */
const STREAM_CHUNK = 64 * 1024;
/** Pause between reads of a pipe or a device that has nothing yet. */
const POLL_MS = 10;
/** Bytes of a stream looked at before deciding it is binary. */
const SNIFF_BYTES = 8192;

export interface IngestOptions {
  maxBytes?: number;
  /** Reads standard input; injected so that tests and the library can supply it. */
  readStdin?: (maxBytes: number) => Promise<Buffer>;
  /** How long a named pipe may wait for a writer, a device for its first byte (PIPE_WAIT_MS by default). */
  pipeWaitMs?: number;
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
    const bytes = await readInput(ref, maxBytes, options);
    return bytesToDocuments(bytes, ref.source, ref.kind === 'file' ? ref.path : null, maxBytes);
  } catch (error) {
    return [{ error: error instanceof InputError ? error : new InputError(ref.source, describeSystemError(error)) }];
  }
}

async function readInput(ref: Exclude<InputRef, { kind: 'failed' }>, maxBytes: number, options: IngestOptions): Promise<Buffer> {
  if (ref.kind === 'stdin') {
    const bytes = await (options.readStdin ?? readProcessStdin)(maxBytes);
    if (bytes.length > maxBytes) throw new InputError('-', tooLarge(null, maxBytes));
    return bytes;
  }
  // non-blocking: opening a FIFO nobody writes to would otherwise wait for ever
  const fd = openSync(ref.path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new InputError(ref.source, 'is a directory');
    let bytes: Buffer;
    if (info.isFile()) {
      if (info.size > maxBytes) throw new InputError(ref.source, tooLarge(info.size, maxBytes));
      // synchronous: a local page reads in well under a millisecond, and each async step would
      // cost a turn of the event loop per file
      bytes = readRegular(fd, info.size, maxBytes);
    } else bytes = await readStream(fd, ref.source, maxBytes, info.isFIFO(), options.pipeWaitMs ?? PIPE_WAIT_MS);
    if (bytes.length > maxBytes) throw new InputError(ref.source, tooLarge(null, maxBytes));
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** A regular file's bytes, at most one past the limit (a file may grow while it is read, and /proc files say size 0). */
function readRegular(fd: number, size: number, maxBytes: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(size > 0 ? size : STREAM_CHUNK, maxBytes) + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total > maxBytes) break;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, total, buffer.length - total, null);
    if (n === 0) break;
    total += n;
  }
  return buffer.subarray(0, total);
}

/**
 * A named pipe or a device, read in chunks up to one byte past the limit (their size says
 * nothing: /dev/zero never ends). A pipe that no writer has opened is waited for at most
 * `waitMs`; once a writer is there it is read until it closes, as standard input is. A device
 * that gives nothing within `waitMs` is given up. Binary data stops the read at its first 8 KB.
 */
async function readStream(fd: number, source: string, maxBytes: number, isPipe: boolean, waitMs: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let writer = !isPipe;
  let sniffed = false;
  const started = Date.now();
  for (;;) {
    const chunk = Buffer.allocUnsafe(STREAM_CHUNK);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK') throw error;
      n = -1; // nothing yet, and someone may still write (a pipe with a writer, a terminal)
    }
    if (n > 0) {
      chunks.push(chunk.subarray(0, n));
      total += n;
      writer = true;
      if (total > maxBytes) break;
      if (!sniffed && total >= SNIFF_BYTES) {
        sniffed = true;
        const head = Buffer.concat(chunks);
        const reason = isGzip(head) ? null : binaryReason(head);
        if (reason) throw new InputError(source, reason);
      }
      continue;
    }
    if (n === 0 && writer) break; // end of data
    if (n < 0 && isPipe) writer = true;
    if (!writer && Date.now() - started > waitMs) throw new InputError(source, `nothing wrote to this pipe within ${waitMs / 1000} s`);
    if (!isPipe && total === 0 && Date.now() - started > waitMs) throw new InputError(source, `no data from this device within ${waitMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return Buffer.concat(chunks);
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

/** `size` null: a stream, read only up to the limit. */
function tooLarge(size: number | null, maxBytes: number): string {
  return `${size === null ? `more than ${formatMB(maxBytes)}` : formatMB(size)} is over the ${formatMB(maxBytes)} limit (raise it with --max-bytes)`;
}

function formatMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
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
