// What a fact-checker acts on, on three-outlet stories with a fact-checker's gold: analyses every
// event folder with a gold.json (its fox.json, hpo.json and nyt.json, as `analyze` reads them) and
// scores the dossiers with ../shared/tools/score-story.mjs (facts found, shared facts shown as
// single-source, established precision, contradictions, speakers, copying).
// Usage: npm run bench:stories -- [EVENTS_DIR] [--years even|odd|all] [--verbose]
//   --years even: the events of even years (for tuning), odd: the others (for reporting).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeInputs } from '../src/index.ts';
import { renderJson } from '../src/render/render-json.ts';
import { claimLocator, type Gold } from '../scripts/read-story-pairs.ts';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string): string | null => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? null) : null;
};
const eventsDir = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--years') ?? join(root, '..', 'shared', 'data', 'stories', 'basil-dev'));
const years = flag('--years') ?? 'all';
if (!['even', 'odd', 'all'].includes(years)) throw new Error(`--years takes even, odd or all, not ${years}`);
const scorer = join(root, '..', 'shared', 'tools', 'score-story.mjs');

const inYears = (event: string): boolean => {
  const year = Number.parseInt(event.slice(0, 4), 10);
  return years === 'all' || !Number.isInteger(year) || (year % 2 === 0) === (years === 'even');
};
const events = readdirSync(eventsDir)
  .filter((e) => existsSync(join(eventsDir, e, 'gold.json')) && inYears(e))
  .sort();

const work = mkdtempSync(join(tmpdir(), 'triangulate-stories-'));
try {
  const chosen = join(work, 'events');
  const dossiers = join(work, 'dossiers');
  for (const dir of [chosen, dossiers]) mkdirSync(dir);
  const started = performance.now();
  // the uncertain list, which the story scorer does not read: its flags that match a gold contradiction
  const possible = { flagged: 0, real: 0, gold: 0, found: 0 };
  for (const event of events) {
    const inputs = ['fox.json', 'hpo.json', 'nyt.json'].map((f) => join(eventsDir, event, f)).filter((f) => existsSync(f));
    const { dossier, failures } = await analyzeInputs(inputs);
    for (const f of failures) console.error(`${event}: ${f.message}`);
    writeFileSync(join(dossiers, `${event}.json`), renderJson(dossier));
    const gold = JSON.parse(readFileSync(join(eventsDir, event, 'gold.json'), 'utf8')) as Gold;
    const claimAt = claimLocator(dossier);
    const goldPairs = (gold.contradictions ?? []).map((c) => ({ id: c.id, a: claimAt(...c.a)?.id, b: c.b.map(([k, t]) => claimAt(k, t)?.id) }));
    const seen = new Set<string>();
    const hit = new Set<string>();
    for (const g of dossier.claimGroups) {
      for (const c of g.possibleContradictions) {
        const key = `${c.claimId}|${c.withClaimId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const match = goldPairs.find((p) => p.a && ((p.a === c.claimId && p.b.includes(c.withClaimId)) || (p.a === c.withClaimId && p.b.includes(c.claimId))));
        if (match) hit.add(match.id);
        if (match) possible.real++;
        possible.flagged++;
      }
    }
    possible.gold += goldPairs.length;
    possible.found += hit.size;
    symlinkSync(join(eventsDir, event), join(chosen, event));
  }
  const seconds = (performance.now() - started) / 1000;
  const scored = spawnSync(process.execPath, [scorer, chosen, dossiers, ...(args.includes('--verbose') ? ['--verbose'] : [])], { encoding: 'utf8' });
  process.stdout.write(scored.stdout);
  process.stderr.write(scored.stderr);
  console.log(`possibly contested (uncertain, not scored above): ${possible.real} real of ${possible.flagged} flagged pairs; ${possible.found} of ${possible.gold} gold contradictions among them`);
  console.log(`${events.length} events (${years} years) analysed in ${seconds.toFixed(1)} s`);
  process.exitCode = scored.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
