// The library takes whatever a JavaScript caller hands it: each bad in-memory input becomes a
// listed failure naming the input (and the field), never a TypeError; good ones are read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, analyzeInputs, type Input } from '../src/index.ts';
import { EXAMPLE_DIR } from './helpers.ts';

const TEXT = readFileSync(join(EXAMPLE_DIR, '004_c0100b728ebff7f0.txt'), 'utf8');

describe('library inputs of any shape', () => {
  it('lists each malformed input as a failure with its reason, and reads the good one', async () => {
    const hostile = [null, undefined, { url: 5 }, { source: 42 }, { title: {}, outlet: 7 }, 5, {}, [], true, { text: TEXT, publishedAt: new Date(0) }, { html: ['<p>x</p>'] }, 'a\0b.txt'] as unknown as Input[];
    const { dossier, failures, articles } = await analyzeInputs([...hostile, { text: TEXT, source: 'good' }]);
    assert.deepEqual(articles.map((a) => a.source), ['good']);
    assert.deepEqual(
      failures.map((f) => [f.input, f.reason]),
      [
        ['a\0b.txt', 'not a valid path'],
        ['input#1', 'an input must be a path or an object with "text" or "html", not null'],
        ['input#2', 'an input must be a path or an object with "text" or "html", not undefined'],
        ['input#3', '"url" must be a string, not a number'],
        ['input#4', '"source" must be a string, not a number'],
        ['input#5', '"outlet" must be a string, not a number'],
        ['input#6', 'an input must be a path or an object with "text" or "html", not a number'],
        ['input#7', 'an in-memory article needs a non-empty "text" or "html"'],
        ['input#8', 'an input must be a path or an object with "text" or "html", not an array'],
        ['input#9', 'an input must be a path or an object with "text" or "html", not a boolean'],
        ['input#10', '"publishedAt" must be a string, not an object'],
        ['input#11', '"html" must be a string, not an array'],
      ],
    );
    assert.equal(dossier.messages.filter((m) => m.rule === 'input-failed').length, failures.length);
  });

  it('never throws from analyze on such inputs', async () => {
    for (const input of [null, undefined, { url: 5 }, { source: 42 }, { title: {}, outlet: 7 }, 5, {}]) {
      const dossier = await analyze([input as unknown as Input]);
      assert.equal(dossier.articles.length, 0);
      assert.equal(dossier.messages.length, 1, JSON.stringify(input));
      assert.equal(dossier.messages[0]!.rule, 'input-failed');
    }
  });

  it('reads the field that holds text: {html: null, text} is text, null metadata is absent', async () => {
    const { articles, failures } = await analyzeInputs([{ html: null, text: TEXT, title: null, url: 'https://news.example.org/a' } as unknown as Input]);
    assert.deepEqual(failures, []);
    assert.equal(articles[0]!.format, 'text');
    assert.equal(articles[0]!.source, 'https://news.example.org/a');
    const blankHtml = await analyzeInputs([{ html: '  ', text: TEXT }]);
    assert.equal(blankHtml.articles[0]!.format, 'text');
  });
});
