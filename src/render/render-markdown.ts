// The Markdown brief: what was read, from whom, what was left out, and which inputs failed.
// Article content is escaped so that it cannot change the brief's own structure.
import type { Dossier } from '../model.ts';
import { articleFigures, articleLabel, REMOVED_KINDS } from './summarize.ts';

/** Escapes Markdown and inline-HTML syntax in text taken from an article. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
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
      `| ${article.id} | ${escapeMarkdown(article.outlet ?? '—')} | ${escapeMarkdown(article.title ?? '—')} | ${article.publishedAt ?? '—'} | ${f.words} | ${f.sentences} | ${removed} |`,
    );
  }
  lines.push('');
  for (const article of articles) {
    lines.push(`### ${escapeMarkdown(articleLabel(article))} (${article.id})`, '');
    lines.push(`Source: \`${article.source.replace(/`/g, "'")}\``);
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
    for (const m of dossier.messages) lines.push(`- \`${m.source.replace(/`/g, "'")}\`: ${escapeMarkdown(m.reason)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
