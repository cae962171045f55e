// The dossier's attributions: each cue with its source and content, the source tied to the
// person or organisation it names (by name, role or pronoun), in article order.
import { createHash } from 'node:crypto';
import type { AttributionFinding, Span } from '../annotate/find-attributions.ts';
import { afterModifierWord } from '../annotate/name-context.ts';
import type { Article, Attribution, Entity } from '../model.ts';

const QUOTE_MARK = /^["“«„‘']/;

export function buildAttributions(findings: readonly AttributionFinding[], articles: readonly Article[], entities: readonly Entity[]): Attribution[] {
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const mentions = entities
    .filter((e) => e.type === 'person' || e.type === 'organization')
    .flatMap((e) => e.mentions.map((m) => ({ ...m, entityId: e.id, type: e.type })))
    .sort((a, b) => a.start - b.start);
  return findings.map((f) => {
    const text = texts.get(f.articleId) ?? '';
    const words = (s: Span) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    const inside = f.source ? mentions.filter((m) => m.articleId === f.articleId && m.start >= f.source!.start && m.end <= f.source!.end && !afterModifierWord(text, m.start)) : [];
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
