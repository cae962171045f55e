// Quotations and their speakers: the quote finder on each form quotations take, grouping across
// outlets, and the example story's quotes with speakers written out by hand.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { findQuotes } from '../../src/annotate/find-quotes.ts';
import { diffWords, groupQuotes } from '../../src/dossier/group-quotes.ts';
import type { Quote } from '../../src/model.ts';
import { analyze, type Dossier } from '../../src/index.ts';
import { EXAMPLE_DIR } from '../helpers.ts';

function quotesOf(text: string): Array<{ text: string; scare: boolean; continued: boolean }> {
  const paragraphs: Array<{ start: number; end: number }> = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) paragraphs.push({ start: m.index, end: m.index + m[0].length });
  return findQuotes(text, paragraphs).map((q) => ({ text: text.slice(q.start, q.end), scare: q.scare, continued: q.continued }));
}

describe('findQuotes', () => {
  it('finds both pieces of a quote split by its cue', () => {
    const found = quotesOf('“Mexico rejects any intervention,” Sheinbaum stated. “Our sovereignty is not negotiable.”');
    assert.deepEqual(found.map((q) => q.text), ['“Mexico rejects any intervention,”', '“Our sovereignty is not negotiable.”']);
  });

  it('runs a quotation over paragraphs when the next one reopens it', () => {
    const found = quotesOf('He said: “The first paragraph of the statement ends here.\n“And the second one goes on,” he added.');
    assert.equal(found.length, 2);
    assert.equal(found[0]!.text, '“The first paragraph of the statement ends here.');
    assert.equal(found[1]!.continued, true);
  });

  it('marks quotes of one or two words as scare quotes, and keeps single quotes inside double ones', () => {
    const found = quotesOf('Critics called the plan a “so-called reform” and said it was “a grave violation of ‘basic’ law.”');
    assert.deepEqual(found, [
      { text: '“so-called reform”', scare: true, continued: false },
      { text: '“a grave violation of ‘basic’ law.”', scare: false, continued: false },
    ]);
  });

  it('pairs straight quotation marks', () => {
    const found = quotesOf('She said, "While this idea has not been proposed, we made it clear." Then she left.');
    assert.deepEqual(found.map((q) => q.text), ['"While this idea has not been proposed, we made it clear."']);
  });
});

function quote(id: string, articleId: string, text: string, speaker: string | null = null): Quote {
  return { id, articleId, text, start: 0, end: text.length, speaker: { name: speaker, entityId: null, description: null, start: null, end: null }, cue: null, scare: false, partial: false, speakers: [], speakerReason: speaker ? "named" : "no-attribution" };
}

describe('groupQuotes', () => {
  it('groups verbatim renderings, clean excerpts and variants across outlets, and flags different speakers', () => {
    const groups = groupQuotes([
      quote('q1', 'a', '“We categorically reject any such actions, and we do not believe they will happen.”', 'Claudia Sheinbaum'),
      quote('q2', 'b', '“We categorically reject any such actions,”', 'Claudia Sheinbaum'),
      quote('q3', 'c', '“They are looking to build a target deck,”'),
      quote('q4', 'd', '“They’re looking to build a target list,”', 'Pete Hegseth'),
      quote('q5', 'a', '“This stays in one outlet only.”'),
    ]);
    const byFirst = new Map(groups.map((g) => [g.quoteIds[0], g]));
    assert.equal(byFirst.get('q1')!.agreement, 'verbatim');
    assert.deepEqual(byFirst.get('q1')!.quoteIds, ['q1', 'q2']);
    assert.equal(byFirst.get('q1')!.speakersDiffer, false);
    assert.equal(byFirst.get('q3')!.agreement, 'variant');
    assert.deepEqual(byFirst.get('q3')!.differences[0]!.diff.filter((d) => d.op !== 'same'), [
      { op: 'removed', text: 'they are' },
      { op: 'added', text: "they're" },
      { op: 'removed', text: 'deck' },
      { op: 'added', text: 'list' },
    ]);
    assert.equal(byFirst.get('q5')!.agreement, 'single-source');
  });

  it('flags the same words given to different people', () => {
    const [group] = groupQuotes([
      quote('q1', 'a', '“We will not accept foreign troops on our soil.”', 'Claudia Sheinbaum'),
      quote('q2', 'b', '“We will not accept foreign troops on our soil.”', 'Marcelo Ebrard'),
    ]);
    assert.equal(group!.agreement, 'verbatim');
    assert.equal(group!.speakersDiffer, true);
    assert.deepEqual(group!.speakers, ['Claudia Sheinbaum', 'Marcelo Ebrard']);
  });

  it('diffs words by longest common subsequence', () => {
    assert.deepEqual(diffWords(['a', 'b', 'c'], ['a', 'x', 'c']), [
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'x' },
      { op: 'same', text: 'c' },
    ]);
  });
});

describe('quotes of the example story', () => {
  let dossier: Dossier;
  before(async () => {
    dossier = await analyze([EXAMPLE_DIR]);
  });

  function quoteStarting(words: string, article: number) {
    const id = dossier.articles[article]!.id;
    const found = dossier.quotes.find((q) => q.articleId === id && q.text.replace(/^[“"]/, '').startsWith(words));
    assert.ok(found, `no quote "${words}" in article ${article}`);
    return found;
  }

  it('names the speakers the articles name', () => {
    assert.equal(quoteStarting('Mexico categorically rejects', 1).speaker.name, 'Claudia Sheinbaum');
    assert.equal(quoteStarting('Our sovereignty is not negotiable', 1).speaker.name, 'Claudia Sheinbaum');
    assert.equal(quoteStarting('helps unlock doors', 2).speaker.name, 'Colby Jenkins');
    assert.equal(quoteStarting('more of a law enforcement problem', 2).speaker.name, 'Mike Vigil');
    const sheinbaum = quoteStarting('We categorically reject any such actions', 4).speaker;
    assert.equal(sheinbaum.name, 'Claudia Sheinbaum');
    assert.equal(sheinbaum.description, 'Mexican President Claudia Sheinbaum', 'the outlet’s own words are kept');
  });

  it('names both people when two speak one phrase', () => {
    const q = quoteStarting('all cards are on the table', 3);
    assert.deepEqual(q.speakers.map((s) => s.name), ['Ronald Johnson', 'Pete Hegseth']);
  });

  it('keeps unnamed sources as descriptions', () => {
    for (const article of [3, 4]) {
      const q = quoteStarting('They’re looking to build a target deck', article);
      assert.equal(q.speaker.name, null);
      assert.equal(q.speaker.description, 'one former official');
    }
  });

  it('follows a pronoun to the source it stands for, named or not', () => {
    assert.equal(quoteStarting('There is no doubt if there were unilateral action', 3).speaker.name, 'Arturo Sarukhán');
    const unnamed = quoteStarting('Politics aside', 3).speaker;
    assert.equal(unnamed.name, null, 'a Biden-era official is not Biden');
    assert.match(unnamed.description ?? '', /senior DEA official/);
  });

  it('marks scare quotes', () => {
    assert.equal(quoteStarting('very serious', 0).scare, true);
    assert.equal(quoteStarting('a nosedive', 4).scare, true);
  });

  it('groups the same words across outlets', () => {
    const deck = dossier.quoteGroups.find((g) => g.quoteIds.some((id) => dossier.quotes.find((q) => q.id === id)!.text.includes('target deck')))!;
    assert.equal(deck.agreement, 'verbatim');
    assert.equal(deck.articleIds.length, 2);
    const single = dossier.quoteGroups.filter((g) => g.agreement === 'single-source');
    assert.ok(single.length > 5);
  });
});
