// Claims of different outlets that state one fact in their own words are one group; a fact one
// outlet alone states stays single-source, with a near match in another outlet offered as
// "possibly also in" rather than silently left out. Three hand-written articles about one
// invented indictment (test/fixtures/same-fact/), the expected groups written by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { analyze } from '../../src/index.ts';
import { renderMarkdown } from '../../src/render/render-markdown.ts';
import { FIXTURES } from '../helpers.ts';

const dossier = await analyze([join(FIXTURES, 'same-fact')]);
const outletOf = new Map(dossier.articles.map((a) => [a.id, a.outlet]));
const claimWith = (outlet: string, words: string) => {
  const claim = dossier.claims.find((c) => outletOf.get(c.articleId) === outlet && c.text.includes(words));
  assert.ok(claim, `${outlet} has a claim with “${words}”`);
  return claim;
};
const groupOf = (claimId: string) => dossier.claimGroups.find((g) => g.claimIds.includes(claimId))!;

test('paraphrases of the lead fact across three outlets are one group', () => {
  const group = groupOf(claimWith('Daily Ledger', 'was indicted Tuesday').id);
  assert.ok(group.claimIds.includes(claimWith('Evening Courier', 'grand jury indicted').id));
  assert.ok(group.claimIds.includes(claimWith('Valley Herald', 'faces four counts').id));
  assert.equal(group.articleIds.length, 3);
});

test('the same accusation in other words, with a pronoun for the mayor, is one group', () => {
  const group = groupOf(claimWith('Evening Courier', 'she steered $2 million').id);
  assert.ok(group.claimIds.includes(claimWith('Daily Ledger', 'accuses Park of steering').id));
  assert.ok(group.claimIds.includes(claimWith('Valley Herald', 'directed $2 million').id));
});

test('a denial told with a pronoun in one outlet and the name in another is one group', () => {
  const group = groupOf(claimWith('Evening Courier', 'She has denied wrongdoing').id);
  assert.ok(group.claimIds.includes(claimWith('Daily Ledger', 'has denied any wrongdoing').id));
});

test('facts only one outlet states stay apart, each in a group of its own', () => {
  for (const [outlet, words] of [
    ['Evening Courier', 'harbor authority'],
    ['Valley Herald', 'politically motivated'],
    ['Daily Ledger', 'city council will meet'],
  ] as const) {
    const group = groupOf(claimWith(outlet, words).id);
    assert.equal(group.status, 'single-source', words);
    assert.deepEqual(group.claimIds, [claimWith(outlet, words).id]);
  }
});

test('a plea reported by two outlets in different words is grouped or offered as possibly the same, never hidden', () => {
  const ledger = claimWith('Daily Ledger', 'plead not guilty');
  const herald = claimWith('Valley Herald', 'plead not guilty');
  const group = groupOf(ledger.id);
  const together = group.claimIds.includes(herald.id);
  const offered = group.possiblyAlsoIn.some((p) => p.claimId === herald.id);
  assert.ok(together || offered);
  if (!together) assert.match(renderMarkdown(dossier), /possibly also in Valley Herald: “Park's attorney, Dan Ortiz, said the mayor would plead not guilty\.”/);
});

test('a fact with no near match elsewhere lists none', () => {
  assert.deepEqual(groupOf(claimWith('Evening Courier', 'harbor authority').id).possiblyAlsoIn, []);
});

test('a group resting on a closest match only is marked less sure, and the brief says so; a plainly worded one is not', () => {
  assert.equal(groupOf(claimWith('Daily Ledger', 'was indicted Tuesday').id).closestMatch, false);
  const marked = dossier.claimGroups.filter((g) => g.closestMatch);
  const brief = renderMarkdown(dossier);
  assert.equal((brief.match(/grouped as each other’s closest sentences/g) ?? []).length, marked.filter((g) => g.status !== 'contested' && g.articleIds.length > 1).length);
});
