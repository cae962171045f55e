// Writes an output without ever leaving a half-written file and without destroying what the
// path names: a regular file (or a new one) is written to a temporary file beside it, then renamed
// over it in one step; a symbolic link keeps being a link (its target is written that way); a
// device or a named pipe (/dev/stdout, /dev/null, a FIFO) is written to directly, never replaced.
// `-` is standard output. Content may be one string or pieces of it, so that an output larger
// than the longest string V8 can build is still written.
import { randomBytes } from 'node:crypto';
import { constants, fstatSync, type Stats } from 'node:fs';
import { lstat, mkdir, open, readlink, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { describeSystemError, OutputError } from '../errors.ts';

export type Content = string | Iterable<string> | AsyncIterable<string>;

/** The path that means standard output. */
export const STDOUT = '-';

/** Symbolic links followed before giving up, as the kernel does. */
const MAX_LINKS = 40;

/** Pieces are gathered up to this many characters before one write. */
const WRITE_CHARS = 256 * 1024;

export async function writeOutput(path: string, content: Content): Promise<void> {
  if (path === STDOUT) return writeStream(process.stdout, content);
  let plan: Plan;
  try {
    plan = await planWrite(path);
  } catch (error) {
    throw asOutputError(path, error);
  }
  if (plan.how === 'stream') return writeStream(plan.stream, content);
  return plan.how === 'direct' ? writeDirectly(path, plan.target, content) : writeAtomically(path, plan.target, content);
}

type Plan = { how: 'atomic' | 'direct'; target: string } | { how: 'stream'; stream: NodeJS.WritableStream };

/** Where and how to write `path`: atomically to a regular file (a link's final target), or directly into a device or pipe. */
async function planWrite(path: string): Promise<Plan> {
  const absolute = resolve(path);
  let info: Stats | null = await lstat(absolute).catch(missing);
  if (info === null) return { how: 'atomic', target: absolute };
  if (info.isSymbolicLink()) {
    const followed = await stat(absolute).catch(missing);
    // a dangling link: create the file it points at, and keep the link
    if (followed === null) return { how: 'atomic', target: await danglingTarget(absolute) };
    if (followed.isFile()) return { how: 'atomic', target: await realpath(absolute) };
    info = followed;
  }
  if (info.isFile()) return { how: 'atomic', target: absolute };
  if (info.isDirectory()) throw new OutputError(path, 'is a directory');
  if (info.isCharacterDevice() || info.isFIFO()) return { how: 'direct', target: absolute };
  if (info.isSocket()) {
    // a socket cannot be opened by name, but /dev/stdout may lead to one: this process's own output
    if (sameFile(info, 1)) return { how: 'stream', stream: process.stdout };
    if (sameFile(info, 2)) return { how: 'stream', stream: process.stderr };
    throw new OutputError(path, 'is a socket; a report cannot be written to it');
  }
  throw new OutputError(path, 'is a block device (a disk); refusing to write a report onto it');
}

function sameFile(info: Stats, fd: number): boolean {
  try {
    const other = fstatSync(fd);
    return other.dev === info.dev && other.ino === info.ino;
  } catch {
    return false;
  }
}

function missing(error: NodeJS.ErrnoException): null {
  if (error.code === 'ENOENT') return null;
  throw error;
}

/** The path a chain of links ends at when its last target does not exist yet. */
async function danglingTarget(link: string): Promise<string> {
  let path = link;
  for (let i = 0; i < MAX_LINKS; i++) {
    const info = await lstat(path).catch(missing);
    if (info === null || !info.isSymbolicLink()) return path;
    path = resolve(dirname(path), await readlink(path));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

async function writeAtomically(path: string, target: string, content: Content): Promise<void> {
  const dir = dirname(target);
  // a short fixed-length name: the user's file name plus a suffix could pass the name limit
  const temp = resolve(dir, `.triangulate-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | null = null;
  try {
    await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      // the folder's own name taken by a file says EEXIST, a parent's ENOTDIR: the same trouble
      throw error.code === 'EEXIST' ? Object.assign(error, { code: 'ENOTDIR' }) : error;
    });
    handle = await open(temp, 'wx');
    await writeAll(handle, content);
    await handle.close();
    handle = null;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw asOutputError(path, error);
  }
}

/** A device or pipe: opened for writing only, neither created nor truncated nor replaced. */
async function writeDirectly(path: string, target: string, content: Content): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(target, constants.O_WRONLY);
    await writeAll(handle, content);
  } catch (error) {
    throw asOutputError(path, error);
  } finally {
    await handle?.close().catch(() => {});
  }
}

async function writeAll(handle: FileHandle, content: Content): Promise<void> {
  let pending = '';
  for await (const piece of pieces(content)) {
    pending += piece;
    if (pending.length >= WRITE_CHARS) {
      await handle.write(pending);
      pending = '';
    }
  }
  if (pending) await handle.write(pending);
}

/** Standard output (or error): a reader that went away (`| head`) ends the writing quietly. */
async function writeStream(stream: NodeJS.WritableStream, content: Content): Promise<void> {
  let failure: NodeJS.ErrnoException | null = null;
  const onError = (error: NodeJS.ErrnoException): void => {
    failure ??= error;
  };
  stream.on('error', onError);
  try {
    for await (const piece of pieces(content)) {
      if (failure) break;
      if (piece && !stream.write(piece)) await once(stream, 'drain');
    }
  } catch (error) {
    failure ??= error as NodeJS.ErrnoException;
  } finally {
    stream.off('error', onError);
  }
  const error = failure as NodeJS.ErrnoException | null;
  if (error && error.code !== 'EPIPE') throw asOutputError(stream === process.stderr ? 'standard error' : 'standard output', error);
}

function pieces(content: Content): Iterable<string> | AsyncIterable<string> {
  return typeof content === 'string' ? [content] : content;
}

/** A system error in plain words naming the user's path; anything else (a bug) as it is. */
function asOutputError(path: string, error: unknown): Error {
  if (error instanceof OutputError) return error;
  if ((error as NodeJS.ErrnoException)?.code) return new OutputError(path, describeSystemError(error));
  return error as Error;
}
