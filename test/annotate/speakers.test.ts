// Who said what, one behaviour per fixture (test/fixtures/speakers/), with the quotes, their
// speakers and the outlets' own words for them written out by hand.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { wholePhrase } from '../../src/annotate/attribute-quotes.ts';
import { honorificGender } from '../../src/annotate/find-roles.ts';
import { analyze, type Dossier } from '../../src/index.ts';
import { EXAMPLE_DIR, FIXTURES } from '../helpers.ts';

const DIR = join(FIXTURES, 'speakers');

interface Expected {
  /** The quote's first words. */
  opens: string;
  name: string | null;
  description: string | null;
  speakers?: string[];
  scare?: boolean;
  partial?: boolean;
}

function check(dossier: Dossier, file: string, expected: Expected[]): void {
  const article = dossier.articles.find((a) => a.source.endsWith(file));
  assert.ok(article, file);
  const quotes = dossier.quotes.filter((q) => q.articleId === article.id);
  const found = quotes.map((q, i) => ({
    opens: q.text.replace(/^["“‘]/, '').slice(0, expected[i]?.opens.length ?? 20),
    name: q.speaker.name,
    description: q.speaker.description,
    ...(q.speakers.length ? { speakers: q.speakers.map((s) => s.name) } : {}),
    ...(q.scare ? { scare: true } : {}),
    ...(q.partial ? { partial: true } : {}),
  }));
  assert.deepEqual(found, expected);
}

describe('speakers, behaviour by behaviour', () => {
  let dossier: Dossier;
  before(async () => {
    const files = ['split-and-pronoun.txt', 'anonymous-and-two-speakers.txt', 'multi-paragraph-and-nested.txt', 'role-reference.txt', 'signed-testimonials.txt'];
    dossier = await analyze(files.map((f) => join(DIR, f)));
  });

  it('gives both pieces of a quote split by its cue the speaker, follows “she” and “her office” to the person', () => {
    check(dossier, 'split-and-pronoun.txt', [
      { opens: 'We reject', name: 'Claudia Sheinbaum', description: null },
      { opens: 'Mexico coordinates', name: 'Claudia Sheinbaum', description: null },
      { opens: 'Our sovereignty', name: 'Claudia Sheinbaum', description: null },
      { opens: 'a grave violation', name: 'Claudia Sheinbaum', description: 'her office', partial: true },
    ]);
  });

  it('keeps unnamed sources as descriptions and names both people who speak one phrase', () => {
    check(dossier, 'anonymous-and-two-speakers.txt', [
      { opens: 'They’re looking', name: null, description: 'one former official' },
      { opens: 'Politics aside', name: null, description: 'A senior DEA official under the previous administration' },
      {
        opens: 'all cards',
        name: 'Ronald Johnson',
        description: 'Ronald Johnson, and Defense Secretary Pete Hegseth',
        speakers: ['Ronald Johnson', 'Pete Hegseth'],
        partial: true,
      },
    ]);
  });

  it('runs a quotation over two paragraphs to the speaker named at its end, keeps single quotes inside it, marks a scare quote', () => {
    check(dossier, 'multi-paragraph-and-nested.txt', [
      { opens: 'There is no doubt', name: 'Arturo Sarukhán', description: null },
      { opens: 'Mexicans remember', name: 'Arturo Sarukhán', description: null },
      { opens: 'fantasy', name: null, description: null, scare: true, partial: true },
    ]);
    const nested = dossier.quotes.find((q) => q.text.startsWith('“Mexicans'))!;
    assert.ok(nested.text.includes('‘American troops,’'));
  });

  it('resolves a role to the person who holds it in the story, keeping the outlet’s words', () => {
    check(dossier, 'role-reference.txt', [
      { opens: 'We will keep', name: 'Claudia Sheinbaum', description: 'Mexico’s president' },
      { opens: 'Every decision', name: 'Claudia Sheinbaum', description: 'Mexico’s president' },
    ]);
    const sheinbaum = dossier.entities.find((e) => e.name === 'Claudia Sheinbaum')!;
    const article = dossier.articles.find((a) => a.source.endsWith('role-reference.txt'))!;
    const roles = sheinbaum.mentions.filter((m) => m.articleId === article.id && m.form === 'role').map((m) => article.text.slice(m.start, m.end));
    assert.deepEqual(roles, ['Mexico’s president', 'Mexico’s president', 'Mexico’s president']);
  });

  it('takes a name signed after a quotation with a dash as its speaker', () => {
    check(dossier, 'signed-testimonials.txt', [
      { opens: 'He never', name: 'Maria Lopez', description: null },
      { opens: 'It was the first', name: 'James Carter', description: null },
    ]);
  });

  it('ties a pronoun to the person named before it, not to a name inside a quotation', () => {
    const article = dossier.articles.find((a) => a.source.endsWith('split-and-pronoun.txt'))!;
    const pronouns = dossier.entities.flatMap((e) => e.mentions.filter((m) => m.articleId === article.id && m.form === 'pronoun').map((m) => `${e.name}: ${article.text.slice(m.start, m.end)}`));
    assert.deepEqual(pronouns, ['Claudia Sheinbaum: She', 'Claudia Sheinbaum: she', 'Claudia Sheinbaum: her']);
    // “Politics aside, Trump is not bluffing,” he said: “he” is the unnamed official, not Trump
    const other = dossier.articles.find((a) => a.source.endsWith('anonymous-and-two-speakers.txt'))!;
    const trump = dossier.entities.find((e) => e.name === 'Trump')!;
    assert.deepEqual(trump.mentions.filter((m) => m.articleId === other.id).map((m) => m.form), ['name']);
  });
});

describe('speakers: abstain rather than guess, and say why', () => {
  let dossier: Dossier;
  before(async () => {
    dossier = await analyze([join(DIR, 'abstention.txt')]);
  });

  it('names the speaker only where the evidence holds, and gives the reason for each quotation', () => {
    const found = dossier.quotes.map((q) => ({ opens: q.text.slice(1, 22), name: q.speaker.name, description: q.speaker.description, reason: q.speakerReason }));
    assert.deepEqual(found, [
      // the person told ("told host Marcus Bell") is not who speaks
      { opens: 'We have never taken a', name: 'Dana Whitfield', description: null, reason: 'named' },
      // a source the tagger cut to the title ("Rep.") is the titled name; the person apologised to does not speak
      { opens: 'anyone I may have off', name: 'Owen Castellano', description: 'Rep. Owen Castellano', reason: 'named' },
      // "she" is not Mr. Lindqvist, the man the quote is said of: she is Ms. Harper, named before as the subject
      { opens: 'He did not have much ', name: 'Harper', description: null, reason: 'last-named' },
      // "they" is several people: not the one governor named before
      { opens: 'The right decision is', name: null, description: null, reason: 'pronoun-unresolved' },
      // an organisation heading the source speaks as itself
      { opens: 'American families des', name: 'National Farmers Association', description: 'the National Farmers Association', reason: 'organization' },
      { opens: 'We will not discuss a', name: null, description: 'the spokesman', reason: 'unnamed-source' },
      { opens: 'We assume those savin', name: 'Gregory Okonkwo-Reyes', description: 'Gregory Okonkwo-Reyes, the panel’s staff director', reason: 'named' },
      // a first name and surname heading the source name the speaker, even where the name tagger misses them
      { opens: 'This is a fund that a', name: 'Carolyn B. Whitcombe', description: 'Representative Carolyn B. Whitcombe of Vermont', reason: 'named' },
      { opens: 'Voters were misled ab', name: 'Dana Whitfield', description: null, reason: 'named' },
    ]);
  });
});

describe('indirect attributions of the example story', () => {
  let dossier: Dossier;
  before(async () => {
    dossier = await analyze([EXAMPLE_DIR]);
  });

  function attribution(cue: RegExp, content: string) {
    const found = dossier.attributions.find((a) => cue.test(a.cue.text) && a.content?.text.includes(content));
    assert.ok(found, `no attribution "${cue}" → "…${content}…"`);
    const text = dossier.articles.find((a) => a.id === found.articleId)!.text;
    assert.equal(text.slice(found.cue.start, found.cue.end), found.cue.text);
    return found;
  }

  const nameOf = (id: string | null | undefined) => dossier.entities.find((e) => e.id === id)?.name ?? null;

  it('records who an article says a claim comes from, with source, cue and content spans', () => {
    const ap = attribution(/^According to$/, 'U.S. military leaders have made clear');
    assert.equal(ap.source?.text, 'the AP');
    assert.equal(nameOf(ap.source?.entityId), 'AP');
    assert.equal(ap.direct, false);
    const jenkins = attribution(/^told$/, 'the designation “helps unlock doors”');
    assert.equal(nameOf(jenkins.source?.entityId), 'Colby Jenkins');
    const sarukhan = attribution(/^said$/, 'military action in Mexico hasn’t been seriously considered');
    assert.equal(sarukhan.source?.text, 'Arturo Sarukhán');
  });

  it('marks attributions of quotations as direct and leaves the sources of unnamed people unnamed', () => {
    const official = attribution(/^said$/, '“They’re looking to build a target deck,”');
    assert.equal(official.direct, true);
    assert.equal(official.source?.text, 'one former official');
    assert.equal(official.source?.entityId, null);
  });
});

describe('speakers: where a quotation’s attribution stands', () => {
  it('does not give a quotation that ends its sentence to the source of the next sentence, but takes a sign-off right after it', async () => {
    const dossier = await analyze([join(DIR, 'closed-quotes.txt')]);
    assert.deepEqual(
      dossier.quotes.map((q) => [q.text.slice(1, 20), q.speaker.name]),
      [
        ['The memorized speec', 'Christie'],
        // “There it is, everybody.” Rubio hit back …: Rubio begins the next sentence
        ['There it is, everyb', 'Christie'],
        // “… foreign courts.” Obama wrote in a letter: the period only stands where a comma belongs
        ['Nations may find th', 'Obama'],
      ],
    );
  });

  it('goes on with the speaker of the paragraph before when a paragraph opens with a quotation and names no one; a pronoun in a paragraph about someone else is that person', async () => {
    const dossier = await analyze([join(DIR, 'quote-paragraphs.txt')]);
    assert.deepEqual(
      dossier.quotes.map((q) => [q.text.slice(1, 20), q.speaker.name, q.speakerReason]),
      [
        ['Millions of voters ', 'Maria Delgado', 'named'],
        ['They have been left', 'Maria Delgado', 'pronoun'],
        ['In this moment, the', 'Maria Delgado', 'continued'],
        ['We will win this di', 'Thomas Ferreira', 'named'],
        // the last speaker (Ferreira) stood in another paragraph; this one is about Mr. Okafor, and “he” is him
        ['I met with all of t', 'Okafor', 'last-named'],
      ],
    );
  });

  it('carries a source the tagger cut inside a phrase to the phrase’s end, and takes the article before it', () => {
    const text = 'said Sen. Tom Udall of New Mexico, who supports eliminating half the party’s superdelegates, on Monday.';
    const cut = { kind: 'SRC' as const, start: text.indexOf('Sen.'), end: text.indexOf(' party’s') };
    assert.equal(text.slice(...span(wholePhrase(text, cut))), 'Sen. Tom Udall of New Mexico, who supports eliminating half the party’s superdelegates');
    const headless = 'according to a spokesman for the campaign.';
    const noun = { kind: 'SRC' as const, start: headless.indexOf('spokesman'), end: headless.indexOf('.') };
    assert.equal(headless.slice(...span(wholePhrase(headless, noun))), 'a spokesman for the campaign');
    // a source that ends on a noun is left as it is
    const whole = { kind: 'SRC' as const, start: text.indexOf('Sen.'), end: text.indexOf(' of New') };
    assert.deepEqual(wholePhrase(text, whole), whole);
  });
});

function span(s: { start: number; end: number }): [number, number] {
  return [s.start, s.end];
}

describe('gender from an honorific', () => {
  it('reads Mr., Mrs., Ms. and Miss before a name or opening its mention, and nothing else', () => {
    const text = 'Ms. Ingraham backed Mr. Brat; Dr. Osei and Miss Lane agreed.';
    assert.equal(honorificGender(text, text.indexOf('Ingraham')), 'female');
    assert.equal(honorificGender(text, text.indexOf('Brat')), 'male');
    assert.equal(honorificGender(text, text.indexOf('Mr. Brat')), 'male');
    assert.equal(honorificGender(text, text.indexOf('Lane')), 'female');
    assert.equal(honorificGender(text, text.indexOf('Osei')), null);
  });
});
