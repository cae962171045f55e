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
