// Turns what the user typed (files, directories, globs, `-`) into the list of things to read,
// in a stable order. Inputs that name nothing become failures, not exceptions.
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describeSystemError, InputError } from '../errors.ts';
import { kindFromName } from './sniff-content.ts';

export type InputRef =
  | { kind: 'file'; source: string; path: string }
  | { kind: 'stdin'; source: '-' }
  | { kind: 'failed'; error: InputError };

/** Files in a story folder that describe the folder rather than report the story. */
const FOLDER_DOCS = /^(readme|license|licence|changelog|notice|authors|contributing)(\.[\w.]+)?$/i;

const GLOB_CHARS = /[*?[\]{}]/;

export async function expandInputs(inputs: readonly string[]): Promise<InputRef[]> {
  const refs: InputRef[] = [];
  for (const input of inputs) {
    if (input === '-') {
      refs.push({ kind: 'stdin', source: '-' });
      continue;
    }
    if (/^https?:\/\//i.test(input)) {
      refs.push({ kind: 'failed', error: new InputError(input, 'a URL: the command line fetches URLs (fetchPages in src/fetch/fetch-pages.ts); this reads files') });
      continue;
    }
    let info: Stats | null = null;
    let statError: unknown = null;
    try {
      info = await stat(input);
    } catch (error) {
      statError = error;
    }
    if (info?.isDirectory()) {
      const walked = await walkDirectory(input);
      if (walked.length === 0) {
        refs.push({ kind: 'failed', error: new InputError(input, 'the directory holds no .txt, .md, .html, .json or .jsonl files') });
      }
      refs.push(...walked);
    } else if (info) {
      // a named input is read whatever it is: a FIFO or a device is read as a stream, within the limit
      refs.push({ kind: 'file', source: input, path: input });
    } else if ((statError as NodeJS.ErrnoException).code === 'ENOENT' && GLOB_CHARS.test(input)) {
      refs.push(...(await expandGlob(input)));
    } else {
      refs.push({ kind: 'failed', error: new InputError(input, describeSystemError(statError)) });
    }
  }
  return refs;
}

async function expandGlob(pattern: string): Promise<InputRef[]> {
  let matches: string[];
  try {
    matches = (await glob(pattern, { onlyFiles: true, expandDirectories: false })).sort();
  } catch (error) {
    return [{ kind: 'failed', error: new InputError(pattern, `not a usable pattern (${describeSystemError(error)})`) }];
  }
  const refs: InputRef[] = [];
  // as in a directory: only regular files (a FIFO or a device matched by a pattern could hang or never end)
  for (const path of matches) if ((await stat(path).catch(() => null))?.isFile()) refs.push({ kind: 'file', source: path, path });
  if (refs.length === 0) refs.push({ kind: 'failed', error: new InputError(pattern, 'no file matches this pattern') });
  return refs;
}

/**
 * Readable article files under a directory, recursively, sorted by path. Hidden entries, symlinked
 * folders, folder docs and anything that is not a regular file (FIFOs, sockets, devices, also
 * behind a symbolic link) are skipped; a folder that cannot be listed is one failed input, and
 * the walk goes on.
 */
async function walkDirectory(dir: string): Promise<InputRef[]> {
  const found: InputRef[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    return [{ kind: 'failed', error: new InputError(dir, `cannot list this folder: ${describeSystemError(error)}`) }];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...(await walkDirectory(path)));
      continue;
    }
    if (FOLDER_DOCS.test(entry.name) || !kindFromName(entry.name)) continue;
    if (entry.isFile()) found.push({ kind: 'file', source: path, path });
    else if (entry.isSymbolicLink()) {
      try {
        if ((await stat(path)).isFile()) found.push({ kind: 'file', source: path, path });
      } catch (error) {
        found.push({ kind: 'failed', error: new InputError(path, `a symbolic link that leads nowhere: ${describeSystemError(error)}`) });
      }
    }
  }
  return found;
}
