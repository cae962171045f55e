// One article that a stage fails on is left out of the dossier and listed, never thrown: a stored
// article from an older version or a corrupted row must not cost the rest of the story.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractInputs } from '../../src/index.ts';
import type { Article } from '../../src/model.ts';
import { analyzeArticles } from '../../src/pipeline.ts';
import { EXAMPLE_DIR } from '../helpers.ts';

describe('an article a stage fails on', () => {
  it('is left out and listed in messages while the others are analysed', async () => {
    const { articles } = await extractInputs([EXAMPLE_DIR]);
    assert.equal(articles.length, 5);
    const broken = { ...articles[1]!, sentences: null } as unknown as Article;
    const dossier = analyzeArticles([articles[0]!, broken, ...articles.slice(2)]);
    assert.deepEqual(
      dossier.articles.map((a) => a.id),
      [articles[0]!.id, ...articles.slice(2).map((a) => a.id)],
    );
    const failed = dossier.messages.filter((m) => m.rule === 'input-failed');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.source, articles[1]!.source);
    assert.match(failed[0]!.reason, /^annotation failed \(.+\)$/);
    assert.ok(!failed[0]!.reason.includes('\n'));
    assert.ok(dossier.quotes.length > 0 && dossier.quotes.every((q) => q.articleId !== articles[1]!.id));
  });
});
