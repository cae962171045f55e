// The contested section shows the words compared and, for an update, which report is later; an
// update does not make its fact contested. Two invented articles analysed for real.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/pipeline.ts';
import { renderHtml } from '../../src/render/render-html.ts';
import { renderMarkdown } from '../../src/render/render-markdown.ts';

const dir = mkdtempSync(join(tmpdir(), 'triangulate-contested-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, outlet: string, publishedAt: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ title: 'Port authority case', outlet, publishedAt, text }));
  return path;
};
const earlier = write('earlier.json', 'Morning <Post>', '2024-03-04T08:00:00Z', 'Mayor Ruiz was expected to be indicted on federal fraud charges. Prosecutors unsealed a 48-page indictment against the port authority.');
const later = write('later.json', 'Evening Star', '2024-03-06T18:00:00Z', 'Mayor Ruiz has been indicted on federal fraud charges by a grand jury. Prosecutors unsealed a 47-page indictment against the port authority.');

describe('contested section', async () => {
  const dossier = await analyze([earlier, later]);
  const laterId = dossier.articles.find((a) => a.outlet === 'Evening Star')!.id;
  const all = dossier.claimGroups.flatMap((g) => g.contradictions.map((c) => ({ ...c, status: g.status })));

  it('keeps the words compared beside the contract fields, and the later claim of an update', () => {
    const update = all.find((c) => c.kind === 'update');
    const number = all.find((c) => c.kind === 'number');
    assert.deepEqual(update?.values, ['expected to be indicted', 'has been indicted']);
    assert.equal(dossier.claims.find((c) => c.id === update?.laterClaimId)?.articleId, laterId);
    assert.deepEqual(number?.values, ['48-page', '47-page']);
    assert.equal(number?.laterClaimId, undefined);
  });

  it('an update alone does not make a fact contested; a number does', () => {
    for (const c of all) assert.equal(c.status === 'contested', c.kind !== 'update' || all.some((o) => o.kind !== 'update' && (o.claimId === c.claimId || o.withClaimId === c.withClaimId)));
  });

  it('shows the values and the later report in the brief and the report, escaped', () => {
    const md = renderMarkdown(dossier);
    assert.match(md, /\*update\* “expected to be indicted” against “has been indicted” \(Evening Star is the later report: probably news, not a dispute\)/);
    assert.match(md, /\*number\* “48-page” against “47-page”/);
    const html = renderHtml(dossier);
    assert.match(html, /<mark>48-page<\/mark>/);
    assert.match(html, /<span class="outlet">Evening Star<\/span> <span class="muted">\(later report\)<\/span>/);
    assert.doesNotMatch(html, /<Post>/);
  });
});
