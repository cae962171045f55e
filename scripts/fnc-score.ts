// The official FNC-1 weighted score (0.25 for telling related from unrelated, 0.75 more for the
// right stance of a related pair, over the best possible), per-class F1 and macro F1.
import { STANCES, type Stance } from './read-fnc.ts';

export interface FncScore {
  score: number;
  f1: Record<Stance, number>;
  macroF1: number;
}

export function fncScore(gold: readonly Stance[], predicted: readonly Stance[]): FncScore {
  let score = 0;
  let best = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    best += g === 'unrelated' ? 0.25 : 1;
    if (g === p) score += 0.25;
    if (g !== 'unrelated' && p !== 'unrelated') score += 0.25;
    if (g === p && g !== 'unrelated') score += 0.5;
  });
  const f1 = Object.fromEntries(
    STANCES.map((c) => {
      const tp = gold.filter((g, i) => g === c && predicted[i] === c).length;
      const fp = predicted.filter((p, i) => p === c && gold[i] !== c).length;
      const fn = gold.filter((g, i) => g === c && predicted[i] !== c).length;
      const precision = tp / (tp + fp || 1);
      const recall = tp / (tp + fn || 1);
      return [c, (2 * precision * recall) / (precision + recall || 1)];
    }),
  ) as Record<Stance, number>;
  return { score: score / best, f1, macroF1: STANCES.reduce((s, c) => s + f1[c], 0) / STANCES.length };
}
