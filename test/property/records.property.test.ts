// Properties of records: whatever a JSON or JSON Lines file holds, and whatever a JavaScript caller
// hands the library, the result is articles and listed failures, never a throw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../src/errors.ts';
import { bytesToDocuments } from '../../src/ingest/ingest.ts';
import { analyze, extractInputs, type Input } from '../../src/pipeline.ts';
import { extractArticle } from '../../src/extract/extract-article.ts';
import { segmentArticle } from '../../src/text/segment.ts';
import { anyText, configure, newsText } from './arbitraries.ts';
import { articleViolations } from './invariants.ts';

configure(60);

const field = fc.oneof(anyText, fc.anything());
/** Objects shaped like article records, with fields of any type, among arbitrary JSON values. */
const record = fc.oneof(
  fc.record({ text: fc.oneof(newsText, field), html: field, title: field, outlet: field, author: field, publishedAt: field, url: field, source: field }, { requiredKeys: [] }),
  fc.anything(),
);

describe('records', () => {
  it('any JSON or JSON Lines file gives documents or InputErrors, and each document an article or an InputError', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 5 }), fc.boolean(), (records, lines) => {
        const json = lines ? records.map((r) => JSON.stringify(r) ?? 'null').join('\n') : JSON.stringify(records.length === 1 ? records[0] : records) ?? '';
        const name = lines ? 'r.jsonl' : 'r.json';
        for (const item of bytesToDocuments(Buffer.from(json), name, name)) {
          if ('error' in item) {
            assert.ok(item.error instanceof InputError);
            continue;
          }
          try {
            assert.deepEqual(articleViolations(segmentArticle(extractArticle(item.doc))), []);
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
          }
        }
      }),
    );
  });

  // issue 10 item 12: null, undefined, {title: {}, outlet: 7} threw TypeError.
  it('analyze and extractInputs never throw on whatever a caller hands them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 3 }), async (values) => {
        const inputs = values.filter((v) => typeof v !== 'string') as unknown as Input[];
        const dossier = await analyze(inputs);
        assert.equal(dossier.articles.length + dossier.messages.filter((m) => m.rule === 'input-failed').length, inputs.length, 'every input is an article or a listed failure');
        await extractInputs(inputs);
      }),
    );
  });
});
