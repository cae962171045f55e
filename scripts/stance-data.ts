// FNC-1 pairs as stance features: bodies split into sentences once, weights from all bodies and
// headlines of the file set.
import { articleFrequencies, stanceFeatures } from '../src/check/stance-features.ts';
import { splitSentences } from '../src/text/split-sentences.ts';
import type { StancePair } from './read-fnc.ts';

export function sentencesOf(body: string): string[] {
  const out: string[] = [];
  for (const line of body.split(/\n+/)) {
    for (const s of splitSentences(line, 0, line.length)) {
      const t = line.slice(s.start, s.end).trim();
      if (t) out.push(t);
    }
  }
  return out;
}

export function stanceRows(pairs: readonly StancePair[], bodies: ReadonlyMap<string, string>): number[][] {
  const split = new Map<string, string[]>();
  for (const p of pairs) if (!split.has(p.bodyId)) split.set(p.bodyId, sentencesOf(bodies.get(p.bodyId) ?? ''));
  const freq = articleFrequencies([...split.values()], [...new Set(pairs.map((p) => p.headline))]);
  return pairs.map((p) => stanceFeatures({ claim: p.headline, sentences: split.get(p.bodyId)! }, freq).features);
}
