// The shared furniture rules, on lines of the kinds real pages carry, and on prose that only
// looks like them and must stay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorFromByline, boilerplateKind, outletFromFooter } from '../../src/extract/classify-boilerplate.ts';

const FURNITURE: Array<[string, string]> = [
  ['Advertisement', 'ad'],
  ['Story continues below advertisement', 'ad'],
  ['SHOP NOW AND SAVE ON EVERY ORDER TODAY!', 'ad'],
  ['Skip to main content', 'navigation'],
  ['Home > World > Americas', 'navigation'],
  ['Sign up for our newsletter', 'boilerplate'],
  ['Get the best stories delivered to your inbox every morning.', 'boilerplate'],
  ['© 2024 Example Media Group. All rights reserved.', 'boilerplate'],
  ['Share on Facebook Twitter Email', 'boilerplate'],
  ['Pinterest', 'boilerplate'],
  ['Read more: Parliament votes on the budget', 'boilerplate'],
  ['[Related: How the storm formed]', 'boilerplate'],
  ['Photo: Jane Doe/Getty Images', 'boilerplate'],
  ['Sakib Ali/Hindustan Times/Getty Images', 'boilerplate'],
  ['Published March 3, 2024 at 9:15 AM | Updated 10:02 AM', 'boilerplate'],
  ['By Jane Doe and John Roe | March 3, 2024', 'boilerplate'],
  ['Have a tip? Jane Doe may be reached at jdoe@example.com.', 'boilerplate'],
  ['This post may contain affiliate links, and we may earn a commission.', 'boilerplate'],
  ['Like this:', 'boilerplate'],
  ['image', 'boilerplate'],
];

const PROSE = [
  'The senator said she would sign up for the program if it passed the committee this week.',
  'The publisher, which sends a daily newsletter to 40,000 readers, said it would fight the ruling in court.',
  'By Tuesday, the city had run out of clean water.',
  'More than 100 people were evacuated from the building, officials said.',
  'Reuters reported that the talks had stalled over the border question.',
  'No.',
  'Home prices rose 4% in March.',
];

describe('boilerplateKind', () => {
  for (const [text, kind] of FURNITURE) {
    it(`removes "${text}" as ${kind}`, () => assert.equal(boilerplateKind(text), kind));
  }
  for (const text of PROSE) {
    it(`keeps "${text}"`, () => assert.equal(boilerplateKind(text), null));
  }
});

describe('metadata from page lines', () => {
  it('reads names from bylines and the outlet from footers', () => {
    assert.equal(authorFromByline('By Maria Lopez, Staff Writer'), 'Maria Lopez');
    assert.equal(authorFromByline('By Jane Doe and John Roe'), 'Jane Doe and John Roe');
    assert.equal(authorFromByline('By Tuesday'), null);
    assert.equal(outletFromFooter('© 2025 Riverside Dispatch. All rights reserved.'), 'Riverside Dispatch');
    assert.equal(outletFromFooter('Discover more from The Evening Ledger'), 'The Evening Ledger');
  });
});

// Issue 10: lines built to make a backtracking pattern run for minutes. Each must be classified
// like any other line; the timeout only stops a hang (the old patterns took 40 s and over 60 s).
describe('hostile lines', () => {
  it('strips a trailing run of 100,000 ". " that a letter ends, in linear time', { timeout: 10_000 }, () => {
    assert.equal(boilerplateKind('. '.repeat(100_000) + 'x'), null);
    assert.equal(boilerplateKind('Advertisement' + ' .'.repeat(100_000)), 'ad');
  });
  it('walks a long path of " / " separators without backtracking', { timeout: 10_000 }, () => {
    assert.equal(boilerplateKind('x / '.repeat(200) + '!'), null);
    assert.equal(boilerplateKind('Home / News / World'), 'navigation');
    assert.equal(boilerplateKind('a > > > b'), 'navigation');
  });
  it('reads a byline whose name is "AandAand…" without exponential backtracking', { timeout: 10_000 }, () => {
    // 40 repeats (163 characters) did not finish in minutes with "and" allowed inside a name's letters
    assert.equal(boilerplateKind('By ' + 'Aand'.repeat(40) + 'A!'), null);
    assert.equal(authorFromByline('By ' + 'Aand'.repeat(40) + 'A!'), null);
    assert.equal(authorFromByline('By Jane Doe and John Roe | Nov 18'), 'Jane Doe and John Roe');
    assert.equal(authorFromByline('By Jane Doe & John Roe'), 'Jane Doe & John Roe');
  });
  it('cuts names and outlets out of lines with long runs of spaces', { timeout: 10_000 }, () => {
    assert.equal(authorFromByline('By Maria Lopez |' + ' '.repeat(100_000) + 'x'), 'Maria Lopez');
    assert.equal(outletFromFooter('Discover more from Riverside Dispatch   Inc.'), 'Riverside Dispatch');
  });
});
