// Claim alignment on the example story against the hand-written labels: pair precision and
// recall, facts found, single-source facts kept apart, contradictions found.
// Usage: npm run bench:alignment
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/index.ts';
import { scoreAlignment, type AlignmentLabels } from './alignment-score.ts';

const root = join(import.meta.dirname, '..');
const labels = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'drone-strikes-2025', 'alignment.json'), 'utf8')) as AlignmentLabels;
const dossier = await analyze([join(root, 'examples', 'drone-strikes-2025')]);
const s = scoreAlignment(dossier, labels);
for (const m of s.missing) console.log(`label not matched: ${m}`);
const f1 = (2 * s.pairPrecision * s.pairRecall) / (s.pairPrecision + s.pairRecall || 1);
console.log(`${dossier.claims.length} claims in ${dossier.claimGroups.length} groups (${dossier.claimGroups.filter((g) => g.articleIds.length > 1).length} across articles)`);
console.log(`facts found ${s.factRecall.toFixed(3)} single-source kept ${s.singleSourceKept.toFixed(3)} contradictions found ${s.contradictionsFound.toFixed(3)}`);
console.log(`pair P ${s.pairPrecision.toFixed(3)} R ${s.pairRecall.toFixed(3)} F1 ${f1.toFixed(3)}`);
