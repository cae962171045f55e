// Framing per outlet on the example story, and loaded terms on sentences written for the
// purpose: watch-list words with their neutral alternatives, quotations left out.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadedTermsOf } from '../../src/framing/loaded-terms.ts';
import { analyze, type Dossier } from '../../src/index.ts';
import { EXAMPLE_DIR } from '../helpers.ts';

describe('loaded terms', () => {
  it('finds watch-list words with a neutral alternative, and not inside a quotation', () => {
    const text = 'The senator slammed the so-called reform, which critics call “a regime of fear.”';
    const quote = { start: text.indexOf('“'), end: text.length };
    const terms = loadedTermsOf(text, [quote]).filter((t) => t.reason === 'watch-list');
    assert.deepEqual(
      terms.map((t) => [t.term, t.neutral]),
      [
        ['slammed', 'criticized'],
        ['so-called', null],
      ],
    );
    for (const t of loadedTermsOf(text, [quote])) assert.equal(text.slice(t.start, t.end), t.term);
  });
});

describe('framing of the example story', () => {
  let dossier: Dossier;
  before(async () => {
    dossier = await analyze([EXAMPLE_DIR]);
  });
  const framingOf = (file: string) => {
    const article = dossier.articles.find((a) => a.source.includes(`${file}_`))!;
    return { article, framing: dossier.framing.find((f) => f.articleId === article.id)! };
  };

  it('has one profile per article, with spans that point at the text', () => {
    assert.equal(dossier.framing.length, dossier.articles.length);
    for (const f of dossier.framing) {
      const text = dossier.articles.find((a) => a.id === f.articleId)!.text;
      for (const t of f.loadedTerms) assert.equal(text.slice(t.start, t.end), t.term);
      for (const m of [...f.hedgeMarks, ...f.certainty, ...f.intensifiers]) assert.equal(text.slice(m.start, m.end), m.text);
      assert.equal(f.hedges, f.hedgeMarks.length);
      assert.ok(f.quoteShare >= 0 && f.quoteShare < 1);
    }
  });

  it('sees the outlet that calls the administration a regime, against the others', () => {
    const { article, framing } = framingOf('000');
    const regime = framing.contrastive.find((c) => c.term === 'regime');
    assert.ok(regime, JSON.stringify(framing.contrastive));
    assert.equal(regime.referent, 'Donald Trump');
    assert.equal(regime.othersUse, 'administration');
    assert.equal(article.text.slice(regime.start, regime.end), 'regime');
    assert.ok(framing.loadedTerms.some((t) => t.term === 'regime' && t.neutral === 'government'));
    for (const file of ['001', '002', '003', '004']) assert.deepEqual(framingOf(file).framing.contrastive, [], file);
  });

  it('profiles the sourcing: named and anonymous sources, who is quoted and who has the last word', () => {
    const { framing } = framingOf('003');
    assert.ok(framing.anonymousSources >= 3, `${framing.anonymousSources}`);
    assert.ok(framing.namedSources >= 2, `${framing.namedSources}`);
    assert.ok(framing.quoted.some((q) => q.speaker === 'Claudia Sheinbaum'));
    assert.ok(framing.quoted.some((q) => q.speaker === 'a former US diplomat who worked in Mexico' && q.quotes === 2));
    assert.ok(framing.quoteShare > framingOf('001').framing.quoteShare);
    assert.equal(framingOf('002').framing.lastWord, 'Mike Vigil');
  });

  it('lists what only one outlet states and what each leaves out', () => {
    const { framing } = framingOf('002');
    const overdose = dossier.claims.find((c) => c.text.startsWith('US overdose deaths fell 24%'))!;
    assert.ok(framing.onlyHere.includes(overdose.id));
    const established = dossier.claimGroups.filter((g) => g.status === 'corroborated');
    for (const f of dossier.framing) {
      for (const id of f.leftOut) assert.ok(!dossier.claimGroups.find((g) => g.id === id)!.articleIds.includes(f.articleId));
    }
    assert.ok(established.length > 0);
  });
});
