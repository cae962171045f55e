// Builds models/gazetteer.json, the name lists the entity tagger uses as features, from the
// lexicon of the `compromise` package (first and last names, places, organisations, demonyms,
// honorifics). Run when compromise is upgraded; the result is committed.
// Usage: npm run build:gazetteer
import { writeFileSync } from 'node:fs';
import nlp from 'compromise';

const CLASSES: Array<[RegExp, string]> = [
  [/\b(MaleName|FemaleName|FirstName)\b/, 'first'],
  [/\bLastName\b/, 'last'],
  [/\bHonorific\b/, 'title'],
  [/\b(City|Country|Region|Place)\b/, 'place'],
  [/\b(Organization|SportsTeam)\b/, 'org'],
  [/\bDemonym\b/, 'demonym'],
  [/\bPerson\b/, 'person'],
];

/** Words too common to say anything as part of a multi-word name. */
const FUNCTION_WORDS = new Set(['the', 'and', 'for', 'los', 'las', 'les', 'der', 'die', 'von', 'van', 'del', 'des', 'new', 'san', 'saint']);

const lexicon = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;
const entries: Record<string, string[]> = {};
for (const key of Object.keys(lexicon).sort()) {
  const tags = [lexicon[key]].flat().join(',');
  const classes = CLASSES.filter(([pattern]) => pattern.test(tags)).map(([, name]) => name);
  if (classes.length === 0) continue;
  // a multi-word entry marks each of its words as part of a name of that class
  const words = key.split(/\s+/);
  for (const word of words) {
    if (words.length > 1 && (word.length < 3 || FUNCTION_WORDS.has(word))) continue;
    const tagged = words.length > 1 ? classes.map((c) => `${c}-part`) : classes;
    entries[word] = [...new Set([...(entries[word] ?? []), ...tagged])].sort();
  }
}
// country abbreviations newswire uses, which the lexicon lacks
for (const abbreviation of ['u.s.', 'us', 'u.s.a.', 'usa', 'u.k.', 'uk', 'uae', 'u.a.e.', 'drc', 'prc']) {
  entries[abbreviation] = [...new Set([...(entries[abbreviation] ?? []), 'place'])].sort();
}
writeFileSync('models/gazetteer.json', `${JSON.stringify({ source: 'compromise lexicon', entries })}\n`);
process.stderr.write(`${Object.keys(entries).length} words written to models/gazetteer.json\n`);
