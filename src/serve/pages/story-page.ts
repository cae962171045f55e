// A story: its facts (established, contested side by side with the values compared, single
// source), the claims × outlets matrix with origins and rewrites, the quotes with their variants
// as word diffs, the framing of each outlet side by side, the timeline as a chart, and the
// articles. Every finding links to its evidence, highlighted in each article.
import type { Dossier } from '../../model.ts';
import { articleLabel, claimSections, derivationViews, type ContradictionView, type FactView } from '../../render/summarize.ts';
import type { StoryRow } from '../../store/store.ts';
import { html, type Html } from '../html.ts';
import { headlineOf } from './labels.ts';
import { page } from './layout.ts';

/** Rows of the claims × outlets matrix, at most. */
const MATRIX_ROWS = 40;

export function storyPage(story: StoryRow, dossier: Dossier): string {
  const sections = claimSections(dossier);
  const base = `/stories/${story.id}`;
  const claimGroupOf = new Map<string, string>();
  for (const g of dossier.claimGroups) for (const c of g.claimIds) claimGroupOf.set(c, g.id);
  const evidence = (groupId: string, label = 'Evidence'): Html => html`<a class="evidence" href="${base}/evidence/claims/${groupId}">${label}</a>`;
  const body = html`<h1>${headlineOf(story)}</h1>
<p class="meta">${story.articles} article${story.articles === 1 ? '' : 's'} from ${story.outlets.length} outlet${story.outlets.length === 1 ? '' : 's'} · seen ${story.firstSeen.slice(0, 10)} to ${story.lastSeen.slice(0, 10)}</p>
<p class="downloads">Download the dossier: <a href="${base}/dossier.json" download>JSON</a> <a href="${base}/brief.md" download>Markdown</a> <a href="${base}/report.html" download>HTML report</a> · <a href="${base}/check">Check a claim against this story</a></p>
<nav class="toc" aria-label="Sections"><a href="#established">Established</a><a href="#contested">Contested</a><a href="#single">Single source</a><a href="#matrix">Claims × outlets</a><a href="#quotes">Quotes</a><a href="#framing">Framing</a><a href="#timeline">Timeline</a><a href="#articles">Articles</a></nav>
<section id="established" aria-labelledby="h-established"><h2 id="h-established">Established by independent sources (${sections.established.length})</h2>
${sections.established.length ? html`<ul class="facts">${sections.established.map((f) => factItem(f, evidence))}</ul>` : html`<p class="muted">No fact rests on two independent origins.</p>`}</section>
<section id="contested" aria-labelledby="h-contested"><h2 id="h-contested">Contested (${sections.contested.length})</h2>
${contestedTable(sections.contested, (c) => claimGroupOf.get(c), evidence)}
${sections.possiblyContested.length ? html`<details><summary>Possibly contested, uncertain (${sections.possiblyContested.length})</summary>${contestedTable(sections.possiblyContested, (c) => claimGroupOf.get(c), evidence)}</details>` : ''}</section>
<section id="single" aria-labelledby="h-single"><h2 id="h-single">Resting on one source (${sections.singleSource.length} most worth checking)</h2>
${sections.singleSource.length ? html`<ul class="facts">${sections.singleSource.map((f) => factItem(f, evidence))}</ul>` : html`<p class="muted">None.</p>`}</section>
${matrix(dossier, base)}
${quotes(dossier, base)}
${framing(dossier)}
${timeline(dossier)}
<section id="articles" aria-labelledby="h-articles"><h2 id="h-articles">Articles</h2>
<ol class="articles">${dossier.articles.map((a, i) => html`<li><a href="${base}/articles/${i + 1}">${articleLabel(a)}</a>: ${a.title ?? ''} <span class="muted">${a.publishedAt ?? ''}</span></li>`)}</ol></section>`;
  return page({ title: headlineOf(story), body });
}

function factItem(f: FactView, evidence: (groupId: string, label?: string) => Html): Html {
  return html`<li class="fact">
<p>${f.claims[0]!.text}</p>
<p class="fact-meta">${f.outlets} outlet${f.outlets === 1 ? '' : 's'}, ${f.origins} independent origin${f.origins === 1 ? '' : 's'}${f.originLabels.length ? `: ${f.originLabels.join('; ')}` : ''}${f.closestMatch ? html` · <span class="tag uncertain">matched as closest sentences: check</span>` : ''} · ${evidence(f.groupId, 'Show evidence')}</p>
${f.claims.length > 1 ? html`<ul class="wordings">${f.claims.slice(1).map((c) => html`<li><span class="outlet">${c.outlet}</span> ${c.text}</li>`)}</ul>` : ''}
${f.possiblyAlsoIn.length ? html`<ul class="possibly">${f.possiblyAlsoIn.map((p) => html`<li>Possibly also in <span class="outlet">${p.outlet}</span>: ${p.text}</li>`)}</ul>` : ''}
</li>`;
}

/** Rows of a contradictions table, at most; the dossier's JSON holds them all. */
const CONTESTED_ROWS = 40;
/** Rewrite links listed, at most. */
const DERIVATION_ROWS = 30;

function contestedTable(all: readonly ContradictionView[], groupOf: (claimId: string) => string | undefined, evidence: (groupId: string, label?: string) => Html): Html {
  if (all.length === 0) return html`<p class="muted">No contradiction found.</p>`;
  // many copies of two versions make the same contradiction many times: one row per kind, values and outlets
  const seen = new Set<string>();
  const distinct = all.filter((v) => {
    const key = JSON.stringify([v.kind, v.values, v.a.outlet, v.b.outlet]);
    return !seen.has(key) && seen.add(key);
  });
  const views = distinct.slice(0, CONTESTED_ROWS);
  const more = distinct.length - views.length;
  const side = (s: ContradictionView['a'], value: string | undefined, later: boolean): Html => {
    const group = groupOf(s.id);
    return html`<td><span class="outlet">${s.outlet}</span>${later ? html` <span class="tag">later</span>` : ''}<p>${value ? emphasised(s.text, value) : s.text}</p>${group ? evidence(group) : ''}</td>`;
  };
  return html`<table class="contested"><thead><tr><th scope="col">Kind</th><th scope="col">One side</th><th scope="col">The other</th></tr></thead><tbody>${views.map(
    (v) => html`<tr><th scope="row">${v.kind}<p class="muted">${v.explanation}</p></th>${side(v.a, v.values[0], v.later === 'a')}${side(v.b, v.values[1], v.later === 'b')}</tr>`,
  )}</tbody></table>${more > 0 ? html`<p class="muted">And ${more} more (all in the dossier's JSON).</p>` : ''}${distinct.length < all.length ? html`<p class="muted">${all.length - distinct.length} repetitions of these between other articles of the same outlets are not shown.</p>` : ''}`;
}

/** The text with the compared value marked where it stands. */
function emphasised(text: string, value: string): Html {
  const at = text.toLowerCase().indexOf(value.toLowerCase());
  if (at < 0 || !value) return html`${text}`;
  return html`${text.slice(0, at)}<strong class="value">${text.slice(at, at + value.length)}</strong>${text.slice(at + value.length)}`;
}

function matrix(dossier: Dossier, base: string): Html {
  const claims = new Map(dossier.claims.map((c) => [c.id, c]));
  const order = { contested: 0, corroborated: 1, 'single-source': 2 } as const;
  const groups = [...dossier.claimGroups]
    .sort((a, b) => order[a.status] - order[b.status] || b.articleIds.length - a.articleIds.length || a.id.localeCompare(b.id))
    .slice(0, MATRIX_ROWS);
  const allDerivations = derivationViews(dossier);
  const derivations = [...allDerivations].sort((a, b) => b.passages.join('').length - a.passages.join('').length).slice(0, DERIVATION_ROWS);
  // one column per outlet: a story of 200 articles has a handful of outlets, not 200 columns
  const label = new Map(dossier.articles.map((a) => [a.id, articleLabel(a)]));
  const outlets = [...new Set(label.values())];
  const head = outlets.map((o) => html`<th scope="col">${o}</th>`);
  const rows = groups.map((g) => {
    const first = claims.get(g.claimIds[0]!)!;
    const cells = outlets.map((o) => {
      const own = g.claimIds.map((id) => claims.get(id)!).filter((c) => label.get(c.articleId) === o);
      return own.length ? html`<td class="has" title="${own[0]!.text}">●<span class="visually-hidden"> reported${own.length > 1 ? `, ${own.length} times` : ''}</span></td>` : html`<td><span class="visually-hidden">not reported</span></td>`;
    });
    return html`<tr><th scope="row"><a href="${base}/evidence/claims/${g.id}">${first.text.length > 140 ? `${first.text.slice(0, 140)}…` : first.text}</a> <span class="tag ${g.status}">${g.status}</span></th>${cells}<td class="num">${g.independentOrigins}</td><td>${g.originDetails.map((o) => o.label).join('; ')}</td></tr>`;
  });
  return html`<section id="matrix" aria-labelledby="h-matrix"><h2 id="h-matrix">Claims × outlets</h2>
<div class="scroll"><table class="matrix"><thead><tr><th scope="col">Claim</th>${head}<th scope="col">Independent origins</th><th scope="col">Origins</th></tr></thead><tbody>${rows}</tbody></table></div>
<h3>Who rewrote whom</h3>
${derivations.length ? html`<ul class="derivations">${derivations.map(
    (d) => html`<li><span class="outlet">${d.outlet}</span> ${d.directionKnown ? 'rewrites' : 'shares text with'} <span class="outlet">${d.fromOutlet}</span><details><summary>${d.passages.length} shared passage${d.passages.length === 1 ? '' : 's'}</summary><ul>${d.passages.map((p) => html`<li><q>${p}</q></li>`)}</ul></details></li>`,
  )}</ul>${allDerivations.length > derivations.length ? html`<p class="muted">The ${derivations.length} links sharing the most text of ${allDerivations.length}.</p>` : ''}` : html`<p class="muted">No article rewrites another.</p>`}
</section>`;
}

function quotes(dossier: Dossier, base: string): Html {
  const quotes = new Map(dossier.quotes.map((q) => [q.id, q]));
  const articles = new Map(dossier.articles.map((a) => [a.id, a]));
  const groups = dossier.quoteGroups.filter((g) => !g.quoteIds.every((id) => quotes.get(id)!.scare));
  const items = groups.map((g) => {
    const first = quotes.get(g.quoteIds[0]!)!;
    const outlets = [...new Set(g.quoteIds.map((id) => articleLabel(articles.get(quotes.get(id)!.articleId)!)))];
    const speakers = g.speakers.length ? g.speakers.join(' / ') : 'speaker not established';
    return html`<li class="quote">
<blockquote>${first.text}</blockquote>
<p class="fact-meta">${speakers}${g.speakersDiffer ? html` <span class="tag contested">outlets name different speakers</span>` : ''} · <span class="tag ${g.agreement}">${g.agreement}</span> · ${outlets.join(', ')} · <a class="evidence" href="${base}/evidence/quotes/${g.id}">Show evidence</a></p>
${g.differences.length ? html`<details><summary>${g.differences.length} variant${g.differences.length === 1 ? '' : 's'} (word differences)</summary>${g.differences.map((d) => {
      const a = quotes.get(d.quoteId);
      const b = quotes.get(d.withQuoteId);
      return html`<p class="diff"><span class="muted">${a ? articleLabel(articles.get(a.articleId)!) : ''} → ${b ? articleLabel(articles.get(b.articleId)!) : ''}:</span> ${d.diff.map((p) => (p.op === 'same' ? html`${p.text} ` : p.op === 'removed' ? html`<del>${p.text}</del> ` : html`<ins>${p.text}</ins> `))}</p>`;
    })}</details>` : ''}
</li>`;
  });
  return html`<section id="quotes" aria-labelledby="h-quotes"><h2 id="h-quotes">Quotes (${groups.length})</h2>${items.length ? html`<ul class="quotes">${items}</ul>` : html`<p class="muted">No quotation.</p>`}</section>`;
}

function framing(dossier: Dossier): Html {
  const articles = new Map(dossier.articles.map((a) => [a.id, a]));
  const cards = dossier.framing.map((f) => {
    const a = articles.get(f.articleId)!;
    const sourced = f.namedSources + f.anonymousSources;
    return html`<div class="card"><h3>${articleLabel(a)}</h3>
<dl><dt>Sources</dt><dd>${f.namedSources} named, ${f.anonymousSources} unnamed${sourced ? ` (${Math.round((100 * f.anonymousSources) / sourced)}% unnamed)` : ''}</dd>
<dt>Quoted text</dt><dd>${Math.round(f.quoteShare * 100)}% of the article</dd>
<dt>Hedges</dt><dd>${f.hedges}</dd>
${f.lastWord ? html`<dt>Last word</dt><dd>${f.lastWord}</dd>` : ''}
<dt>Loaded terms</dt><dd>${f.loadedTerms.length ? html`<ul class="terms">${f.loadedTerms.map((t) => html`<li><strong>${t.term}</strong>${t.neutral ? html` → ${t.neutral}` : ''} <span class="muted">${t.why}</span></li>`)}</ul>` : 'none'}</dd>
${f.onlyHere.length ? html`<dt>Only here</dt><dd>${f.onlyHere.slice(0, 8).join(', ')}</dd>` : ''}
${f.leftOut.length ? html`<dt>Left out</dt><dd>${f.leftOut.slice(0, 8).join(', ')}</dd>` : ''}
</dl></div>`;
  });
  return html`<section id="framing" aria-labelledby="h-framing"><h2 id="h-framing">Framing, outlet by outlet</h2><div class="cards">${cards}</div></section>`;
}

function timeline(dossier: Dossier): Html {
  const resolved = dossier.timeline.filter((t) => t.date !== 'unresolved');
  const articles = new Map(dossier.articles.map((a) => [a.id, a]));
  if (resolved.length === 0) return html`<section id="timeline" aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline</h2><p class="muted">No dated event.</p></section>`;
  const dates = [...new Set(resolved.map((t) => t.date))].sort();
  const step = 90;
  const width = Math.max(400, 60 + dates.length * step);
  const marks = dates.map((d, i) => {
    const n = resolved.filter((t) => t.date === d).length;
    const x = 40 + i * step;
    return html`<g><circle cx="${x}" cy="40" r="${Math.min(14, 5 + 2 * n)}" class="dot"><title>${d}: ${n} mention${n === 1 ? '' : 's'}</title></circle><text x="${x}" y="80">${d}</text><text x="${x}" y="96" class="count">${n}</text></g>`;
  });
  return html`<section id="timeline" aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline</h2>
<div class="chart scroll"><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="110" role="img" aria-label="Dated events, ${dates.length} dates from ${dates[0]} to ${dates[dates.length - 1]}"><line x1="20" y1="40" x2="${width - 20}" y2="40" class="axis"></line>${marks}</svg></div>
<table class="timeline"><thead><tr><th scope="col">Date</th><th scope="col">Outlet</th><th scope="col">Sentence</th></tr></thead><tbody>${[...resolved]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((t) => html`<tr><td>${t.date}</td><td>${articleLabel(articles.get(t.articleId)!)}</td><td>${t.text}</td></tr>`)}</tbody></table></section>`;
}
