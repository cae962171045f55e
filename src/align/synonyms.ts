// WordNet synonyms by stem (models/synonyms.json, built by scripts/build-synonyms.ts): two stems
// that share a synset id count as the same word when sentences are compared.
import { readFileSync } from 'node:fs';

const SYNONYMS_URL = new URL('../../models/synonyms.json', import.meta.url);
const NONE: readonly number[] = [];
let synonyms: Map<string, readonly number[]> | null = null;

/** The synset ids a stem shares with other stems; none for a stem WordNet does not relate. */
export function synonymsOf(stem: string): readonly number[] {
  synonyms ??= new Map(Object.entries((JSON.parse(readFileSync(SYNONYMS_URL, 'utf8')) as { entries: Record<string, number[]> }).entries));
  return synonyms.get(stem) ?? NONE;
}

/** The synset ids of a text's stems. */
export function sensesOf(stems: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const s of stems) for (const id of synonymsOf(s)) out.add(id);
  return out;
}

/** Share of `weights` (stem → weight) that the other text holds: the stem itself, or a synonym of it among `senses`. */
export function synonymCoverage(weights: ReadonlyMap<string, number>, present: { has(stem: string): boolean }, senses: ReadonlySet<number>): number {
  let total = 0;
  let covered = 0;
  for (const [s, v] of weights) {
    total += v;
    if (present.has(s) || synonymsOf(s).some((id) => senses.has(id))) covered += v;
  }
  return total ? covered / total : 0;
}
