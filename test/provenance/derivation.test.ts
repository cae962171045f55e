// Rewrites on short invented articles, written for these tests: shared text outside quotations
// makes a derivation, with its passages as spans in both articles and its direction from the
// publication times; a shared quotation, however long, does not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeInputs } from '../../src/index.ts';
import { compareTimes, findDerivations, type DerivableArticle } from '../../src/provenance/derivation.ts';

// two sentences of wire copy, reused word for word by the rewrite
const WIRE_1 = 'The Harbor Street bridge will stay closed to trucks for at least four months while engineers replace two cracked steel beams under its eastern span';
const WIRE_2 = 'City officials estimate that the repairs will cost about 3.2 million dollars, most of it paid by a state infrastructure grant awarded last year';
const QUOTE = 'We are not going to put a single family at risk to save a few minutes of driving time across that river, not now and not ever';

function article(id: string, text: string, publishedAt: string | null): DerivableArticle {
  return { id, text, publishedAt, blocks: text.split('\n\n').reduce<Array<{ kind: string; start: number; end: number }>>((blocks, p) => {
    const start = blocks.length ? blocks[blocks.length - 1]!.end + 2 : 0;
    return [...blocks, { kind: 'paragraph', start, end: start + p.length }];
  }, []) };
}

describe('derivations', () => {
  it('finds a rewrite by its shared non-quoted sentences, the earlier article the source, with the passages in both', () => {
    const original = article('original', `${WIRE_1}. ${WIRE_2}.\n\nTraffic was light on Monday.`, '2021-03-02T08:00:00Z');
    // the rewrite is longer and comes first in the input: neither decides the direction
    const rewrite = article('rewrite', `Drivers, take note. ${WIRE_1}. Commuters on the west side have complained for weeks about the detours and the noise.\n\n${WIRE_2}. The mayor is expected to speak about the closure again on Friday at the council meeting.`, '2021-03-02T15:30:00Z');
    const found = findDerivations([rewrite, original]);
    assert.deepEqual(found[1], [], 'the earlier article derives from nothing');
    assert.equal(found[0]!.length, 1);
    const d = found[0]![0]!;
    assert.equal(d.fromArticleId, 'original');
    assert.equal(d.directionKnown, true);
    assert.deepEqual(d.shared.map((p) => p.text), [WIRE_1, WIRE_2]);
    for (const p of d.shared) {
      assert.equal(rewrite.text.slice(p.start, p.end), p.text);
      assert.equal(original.text.slice(p.fromStart, p.fromEnd), p.text);
    }
  });

  it('reports text shared on the same day on both articles with the direction unknown', () => {
    const a = article('short', `${WIRE_1}.`, '2021-03-02');
    const b = article('long', `${WIRE_1}. A much longer article that adds its own reporting on the detours around the bridge.`, '2021-03-02T15:30:00Z');
    const found = findDerivations([a, b]);
    assert.deepEqual(found.map((list) => list.map((d) => [d.fromArticleId, d.directionKnown])), [[['long', false]], [['short', false]]]);
    assert.equal(compareTimes('2021-03-02', '2021-03-02T15:30:00Z'), 0, 'a bare date is a whole day');
    assert.equal(compareTimes('2021-03-01', '2021-03-02T15:30:00Z'), -1);
    assert.equal(compareTimes(null, '2021-03-02'), 0);
  });

  it('finds no copy where two articles share only a quotation, in curly or straight marks or spread over paragraphs', () => {
    const first = article('first', `Mayor Elena Ruiz defended the closure of the bridge on Monday. “${QUOTE},” she said.`, '2021-03-02');
    const straight = article('second', `The mayor stood by her decision. "${QUOTE}," Ruiz told reporters at City Hall.`, '2021-03-03');
    assert.deepEqual(findDerivations([first, straight]), [[], []]);
    // another outlet's report quoted over two paragraphs, the closing mark only at the end of the second
    const report = article('report', `${WIRE_1}. Traffic was light on Monday.`, '2021-03-02');
    const excerpt = article('excerpt', `Here is an excerpt from the Ledger report:\n\n"Traffic was light on Monday.\n\n${WIRE_1}."\n\nResidents had asked for the letter.`, '2021-03-04');
    assert.deepEqual(findDerivations([report, excerpt]), [[], []]);
  });

  it('does not take a shared name with its title, or a stock phrase, for copying', () => {
    const a = article('a', 'The grant came from the Port Authority of New York and New Jersey, which owns the bridge.', '2021-03-02');
    const b = article('b', 'Engineers at the Port Authority of New York and New Jersey inspected the bridge last week.', '2021-03-03');
    assert.deepEqual(findDerivations([a, b]), [[], []]);
  });
});

describe('derivations in the dossier', () => {
  it('lists the rewrite in derivedFrom and its evidence in derivations, and counts the pair as one origin', async () => {
    const { dossier } = await analyzeInputs([
      { source: 'ledger.txt', outlet: 'Daily Ledger', publishedAt: '2021-03-02T08:00:00Z', text: `${WIRE_1}.\n\n${WIRE_2}.\n\nTraffic was light on Monday.` },
      { source: 'herald.txt', outlet: 'Valley Herald', publishedAt: '2021-03-03T09:00:00Z', text: `Drivers, take note.\n\n${WIRE_1}.\n\n${WIRE_2}.\n\nThe mayor will speak about the closure on Friday.` },
    ]);
    const [ledger, herald] = dossier.articles;
    const sources = new Map(dossier.sources.map((s) => [s.articleId, s]));
    assert.deepEqual(sources.get(herald!.id)!.derivedFrom, [ledger!.id]);
    assert.deepEqual(sources.get(ledger!.id)!.derivedFrom, []);
    const [d] = sources.get(herald!.id)!.derivations;
    assert.equal(d!.fromArticleId, ledger!.id);
    assert.equal(d!.directionKnown, true);
    for (const p of d!.shared) {
      assert.equal(herald!.text.slice(p.start, p.end), p.text);
      assert.equal(ledger!.text.slice(p.fromStart, p.fromEnd), p.text);
    }
    const beams = dossier.claimGroups.find((g) => g.claimIds.length === 2 && g.claimIds.every((id) => dossier.claims.find((c) => c.id === id)!.text.includes('cracked steel beams')))!;
    assert.ok(beams, 'the copied sentence is one fact');
    assert.deepEqual(beams.origins, ['outlet:daily ledger'], 'a rewrite counts as the article it rewrites');
    assert.equal(beams.status, 'single-source');
  });
});
