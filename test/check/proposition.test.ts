// How a clause states the claim's predicate: negation read at the predicate only, status from its
// auxiliaries, hedges, and clauses split where a sentence holds several.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clausesOf, isReported, predicatesOf, readClause } from '../../src/check/proposition.ts';

const CHARGE = predicatesOf('He has been charged with federal crimes');

describe('reading a clause against the claim’s predicate', () => {
  it('finds the status verb as the predicate, and a verb after auxiliaries when there is none', () => {
    assert.deepEqual([...CHARGE], ['charg']);
    assert.deepEqual([...predicatesOf('The senator has quietly stepped down')], ['step']);
    assert.deepEqual([...predicatesOf('Christian Bale is Steve Jobs')], []);
  });

  it('reads denial, status and hedges around the predicate', () => {
    const read = (text: string) => readClause(text, CHARGE);
    assert.equal(read('He was not charged').denied, true);
    assert.equal(read("He hasn't been charged").denied, true);
    assert.equal(read('No formal charges have been filed yet').denied, true);
    assert.equal(read('He has yet to be charged').denied, true);
    assert.equal(read('The claim that he was charged is untrue').denied, true);
    assert.equal(read('He did not return calls about the charges').denied, false);
    assert.equal(read('No less than seven people were charged').denied, false);
    assert.equal(read('He has been charged').status, 'done');
    assert.equal(read('He is expected to be charged next week').status, 'planned');
    assert.equal(read('He could be charged').status, 'planned');
    assert.equal(read('He may have been charged').status, 'hedged');
    assert.equal(read('A website reported that he was charged').status, 'hedged');
    assert.equal(read('The charges relate to contracts').status, 'unstated');
    assert.equal(readClause('Hunter to be charged', CHARGE, { headline: true }).status, 'planned');
  });

  it('splits off relative clauses and attributions, and keeps appositions', () => {
    const texts = (s: string) => clausesOf(s).map((c) => c.text.replace(/\s+/g, ' ').trim());
    assert.deepEqual(texts('Kowal, who did not comment, has been charged with bribery, prosecutors said.'), ['Kowal has been charged with bribery', 'who did not comment']);
    assert.deepEqual(texts('No charges have been filed yet, and his lawyer said he did nothing wrong.'), ['No charges have been filed yet', 'and his lawyer said he did nothing wrong.']);
    assert.deepEqual(texts('Prosecutors charged Renata Kowal, the mayor, with bribery.'), ['Prosecutors charged Renata Kowal, the mayor, with bribery.']);
  });

  it('leaves reported, quoted and question claims to the model', () => {
    assert.equal(isReported('Boko Haram denies ceasefire deal'), true);
    assert.equal(isReported('Report: Apple Watch to start at $500'), true);
    assert.equal(isReported('Could he be charged?'), true);
    assert.equal(isReported("Nigeria's army has freed the girls"), false);
  });
});
