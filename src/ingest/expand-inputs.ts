// Turns what the user typed (files, directories, globs, `-`) into the list of things to read,
// in a stable order. Inputs that name nothing become failures, not exceptions.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { InputError } from '../errors.ts';
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
      refs.push({ kind: 'failed', error: new InputError(input, 'reading URLs is not supported by analyze yet; save the page and pass the file') });
      continue;
    }
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      const files = await walkDirectory(input);
      if (files.length === 0) {
        refs.push({ kind: 'failed', error: new InputError(input, 'the directory holds no .txt, .md, .html, .json or .jsonl files') });
      }
      for (const path of files) refs.push({ kind: 'file', source: path, path });
    } else if (info) {
      refs.push({ kind: 'file', source: input, path: input });
    } else if (GLOB_CHARS.test(input)) {
      const matches = (await glob(input, { onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length === 0) refs.push({ kind: 'failed', error: new InputError(input, 'no file matches this pattern') });
      for (const path of matches) refs.push({ kind: 'file', source: path, path });
    } else {
      refs.push({ kind: 'failed', error: new InputError(input, 'no such file or directory') });
    }
  }
  return refs;
}

/** Readable article files under a directory, recursively, sorted by path; hidden entries, symlinked folders and folder docs are skipped. */
async function walkDirectory(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walkDirectory(path)));
    else if ((entry.isFile() || entry.isSymbolicLink()) && !FOLDER_DOCS.test(entry.name) && kindFromName(entry.name)) {
      found.push(path);
    }
  }
  return found;
}
