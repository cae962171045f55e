// Names and entities on the example story, against expectations written by hand: the people,
// places and organisations of the story, one entity each across the five outlets.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyze, type Dossier } from '../../src/index.ts';
import { tokenize } from '../../src/text/tokenize.ts';
import { EXAMPLE_DIR } from '../helpers.ts';

describe('tokenize', () => {
  it('splits clitics and punctuation, keeps abbreviations and numbers whole, and keeps offsets true', () => {
    const text = 'Mexico’s President didn’t meet U.S. officials on Jan. 5; 10,000 troops (3.5%) left.';
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((t) => t.text),
      ['Mexico', '’s', 'President', 'did', 'n’t', 'meet', 'U.S.', 'officials', 'on', 'Jan.', '5', ';', '10,000', 'troops', '(', '3.5%', ')', 'left', '.'],
    );
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  });
});

describe('entities of the example story', () => {
  let dossier: Dossier;
  before(async () => {
    dossier = await analyze([EXAMPLE_DIR]);
  });

  function entity(name: string) {
    const found = dossier.entities.find((e) => e.name === name);
    assert.ok(found, `no entity named ${name}: ${dossier.entities.map((e) => e.name).join(', ')}`);
    return found;
  }

  it('finds the story’s main people as one entity each, surname mentions included, across all outlets', () => {
    const sheinbaum = entity('Claudia Sheinbaum');
    assert.equal(sheinbaum.type, 'person');
    assert.ok(sheinbaum.aliases.includes('Sheinbaum'));
    assert.equal(new Set(sheinbaum.mentions.map((m) => m.articleId)).size, 5);
    const trump = entity('Donald Trump');
    assert.equal(trump.type, 'person');
    assert.ok(trump.aliases.includes('Trump'));
    for (const name of ['Pete Hegseth', 'Ronald Johnson', 'Mark Esper', 'Arturo Sarukhán']) assert.equal(entity(name).type, 'person');
  });

  it('types places and organisations', () => {
    assert.equal(entity('Mexico').type, 'place');
    assert.equal(entity('US').type, 'place');
    assert.ok(entity('US').aliases.includes('U.S.'));
    for (const name of ['White House', 'Pentagon', 'CIA', 'DEA']) assert.equal(entity(name).type, 'organization');
  });

  it('keeps the titles the outlets give people', () => {
    assert.ok(entity('Pete Hegseth').roles.includes('Defense Secretary'));
    assert.ok(entity('Mark Esper').roles.includes('former Defense Secretary'));
    assert.ok(entity('Claudia Sheinbaum').roles.includes('Mexican President'));
  });

  it('ties pronouns to the person they stand for', () => {
    const sheinbaum = entity('Claudia Sheinbaum');
    const texts = new Map(dossier.articles.map((a) => [a.id, a.text]));
    const context = sheinbaum.mentions.filter((m) => m.form === 'pronoun').map((m) => texts.get(m.articleId)!.slice(m.start, m.end + 12));
    assert.ok(context.some((c) => c.startsWith('She emphasized')), context.join(' | '));
    assert.ok(context.some((c) => c.startsWith('her office')), context.join(' | '));
    // “… not f*cking around with this stuff,” he said: the source, not Trump named inside the quotation
    const trump = entity('Donald Trump');
    assert.ok(!trump.mentions.some((m) => m.form === 'pronoun' && texts.get(m.articleId)!.slice(m.start - 5, m.start) === 'ff,” '));
  });

  it('points every mention at the characters of its name, role or pronoun', () => {
    const texts = new Map(dossier.articles.map((a) => [a.id, a.text]));
    for (const e of dossier.entities) {
      for (const m of e.mentions) {
        const said = texts.get(m.articleId)!.slice(m.start, m.end).replace(/\s+/g, ' ');
        if (m.form === 'name') assert.ok(said === e.name || e.aliases.includes(said), `${e.name}: mention "${said}"`);
        else if (m.form === 'pronoun') assert.match(said, /^(he|she|him|his|her)$/i, `${e.name}: pronoun "${said}"`);
        else assert.match(said, /^(the|\p{Lu}\S*['’]s) /u, `${e.name}: role "${said}"`);
      }
    }
  });
});
