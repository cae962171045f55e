// The version stored annotations are kept under: the package's version and a hash of every
// learned file in models/. A new model (or a new release) makes every stored annotation stale, and
// each article is annotated again the next time a dossier needs it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

let version: string | null = null;

export function annotationVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  hash.update(pkg.version);
  const models = join(PACKAGE_ROOT, 'models');
  for (const name of readdirSync(models).sort()) {
    if (name === 'README.md') continue;
    hash.update(`\0${name}\0`);
    hash.update(readFileSync(join(models, name)));
  }
  version = `${pkg.version}+${hash.digest('hex').slice(0, 16)}`;
  return version;
}
