// The lexicon of evaluative words (models/loaded-lexicon.json.gz, built from WordNet and AFINN by
// scripts/build-loaded-lexicon.ts), loaded once: read by the loaded terms and by the word model's
// features.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface LoadedLexicon {
  /** Word form → its category ("evaluative adjective", "loaded verb of saying", …) and a neutral alternative. */
  words: Map<string, [category: string, neutral: string | null]>;
  /** Adjectives with an evaluative or figurative sense: loaded before an abstract noun. */
  phraseAdjectives: Set<string>;
  /** Nouns of communication, acts, thought and feeling, singular and plural. */
  abstractHeads: Set<string>;
  /** Word forms that may be loaded at all: concrete words (colours, objects, physical or static actions) are not here. */
  evaluable: Set<string>;
}

const LEXICON_URL = new URL('../../models/loaded-lexicon.json.gz', import.meta.url);
let lexicon: LoadedLexicon | null = null;

export function loadedLexicon(): LoadedLexicon {
  if (!lexicon) {
    const raw = JSON.parse(gunzipSync(readFileSync(LEXICON_URL)).toString('utf8')) as { words: Record<string, [string, string | null]>; phraseAdjectives: string[]; abstractHeads: string[]; evaluable: string[] };
    lexicon = { words: new Map(Object.entries(raw.words)), phraseAdjectives: new Set(raw.phraseAdjectives), abstractHeads: new Set(raw.abstractHeads), evaluable: new Set(raw.evaluable) };
  }
  return lexicon;
}
