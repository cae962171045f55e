// Named-entity quality of the committed tagger: exact-match precision, recall and F1 per type on
// the GMB sentences held out from training (every tenth, newswire, silver labels), the Wikigold
// articles held out (every third; hand-labelled Wikipedia text), and WNUT-17 dev and test
// (tweets, never trained on; types mapped as for training). Speed in tokens per second of tagging.
// Usage: npm run bench:ner -- [../shared/data/ner]
import { join } from 'node:path';
import { tagWords } from '../src/annotate/ner/tag-names.ts';
import { readGmb } from '../scripts/train-ner.ts';
import { readWikigold, WIKIGOLD_HELD_OUT } from '../scripts/read-wikigold.ts';
import { GMB_HELD_OUT, readWnut } from '../scripts/read-ner-corpora.ts';
import { scoreNames, type ScoredSet } from './ner-score.ts';

const dir = process.argv[2] ?? join('..', 'shared', 'data', 'ner');
const sets: ScoredSet[] = [
  { name: 'gmb held-out', sentences: readGmb(join(dir, 'gmb-kaggle')).filter((_, i) => GMB_HELD_OUT(i)) },
  { name: 'wikigold held-out', sentences: readWikigold(dir).filter(WIKIGOLD_HELD_OUT) },
  { name: 'wnut17 dev', sentences: readWnut(dir, 'dev') },
  { name: 'wnut17 test', sentences: readWnut(dir, 'test') },
];
const summary: string[] = [];
for (const set of sets) {
  const { lines, f1 } = scoreNames(set, (words) => tagWords(words));
  console.log(lines.join('\n'));
  summary.push(`${set.name} F1 ${f1.toFixed(3)}`);
}
console.log(`NER PER+ORG+LOC ${summary.join(', ')}`);
