// The stories: a search form (words, dates, outlets, at least N outlets, contested only, order)
// and a page of results with links to the next and previous pages. The form is a GET: every
// result page has its own address.
import { html } from '../html.ts';
import type { StoryPage, StoryQuery } from '../../store/store.ts';
import { headlineOf, outletLabel } from './labels.ts';
import { page } from './layout.ts';

export const PAGE_SIZE = 25;

export interface StoriesView {
  query: StoryQuery & { page: number };
  result: StoryPage;
  outlets: string[];
  /** Stories whose dossier is not computed yet (the contested filter cannot see them). */
  pendingDossiers: number;
}

export function storiesPage({ query, result, outlets, pendingDossiers }: StoriesView): string {
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const params = (n: number): string => {
    const p = new URLSearchParams();
    if (query.text) p.set('q', query.text);
    if (query.since) p.set('since', query.since);
    if (query.until) p.set('until', query.until.slice(0, 10));
    for (const o of query.outlets ?? []) p.append('outlet', o);
    if (query.minOutlets) p.set('min', String(query.minOutlets));
    if (query.contested) p.set('contested', '1');
    if (query.sort === 'size') p.set('sort', 'size');
    if (n > 1) p.set('page', String(n));
    const s = p.toString();
    return s ? `/?${s}` : '/';
  };
  const rows = result.stories.map(
    (s) => html`<tr>
<td><a href="/stories/${s.id}">${headlineOf(s)}</a></td>
<td>${s.firstSeen.slice(0, 10)}${s.lastSeen.slice(0, 10) !== s.firstSeen.slice(0, 10) ? html` – ${s.lastSeen.slice(0, 10)}` : ''}</td>
<td class="num">${s.articles}</td>
<td>${s.outlets.slice(0, 6).map(outletLabel).join(', ')}${s.outlets.length > 6 ? html` <span class="muted">and ${s.outlets.length - 6} more</span>` : ''}</td>
</tr>`,
  );
  const body = html`<h1>Stories</h1>
<form class="search" method="get" action="/" role="search">
<div class="field wide"><label for="q">Words</label><input id="q" name="q" type="search" value="${query.text ?? ''}" placeholder="words from a headline or a lead"></div>
<div class="field"><label for="since">Seen since</label><input id="since" name="since" type="date" value="${query.since ?? ''}"></div>
<div class="field"><label for="until">First seen by</label><input id="until" name="until" type="date" value="${query.until?.slice(0, 10) ?? ''}"></div>
<div class="field"><label for="outlet">Outlets</label><select id="outlet" name="outlet" multiple size="3">${outlets.map((o) => html`<option value="${o}"${query.outlets?.includes(o) ? html` selected` : ''}>${outletLabel(o)}</option>`)}</select></div>
<div class="field"><label for="min">At least N outlets</label><input id="min" name="min" type="number" min="1" value="${query.minOutlets ?? ''}"></div>
<div class="field"><label for="sort">Order</label><select id="sort" name="sort"><option value="recent">Most recent</option><option value="size"${query.sort === 'size' ? html` selected` : ''}>Most articles</option></select></div>
<div class="field check"><input id="contested" name="contested" type="checkbox" value="1"${query.contested ? html` checked` : ''}><label for="contested">Has contested facts</label></div>
<div class="field"><button type="submit">Search</button></div>
</form>
${query.contested && pendingDossiers > 0 ? html`<p class="note" role="status">${pendingDossiers} stor${pendingDossiers === 1 ? 'y is' : 'ies are'} not analysed yet and cannot be counted as contested (stories of two outlets or more are analysed in the background, newest first; any story is when it is opened).</p>` : ''}
<p class="count" role="status">${result.total} stor${result.total === 1 ? 'y' : 'ies'}${pages > 1 ? `, page ${query.page} of ${pages}` : ''}</p>
${rows.length ? html`<table class="stories"><thead><tr><th scope="col">Headline</th><th scope="col">Seen</th><th scope="col">Articles</th><th scope="col">Outlets</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p>No story matches.</p>`}
<nav class="pager" aria-label="Pages">${query.page > 1 ? html`<a href="${params(query.page - 1)}" rel="prev">Previous</a>` : ''}${query.page < pages ? html`<a href="${params(query.page + 1)}" rel="next">Next</a>` : ''}</nav>`;
  return page({ title: 'Stories', current: 'stories', body });
}
