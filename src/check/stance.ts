// An article's stance toward a claim (agree, disagree, discuss, unrelated) with the sentences
// that decide it. Where the article's own clauses are about the claim's proposition, their
// negation, status and numbers decide (deciding-clause.ts); elsewhere the stance features weighed
// by the committed MLP (models/stance.json, trained by scripts/train-stance.ts on FNC-1).
import { readFileSync } from 'node:fs';
import type { Frequencies } from '../align/pair-features.ts';
import { mlpProbabilities, type MlpModel } from '../learn/mlp.ts';
import { decideByProposition, type Decision } from './deciding-clause.ts';
import { stanceFeatures } from './stance-features.ts';

export type Stance = 'agree' | 'disagree' | 'discuss' | 'unrelated';

const MODEL_URL = new URL('../../models/stance.json', import.meta.url);
let model: MlpModel | null = null;

function loadModel(): MlpModel {
  model ??= JSON.parse(readFileSync(MODEL_URL, 'utf8')) as MlpModel;
  return model;
}

export interface StanceResult {
  stance: Stance;
  probabilities: Record<Stance, number>;
  /** Indices of the sentences that hold most of the claim, best first. */
  evidence: number[];
  /** Set when a clause about the claim's proposition decided, not the model: how, and why. */
  decidedBy: Pick<Decision, 'kind' | 'explanation'> | null;
}

export function stanceOf(claim: string, sentences: readonly string[], freq: Frequencies): StanceResult {
  const m = loadModel();
  const { features, best } = stanceFeatures({ claim, sentences }, freq);
  const p = mlpProbabilities(m, features);
  const probabilities = Object.fromEntries(m.classes.map((c, i) => [c, Math.round(p[i]! * 1000) / 1000])) as Record<Stance, number>;
  const decision = decideByProposition(claim, sentences, freq);
  if (decision) {
    // the deciding sentence first, then the closest others
    const evidence = [decision.sentence, ...best.filter((k) => k !== decision.sentence)];
    return { stance: decision.stance, probabilities, evidence, decidedBy: { kind: decision.kind, explanation: decision.explanation } };
  }
  const stance = m.classes[p.indexOf(Math.max(...p))] as Stance;
  return { stance, probabilities, evidence: stance === 'unrelated' ? [] : best, decidedBy: null };
}
