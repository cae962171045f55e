// The Markdown brief: what was read, from whom, what was left out, and which inputs failed.
// Article content is escaped so that it cannot change the brief's own structure.
import { oneLine } from '../errors.ts';
import type { Dossier } from '../model.ts';
import { articleFigures, articleLabel, claimSections, derivationViews, REMOVED_KINDS, type ClaimSections, type FactView } from './summarize.ts';

/**
 * An input's name as an inline code span: on one line (a file name may hold a newline, which
 * would end the span and let the rest of the name be read as Markdown), without backticks.
 */
export function codeSpan(text: string): string {
  return `\`${oneLine(text).replace(/`/g, "'")}\``;
}

/** Escapes Markdown and inline-HTML syntax in text taken from an article; control characters are shown as escapes. */
export function escapeMarkdown(text: string): string {
  return oneLine(text.replace(/\s+/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`);
}

/** "(listing page) " before a page that is not an article, which the analysis left out unless asked. */
function nonArticleMark(article: Dossier['articles'][number]): string {
  return article.pageType && article.pageType.type !== 'article' ? `(${article.pageType.type} page) ` : '';
}

export function renderMarkdown(dossier: Dossier): string {
  const lines: string[] = [];
  const articles = dossier.articles;
  lines.push('# Triangulate dossier', '');
  const outlets = new Set(articles.map(articleLabel));
  lines.push(`${articles.length} article${articles.length === 1 ? '' : 's'} from ${outlets.size} source${outlets.size === 1 ? '' : 's'}.`, '');
  lines.push('## Articles', '');
  lines.push('| id | outlet | title | published | words | sentences | removed |', '|---|---|---|---|---:|---:|---|');
  for (const article of articles) {
    const f = articleFigures(article);
    const removed = REMOVED_KINDS.filter((k) => f.removedByKind[k] > 0).map((k) => `${k} ${f.removedByKind[k]}`).join(', ') || 'none';
    lines.push(
      `| ${article.id} | ${escapeMarkdown(article.outlet ?? '—')} | ${nonArticleMark(article)}${escapeMarkdown(article.title ?? '—')} | ${article.publishedAt ?? '—'} | ${f.words} | ${f.sentences} | ${removed} |`,
    );
  }
  lines.push('');
  lines.push(...claimSection(dossier));
  lines.push(...derivationSection(dossier));
  lines.push(...quoteSection(dossier));
  lines.push(...framingSection(dossier));
  lines.push(...timelineSection(dossier));
  lines.push(...entitySection(dossier));
  lines.push('## Article details', '');
  for (const article of articles) {
    lines.push(`### ${escapeMarkdown(articleLabel(article))} (${article.id})`, '');
    lines.push(`Source: ${codeSpan(article.source)}`);
    if (article.author) lines.push(`By ${escapeMarkdown(article.author)}`);
    lines.push('');
    const first = article.sentences[0];
    if (first) lines.push(`> ${escapeMarkdown(article.text.slice(first.start, first.end))}`, '');
    if (article.removed.length) {
      lines.push('Removed from the page:', '');
      for (const piece of article.removed) lines.push(`- *${piece.kind}*: ${escapeMarkdown(truncate(piece.text, 160))}`);
      lines.push('');
    }
  }
  if (dossier.messages.length) {
    lines.push('## Inputs not analysed', '');
    for (const m of dossier.messages) lines.push(`- ${codeSpan(m.source)}: ${escapeMarkdown(m.reason)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function claimSection(dossier: Dossier): string[] {
  if (dossier.claims.length === 0) return [];
  const { established, contested, possiblyContested, singleSource } = claimSections(dossier);
  const lines: string[] = [];
  const fact = (f: FactView): string => {
    const first = f.claims[0]!;
    const more = f.claims.slice(1).map((c) => `${escapeMarkdown(c.outlet)}: “${escapeMarkdown(truncate(c.text, 140))}”`);
    return `- **${escapeMarkdown(truncate(first.text, 220))}** — ${escapeMarkdown(first.outlet)}${first.attribution ? ` (attributed to ${escapeMarkdown(first.attribution)})` : ''}; ${f.outlets} outlet${f.outlets === 1 ? '' : 's'}, ${f.origins} independent origin${f.origins === 1 ? '' : 's'} (${f.originLabels.map(escapeMarkdown).join('; ')})${f.closestMatch ? ' — *grouped as each other’s closest sentences: check that they say the same*' : ''}${more.length ? `\n  - also ${more.join('\n  - also ')}` : ''}`;
  };
  lines.push(`## Established by several independent sources (${established.length})`, '');
  lines.push(...(established.length ? established.map(fact) : ['None: no fact here has two independent origins.']), '');
  const conflict = (c: ClaimSections['contested'][number]): string[] => {
    // the words compared first ("48-page" against "47-page"); an update says which report is later
    const compared = c.values.length === 2 ? ` “${escapeMarkdown(c.values[0]!)}” against “${escapeMarkdown(c.values[1]!)}”` : '';
    const later = c.later ? ` (${escapeMarkdown(c[c.later].outlet)} is the later report: probably news, not a dispute)` : '';
    return [`- *${c.kind}*${compared}${later}: ${escapeMarkdown(c.a.outlet)}: “${escapeMarkdown(truncate(c.a.text, 200))}”`, `  - against ${escapeMarkdown(c.b.outlet)}: “${escapeMarkdown(truncate(c.b.text, 200))}”`];
  };
  lines.push(`## Contested (${contested.length})`, '');
  if (contested.length === 0) lines.push('No contradiction found.');
  for (const c of contested) lines.push(...conflict(c));
  lines.push('');
  if (possiblyContested.length) {
    lines.push(`## Possibly contested (${possiblyContested.length}): uncertain, the two sentences were not matched as one fact`, '');
    for (const c of possiblyContested) lines.push(...conflict(c));
    lines.push('');
  }
  const total = dossier.claimGroups.filter((g) => g.status === 'single-source').length;
  lines.push(`## Resting on one source (${total}; the ${singleSource.length} most worth checking)`, '');
  // a near match in another outlet, below the same-fact threshold: for the fact-checker to judge
  const possibly = (f: FactView): string => f.possiblyAlsoIn.map((p) => `\n  - possibly also in ${escapeMarkdown(p.outlet)}: “${escapeMarkdown(truncate(p.text, 140))}”`).join('');
  lines.push(...singleSource.map((f) => fact(f) + possibly(f)), '');
  return lines;
}

/** Who rewrites whom, each link with the passages both articles hold outside quotations. */
function derivationSection(dossier: Dossier): string[] {
  if (dossier.articles.length < 2) return [];
  const links = derivationViews(dossier);
  const lines = [`## Shared text between articles (${links.length})`, ''];
  if (links.length === 0) lines.push('No article shares a sentence with another outside quotations: no rewrite found.');
  for (const d of links) {
    const head = d.directionKnown
      ? `- **${escapeMarkdown(d.outlet)}** rewrites **${escapeMarkdown(d.fromOutlet)}** (published earlier); shared outside quotations:`
      : `- **${escapeMarkdown(d.outlet)}** and **${escapeMarkdown(d.fromOutlet)}** share text outside quotations; the publication times do not say which came first:`;
    lines.push(head, ...d.passages.map((p) => `  - “${escapeMarkdown(truncate(p, 300))}”`));
  }
  lines.push('');
  return lines;
}

function framingSection(dossier: Dossier): string[] {
  if (dossier.framing.length === 0) return [];
  const lines = ['## The outlets side by side', '', '| outlet | sources named / anonymous | quotation share | hedges | last word | states alone | leaves out |', '|---|---:|---:|---:|---|---:|---:|'];
  const label = new Map(dossier.articles.map((a) => [a.id, articleLabel(a)]));
  for (const f of dossier.framing) {
    lines.push(`| ${escapeMarkdown(label.get(f.articleId)!)} | ${f.namedSources} / ${f.anonymousSources} | ${Math.round(f.quoteShare * 100)}% | ${f.hedges} | ${escapeMarkdown(f.lastWord ?? '—')} | ${f.onlyHere.length} | ${f.leftOut.length} |`);
  }
  lines.push('');
  for (const f of dossier.framing) {
    const words = [
      ...f.contrastive.map((c) => `“${escapeMarkdown(c.term)}” where the others say “${escapeMarkdown(c.othersUse)}” (${escapeMarkdown(c.referent)})`),
      ...f.loadedTerms.slice(0, 8).map((t) => `“${escapeMarkdown(t.term)}” (${escapeMarkdown(t.why)}${t.neutral ? `; → ${escapeMarkdown(t.neutral)}` : ''})`),
    ];
    if (words.length) lines.push(`- ${escapeMarkdown(label.get(f.articleId)!)}: ${words.join(', ')}`);
  }
  lines.push('');
  return lines;
}

function timelineSection(dossier: Dossier): string[] {
  if (dossier.timeline.length === 0) return [];
  const label = new Map(dossier.articles.map((a) => [a.id, articleLabel(a)]));
  const lines = ['## Timeline', ''];
  for (const t of dossier.timeline) lines.push(`- **${t.date === 'unresolved' ? `${escapeMarkdown(t.expression)} (unresolved)` : t.date}** — ${escapeMarkdown(label.get(t.articleId)!)}: ${escapeMarkdown(truncate(t.text, 200))}`);
  lines.push('');
  return lines;
}

function quoteSection(dossier: Dossier): string[] {
  const lines: string[] = [];
  const byId = new Map(dossier.quotes.map((q) => [q.id, q]));
  const outlet = new Map(dossier.articles.map((a) => [a.id, articleLabel(a)]));
  const single = dossier.quoteGroups.filter((g) => g.agreement === 'single-source');
  const shared = dossier.quoteGroups.filter((g) => g.agreement !== 'single-source');
  if (dossier.quoteGroups.length === 0) return lines;
  const who = (id: string): string => {
    const q = byId.get(id)!;
    return escapeMarkdown(q.speaker.name ?? q.speaker.description ?? 'speaker not found');
  };
  lines.push('## Quotes', '');
  if (single.length) {
    lines.push(`### Quoted by one outlet only (${single.length}): check these first`, '');
    for (const g of single) {
      const id = g.quoteIds[0]!;
      lines.push(`- ${escapeMarkdown(truncate(byId.get(id)!.text, 200))} — ${who(id)} (${escapeMarkdown(outlet.get(byId.get(id)!.articleId) ?? '')})`);
    }
    lines.push('');
  }
  if (shared.length) {
    lines.push(`### Quoted by several outlets (${shared.length})`, '');
    for (const g of shared) {
      const id = g.quoteIds[0]!;
      const outlets = g.articleIds.map((a) => escapeMarkdown(outlet.get(a) ?? a)).join(', ');
      const conflict = g.speakersDiffer ? ` **Attributed to different speakers: ${g.speakers.map(escapeMarkdown).join(' / ')}.**` : '';
      lines.push(`- ${escapeMarkdown(truncate(byId.get(id)!.text, 200))} — ${who(id)}; ${g.agreement} in ${outlets}.${conflict}`);
    }
    lines.push('');
  }
  return lines;
}

function entitySection(dossier: Dossier): string[] {
  if (dossier.entities.length === 0) return [];
  const lines = ['## Who and what is named', ''];
  for (const type of ['person', 'organization', 'place'] as const) {
    const top = dossier.entities.filter((e) => e.type === type).slice(0, 12);
    if (top.length) lines.push(`- ${type}s: ${top.map((e) => `${escapeMarkdown(e.name)}${e.roles.length ? ` — ${escapeMarkdown(e.roles.join('; '))}` : ''} (${e.mentions.length})`).join(', ')}`);
  }
  lines.push('');
  return lines;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
