// Recognises what a byte buffer holds before anything tries to read it as text: refuses binary
// formats by name, and guesses text, HTML or JSON when the file name does not say.
import type { SourceFormat } from './raw-document.ts';

const MAGIC: Array<[string, number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['an executable (ELF)', [0x7f, 0x45, 0x4c, 0x46]],
  ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['an old Office document', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** Bytes looked at to decide whether a file is text. */
const SNIFF_WINDOW = 8192;
/** Share of control bytes above which a file is binary: real text has a handful at most. */
const MAX_CONTROL_SHARE = 0.05;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Why these bytes are not text, or null when they may be. */
export function binaryReason(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return `binary input (${name}), not an article`;
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return null;
  const n = Math.min(bytes.length, SNIFF_WINDOW);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return 'binary input (contains NUL bytes), not text';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (n > 0 && control / n > MAX_CONTROL_SHARE) return 'binary input (too many control bytes), not text';
  return null;
}

export type ContentKind = SourceFormat | 'json' | 'jsonl';

const EXTENSIONS: Record<string, ContentKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** The kind a file name announces (after any `.gz`), or null. */
export function kindFromName(name: string): ContentKind | null {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  const dot = lower.lastIndexOf('.');
  if (dot < 0) return null;
  return EXTENSIONS[lower.slice(dot)] ?? null;
}

/** The kind decoded text looks like, for stdin and unknown extensions. */
export function kindFromContent(text: string): ContentKind {
  const head = text.slice(0, 2048).trimStart();
  if (/^(<!doctype html|<html|<head|<body|<\?xml)/i.test(head)) return 'html';
  if (/<(p|div|article|section|body|span|br|h[1-6])[\s>/]/i.test(head)) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const firstLine = head.split('\n', 1)[0]!.trim();
    return firstLine.endsWith('}') && head.includes('\n{') ? 'jsonl' : 'json';
  }
  return 'text';
}
