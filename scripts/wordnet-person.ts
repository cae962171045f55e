// Whether WordNet 3.1 knows a noun as a kind of person: one of its senses in the lexicographer
// file noun.person ("spokesman", "aide", "source" as an informant), none for "campaign",
// "committee", "election" or "statement". For the build scripts only (scripts/wordnet.ts reads WordNet).
import { LEXFILE, readData, readIndex } from './wordnet.ts';

/** lemma → whether any of its noun senses is a person; a lemma WordNet lacks is absent. */
export function personNouns(): Map<string, boolean> {
  const synsets = readData('n');
  const person = LEXFILE.indexOf('noun.person');
  const out = new Map<string, boolean>();
  for (const [lemma, offsets] of readIndex('n').senses) out.set(lemma, offsets.some((o) => synsets.get(o)?.lexfile === person));
  return out;
}
