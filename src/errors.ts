// The one error type for broken input and misuse. Problems found inside readable content are
// not errors: they become messages in the output.

/** An input that could not be processed at all; `input` names it as the user gave it. */
export class InputError extends Error {
  readonly input: string;
  readonly reason: string;

  constructor(input: string, reason: string) {
    super(`${input}: ${reason}`);
    this.name = 'InputError';
    this.input = input;
    this.reason = reason;
  }
}

/** An output that could not be written; `output` names it as the user gave it. */
export class OutputError extends Error {
  readonly output: string;
  readonly reason: string;

  constructor(output: string, reason: string) {
    super(`${output}: ${reason}`);
    this.name = 'OutputError';
    this.output = output;
    this.reason = reason;
  }
}

/** Wrong use of the CLI or the library (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name or the whole path is too long',
  EEXIST: 'a file of that name is in the way',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'over the disk quota',
  EFBIG: 'too large for the file system',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  EIO: 'input/output error on the device',
  ENXIO: 'no such device, or a socket (not a file)',
  ENODEV: 'no such device',
  EBUSY: 'the file or device is busy',
  ETXTBSY: 'the file is busy',
  EXDEV: 'on another file system',
  EAGAIN: 'not ready (try again)',
  EINVAL: 'invalid for this kind of file',
  EOPNOTSUPP: 'not supported for this kind of file',
  ENOTSUP: 'not supported for this kind of file',
  ENOMEM: 'out of memory',
  ERR_INVALID_ARG_VALUE: 'not a valid path',
  ERR_INVALID_ARG_TYPE: 'not a valid path',
};

/**
 * A system error in plain words, without the paths Node puts in its messages (a temporary file's
 * name means nothing to the user; the caller names the user's path).
 */
export function describeSystemError(error: unknown): string {
  const e = error as NodeJS.ErrnoException | null;
  const known = e?.code ? SYSTEM_ERRORS[e.code] : undefined;
  if (known) return known;
  const message = e instanceof Error ? e.message : String(error);
  // "ECODE: what happened, syscall '/some/path'" → "what happened"
  return message.replace(/^[A-Z][A-Z0-9_]+: /, '').replace(/, \w+ '[^]*$/, '').replace(/ '[^]*'/g, '') || 'unknown error';
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * Text shown on one line: control characters (C0, DEL, C1, line and paragraph separators, bidi
 * overrides) become JSON-style escapes, so that a file named with a newline or a terminal escape
 * cannot break the one-line-per-failure format or rewrite the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * An error's message (or a text) as a short reason kept in a message or a store row: white space
 * folded to single spaces (no newline, no stack), at most `max` characters.
 */
export function shortReason(value: unknown, max = 200): string {
  const text = value instanceof Error ? value.message : String(value);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** How an error is printed on stderr: `<input>: <why>`, on one line. */
export function errorLine(error: Error): string {
  if (error instanceof InputError) return `${oneLine(error.input)}: ${oneLine(error.reason)}`;
  if (error instanceof OutputError) return `${oneLine(error.output)}: ${oneLine(error.reason)}`;
  return oneLine(error.message);
}
