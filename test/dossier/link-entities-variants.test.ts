// Variants of one person's name joined across a story: titles and honorifics dropped, middle
// initials optional, a surname joining the one full name it ends; hand-written mentions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NameMention } from '../../src/annotate/find-names.ts';
import { linkEntities, personKey } from '../../src/dossier/link-entities.ts';

let at = 0;
const m = (text: string, type: NameMention['type'], articleId = 'a1'): NameMention => {
  at += 100;
  return { articleId, start: at, end: at + text.length, text, type };
};

describe('name variants', () => {
  it('compares people without titles, honorifics and middle initials', () => {
    assert.equal(personKey('Michael D. Cohen'), 'Michael Cohen');
    assert.equal(personKey('Mr. Cohen'), 'Cohen');
    assert.equal(personKey('President Donald J. Trump'), 'Donald Trump');
    assert.equal(personKey('Sen. Warren'), 'Warren');
    assert.equal(personKey('Major Garrett'), 'Major Garrett', 'a title word that is the first name stays');
  });

  it('makes "Cohen", "Michael Cohen", "Michael D. Cohen" and "Mr. Cohen" one person', () => {
    const entities = linkEntities(
      [m('Michael Cohen', 'person'), m('Cohen', 'person'), m('Michael D. Cohen', 'person', 'a2'), m('Mr. Cohen', 'person', 'a2'), m('Michael Cohen', 'person', 'a2'), m('Cohen', 'person', 'a2')],
      ['a1', 'a2'],
    );
    const people = entities.filter((e) => e.type === 'person');
    assert.equal(people.length, 1, people.map((e) => e.name).join(' | '));
    assert.equal(people[0]!.name, 'Michael Cohen');
    assert.deepEqual(people[0]!.aliases, ['Cohen', 'Michael D. Cohen', 'Mr. Cohen']);
    assert.equal(people[0]!.mentions.length, 6);
  });

  it('keeps two people with one surname apart, and a surname alone between them unjoined', () => {
    const entities = linkEntities([m('Hunter Biden', 'person'), m('Joe Biden', 'person'), m('Biden', 'person')], ['a1']);
    assert.deepEqual(entities.map((e) => e.name).sort(), ['Biden', 'Hunter Biden', 'Joe Biden']);
  });

  it('leaves organisations with a title word alone', () => {
    const entities = linkEntities([m('General Motors', 'organization'), m('Motors', 'organization')], ['a1']);
    assert.deepEqual(entities.map((e) => e.name).sort(), ['General Motors', 'Motors']);
  });
});
