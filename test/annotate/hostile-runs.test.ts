// Long runs that once made pattern matching quadratic: each of these patterns was tried from every
// position of a run and scanned the run again ("T.T.T.…" of 300,000 characters: about 40 s in role
// phrases; 100,000 spaces before a dash in a sentence). The timeouts only stop a hang; the same
// calls on ordinary text show the results are the ones the patterns gave.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findClaims } from '../../src/claims/find-claims.ts';
import { findReferences } from '../../src/annotate/find-roles.ts';
import type { Article } from '../../src/model.ts';
import { tailRun, tailRunStart, trimTail } from '../../src/text/tail-runs.ts';

const lex = { roles: new Set(['president', 'envoy']), male: new Set<string>(), female: new Set<string>() };

function articleOf(text: string): Article {
  return { id: 'a', text, blocks: [{ kind: 'paragraph', start: 0, end: text.length }], sentences: [{ start: 0, end: text.length, block: 0 }] } as unknown as Article;
}

describe('runs at the end of a text', () => {
  it('are found by class, a surrogate pair as one character under the u flag', () => {
    assert.equal(trimTail('Monday, .; ', /[\s,;:.]/), 'Monday');
    assert.equal(tailRun('said: “ ', /\W/), ': “ ');
    assert.equal(tailRunStart('ab𝐀𝐀 ', /\p{Lu}/u, 6), 2);
    assert.equal(tailRunStart('ab𝐀𝐀 ', /\p{L}/u, 6), 0);
    assert.equal(tailRunStart('ab𝐀𝐀 ', /[a-z]/, 6), 6);
    assert.equal(tailRunStart('   x', /\s/, 3, 1), 1);
  });
});

describe('role phrases and clauses over long runs', () => {
  it('finds the role phrases a possessor starts, once per run of letters and dots', () => {
    const refs = (text: string): string[] => findReferences(articleOf(text), [], lex).filter((r) => r.kind === 'role').map((r) => r.text);
    assert.deepEqual(refs("Mexico's president met Canada's envoy."), ["Mexico's president", "Canada's envoy"]);
    // after a phrase that ends inside a run, the run's next capital still starts one
    assert.deepEqual(refs("the President.Mexico's envoy said"), ['the President', "Mexico's envoy"]);
  });

  it('reads "T.T.T.…" of 300,000 characters without scanning it from every capital', { timeout: 10_000 }, () => {
    const text = `${'T.'.repeat(150_000)} and the president`;
    assert.deepEqual(findReferences(articleOf(text), [], lex).filter((r) => r.kind === 'role').map((r) => r.text), ['the president']);
  });

  it('cuts a sentence at "— but" after 100,000 spaces, and only there', { timeout: 10_000 }, () => {
    const text = `The ministry approved the plan on Monday${' '.repeat(100_000)}— but the army said it would wait for the courts.`;
    const claims = findClaims(articleOf(text), []);
    assert.deepEqual(claims.map((c) => c.text), ['The ministry approved the plan on Monday', 'the army said it would wait for the courts.']);
  });
});
