// `check` decides through what the article's own clause says of the claim's proposition: a
// denial ("was not charged", "no charges have been filed", "inaccurate"), another status
// ("expected to charge" against "has been charged") → disagree with that sentence first; a hedge
// ("may have been charged") → discuss; the same statement → agree. Negation elsewhere in a
// sentence denies nothing. Invented story, expected stances written by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkClaim, type ArticleVerdict } from '../../src/check/check-claim.ts';
import { analyze } from '../../src/pipeline.ts';

const BACKGROUND = 'Mayor Renata Kowal has led the city of Brenmoor since 2019. The city council met on Monday to discuss the budget.';

const ARTICLES: Record<string, string> = {
  notCharged: `${BACKGROUND}\n\nRenata Kowal was not charged, the county prosecutor said on Friday. Investigators are still reviewing invoices from the harbour project.`,
  noChargesFiled: `${BACKGROUND}\n\nInvestigators have questioned several aides of Kowal about the harbour contracts. No charges have been filed against the mayor so far.`,
  inaccurate: `${BACKGROUND}\n\nReports that Kowal had been charged with bribery are inaccurate, her office said. The mayor has cooperated with investigators.`,
  planned: `${BACKGROUND}\n\nProsecutors are expected to charge Kowal with bribery next week. Her lawyer declined to comment on the case.`,
  hedged: `${BACKGROUND}\n\nKowal may have been charged with bribery, a local newspaper reported. The report could not be confirmed.`,
  agrees: `${BACKGROUND}\n\nProsecutors charged Renata Kowal, the city's mayor, with bribery on Tuesday. The charges relate to contracts for the harbour project.`,
  negationElsewhere: `${BACKGROUND}\n\nKowal, who did not return calls on Tuesday, has been charged with bribery by county prosecutors. Her deputy did not comment on the charges.`,
};

async function verdicts(claim: string): Promise<Map<string, ArticleVerdict>> {
  const dossier = await analyze(Object.entries(ARTICLES).map(([source, text]) => ({ source, text })));
  const result = checkClaim(claim, dossier);
  return new Map(result.articles.map((a) => [a.source, a]));
}

describe('check decides by the deciding clause’s negation and status', { timeout: 60_000 }, () => {
  it('a denial, "no … have been filed", "inaccurate" and a planned act disagree with "has been charged"; a hedge discusses; a paraphrase agrees', async () => {
    const byArticle = await verdicts('Mayor Renata Kowal has been charged with bribery');
    const expect: Record<string, [string, string, RegExp]> = {
      notCharged: ['disagree', 'negation', /was not charged/],
      noChargesFiled: ['disagree', 'negation', /No charges have been filed/],
      inaccurate: ['disagree', 'negation', /are inaccurate/],
      planned: ['disagree', 'status', /expected to charge/],
      hedged: ['discuss', 'hedge', /may have been charged/],
      agrees: ['agree', 'same', /Prosecutors charged Renata Kowal/],
      negationElsewhere: ['agree', 'same', /has been charged with bribery/],
    };
    for (const [source, [stance, kind, sentence]] of Object.entries(expect)) {
      const v = byArticle.get(source)!;
      assert.equal(v.stance, stance, `${source}: ${JSON.stringify(v.decidedBy)} ${v.evidence[0]?.text}`);
      assert.equal(v.decidedBy?.kind, kind, source);
      // the deciding sentence is shown first, and points at the article's text
      assert.match(v.evidence[0]!.text, sentence, source);
    }
  });

  it('a negated claim is contradicted by an article that states the act', async () => {
    const byArticle = await verdicts('Renata Kowal has not been charged with bribery');
    assert.equal(byArticle.get('agrees')!.stance, 'disagree');
    assert.equal(byArticle.get('agrees')!.decidedBy?.kind, 'negation');
    assert.equal(byArticle.get('notCharged')!.stance, 'agree');
  });
});
