// Labelled claim pairs from three-outlet stories with a fact-checker's gold
// (../shared/data/stories/<set>/<event>/{fox,hpo,nyt,gold}.json, format in GUIDELINES.md there):
// the claims the analysis finds that hold a gold mention (a shared fact's mention or a
// single-source fact's snippet, as the story scorer locates them: the claim covering at least half
// of it), paired across articles; the same fact when the gold gives both to one fact. Each event
// keeps all its claims' terms and their frequencies, as the aligner sees them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frequencies } from '../src/align/pair-features.ts';
import { frequenciesOf } from '../src/align/pair-features.ts';
import { analyzeInputs } from '../src/index.ts';
import type { Dossier } from '../src/model.ts';
import { claimTerms } from '../src/dossier/build-claims.ts';
import type { Terms } from '../src/text/terms.ts';

export interface Gold {
  sharedFacts: Array<{ id: string; mentions: Array<[string, string]> }>;
  singleSourceFacts?: Array<{ id: string; outlet: string; snippet: string }>;
  contradictions?: Array<{ id: string; a: [string, string]; b: Array<[string, string]> }>;
}

const OUTLETS = ['fox', 'hpo', 'nyt'];

/** Events of a story set with a gold, of the even or odd years (or all). */
function storyEvents(eventsDir: string, years: 'even' | 'odd' | 'all'): string[] {
  return readdirSync(eventsDir)
    .filter((e) => existsSync(join(eventsDir, e, 'gold.json')))
    .filter((e) => years === 'all' || (Number.parseInt(e.slice(0, 4), 10) % 2 === 0) === (years === 'even'))
    .sort();
}

/** The claim of an article (named by its file: fox, hpo, nyt) covering at least half of a snippet, as the story scorer finds it. */
export function claimLocator(dossier: Dossier): (outlet: string, snippet: string) => Dossier['claims'][number] | null {
  const articleOf = new Map(dossier.articles.map((a) => [a.source.split(/[\\/]/).pop()!.replace(/\.json$/, ''), a]));
  return (outlet, snippet) => {
    const article = articleOf.get(outlet);
    const at = article ? article.text.indexOf(snippet) : -1;
    if (!article || at < 0) return null;
    let best: Dossier['claims'][number] | null = null;
    let most = 0;
    for (const c of dossier.claims) {
      if (c.articleId !== article.id) continue;
      const overlap = Math.min(c.end, at + snippet.length) - Math.max(c.start, at);
      if (overlap > most) [best, most] = [c, overlap];
    }
    return most >= 0.5 * snippet.length ? best : null;
  };
}

/** The claims of a dossier holding each gold mention, with the gold fact they hold. */
export function annotatedClaims(dossier: Dossier, gold: Gold): Array<{ fact: string; claim: Dossier['claims'][number] }> {
  const claimAt = claimLocator(dossier);
  const out: Array<{ fact: string; claim: Dossier['claims'][number] }> = [];
  for (const f of gold.sharedFacts) for (const [k, s] of f.mentions) { const claim = claimAt(k, s); if (claim) out.push({ fact: f.id, claim }); }
  for (const f of gold.singleSourceFacts ?? []) { const claim = claimAt(f.outlet, f.snippet); if (claim) out.push({ fact: f.id, claim }); }
  return out;
}

/** One event's claims as the aligner sees them, and its gold-annotated pairs by claim index. */
export interface StoryEvent {
  event: string;
  claims: Array<{ articleId: string; text: string; terms: Terms }>;
  freq: Frequencies;
  pairs: Array<{ i: number; j: number; same: boolean }>;
}

export async function readStoryEvents(eventsDir: string, years: 'even' | 'odd' | 'all'): Promise<StoryEvent[]> {
  const events: StoryEvent[] = [];
  for (const event of storyEvents(eventsDir, years)) {
    const gold = JSON.parse(readFileSync(join(eventsDir, event, 'gold.json'), 'utf8')) as Gold;
    const { dossier } = await analyzeInputs(OUTLETS.map((k) => join(eventsDir, event, `${k}.json`)).filter((f) => existsSync(f)));
    // the terms as the aligner builds them: pronouns and role phrases count as the names they stand for
    const terms = claimTerms(dossier.claims, dossier.entities);
    const claims = dossier.claims.map((c, i) => ({ articleId: c.articleId, text: c.text, terms: terms[i]! }));
    const freq = frequenciesOf(claims.map((c) => c.terms.stems));
    const index = new Map(dossier.claims.map((c, i) => [c.id, i]));
    const annotated = annotatedClaims(dossier, gold);
    const seen = new Set<string>();
    const pairs: StoryEvent['pairs'] = [];
    for (let x = 0; x < annotated.length; x++) {
      for (let y = x + 1; y < annotated.length; y++) {
        const [i, j] = [index.get(annotated[x]!.claim.id)!, index.get(annotated[y]!.claim.id)!].sort((p, q) => p - q) as [number, number];
        if (claims[i]!.articleId === claims[j]!.articleId || seen.has(`${i},${j}`)) continue;
        seen.add(`${i},${j}`);
        pairs.push({ i, j, same: annotated[x]!.fact === annotated[y]!.fact });
      }
    }
    events.push({ event, claims, freq, pairs });
  }
  return events;
}
