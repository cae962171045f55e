// A fact-checker's first question about one claim: which articles of the coverage agree with it,
// which disagree, which only discuss it, which are unrelated, each with the sentences that decide
// it (spans) and the article's own attribution for them.
import type { Dossier } from '../model.ts';
import { articleFrequencies } from './stance-features.ts';
import { stanceOf, type Stance, type StanceResult } from './stance.ts';

export interface Evidence {
  start: number;
  end: number;
  text: string;
  /** Who the article says this comes from, when it says so. */
  attribution: string | null;
}

export interface ArticleVerdict {
  articleId: string;
  source: string;
  outlet: string | null;
  title: string | null;
  stance: Stance;
  /** The model's probabilities (shown also when a clause decided, for comparison). */
  probabilities: Record<Stance, number>;
  evidence: Evidence[];
  /**
   * Set when the first evidence sentence decided the stance by what it says of the claim's
   * proposition (negation, status, number, a hedge, or the same statement), not the model.
   */
  decidedBy: StanceResult['decidedBy'];
}

export interface CheckResult {
  claim: string;
  counts: Record<Stance, number>;
  articles: ArticleVerdict[];
}

/** Evidence sentences shown per article. */
const EVIDENCE = 2;

export function checkClaim(claim: string, dossier: Pick<Dossier, 'articles' | 'claims'>): CheckResult {
  const bodies = dossier.articles.map((article) => article.sentences.filter((s) => article.blocks[s.block]?.kind !== 'heading'));
  const texts = dossier.articles.map((article, i) => bodies[i]!.map((s) => article.text.slice(s.start, s.end)));
  const freq = articleFrequencies(texts, [claim]);
  const articles = dossier.articles.map((article, i): ArticleVerdict => {
    const result = stanceOf(claim, texts[i]!, freq);
    const evidence = result.evidence.slice(0, EVIDENCE).map((k) => {
      const s = bodies[i]![k]!;
      const said = dossier.claims.find((c) => c.articleId === article.id && c.start < s.end && s.start < c.end && c.attribution);
      return { start: s.start, end: s.end, text: article.text.slice(s.start, s.end), attribution: said?.attribution ?? null };
    });
    return { articleId: article.id, source: article.source, outlet: article.outlet, title: article.title, stance: result.stance, probabilities: result.probabilities, evidence, decidedBy: result.decidedBy };
  });
  const counts: Record<Stance, number> = { agree: 0, disagree: 0, discuss: 0, unrelated: 0 };
  for (const a of articles) counts[a.stance]++;
  const order: Record<Stance, number> = { disagree: 0, agree: 1, discuss: 2, unrelated: 3 };
  // within a stance, the articles whose own sentence decided it first
  articles.sort((a, b) => order[a.stance] - order[b.stance] || Number(b.decidedBy !== null) - Number(a.decidedBy !== null) || b.probabilities[b.stance] - a.probabilities[a.stance] || a.source.localeCompare(b.source));
  return { claim, counts, articles };
}
