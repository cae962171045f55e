// Origins of claims on short invented articles, written for these tests: the same statement
// quoted by two outlets is one origin; an outlet cited in one sentence stamps that sentence's
// claim only; anonymous sources stay each outlet's own reporting; a rewrite is one origin with
// the article it rewrites.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeInputs, type Dossier } from '../../src/index.ts';

async function dossierOf(articles: Array<{ outlet: string; publishedAt: string; text: string }>): Promise<Dossier> {
  const { dossier, failures } = await analyzeInputs(articles.map((a, i) => ({ ...a, source: `${a.outlet.toLowerCase().replace(/\s+/g, '-')}-${i}.txt` })));
  assert.deepEqual(failures, []);
  return dossier;
}

/** The claim of an outlet's article that holds these words, and its group. */
function claimOf(dossier: Dossier, outlet: string, words: string) {
  const article = dossier.articles.find((a) => a.outlet === outlet)!;
  const found = dossier.claims.filter((c) => c.articleId === article.id && c.text.includes(words));
  assert.equal(found.length, 1, `${outlet}: "${words}" in ${JSON.stringify(dossier.claims.filter((c) => c.articleId === article.id).map((c) => c.text))}`);
  const claim = found[0]!;
  const group = dossier.claimGroups.find((g) => g.claimIds.includes(claim.id))!;
  const origin = group.originDetails.find((o) => o.claimIds.includes(claim.id))!;
  return { claim, group, origin };
}

const BRIDGE_QUOTE = 'The bridge is no longer safe for heavy trucks, and we will not wait for an accident to prove it';

describe('origins of claims', () => {
  it('counts one person’s statement quoted by two outlets as one origin, and not as copying', async () => {
    const dossier = await dossierOf([
      {
        outlet: 'Daily Ledger',
        publishedAt: '2021-03-02',
        text: `Mayor Elena Ruiz closed the Harbor Street bridge to trucks on Monday after engineers found cracks in two of its steel beams.\n\n“${BRIDGE_QUOTE},” Ruiz said at a news conference.\n\nRepairs are expected to take about four months.`,
      },
      {
        outlet: 'Valley Herald',
        publishedAt: '2021-03-02',
        text: `Trucks will have to find another way across the river: Mayor Elena Ruiz has shut the Harbor Street bridge to heavy vehicles.\n\n“${BRIDGE_QUOTE},” Ruiz told reporters at City Hall.\n\nThe city has not said what the work will cost.`,
      },
    ]);
    const ledger = claimOf(dossier, 'Daily Ledger', 'no longer safe for heavy trucks');
    const herald = claimOf(dossier, 'Valley Herald', 'no longer safe for heavy trucks');
    assert.equal(ledger.group.id, herald.group.id, 'the two renderings of the quotation are one fact');
    assert.deepEqual(ledger.group.origins, ['same-statement:elena ruiz']);
    assert.equal(ledger.group.independentOrigins, 1);
    assert.equal(ledger.group.status, 'single-source');
    assert.equal(ledger.origin.label, 'Elena Ruiz’s statement');
    for (const s of dossier.sources) {
      assert.deepEqual(s.derivedFrom, []);
      assert.deepEqual(s.derivations, [], 'a quotation both carry is not shared text');
    }
  });

  it('gives an outlet cited in one sentence to that sentence’s claim only', async () => {
    const dossier = await dossierOf([
      {
        outlet: 'Daily Ledger',
        publishedAt: '2021-05-11',
        text: 'The town council voted 7-2 to double the downtown parking fee, two council members told the Coastal Tribune.\n\nThe new parking fee takes effect on the first of June.\n\nShop owners on Main Street have collected 900 signatures against the increase.',
      },
      {
        outlet: 'Valley Herald',
        publishedAt: '2021-05-11',
        text: 'Parking downtown is about to cost twice as much after a 7-2 vote of the town council on Tuesday night.\n\nThe new parking fee takes effect on the first of June, the town clerk confirmed.\n\nThe council also approved a new bus shelter near the library.',
      },
    ]);
    const told = claimOf(dossier, 'Daily Ledger', 'voted 7-2');
    assert.equal(told.origin.origin, 'cite:coastal tribune');
    assert.equal(told.origin.label, 'Coastal Tribune');
    const fee = claimOf(dossier, 'Daily Ledger', 'takes effect on the first of June');
    assert.equal(fee.origin.origin, 'outlet:daily ledger', 'the cite in the first sentence stamps nothing else');
    assert.equal(fee.origin.label, 'Daily Ledger’s own reporting');
    const shops = claimOf(dossier, 'Daily Ledger', '900 signatures');
    assert.deepEqual(shops.group.origins, ['outlet:daily ledger']);
  });

  it('takes the name that heads the source’s words for who speaks, not a name that qualifies it', async () => {
    const dossier = await dossierOf([
      {
        outlet: 'Daily Ledger',
        publishedAt: '2021-05-12',
        text: 'Mayor Elena Ruiz defended the parking fee on Wednesday.\n\nRuiz campaign spokeswoman Dana Whitfield said the new parking fee would pay for two new bus lines.\n\nSome Ruiz aides said the fee could be lowered next year.',
      },
      {
        outlet: 'Valley Herald',
        publishedAt: '2021-05-12',
        text: 'Mayor Elena Ruiz spent Wednesday defending the fee.\n\nDana Whitfield, a spokeswoman for the Ruiz campaign, said the new parking fee would pay for two new bus lines.\n\nTwo Ruiz aides said the fee could be lowered next year.',
      },
    ]);
    const ledger = claimOf(dossier, 'Daily Ledger', 'two new bus lines');
    const herald = claimOf(dossier, 'Valley Herald', 'two new bus lines');
    assert.equal(ledger.group.id, herald.group.id);
    assert.deepEqual(ledger.group.origins, ['same-statement:dana whitfield']);
    // unnamed aides of a named person are not that person: each outlet's own reporting
    const aides = claimOf(dossier, 'Daily Ledger', 'lowered next year');
    assert.equal(aides.origin.origin, 'outlet:daily ledger');
  });

  it('keeps unnamed officials each outlet’s own reporting: two outlets, two origins', async () => {
    const dossier = await dossierOf([
      {
        outlet: 'Daily Ledger',
        publishedAt: '2021-07-20',
        text: 'The state will close the Pine Ridge prison by the end of next year, officials said on Monday.\n\nThe prison holds about 1,200 inmates.',
      },
      {
        outlet: 'Valley Herald',
        publishedAt: '2021-07-20',
        text: 'The state plans to close the Pine Ridge prison by the end of next year, according to two officials familiar with the decision.\n\nGuards at the prison learned of the plan from the news.',
      },
    ]);
    const ledger = claimOf(dossier, 'Daily Ledger', 'Pine Ridge prison');
    const herald = claimOf(dossier, 'Valley Herald', 'Pine Ridge prison');
    assert.equal(ledger.group.id, herald.group.id);
    assert.deepEqual(ledger.group.origins, ['outlet:daily ledger', 'outlet:valley herald']);
    assert.equal(ledger.group.status, 'corroborated');
  });

  it('gives the statement of whoever spoke the quoted words to a claim that cites an unnamed “statement”', async () => {
    const dossier = await dossierOf([
      {
        outlet: 'Daily Ledger',
        publishedAt: '2021-08-03',
        text: 'A federal judge ruled on Monday that Harbor Freight Lines owes the port authority $4 million in unpaid fees.\n\n“We will appeal the ruling because the court misread the contract,” said Dana Price, the company’s general counsel.\n\nThe port authority welcomed the decision.',
      },
      {
        outlet: 'Valley Herald',
        publishedAt: '2021-08-03',
        text: 'Harbor Freight Lines lost its fee dispute with the port authority in federal court on Monday.\n\nThe statement said Harbor Freight Lines, which had fought the port authority for three years, “will appeal the ruling” and believes “the court misread the contract.”\n\nThe company moves most of the containers that pass through the port.',
      },
    ]);
    const herald = claimOf(dossier, 'Valley Herald', 'The statement said');
    assert.equal(herald.origin.origin, 'same-statement:dana price');
    const ledger = claimOf(dossier, 'Daily Ledger', 'We will appeal the ruling');
    assert.equal(ledger.origin.origin, 'same-statement:dana price');
  });
});
