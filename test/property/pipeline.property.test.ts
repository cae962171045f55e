// Properties of the whole analysis and the renderers on stories of one to three in-memory
// articles: `analyze` resolves (never throws), every offset of the dossier is in bounds and every
// finding's text is what its offsets point at, the same story gives byte-identical JSON, and no
// `<script` from an article comes out unescaped in the HTML report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, type ArticleInput } from '../../src/pipeline.ts';
import { renderHtml } from '../../src/render/render-html.ts';
import { renderJson } from '../../src/render/render-json.ts';
import { renderMarkdown } from '../../src/render/render-markdown.ts';
import { anyText, configure, htmlPage, newsText } from './arbitraries.ts';
import { dossierViolations } from './invariants.ts';

configure(40);

const metadata = fc.record(
  { title: fc.oneof(newsText, anyText), outlet: anyText, author: anyText, publishedAt: fc.constantFrom('2025-04-08', 'yesterday', '', '2025-13-45'), url: fc.constantFrom('https://example.org/a', 'javascript:alert(1)', 'not a url') },
  { requiredKeys: [] },
);
const articleInput: fc.Arbitrary<ArticleInput> = fc.oneof(
  fc.tuple(fc.oneof({ weight: 3, arbitrary: newsText }, { weight: 1, arbitrary: anyText }), metadata).map(([text, meta]) => ({ text, ...meta })),
  fc.tuple(htmlPage, metadata).map(([html, meta]) => ({ html, ...meta })),
);
const story = fc.array(articleInput, { minLength: 1, maxLength: 3 });

describe('the whole analysis', () => {
  it('analyze resolves on any story, with a dossier whose offsets hold', async () => {
    await fc.assert(
      fc.asyncProperty(story, async (inputs) => {
        const dossier = await analyze(inputs);
        assert.deepEqual(dossierViolations(dossier), []);
        assert.equal(dossier.articles.length + dossier.messages.filter((m) => m.rule === 'input-failed').length, inputs.length, 'every input is an article or a listed failure');
      }),
    );
  });

  it('gives byte-identical JSON, Markdown and HTML for the same story', async () => {
    await fc.assert(
      fc.asyncProperty(story, async (inputs) => {
        const a = await analyze(inputs);
        const b = await analyze(inputs);
        assert.equal(renderJson(b), renderJson(a));
        assert.equal(renderMarkdown(b), renderMarkdown(a));
        assert.equal(renderHtml(b), renderHtml(a));
      }),
    );
  });

  it('the HTML report holds no <script> and no event handler, whatever the articles say', async () => {
    const scripted = fc.tuple(newsText, fc.constantFrom('<script>alert(1)</script>', '<SCRIPT src=x>', '<img src=x onerror=alert(1)>', '"><script>', "'><svg onload=alert(1)>")).map(([text, evil]) => `${text} ${evil} ${text}`);
    await fc.assert(
      fc.asyncProperty(scripted, scripted, async (text, title) => {
        const html = renderHtml(await analyze([{ text, title, outlet: title, author: title, source: title }]));
        assert.doesNotMatch(html, /<script/i);
        assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i);
      }),
    );
  });
});
