// The brief and the report show where facts come from and the evidence of a rewrite, escaped:
// invented articles written for this test, one a rewrite of the other with markup in the shared text.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeInputs, renderHtml, renderMarkdown, type Dossier } from '../../src/index.ts';

const SHARED = 'The Harbor Street bridge will stay closed to trucks for at least four months while engineers replace two <b>cracked</b> steel beams under its eastern span';
const QUOTE = 'The bridge is no longer safe for heavy trucks, and we will not wait for an accident to prove it';

describe('provenance in the brief and the report', () => {
  let dossier: Dossier;
  before(async () => {
    ({ dossier } = await analyzeInputs([
      { source: 'ledger.txt', outlet: 'Daily Ledger', publishedAt: '2021-03-02T08:00:00Z', text: `${SHARED}.\n\nMayor Elena Ruiz announced the closure on Monday.\n\n“${QUOTE},” Ruiz said.` },
      { source: 'herald.txt', outlet: 'Valley Herald', publishedAt: '2021-03-03T09:00:00Z', text: `Drivers, take note.\n\n${SHARED}.\n\nMayor Elena Ruiz spoke to reporters at City Hall.\n\n“${QUOTE},” Ruiz told them.` },
    ]));
  });

  it('names each fact’s origins and shows the rewrite with its passages in the Markdown brief', () => {
    const md = renderMarkdown(dossier);
    assert.match(md, /1 independent origin \(Elena Ruiz’s statement\)/);
    assert.match(md, /^## Shared text between articles \(1\)$/m);
    assert.match(md, /^- \*\*Valley Herald\*\* rewrites \*\*Daily Ledger\*\* \(published earlier\); shared outside quotations:$/m);
    // the shared run goes on into the next sentence's first words, which both articles also share
    assert.ok(md.includes('  - “The Harbor Street bridge will stay closed to trucks for at least four months while engineers replace two &lt;b&gt;cracked&lt;/b&gt; steel beams under its eastern span. Mayor Elena Ruiz”'), md);
  });

  it('does the same in the HTML report, every passage escaped', () => {
    const html = renderHtml(dossier);
    assert.ok(html.includes('<ul class="origins"><li>Elena Ruiz’s statement</li></ul>'));
    assert.ok(html.includes('<h2>Shared text between articles (1)</h2>'));
    assert.ok(html.includes('<span class="outlet">Valley Herald</span> rewrites <span class="outlet">Daily Ledger</span> (published earlier)'));
    assert.ok(html.includes('<li>The Harbor Street bridge will stay closed to trucks for at least four months while engineers replace two &lt;b&gt;cracked&lt;/b&gt; steel beams under its eastern span. Mayor Elena Ruiz</li>'));
    assert.doesNotMatch(html, /<b>cracked/);
  });
});
