// The streamed JSON writer gives exactly JSON.stringify(value, null, 2) + "\n", in pieces of
// bounded size, so that a dossier too large for one string can still be written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../src/index.ts';
import { renderJson, renderJsonChunks } from '../../src/render/render-json.ts';
import { EXAMPLE_DIR } from '../helpers.ts';

const expected = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const streamed = (value: unknown, chunk?: number): string => [...renderJsonChunks(value, chunk)].join('');

describe('renderJsonChunks', () => {
  it('gives the bytes of renderJson for the example dossier, in several pieces none much over the piece size', async () => {
    const dossier = await analyze([EXAMPLE_DIR]);
    const chunkChars = 16 * 1024;
    const pieces = [...renderJsonChunks(dossier, chunkChars)];
    assert.equal(pieces.join(''), renderJson(dossier));
    assert.ok(pieces.length > 10, `${pieces.length} pieces`);
    // a piece ends at the first value that takes it past the size: longer only by that value
    const longestString = Math.max(...dossier.articles.map((a) => JSON.stringify(a.text).length));
    for (const piece of pieces) assert.ok(piece.length < chunkChars + longestString + 64, `a piece of ${piece.length}`);
    assert.ok(Math.max(...pieces.map((p) => p.length)) < renderJson(dossier).length / 4, 'never the whole document at once');
  });

  it('matches JSON.stringify on tricky values', () => {
    const cases: unknown[] = [
      { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
      [undefined, () => 1, Symbol('s'), NaN, -0, 1e21, -Infinity, 5e-324],
      { empty: {}, list: [], nested: [[[]], [{}], [[1, [2, { x: [] }]]]] },
      { text: 'lone \ud800 high, lone \udc00 low, pair \ud83d\ude00, \u2028\u2029, "quotes" \\ back\nslash\t\u0000\u001f\u007f é' },
      { date: new Date(0), custom: { toJSON: (key: string) => `key ${key}` }, list: [{ toJSON: (key: string) => key }] },
      { boxed: [new Number(3), new String('s'), new Boolean(false)] },
      { '': 'empty key', 'a"b': 1, '\n': 2, 2: 'integer keys first', z: null },
      Object.assign(Object.create(null), { noProto: true }),
      new Map([[1, 2]]),
      [[[[[[[[[[[]]]]]]]]]]],
      'a string',
      42,
      null,
      true,
      [],
      {},
    ];
    for (const value of cases) assert.equal(streamed(value, 8), expected(value), String(JSON.stringify(value)));
    assert.equal(streamed(undefined), '', 'JSON.stringify(undefined) writes nothing');
  });

  it('nests deep', () => {
    let deep: unknown = [{ leaf: 'x' }];
    for (let i = 0; i < 2000; i++) deep = [deep, {}];
    assert.equal(streamed(deep, 4096), expected(deep));
  });

  it('refuses circular structures and BigInts as JSON.stringify does', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    assert.throws(() => streamed(circular), TypeError);
    assert.throws(() => streamed({ n: 1n }), TypeError);
    const shared = { x: 1 };
    assert.equal(streamed({ a: shared, b: [shared, shared] }), expected({ a: shared, b: [shared, shared] }), 'shared, not circular');
  });

  it('matches JSON.stringify on arbitrary values (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything({ withBoxedValues: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true, withDate: true, withMap: true, withSet: true })), fc.integer({ min: 1, max: 64 }), (value, chunk) => {
        let want: string;
        try {
          want = JSON.stringify(value, null, 2);
        } catch {
          return; // BigInts and the like: refused by both
        }
        assert.equal(streamed(value, chunk), want === undefined ? '' : `${want}\n`);
      }),
      { numRuns: 500 },
    );
  });
});
