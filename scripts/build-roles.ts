// Builds models/roles.json: the nouns that name a person by what they do ("president",
// "spokeswoman", "ambassador"), with which a story refers to someone without the name
// ("Mexico's president", "the defense secretary"), and first names by gender, with which a
// pronoun finds its person. Sources:
// - the `compromise` lexicon: singular nouns tagged Actor, honorifics, male and female first names;
// - PolNeAR train: the last word of lower-case source spans ("a White House spokesman") seen at
//   least MIN_SOURCE_COUNT times, plural forms made singular, unless WordNet knows the word but
//   never as a person (scripts/wordnet-person.ts: "campaign", "committee");
// - the GMB table: lower-case forms of words the table tags as the first word of a person's name
//   ("President", "Minister") seen at least MIN_TITLE_COUNT times.
// Usage: npm run build:roles [-- <polnear train dir> <gmb csv>]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { readPolnear } from './read-polnear.ts';
import { personNouns } from './wordnet-person.ts';

const MIN_SOURCE_COUNT = 3;
const MIN_TITLE_COUNT = 5;
const polnearDir = process.argv[2] ?? join('..', 'shared', 'data', 'attribution', 'polnear', 'train');
const gmbFile = process.argv[3] ?? join('..', 'shared', 'data', 'ner', 'gmb-kaggle', 'ner_dataset.csv');

const lexicon = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;
const roles = new Set<string>();
const male = new Set<string>();
const female = new Set<string>();
for (const key of Object.keys(lexicon)) {
  const tags = [lexicon[key]].flat().join(',');
  if (/\b(Actor|Honorific)\b/.test(tags) && !/\bPlural\b/.test(tags) && !key.includes('.') && !/\bAbbreviation\b/.test(tags)) roles.add(key);
  if (/\bMaleName\b/.test(tags) && !/\bFemaleName\b/.test(tags)) male.add(key);
  if (/\bFemaleName\b/.test(tags) && !/\bMaleName\b/.test(tags)) female.add(key);
}

/** "spokesmen" → "spokesman", "officials" → "official", "secretaries" → "secretary". */
function singular(word: string): string {
  if (/men$/.test(word)) return word.replace(/men$/, 'man');
  if (/ies$/.test(word)) return word.replace(/ies$/, 'y');
  if (/(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

const heads = new Map<string, number>();
for (const doc of readPolnear(polnearDir)) {
  for (const span of doc.spans) {
    if (span.kind !== 'SRC') continue;
    const words = doc.text.slice(span.start, span.end).trim().replace(/[,.;:]+$/, '').split(/\s+/);
    const last = words[words.length - 1]!;
    if (words.length < 2 || !/^\p{Ll}{3,}$/u.test(last)) continue;
    const head = singular(last);
    heads.set(head, (heads.get(head) ?? 0) + 1);
  }
}
// a source's last word is a role when the lexicon knows it as one (Actor) or not at all
// ("spokesman", "ambassador", "nominee"); "statement", "report" or "poll" are sources, not people;
// nor are "campaign", "committee" or "election", which WordNet knows but never as a person
const unknownOrActor = (w: string): boolean => !(w in lexicon) || /\bActor\b/.test([lexicon[w]].flat().join(','));
const wordnetPerson = personNouns();
const mayBePerson = (w: string): boolean => wordnetPerson.get(w) !== false;
for (const [head, count] of heads) if (count >= MIN_SOURCE_COUNT && unknownOrActor(head) && mayBePerson(head)) roles.add(head);

// a title opens a person's name and is followed by more of it ("President" Bush), nearly always
const titles = new Map<string, { count: number; followed: number }>();
const rows = readFileSync(gmbFile, 'latin1').split('\n').map((line) => line.split(','));
rows.forEach((cells, i) => {
  if (cells[cells.length - 1]?.trim() !== 'B-per') return;
  const word = cells[cells.length - 3] ?? '';
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(word)) return;
  const seen = titles.get(word.toLowerCase()) ?? { count: 0, followed: 0 };
  seen.count++;
  if (rows[i + 1]?.[rows[i + 1]!.length - 1]?.trim() === 'I-per') seen.followed++;
  titles.set(word.toLowerCase(), seen);
});
for (const [title, { count, followed }] of titles) {
  const tags = [lexicon[title] ?? ''].flat().join(',');
  if (count >= MIN_TITLE_COUNT && followed / count >= 0.9 && tags && !/Name|Person|Place|Country|City|Demonym/.test(tags)) roles.add(title);
}

const sorted = (set: Set<string>): string[] => [...set].sort();
writeFileSync(
  'models/roles.json',
  `${JSON.stringify({ source: 'compromise lexicon; PolNeAR v1.0.0 train source heads; GMB person-name titles', roles: sorted(roles), male: sorted(male), female: sorted(female) })}\n`,
);
process.stderr.write(`${roles.size} roles, ${male.size} male and ${female.size} female first names written to models/roles.json\n`);
