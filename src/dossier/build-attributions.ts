// The dossier's attributions: each cue with its source and content, the source tied to the
// person or organisation it names (by name, role or pronoun), in article order.
import { createHash } from 'node:crypto';
import type { AttributionFinding, Span } from '../annotate/find-attributions.ts';
import { afterModifierWord } from '../annotate/name-context.ts';
import type { Article, Attribution, Entity } from '../model.ts';
import { firstStartingAt } from '../text/span-index.ts';

const QUOTE_MARK = /^["“«„‘']/;

export function buildAttributions(findings: readonly AttributionFinding[], articles: readonly Article[], entities: readonly Entity[]): Attribution[] {
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  // each article's mentions of people and organisations, by start: a source's are found by binary search
  type Mention = { articleId: string; start: number; end: number; entityId: string; type: Entity['type'] };
  const byArticle = new Map<string, Mention[]>();
  for (const e of entities) {
    if (e.type !== 'person' && e.type !== 'organization') continue;
    for (const m of e.mentions) {
      const list = byArticle.get(m.articleId) ?? byArticle.set(m.articleId, []).get(m.articleId)!;
      list.push({ articleId: m.articleId, start: m.start, end: m.end, entityId: e.id, type: e.type });
    }
  }
  for (const list of byArticle.values()) list.sort((a, b) => a.start - b.start);
  const within = (articleId: string, span: Span, text: string): Mention[] => {
    const list = byArticle.get(articleId) ?? [];
    const out: Mention[] = [];
    for (let i = firstStartingAt(list, span.start); i < list.length && list[i]!.start < span.end; i++) {
      const m = list[i]!;
      if (m.end <= span.end && !afterModifierWord(text, m.start)) out.push(m);
    }
    return out;
  };
  return findings.map((f) => {
    const text = texts.get(f.articleId) ?? '';
    const words = (s: Span) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    const inside = f.source ? within(f.articleId, f.source, text) : [];
    // a person named in the source is who it is ("former Defense Secretary Mark Esper’s memoir"), else an organisation ("a senior DEA official")
    const named = inside.find((m) => m.type === 'person') ?? inside[0];
    return {
      id: `t${createHash('sha256').update(`${f.articleId}:${f.cue.start}:${f.cue.end}`).digest('hex').slice(0, 10)}`,
      articleId: f.articleId,
      source: f.source ? { ...words(f.source), entityId: named?.entityId ?? null } : null,
      cue: words(f.cue),
      content: f.content ? words(f.content) : null,
      direct: f.content ? QUOTE_MARK.test(text.slice(f.content.start, f.content.end).trimStart()) : false,
    };
  });
}
