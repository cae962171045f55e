// `triangulate check`: which articles agree with a claim, disagree, discuss it or are unrelated,
// each with the sentences that decide it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLE_DIR, runCli } from '../helpers.ts';

interface CheckJson {
  claim: string;
  counts: Record<string, number>;
  articles: Array<{ source: string; stance: string; evidence: Array<{ start: number; end: number; text: string }> }>;
}

describe('triangulate check', () => {
  it('finds the coverage of a claim the story makes, with evidence spans that point at the articles', () => {
    const result = runCli(['check', 'The Trump administration is considering drone strikes against cartels in Mexico', EXAMPLE_DIR, '--json', '-', '-q']);
    assert.equal(result.status, 0, result.stderr);
    const answer = JSON.parse(result.stdout) as CheckJson;
    assert.equal(answer.articles.length, 5);
    assert.equal(answer.counts.unrelated, 0, 'every article of the story is about it');
    for (const article of answer.articles) {
      assert.ok(article.evidence.length > 0);
      const text = JSON.parse(runCli(['extract', article.source, '-q']).stdout).articles[0].text as string;
      for (const e of article.evidence) assert.equal(text.slice(e.start, e.end), e.text);
    }
  });

  it('calls every article unrelated to a claim about something else', () => {
    const result = runCli(['check', 'Apple released a new phone with a folding screen', EXAMPLE_DIR, '--json', '-', '-q']);
    assert.equal(result.status, 0, result.stderr);
    const answer = JSON.parse(result.stdout) as CheckJson;
    assert.equal(answer.counts.unrelated, 5);
    for (const article of answer.articles) assert.deepEqual(article.evidence, []);
  });

  it('prints article text without control characters and refuses a claim too short to check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triangulate-check-'));
    writeFileSync(join(dir, 'a.txt'), 'Officials said the drone strikes against the cartels were planned \u001b[31mfor next week\u001b[0m by the administration.\n\nThe talks continue.\n');
    const result = runCli(['check', 'The administration planned drone strikes against the cartels', dir, '-q']);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(!result.stdout.includes('\u001b'));
    assert.match(result.stdout, /drone strikes/);
    const short = runCli(['check', 'drones', dir]);
    assert.equal(short.status, 2);
    assert.match(short.stderr, /at least three words/);
  });

  it('shows which sentence decided by its own negation, and why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triangulate-check-'));
    writeFileSync(join(dir, 'a.txt'), 'Mayor Renata Kowal of Brenmoor is under investigation over harbour contracts.\n\nNo charges have been filed against the mayor so far, officials said.\n');
    const result = runCli(['check', 'Renata Kowal has been charged with bribery', dir, '-q']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /DISAGREE .* by its own words \(negation\)\n {4}why: .*“No charges.*No charges have been filed/);
    const json = JSON.parse(runCli(['check', 'Renata Kowal has been charged with bribery', dir, '--json', '-', '-q']).stdout) as { articles: Array<{ decidedBy: { kind: string } | null }> };
    assert.equal(json.articles[0]!.decidedBy?.kind, 'negation');
  });

  it('writes the answer to a file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'triangulate-check-')), 'answer.json');
    const result = runCli(['check', 'Mexico rejects any US military action on its soil', EXAMPLE_DIR, '--json', out, '-q']);
    assert.equal(result.status, 0, result.stderr);
    const answer = JSON.parse(readFileSync(out, 'utf8')) as CheckJson;
    assert.equal(answer.claim, 'Mexico rejects any US military action on its soil');
    assert.equal(answer.counts.unrelated, 0);
  });
});
