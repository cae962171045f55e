// A finding's evidence: every article of the story in a reader, with the characters the finding
// rests on highlighted (the first mark of each article is a link target), articles without any
// listed apart. The same reader shows one article alone.
import type { Article, Dossier } from '../../model.ts';
import { articleLabel } from '../../render/summarize.ts';
import type { StoryRow } from '../../store/store.ts';
import { html, marked, type Html } from '../html.ts';
import { headlineOf } from './labels.ts';
import { page } from './layout.ts';

type Span = { start: number; end: number };

export interface Finding {
  title: string;
  summary: string;
  spans: Map<string, Span[]>;
}

/** The finding a claim group or a quote group is, with its spans per article; null when the story has no such group. */
export function findingOf(dossier: Dossier, kind: 'claims' | 'quotes', groupId: string): Finding | null {
  const spans = new Map<string, Span[]>();
  const add = (articleId: string, span: Span | null): void => {
    if (!span) return;
    const list = spans.get(articleId) ?? [];
    list.push({ start: span.start, end: span.end });
    spans.set(articleId, list);
  };
  if (kind === 'claims') {
    const group = dossier.claimGroups.find((g) => g.id === groupId);
    if (!group) return null;
    const claims = new Map(dossier.claims.map((c) => [c.id, c]));
    for (const id of group.claimIds) {
      const c = claims.get(id)!;
      add(c.articleId, c);
      add(c.articleId, c.attributionSpan);
    }
    // the other side of each contradiction is part of what the finding rests on
    for (const x of [...group.contradictions, ...group.possibleContradictions]) for (const id of [x.claimId, x.withClaimId]) if (claims.has(id)) add(claims.get(id)!.articleId, claims.get(id)!);
    const first = claims.get(group.claimIds[0]!)!;
    return { title: group.status === 'corroborated' ? 'Established fact' : group.status === 'contested' ? 'Contested fact' : 'Single-source claim', summary: first.text, spans };
  }
  const group = dossier.quoteGroups.find((g) => g.id === groupId);
  if (!group) return null;
  const quotes = new Map(dossier.quotes.map((q) => [q.id, q]));
  for (const id of group.quoteIds) {
    const q = quotes.get(id)!;
    add(q.articleId, q);
    if (q.speaker.start !== null && q.speaker.end !== null) add(q.articleId, { start: q.speaker.start, end: q.speaker.end });
  }
  return { title: `Quote${group.speakers.length ? ` by ${group.speakers.join(' / ')}` : ''}`, summary: quotes.get(group.quoteIds[0]!)!.text, spans };
}

export function evidencePage(story: StoryRow, dossier: Dossier, finding: Finding): string {
  const withEvidence = dossier.articles.filter((a) => finding.spans.has(a.id));
  const without = dossier.articles.filter((a) => !finding.spans.has(a.id));
  const body = html`<p class="crumbs"><a href="/stories/${story.id}">${headlineOf(story)}</a></p>
<h1>${finding.title}</h1>
<p class="finding">${finding.summary}</p>
<p class="count" role="status">Evidence in ${withEvidence.length} of ${dossier.articles.length} articles.</p>
<nav class="jump" aria-label="Evidence by article">${withEvidence.map((a) => html`<a href="#ev-${a.id}">${articleLabel(a)}</a>`)}</nav>
${withEvidence.map((a) => reader(a, finding.spans.get(a.id)!, `ev-${a.id}`))}
${without.length ? html`<h2>Not found in</h2><ul>${without.map((a) => html`<li>${articleLabel(a)}: ${a.title ?? ''}</li>`)}</ul>` : ''}`;
  return page({ title: `${finding.title} · ${headlineOf(story)}`, body });
}

export function articlePage(story: StoryRow, article: Article): string {
  const body = html`<p class="crumbs"><a href="/stories/${story.id}">${headlineOf(story)}</a></p>${reader(article, [], 'article')}`;
  return page({ title: article.title ?? articleLabel(article), body });
}

/** An article as a reader shows it, block by block, the spans marked. */
function reader(article: Article, spans: readonly Span[], id: string): Html {
  let first = true;
  const blocks = article.blocks.map((b) => {
    const own = spans.filter((s) => s.end > b.start && s.start < b.end).map((s) => ({ start: s.start - b.start, end: s.end - b.start }));
    const text = marked(article.text.slice(b.start, b.end), own, own.length && first ? `${id}-mark` : undefined);
    if (own.length) first = false;
    switch (b.kind) {
      case 'heading': return html`<h3>${text}</h3>`;
      case 'list-item': return html`<p class="item">• ${text}</p>`;
      case 'quote': return html`<blockquote>${text}</blockquote>`;
      case 'preformatted': return html`<pre>${text}</pre>`;
      default: return html`<p>${text}</p>`;
    }
  });
  const meta = [article.author ? `By ${article.author}` : null, article.publishedAt, article.url ?? article.source].filter(Boolean).join(' · ');
  return html`<article class="reader" id="${id}" aria-label="${articleLabel(article)}">
<h2>${article.title ?? articleLabel(article)}</h2>
<p class="meta">${article.outlet ?? 'outlet unknown'} · ${meta}${spans.length ? html` · <a href="#${id}-mark">Jump to the evidence</a>` : ''}</p>
<div class="body">${blocks}</div>
</article>`;
}
