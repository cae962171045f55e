// Inputs that once stalled or broke annotation: a word of 100,000 letters (the stemmer is
// quadratic in a word's length), a capitalised "name" of 50,000 characters (entity linking built
// a regular expression out of names: "Regular expression too large"), a sentence of 180,000 words
// (framing counted the quotation marks before each word again: 150 s), a page of 200,001 elements. The
// timeouts only stop a hang; each of these took from 20 s to minutes before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spreadMentions } from '../../src/dossier/link-entities.ts';
import { loadedTermsOf } from '../../src/framing/loaded-terms.ts';
import { analyzeInputs, extractInputs } from '../../src/index.ts';
import type { Entity } from '../../src/model.ts';
import { stemOf } from '../../src/text/terms.ts';

describe('long words, names and sentences', () => {
  it('leaves a word longer than any English word unstemmed, and stems the others', { timeout: 10_000 }, () => {
    const long = 'a'.repeat(100_000);
    assert.equal(stemOf(long), long);
    assert.equal(stemOf('designations'), 'design');
  });

  it('analyses an article holding a 50,000-character capitalised token', { timeout: 60_000 }, async () => {
    const token = `A${'B'.repeat(49_999)}`;
    const text = `The minister met ${token} in the capital on Monday.\n\nThe minister said the talks went well. ${token} did not comment.\n`;
    const { dossier, failures } = await analyzeInputs([{ text, source: 'long-name.txt' }]);
    assert.deepEqual(failures, []);
    assert.equal(dossier.articles.length, 1);
    assert.ok(dossier.articles[0]!.text.includes(token));
  });

  it('finds loaded terms in a sentence of 180,000 words, and none inside its quotation', { timeout: 30_000 }, () => {
    const sentence = `Critics called the "radical scheme" a disaster and ${'the committee met again and '.repeat(36_000)}the regime shrugged`;
    const quoteStart = sentence.indexOf('"');
    const quoteEnd = sentence.indexOf('"', quoteStart + 1) + 1;
    const terms = loadedTermsOf(sentence, [{ start: quoteStart, end: quoteEnd }]);
    assert.ok(terms.some((t) => t.term === 'regime'));
    assert.ok(terms.every((t) => t.end <= quoteStart || t.start >= quoteEnd));
  });

  it('refuses a page of more than 200,000 elements by name', { timeout: 60_000 }, async () => {
    const html = `<html><body><div>${'<span>a</span> '.repeat(200_001)}</div></body></html>`;
    const { articles, failures } = await extractInputs([{ html, source: 'spans.html' }, { text: 'A second input, read after the first was refused, with some words.', source: 'after.txt' }]);
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.input, 'spans.html');
    assert.match(failures[0]!.reason, /more than 200,000 elements/);
    assert.deepEqual(articles.map((a) => a.source), ['after.txt']);
  });
});

describe('names found again across a story', () => {
  const entity = (name: string, aliases: string[], start: number): Entity => ({
    id: `e-${name}`,
    name,
    type: 'person',
    aliases,
    roles: [],
    mentions: [{ articleId: 'a1', start, end: start + name.length, form: 'name' }],
  });

  it('adds whole-word occurrences, the longest form first, never inside a word or over a mention', () => {
    const text = 'Claudia Sheinbaum spoke. Later Sheinbaum and Claudia Sheinbaum met Sheinbaumites; the Sheinbaum2 file; ÉSheinbaum.';
    const people = [entity('Claudia Sheinbaum', ['Sheinbaum'], 0)];
    const [spread] = spreadMentions(people, [{ id: 'a1', text }]);
    const found = spread!.mentions.map((m) => text.slice(m.start, m.end));
    assert.deepEqual(found, ['Claudia Sheinbaum', 'Sheinbaum', 'Claudia Sheinbaum']);
    assert.deepEqual(
      spread!.mentions.map((m) => m.start),
      [0, text.indexOf('Later Sheinbaum') + 6, text.indexOf('and Claudia') + 4],
    );
  });

  it('finds names next to characters outside the basic plane', () => {
    const text = 'Talks 𝐀 Esper spoke; 𝐀Esper did not.';
    const [spread] = spreadMentions([entity('Esper', [], 1000)], [{ id: 'a1', text }]);
    assert.deepEqual(spread!.mentions.filter((m) => m.start < 1000).map((m) => m.start), [text.indexOf(' Esper') + 1]);
  });
});
