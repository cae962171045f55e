// The HTML report: one self-contained page (inline CSS, no script, no external resource, a
// Content-Security-Policy that forbids loading anything), every piece of article text escaped.
import type { Article, Block, Dossier } from '../model.ts';
import { escapeHtml } from './escape-html.ts';
import { articleFigures, articleLabel, claimSections, derivationViews, REMOVED_KINDS, type FactView } from './summarize.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'";

const STYLE = `
:root { --ink: #1d232b; --muted: #5d6876; --line: #dfe3e8; --bg: #f6f7f9; --accent: #2457a6;
  --boilerplate: #8a94a3; --embed: #7a4fb3; --comment: #b36b00; --ad: #b3262e; --navigation: #2f7d5b; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header.top { background: #fff; border-bottom: 1px solid var(--line); padding: 20px 32px; }
header.top h1 { margin: 0 0 4px; font-size: 22px; }
header.top p { margin: 0; color: var(--muted); }
main { padding: 24px 32px; max-width: 1200px; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); margin-bottom: 28px; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
article { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 20px 24px; margin-bottom: 24px; }
article h2 { margin: 0 0 4px; font-size: 19px; }
article .meta { color: var(--muted); font-size: 13px; margin-bottom: 14px; overflow-wrap: anywhere; }
article .body { max-width: 46em; }
article .body h3 { font-size: 16px; margin: 18px 0 6px; }
article .body blockquote { margin: 0 0 10px; padding-left: 12px; border-left: 3px solid var(--line); color: #333; }
article .body pre { white-space: pre-wrap; background: var(--bg); padding: 8px; }
.tag { display: inline-block; font-size: 11px; padding: 1px 7px; border-radius: 10px; color: #fff; margin-right: 6px; white-space: nowrap; }
.tag.boilerplate { background: var(--boilerplate); } .tag.embed { background: var(--embed); } .tag.comment { background: var(--comment); }
.tag.ad { background: var(--ad); } .tag.navigation { background: var(--navigation); }
details { margin-top: 14px; border-top: 1px dashed var(--line); padding-top: 10px; }
details summary { cursor: pointer; color: var(--muted); }
details li { margin: 4px 0; color: var(--muted); white-space: pre-wrap; overflow-wrap: anywhere; }
.messages li { color: #8a1c1c; }
.tag.single-source { background: #b3262e; } .tag.variant { background: #b36b00; } .tag.verbatim { background: #2f7d5b; }
.muted { color: var(--muted); } .warn { color: #8a1c1c; font-weight: 600; margin-top: 4px; }
h2 { font-size: 18px; margin: 8px 0 12px; }
ul.claims { margin: 0; padding-left: 18px; } ul.claims li { margin: 2px 0; } ul.claims li.possibly { list-style: circle; color: #555; }
ul.origins { margin: 4px 0 0; padding-left: 16px; font-size: 12px; color: var(--muted); }
.outlet { font-weight: 600; margin-right: 4px; } .tag.hedged { background: #8a94a3; } .tag.contested { background: #b3262e; }
table.contested td { width: 45%; } table.contested td:first-child { width: 10%; }
.outlets { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; margin-bottom: 28px; }
.outlet-card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 14px 16px; }
.outlet-card h3 { margin: 0 0 8px; font-size: 16px; overflow-wrap: anywhere; }
.outlet-card h4 { margin: 12px 0 4px; font-size: 13px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.outlet-card dl { display: grid; grid-template-columns: 1fr; gap: 2px; margin: 0; font-size: 14px; }
.outlet-card dt { color: var(--muted); font-size: 12px; margin-top: 6px; } .outlet-card dd { margin: 0; }
ul.terms { margin: 0; padding-left: 16px; font-size: 13px; } ul.terms li { margin: 3px 0; }
mark { background: #fde68a; padding: 0 1px; }
.bar { display: inline-block; vertical-align: middle; width: 90px; height: 8px; background: var(--line); border-radius: 4px; overflow: hidden; margin-left: 6px; }
.bar .fill { display: block; height: 100%; } .fill.named { background: #2f7d5b; } .fill.quoted { background: var(--accent); }
.chart { overflow-x: auto; background: #fff; border: 1px solid var(--line); margin-bottom: 12px; }
.chart .axis { stroke: var(--line); stroke-width: 2; } .chart .dot { fill: var(--accent); opacity: .8; }
.chart text { font: 11px system-ui, sans-serif; text-anchor: middle; fill: var(--ink); } .chart .count { fill: var(--muted); }
`;

export function renderHtml(dossier: Dossier): string {
  const articles = dossier.articles;
  const outlets = new Set(articles.map(articleLabel));
  const parts: string[] = [];
  parts.push(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Triangulate dossier</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><h1>Triangulate dossier</h1><p>${articles.length} article${articles.length === 1 ? '' : 's'} from ${outlets.size} source${outlets.size === 1 ? '' : 's'}</p></header>
<main>`);
  parts.push(articleTable(articles));
  parts.push(claimSection(dossier));
  parts.push(derivationSection(dossier));
  parts.push(quoteSection(dossier));
  parts.push(outletSection(dossier));
  parts.push(timelineSection(dossier));
  parts.push(peopleSection(dossier));
  for (const article of articles) parts.push(articleCard(article));
  if (dossier.messages.length) {
    parts.push('<section class="messages"><h2>Inputs not analysed</h2><ul>');
    for (const m of dossier.messages) parts.push(`<li><code>${escapeHtml(m.source)}</code>: ${escapeHtml(m.reason)}</li>`);
    parts.push('</ul></section>');
  }
  parts.push('</main>\n</body>\n</html>\n');
  return parts.join('\n');
}

function factRow(f: FactView): string {
  const rows = f.claims
    .map((c) => `<li><span class="outlet">${escapeHtml(c.outlet)}</span> ${escapeHtml(c.text)}${c.attribution ? ` <span class="muted">(attributed to ${escapeHtml(c.attribution)})</span>` : ''}${c.hedged ? ' <span class="tag hedged">hedged</span>' : ''}</li>`)
    .concat(f.possiblyAlsoIn.map((p) => `<li class="possibly"><span class="muted">possibly also in</span> <span class="outlet">${escapeHtml(p.outlet)}</span> ${escapeHtml(p.text)}</li>`))
    .join('');
  const origins = f.originLabels.map((o) => `<li>${escapeHtml(o)}</li>`).join('');
  const closest = f.closestMatch ? '<div class="muted">grouped as each other’s closest sentences: check that they say the same</div>' : '';
  return `<tr><td class="num">${f.outlets}</td><td><span class="num">${f.origins}</span><ul class="origins">${origins}</ul></td><td><ul class="claims">${rows}</ul>${closest}</td></tr>`;
}

function claimSection(dossier: Dossier): string {
  if (dossier.claims.length === 0) return '';
  const { established, contested, possiblyContested, singleSource } = claimSections(dossier);
  const total = dossier.claimGroups.filter((g) => g.status === 'single-source').length;
  const head = '<thead><tr><th>Outlets</th><th>Origins</th><th>Claims</th></tr></thead>';
  // the words compared above each side's sentence; an update marks the later report
  const side = (c: (typeof contested)[number], which: 'a' | 'b'): string => {
    const value = c.values.length === 2 ? `<mark>${escapeHtml(c.values[which === 'a' ? 0 : 1]!)}</mark><br>` : '';
    const later = c.later === which ? ' <span class="muted">(later report)</span>' : '';
    return `${value}<span class="outlet">${escapeHtml(c[which].outlet)}</span>${later} ${escapeHtml(c[which].text)}`;
  };
  const rows = (list: typeof contested): string =>
    list.map((c) => `<tr><td><span class="tag contested">${escapeHtml(c.kind)}</span>${c.kind === 'update' ? '<div class="muted">probably news, not a dispute</div>' : ''}</td><td>${side(c, 'a')}</td><td>${side(c, 'b')}</td></tr>`).join('\n');
  const table = (list: typeof contested): string => `<table class="contested"><thead><tr><th>Kind</th><th>One says</th><th>Another says</th></tr></thead><tbody>${rows(list)}</tbody></table>`;
  return `<h2>Established by several independent sources (${established.length})</h2>
${established.length ? `<table class="facts">${head}<tbody>${established.map(factRow).join('\n')}</tbody></table>` : '<p class="muted">No fact here has two independent origins.</p>'}
<h2>Contested (${contested.length})</h2>
${contested.length ? table(contested) : '<p class="muted">No contradiction found.</p>'}
${possiblyContested.length ? `<h2>Possibly contested (${possiblyContested.length})</h2>\n<p class="muted">Uncertain: the two sentences were not matched as one fact and may be about different events.</p>\n${table(possiblyContested)}` : ''}
<h2>Resting on one source (${total}; the ${singleSource.length} most worth checking)</h2>
<table class="facts">${head}<tbody>${singleSource.map(factRow).join('\n')}</tbody></table>`;
}

/** Who rewrites whom, each link with the passages both articles hold outside quotations. */
function derivationSection(dossier: Dossier): string {
  if (dossier.articles.length < 2) return '';
  const links = derivationViews(dossier);
  if (links.length === 0) return '<h2>Shared text between articles (0)</h2>\n<p class="muted">No article shares a sentence with another outside quotations: no rewrite found.</p>';
  const rows = links.map((d) => {
    const direction = d.directionKnown ? `rewrites <span class="outlet">${escapeHtml(d.fromOutlet)}</span> (published earlier)` : `shares text with <span class="outlet">${escapeHtml(d.fromOutlet)}</span>; which came first is not known`;
    const passages = d.passages.map((p) => `<li>${escapeHtml(p.replace(/\s+/g, ' '))}</li>`).join('');
    return `<tr><td><span class="outlet">${escapeHtml(d.outlet)}</span> ${direction}</td><td><ul class="claims">${passages}</ul></td></tr>`;
  });
  return `<h2>Shared text between articles (${links.length})</h2>
<table class="derivations"><thead><tr><th>Articles</th><th>Passages both hold outside quotations</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function quoteSection(dossier: Dossier): string {
  if (dossier.quoteGroups.length === 0) return '';
  const byId = new Map(dossier.quotes.map((q) => [q.id, q]));
  const outlet = new Map(dossier.articles.map((a) => [a.id, articleLabel(a)]));
  // single-source quotes first: a quote no other outlet carries is the first thing to check
  const order = { 'single-source': 0, variant: 1, verbatim: 2 } as const;
  const groups = [...dossier.quoteGroups].sort((a, b) => order[a.agreement] - order[b.agreement]);
  const rows = groups.map((g) => {
    const q = byId.get(g.quoteIds[0]!)!;
    const speaker = q.speaker.name ?? q.speaker.description ?? 'not found';
    const described = q.speaker.name && q.speaker.description ? ` <span class="muted">(${escapeHtml(q.speaker.description)})</span>` : '';
    const conflict = g.speakersDiffer ? `<div class="warn">Attributed to different speakers: ${escapeHtml(g.speakers.join(' / '))}</div>` : '';
    return `<tr class="${g.agreement}"><td><span class="tag ${g.agreement}">${g.agreement}</span></td><td>${escapeHtml(q.text)}${conflict}</td><td>${escapeHtml(speaker)}${described}</td><td>${g.articleIds.map((a) => escapeHtml(outlet.get(a) ?? a)).join(', ')}</td></tr>`;
  });
  return `<h2>Quotes</h2>
<table class="quotes"><thead><tr><th>Agreement</th><th>Quote</th><th>Speaker</th><th>Outlets</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** Words around a span of an article, the span marked: loaded terms in context. */
function inContext(text: string, start: number, end: number, reach = 45): string {
  let from = Math.max(0, start - reach);
  let to = Math.min(text.length, end + reach);
  while (from > 0 && /\S/.test(text[from - 1]!) && start - from < reach + 15) from--;
  while (to < text.length && /\S/.test(text[to]!) && to - end < reach + 15) to++;
  return `${from > 0 ? '…' : ''}${escapeHtml(text.slice(from, start).replace(/\s+/g, ' '))}<mark>${escapeHtml(text.slice(start, end))}</mark>${escapeHtml(text.slice(end, to).replace(/\s+/g, ' '))}${to < text.length ? '…' : ''}`;
}

function bar(share: number, kind: string): string {
  const width = Math.round(Math.max(0, Math.min(1, share)) * 100);
  return `<span class="bar"><span class="fill ${kind}" style="width:${width}%"></span></span>`;
}

/** The outlets side by side: sourcing, hedging, loaded and contrastive wording, what only each states. */
function outletSection(dossier: Dossier): string {
  if (dossier.framing.length === 0) return '';
  const cards = dossier.framing.map((f) => {
    const article = dossier.articles.find((a) => a.id === f.articleId)!;
    const sources = f.namedSources + f.anonymousSources;
    const loaded = f.loadedTerms
      .slice(0, 8)
      .map((t) => `<li>${inContext(article.text, t.start, t.end)}${t.neutral ? ` <span class="muted">→ ${escapeHtml(t.neutral)}</span>` : ''} <span class="muted">(${escapeHtml(t.why)})</span></li>`)
      .join('');
    const contrast = f.contrastive.map((c) => `<li>${inContext(article.text, c.start, c.end)} <span class="muted">(others: “${escapeHtml(c.othersUse)}” for ${escapeHtml(c.referent)})</span></li>`).join('');
    return `<section class="outlet-card">
<h3>${escapeHtml(articleLabel(article))}</h3>
<dl>
<dt>Sources named / anonymous</dt><dd>${f.namedSources} / ${f.anonymousSources} ${bar(sources ? f.namedSources / sources : 0, 'named')}</dd>
<dt>Quotation share of the text</dt><dd>${Math.round(f.quoteShare * 100)}% ${bar(f.quoteShare * 3, 'quoted')}</dd>
<dt>Hedges · certainty · intensifiers</dt><dd>${f.hedges} · ${f.certainty.length} · ${f.intensifiers.length}</dd>
<dt>Last word</dt><dd>${escapeHtml(f.lastWord ?? '—')}</dd>
<dt>States alone · leaves out</dt><dd>${f.onlyHere.length} check-worthy claims · ${f.leftOut.length} facts others share</dd>
</dl>
${contrast ? `<h4>Its own word for a referent</h4><ul class="terms">${contrast}</ul>` : ''}
${loaded ? `<h4>Loaded terms</h4><ul class="terms">${loaded}</ul>` : '<p class="muted">No loaded terms found.</p>'}
${f.speculation.length ? `<h4>Speculation stated as fact</h4><ul class="terms">${f.speculation.map((m) => `<li>${escapeHtml(m.text)}</li>`).join('')}</ul>` : ''}
</section>`;
  });
  return `<h2>The outlets side by side</h2>\n<div class="outlets">${cards.join('\n')}</div>`;
}

/** The dated events: a chart of the resolved dates in order, then the list, then what no date resolves. */
function timelineSection(dossier: Dossier): string {
  if (dossier.timeline.length === 0) return '';
  const outlet = new Map(dossier.articles.map((a) => [a.id, articleLabel(a)]));
  const resolved = dossier.timeline.filter((t) => t.date !== 'unresolved');
  const unresolved = dossier.timeline.filter((t) => t.date === 'unresolved');
  const dates = [...new Set(resolved.map((t) => t.date))];
  const step = 90;
  const width = Math.max(400, 60 + dates.length * step);
  const marks = dates
    .map((d, i) => {
      const n = resolved.filter((t) => t.date === d).length;
      const x = 40 + i * step;
      return `<g><circle cx="${x}" cy="40" r="${Math.min(14, 5 + 2 * n)}" class="dot"></circle><text x="${x}" y="80" class="date">${escapeHtml(d)}</text><text x="${x}" y="96" class="count">${n} mention${n === 1 ? '' : 's'}</text></g>`;
    })
    .join('');
  const chart = dates.length
    ? `<div class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="110" role="img" aria-label="dated events in order"><line x1="20" y1="40" x2="${width - 20}" y2="40" class="axis"></line>${marks}</svg></div>`
    : '';
  const rows = resolved.map((t) => `<tr><td>${escapeHtml(t.date)}</td><td>${escapeHtml(outlet.get(t.articleId) ?? t.articleId)}</td><td>${escapeHtml(t.text).replace(escapeHtml(t.expression), `<mark>${escapeHtml(t.expression)}</mark>`)}</td></tr>`).join('\n');
  const relative = unresolved.map((t) => `<li><mark>${escapeHtml(t.expression)}</mark> — ${escapeHtml(outlet.get(t.articleId) ?? t.articleId)}: ${escapeHtml(t.text)}</li>`).join('');
  return `<h2>Timeline</h2>
${chart}
${rows ? `<table class="timeline"><thead><tr><th>Date</th><th>Outlet</th><th>Sentence</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${relative ? `<details><summary>${unresolved.length} relative date${unresolved.length === 1 ? '' : 's'} that no publication date resolves</summary><ul>${relative}</ul></details>` : ''}`;
}

/** The people the story names, with the titles the outlets give them and how often each outlet refers to them. */
function peopleSection(dossier: Dossier): string {
  const people = dossier.entities.filter((e) => e.type === 'person').slice(0, 20);
  if (people.length === 0) return '';
  const outlet = new Map(dossier.articles.map((a) => [a.id, articleLabel(a)]));
  const rows = people.map((e) => {
    const perOutlet = new Map<string, number>();
    for (const m of e.mentions) perOutlet.set(outlet.get(m.articleId) ?? m.articleId, (perOutlet.get(outlet.get(m.articleId) ?? m.articleId) ?? 0) + 1);
    const where = [...perOutlet].map(([o, n]) => `${escapeHtml(o)} ${n}`).join(', ');
    return `<tr><td>${escapeHtml(e.name)}</td><td>${escapeHtml(e.roles.join('; ') || '—')}</td><td>${escapeHtml(e.aliases.join(', ') || '—')}</td><td>${where}</td></tr>`;
  });
  return `<h2>People</h2>
<table class="people"><thead><tr><th>Name</th><th>Titles given</th><th>Also written</th><th>References by outlet</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function articleTable(articles: readonly Article[]): string {
  const rows = articles.map((a) => {
    const f = articleFigures(a);
    const removed = REMOVED_KINDS.filter((k) => f.removedByKind[k] > 0)
      .map((k) => `<span class="tag ${k}">${k} ${f.removedByKind[k]}</span>`)
      .join('');
    return `<tr><td><a href="#${escapeHtml(a.id)}">${escapeHtml(articleLabel(a))}</a></td><td>${escapeHtml(a.title ?? '—')}</td><td>${escapeHtml(a.publishedAt ?? '—')}</td><td class="num">${f.words}</td><td class="num">${f.sentences}</td><td>${removed || '—'}</td></tr>`;
  });
  return `<table><thead><tr><th>Outlet</th><th>Title</th><th>Published</th><th>Words</th><th>Sentences</th><th>Removed</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function articleCard(article: Article): string {
  const meta = [article.author ? `By ${escapeHtml(article.author)}` : null, article.publishedAt ? escapeHtml(article.publishedAt) : null, `<code>${escapeHtml(article.source)}</code>`]
    .filter(Boolean)
    .join(' · ');
  const removed = article.removed.length
    ? `<details><summary>${article.removed.length} piece${article.removed.length === 1 ? '' : 's'} removed from the page</summary><ul>${article.removed
        .map((r) => `<li><span class="tag ${r.kind}">${r.kind}</span>${escapeHtml(r.text)}</li>`)
        .join('')}</ul></details>`
    : '';
  return `<article id="${escapeHtml(article.id)}">
<h2>${escapeHtml(article.title ?? articleLabel(article))}</h2>
<div class="meta">${escapeHtml(article.outlet ?? 'outlet unknown')} · ${meta}</div>
<div class="body">${renderBlocks(article)}</div>
${removed}
</article>`;
}

function renderBlocks(article: Article): string {
  const out: string[] = [];
  let inList = false;
  for (const block of article.blocks) {
    const text = escapeHtml(article.text.slice(block.start, block.end));
    if (block.kind === 'list-item' !== inList) {
      out.push(inList ? '</ul>' : '<ul>');
      inList = !inList;
    }
    out.push(blockHtml(block, text));
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}

function blockHtml(block: Block, text: string): string {
  switch (block.kind) {
    case 'heading': return `<h3>${text}</h3>`;
    case 'list-item': return `<li>${text}</li>`;
    case 'quote': return `<blockquote>${text}</blockquote>`;
    case 'preformatted': return `<pre>${text}</pre>`;
    default: return `<p>${text}</p>`;
  }
}
