// The reports escape every piece of article content, whatever it holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildDossier } from '../../src/dossier/build-dossier.ts';
import { renderHtml } from '../../src/render/render-html.ts';
import { escapeMarkdown, renderMarkdown } from '../../src/render/render-markdown.ts';
import type { Article } from '../../src/model.ts';

const HOSTILE = '<img src=x onerror="alert(1)"> & <script>fetch("//evil")</script> [link](javascript:alert(1)) `code` *bold*';

function hostileArticle(): Article {
  const text = `First line with ${HOSTILE}.`;
  return {
    id: 'a000000000001',
    source: 'evil"<src>.html',
    outlet: '<b>Outlet</b>',
    title: `"><script>alert('title')</script>`,
    author: '<i>Author</i>',
    publishedAt: null,
    text,
    removed: [{ kind: 'comment', text: HOSTILE }],
    url: null,
    format: 'html',
    encoding: 'utf-8',
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    sentences: [{ start: 0, end: text.length, block: 0 }],
  };
}

describe('renderHtml', () => {
  it('escapes text, titles, sources and removed pieces, and loads nothing', () => {
    const html = renderHtml(buildDossier([hostileArticle()], [{ source: '<x>', rule: 'input-failed', reason: '<y>' }]));
    assert.doesNotMatch(html, /<script|<img|<i>|<b>|onerror="/i);
    assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
    assert.match(html, /&quot;&gt;&lt;script&gt;alert\(&#39;title&#39;\)/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /\b(src|href)=["']?(https?:|\/\/|javascript:)/i);
  });
});

describe('renderMarkdown', () => {
  it('escapes Markdown and HTML syntax from articles', () => {
    assert.equal(escapeMarkdown('*a* <b> [x](y) | `c` &amp;'), '\\*a\\* &lt;b&gt; \\[x\\]\\(y\\) \\| \\`c\\` &amp;amp;');
    const md = renderMarkdown(buildDossier([hostileArticle()]));
    // angle brackets become entities; a backslash makes the next character literal in Markdown
    assert.doesNotMatch(md, /<(script|img)/im);
    assert.doesNotMatch(md, /(^|[^\\])\[link\]\(javascript/m);
  });
});

describe('renderMarkdown on input names', () => {
  it('keeps a source with a newline, a backtick or a terminal escape on its line, inside its code span', () => {
    const article = { ...hostileArticle(), source: 'a`b\n# Injected [x](javascript:alert(1))\u001b[31m.html' };
    const md = renderMarkdown(buildDossier([article], [{ source: 'bad\n## Injected too\r\n- item', rule: 'input-failed', reason: 'empty\ninput' }]));
    assert.doesNotMatch(md, /^#+ Injected/m);
    assert.doesNotMatch(md, /^- item/m);
    assert.ok(!md.includes('\u001b') && !md.includes('\r'), 'no raw control characters');
    assert.match(md, /^Source: `a'b\\n# Injected \[x\]\(javascript:alert\(1\)\)\\u001b\[31m\.html`$/m);
    assert.match(md, /^- `bad\\n## Injected too\\r\\n- item`: empty input$/m);
  });
});

describe('the reports of the example story', () => {
  it('show the facts, the outlets side by side and the timeline, and load nothing', async () => {
    const { analyze } = await import('../../src/index.ts');
    const { EXAMPLE_DIR } = await import('../helpers.ts');
    const dossier = await analyze([EXAMPLE_DIR]);
    const html = renderHtml(dossier);
    for (const heading of ['Established by several independent sources', 'Contested', 'Resting on one source', 'The outlets side by side', 'Timeline', 'Quotes', 'People']) {
      assert.ok(html.includes(`<h2>${heading}`), heading);
    }
    assert.match(html, /<svg [^>]*role="img"/);
    assert.match(html, /<mark>regime<\/mark>/);
    assert.doesNotMatch(html, /<script|<img|<link|<iframe|src=|href="?https?:/i);
    const md = renderMarkdown(dossier);
    for (const heading of ['## Established by several independent sources', '## Contested', '## The outlets side by side', '## Timeline']) assert.ok(md.includes(heading), heading);
  });
});
