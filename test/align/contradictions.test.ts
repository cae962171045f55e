// Contradictions between two claims, on short invented sentences: each kind found with the words
// compared, and each non-contradiction the issue names left alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conflictBetween, type ClaimText } from '../../src/align/contradictions.ts';
import { alignClaims, type AlignableClaim } from '../../src/align/group-claims.ts';
import { termsOf } from '../../src/text/terms.ts';

const claim = (text: string, published: string | null = '2024-03-05T12:00:00Z'): ClaimText => ({ text, terms: termsOf(text), published: published ? new Date(published) : null });

describe('contradiction kinds', () => {
  it('number: the same thing counted, two values, shown as written', () => {
    const c = conflictBetween(claim('Prosecutors unsealed a 48-page indictment against the mayor on Tuesday.'), claim('Prosecutors unsealed a 47-page indictment against the mayor.'), false);
    assert.equal(c?.kind, 'number');
    assert.deepEqual(c?.values, ['48-page', '47-page']);
  });

  it('status: charged against no charges filed (the two published together)', () => {
    const c = conflictBetween(claim('No formal charges over the port contracts have been filed yet against Mayor Ruiz.'), claim('Mayor Ruiz has been charged over the port contracts with five federal crimes.'), false);
    assert.equal(c?.kind, 'status');
    assert.deepEqual(c?.values, ['No formal charges', 'has been charged']);
  });

  it('status: done against expected, the same day', () => {
    const c = conflictBetween(claim('Mayor Ruiz was expected to be indicted on federal fraud charges.'), claim('Mayor Ruiz has been indicted on federal fraud charges by a grand jury.'), false);
    assert.equal(c?.kind, 'status');
    assert.deepEqual(c?.values, ['expected to be indicted', 'has been indicted']);
  });

  it('update, not status: a later article reports done what an earlier one expected', () => {
    const c = conflictBetween(claim('Mayor Ruiz was expected to be indicted on federal fraud charges.', '2024-03-04T09:00:00Z'), claim('Mayor Ruiz has been indicted on federal fraud charges by a grand jury.', '2024-03-06T09:00:00Z'), false);
    assert.equal(c?.kind, 'update');
    assert.equal(c?.later, 'b');
  });

  it('status, not update: the later article still has it only expected', () => {
    const c = conflictBetween(claim('Mayor Ruiz was expected to be indicted on federal fraud charges.', '2024-03-06T09:00:00Z'), claim('Mayor Ruiz has been indicted on federal fraud charges by a grand jury.', '2024-03-04T09:00:00Z'), false);
    assert.equal(c?.kind, 'status');
    assert.equal(c?.later, undefined);
  });

  it('negation: one states what the other denies, within one fact', () => {
    const c = conflictBetween(claim('The senator voted for the water bill.'), claim('The senator did not vote for the water bill.'), true);
    assert.equal(c?.kind, 'negation');
    assert.deepEqual(c?.values, ['voted', "not vote"]);
  });

  it('date: one event given two dates', () => {
    const c = conflictBetween(claim('The council voted on March 3 to close the library.'), claim('The council voted on March 4 to close the library.'), true);
    assert.equal(c?.kind, 'date');
    assert.deepEqual(c?.values, ['March 3', 'March 4']);
  });

  it('date: a year said of one event, though the sentences were not aligned', () => {
    const c = conflictBetween(claim('Okafor has led the union since 2011.'), claim('Okafor has led the union since 2012, and his rivals say that is the problem.'), false);
    assert.equal(c?.kind, 'date');
    assert.deepEqual(c?.values, ['since 2011', 'since 2012']);
  });

  it('stage: an early stage against a late one', () => {
    const c = conflictBetween(claim('The merger talks between Alder and Brook remain in early stages.'), claim('The merger talks between Alder and Brook are nearing the final stage.'), false);
    assert.equal(c?.kind, 'stage');
    assert.deepEqual(c?.values, ['early stages', 'nearing the final stage']);
  });
});

describe('not contradictions', () => {
  it('two events with two dates', () => {
    assert.equal(conflictBetween(claim('The council approved the budget on Monday.'), claim('The council rejected the zoning plan on Tuesday.'), false), null);
    assert.equal(conflictBetween(claim('Ruiz rebuffed calls to step aside late Monday.'), claim('Ruiz on Tuesday refused to step down from the race.'), false), null);
  });

  it('"not accurate" and "inaccurate" take one stance', () => {
    assert.equal(conflictBetween(claim('The mayor said the audit report was not accurate.'), claim('The mayor called the audit report inaccurate.'), true), null);
  });

  it('"accurate" against "inaccurate" is a negation', () => {
    assert.equal(conflictBetween(claim('The auditor said the report was accurate.'), claim('The auditor said the report was inaccurate.'), true)?.kind, 'negation');
  });

  it('a relative time span is not a date', () => {
    assert.equal(conflictBetween(claim('The mayor resigned less than 48 hours after the vote.'), claim('The mayor resigned on Friday.'), true), null);
  });

  it('a detail one outlet leaves out', () => {
    assert.equal(conflictBetween(claim('Mayor Ruiz was indicted on fraud charges in Denver on Tuesday.'), claim('Mayor Ruiz was indicted on fraud charges.'), true), null);
  });

  it('a rounded or bounded figure', () => {
    assert.equal(conflictBetween(claim('The party has lost nearly 60 seats in the chamber.'), claim('The party has lost 58 seats in the chamber.'), true), null);
  });

  it('a correction set beside a denial ("X, not Y")', () => {
    assert.equal(conflictBetween(claim('Ryan says the plan would preserve Medicare, not end it.'), claim('The plan would end Medicare.'), true), null);
  });

  it('a quoted "no" names a vote and denies nothing', () => {
    assert.equal(conflictBetween(claim('The lone "no" vote in the Senate came from Reid.'), claim('Reid cast the lone vote in the Senate against it.'), true), null);
  });

  it('someone quoted about himself is not the outlet saying it', () => {
    assert.equal(conflictBetween(claim('“I served in the Marines in Vietnam,” Blake said.'), claim('Blake never served in the Marines in Vietnam.'), true), null);
  });

  it('not done and done said of two things', () => {
    assert.equal(conflictBetween(claim('The White House never offered Sestak the job of Secretary of the Navy.'), claim('The report said Sestak was offered positions on advisory boards.'), false), null);
  });

  it('planned against planned, or done twice, agree', () => {
    assert.equal(conflictBetween(claim('Prosecutors plan to file charges against Ruiz.'), claim('Prosecutors intend to file charges against Ruiz.'), true), null);
    assert.equal(conflictBetween(claim('Ruiz was indicted on fraud charges.'), claim('Ruiz has been indicted on fraud charges.'), true), null);
  });
});

describe('alignClaims', () => {
  const alignable = (articleId: string, text: string): AlignableClaim => ({ articleId, ...claim(text) });

  it('compares two stage claims that share no word, each pointing back to the story’s process', () => {
    const claims = [
      alignable('a', 'These deliberations, which remain in early stages, are part of a broader strategy.'),
      alignable('a', 'The ministry has hired forty new inspectors this year.'),
      alignable('b', 'Now, that case is nearing the execution phase.'),
      alignable('b', 'Farmers in the valley reported a poor harvest.'),
    ];
    const { conflicts } = alignClaims(claims);
    assert.deepEqual(conflicts.map((c) => [c.a, c.b, c.conflict.kind, c.conflict.values]), [[0, 2, 'stage', ['early stages', 'nearing the execution phase']]]);
  });

  it('compares one count of one thing in sentences worded apart', () => {
    const claims = [
      alignable('a', 'Okafor has led the union since 2011.'),
      alignable('a', 'The strike closed three ports on the coast.'),
      alignable('b', 'Okafor has led the union since 2012, and his rivals say that is the problem.'),
      alignable('b', 'Rain delayed the harvest in the north.'),
    ];
    assert.deepEqual(alignClaims(claims).conflicts.map((c) => [c.a, c.b, c.conflict.kind]), [[0, 2, 'date']]);
  });
});
