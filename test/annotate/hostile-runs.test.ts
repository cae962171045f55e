// Long runs that made pattern matching quadratic: the role-phrase pattern was tried from every
// capital of a run of letters and dots and scanned the run again ("T.T.T.…" of 300,000
// characters: 29 s). The time limit only stops a hang; the same calls on ordinary text show the
// results are the ones the patterns gave (a clause break after a run of spaces, which recheck
// flagged but V8 happens to run fast, is checked for its result only).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { findClaims } from '../../src/claims/find-claims.ts';
import { findReferences } from '../../src/annotate/find-roles.ts';
import type { Article } from '../../src/model.ts';
import { tailRun, tailRunStart, trimTail } from '../../src/text/tail-runs.ts';
import { ROOT } from '../helpers.ts';

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

  // in a child process, which the time limit kills: a regex match blocks the test's own timer
  it('reads "T.T.T.…" of 300,000 characters without scanning it from every capital', { timeout: 30_000 }, () => {
    const code = `
      import { findReferences } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/annotate/find-roles.ts')).href)};
      const text = 'T.'.repeat(150_000) + ' and the president';
      const lex = { roles: new Set(['president']), male: new Set(), female: new Set() };
      console.log(JSON.stringify(findReferences({ id: 'a', text }, [], lex).filter((r) => r.kind === 'role').map((r) => r.text)));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.signal, null, 'killed after 10 s');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), ['the president']);
  });

  it('cuts a sentence at "— but" after 100,000 spaces, and only there', () => {
    const text = `The ministry approved the plan on Monday${' '.repeat(100_000)}— but the army said it would wait for the courts.`;
    const claims = findClaims(articleOf(text), []);
    assert.deepEqual(claims.map((c) => c.text), ['The ministry approved the plan on Monday', 'the army said it would wait for the courts.']);
  });
});
