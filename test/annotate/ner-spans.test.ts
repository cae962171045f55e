// Name spans that never swallow verbs, dates or bylines, and one type per name through an
// article: the rules of src/annotate/ner/name-spans.ts and find-names.ts on hand-written
// sentences, then the whole name finder on short invented news paragraphs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findNames, settleArticleTypes, type NameMention } from '../../src/annotate/find-names.ts';
import { bylineWriters, nameParts } from '../../src/annotate/ner/name-spans.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { NO_HINTS } from '../../src/ingest/raw-document.ts';
import { segmentArticle } from '../../src/text/segment.ts';
import { tokenize } from '../../src/text/tokenize.ts';

function parts(sentence: string, first: number, end: number): string[] {
  const words = tokenize(sentence).map((t) => t.text);
  return nameParts(words, first, end).map((p) => words.slice(p.first, p.end).join(' '));
}

function article(text: string) {
  return segmentArticle(extractArticle({ source: 'fixture.txt', format: 'text', content: text, encoding: 'utf-8', hints: NO_HINTS }));
}

describe('name spans', () => {
  it('cut a span at a lower-case verb and drop the weekday after it', () => {
    // a span the tagger ran over the verb and the day: tokens 1..6 of the sentence
    assert.deepEqual(parts('The Harris County Police Department confirmed Thursday that two men were held.', 1, 7), ['Harris County Police Department']);
    assert.deepEqual(parts('Acme Corp said Monday it would appeal.', 0, 4), ['Acme Corp']);
  });

  it('keep the lower-case words that stand inside names', () => {
    assert.deepEqual(parts('The Department of Health and Human Services said so.', 1, 7), ['Department of Health and Human Services']);
    assert.deepEqual(parts('A song by Ludwig van Beethoven played.', 3, 6), ['Ludwig van Beethoven']);
  });

  it('drop a month that is a date, keep one that is a name', () => {
    assert.deepEqual(parts('Officials in Ohio March 3 said nothing.', 2, 4), ['Ohio']);
    assert.deepEqual(parts('He left the Senate in May and returned.', 3, 6), ['Senate']);
    assert.deepEqual(parts('Prime Minister Theresa May said no.', 2, 4), ['Theresa May']);
  });

  it('split at commas and quotation marks', () => {
    assert.deepEqual(parts('the White House, the Pentagon and the CIA', 1, 7), ['White House', 'Pentagon']);
  });

  it('read a “By …” line as writers up to its first comma', () => {
    const words = (s: string) => tokenize(s).map((t) => t.text);
    assert.equal(bylineWriters(words('By Jordan Hill, Reuters'), true), 3);
    assert.equal(bylineWriters(words('By Jordan Hill'), true), 3);
    assert.equal(bylineWriters(words('By Jordan Hill'), false), 0, 'a byline is a line of its own');
    assert.equal(bylineWriters(words('By Tuesday the river had risen over the banks of the town and flooded the roads into the centre'), true), 0);
  });
});

describe('one type per name through an article', () => {
  const m = (text: string, type: NameMention['type'], start: number): NameMention => ({ articleId: 'a1', start, end: start + text.length, text, type });

  it('gives each name the type most of its mentions have', () => {
    const settled = settleArticleTypes([m('Essex Water', 'organization', 0), m('Essex Water', 'place', 40), m('Essex Water', 'organization', 80)]);
    assert.deepEqual(settled.map((x) => x.type), ['organization', 'organization', 'organization']);
  });

  it('leaves a tie as it is', () => {
    const settled = settleArticleTypes([m('Jordan', 'person', 0), m('Jordan', 'place', 40)]);
    assert.deepEqual(settled.map((x) => x.type), ['person', 'place']);
  });

  it('makes a surname the person named in full', () => {
    const settled = settleArticleTypes([m('Michael D. Cohen', 'person', 0), m('Cohen', 'organization', 40), m('Cohen', 'place', 80)]);
    assert.deepEqual(settled.map((x) => x.type), ['person', 'person', 'person']);
  });
});

/** An article of these paragraphs as they stand (no extraction: a byline stays in the text, as some pages leave it). */
function articleOf(paragraphs: string[]) {
  const base = article(paragraphs.join('\n\n'));
  let at = 0;
  const blocks = paragraphs.map((p) => {
    const block = { kind: 'paragraph' as const, start: at, end: at + p.length };
    at += p.length + 2;
    return block;
  });
  return segmentArticle({ ...base, text: paragraphs.join('\n\n'), blocks });
}

describe('names of an invented article', () => {
  const names = findNames(
    articleOf([
      'By Chelsea Madison and Georgia Brooklyn',
      'The Brookfield County Sheriff’s Office confirmed Thursday that a deputy had been placed on leave.',
      'Sheriff Paul Okafor said the deputy would be interviewed in March by investigators from the state.',
      'Okafor declined to name the deputy. “We owe the public answers,” Okafor told reporters on Friday.',
    ]),
  );
  const listed = names.map((n) => `${n.text}/${n.type}`).join(', ');

  it('never swallows a verb or a day', () => {
    for (const n of names) assert.doesNotMatch(n.text, /confirmed|Thursday|Friday|March|said|told/, listed);
    assert.ok(names.some((n) => n.text === 'Paul Okafor' && n.type === 'person'), listed);
  });

  it('types the writers of a byline as people', () => {
    for (const writer of ['Chelsea Madison', 'Georgia Brooklyn']) {
      const found = names.find((n) => n.text === writer);
      assert.ok(found, listed);
      assert.equal(found.type, 'person', listed);
    }
  });

  it('finds the surname of a person named in full wherever it stands alone', () => {
    const okafor = names.filter((n) => n.text === 'Okafor');
    assert.equal(okafor.length, 2, listed);
    for (const o of okafor) assert.equal(o.type, 'person');
  });
});
