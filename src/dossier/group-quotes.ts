// Quotes of a story: each article's quotations with speakers tied to the story's entities, and
// the renderings of one utterance across articles grouped: verbatim (same words once quotation
// marks, case and punctuation are set aside, or one a clean excerpt of the other), variant (the
// wording differs; the word-level difference is kept), single-source (one outlet only).
import { createHash } from 'node:crypto';
import type { QuoteFinding } from '../annotate/attribute-quotes.ts';
import type { Entity, Quote, QuoteGroup } from '../model.ts';

export type WordDiff = QuoteGroup['differences'][number]['diff'][number];

/** Share of words two renderings must share to be one utterance worded differently. */
const VARIANT_OVERLAP = 0.6;
/** Renderings shorter than this many words are matched exactly only: short phrases recur by chance. */
const MIN_VARIANT_WORDS = 4;

const PRONOUN = /^(he|she|they|i|we|him|her|it)$/i;

/** The person entity a speaker's name stands for: by name or alias, else the one person whose name it ends ("Esper"). */
function personFinder(entities: readonly Entity[]): (name: string) => Entity | null {
  const people = entities.filter((e) => e.type === 'person');
  const byName = new Map<string, Entity>();
  for (const e of people) {
    byName.set(e.name, e);
    for (const alias of e.aliases) byName.set(alias, e);
  }
  return (name) => {
    const known = byName.get(name);
    if (known) return known;
    const ending = people.filter((e) => e.name.endsWith(` ${name}`));
    return ending.length === 1 ? ending[0]! : null;
  };
}

/**
 * The person a source without a name stands for, through the role or pronoun the dossier tied
 * to an entity: "Mexico's president", "her" of "her office".
 */
function referenceFinder(entities: readonly Entity[]): (f: QuoteFinding) => { entity: Entity; form: string } | null {
  const refs = entities.filter((e) => e.type === 'person').flatMap((e) => e.mentions.filter((m) => m.form !== 'name').map((m) => ({ m, e })));
  return (f) => {
    if (f.sourceStart === null || f.sourceEnd === null) return null;
    // a pronoun the quote finder already followed to an unnamed source ("one of the sources … he said") stays with it
    const followed = !!f.sourceText && !/^(he|she|him|her|his)\b/i.test(f.sourceText);
    const inside = refs.filter(({ m }) => m.articleId === f.articleId && m.start >= f.sourceStart! && m.end <= f.sourceEnd! && !(followed && m.form === 'pronoun' && m.end - m.start === f.sourceEnd! - f.sourceStart!));
    inside.sort((a, b) => a.m.start - b.m.start);
    return inside[0] ? { entity: inside[0].e, form: inside[0].m.form } : null;
  };
}

export function buildQuotes(findings: readonly QuoteFinding[], entities: readonly Entity[]): Quote[] {
  const personNamed = personFinder(entities);
  const referredIn = referenceFinder(entities);
  return findings.map((f) => {
    const named = f.speakerName ? personNamed(f.speakerName) : null;
    const referred = named ? null : referredIn(f);
    const entity = named ?? referred?.entity ?? null;
    const name = entity?.name ?? f.speakerName;
    // a source the quote finder could not name, tied to a person by the dossier: a role phrase, or a pronoun taken for the last person named
    const speakerReason: Quote['speakerReason'] = referred && !f.speakerName ? (referred.form === 'role' ? 'role' : 'last-named') : f.speakerReason;
    const own = f.sourceText?.trim() ?? null;
    const description = own && own !== name && !(entity?.aliases.includes(own) ?? false) && !PRONOUN.test(own) ? own : null;
    return {
      id: `q${createHash('sha256').update(`${f.articleId}:${f.start}:${f.end}`).digest('hex').slice(0, 10)}`,
      articleId: f.articleId,
      text: f.text,
      start: f.start,
      end: f.end,
      speaker: { name, entityId: entity?.id ?? null, description, start: f.sourceStart, end: f.sourceEnd },
      cue: f.cue,
      scare: f.scare,
      partial: f.partial,
      speakerReason,
      speakers:
        f.speakerNames.length > 1
          ? f.speakerNames.map((n) => {
              const e = personNamed(n);
              return { name: e?.name ?? n, entityId: e?.id ?? null };
            })
          : [],
    };
  });
}

function words(text: string): string[] {
  return text.toLowerCase().replace(/[’']/g, "'").match(/[\p{L}\p{N}']+/gu) ?? [];
}

function isExcerpt(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return false;
  return ` ${long.join(' ')} `.includes(` ${short.join(' ')} `);
}

function overlap(a: string[], b: string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const w of sa) if (sb.has(w)) shared++;
  return shared / Math.max(1, Math.min(sa.size, sb.size));
}

/** Word-level difference by longest common subsequence. */
export function diffWords(a: string[], b: string[]): WordDiff[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: WordDiff[] = [];
  const push = (op: WordDiff['op'], word: string): void => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ` ${word}`;
    else out.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return out;
}

function namedSpeakers(q: Quote): string[] {
  if (q.speakers.length) return q.speakers.map((s) => s.name);
  return q.speaker.name ? [q.speaker.name] : [];
}

function speakersDiffer(list: readonly Quote[]): boolean {
  const sets = list.map(namedSpeakers).filter((names) => names.length > 0);
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) if (!sets[i]!.some((n) => sets[j]!.includes(n))) return true;
  }
  return false;
}

export function groupQuotes(quotes: readonly Quote[]): QuoteGroup[] {
  const spoken = quotes.filter((q) => !q.scare);
  const tokens = new Map(spoken.map((q) => [q.id, words(q.text)]));
  const parent = new Map(spoken.map((q) => [q.id, q.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  const kind = new Map<string, 'verbatim' | 'variant'>();
  for (let i = 0; i < spoken.length; i++) {
    for (let j = i + 1; j < spoken.length; j++) {
      const a = spoken[i]!;
      const b = spoken[j]!;
      if (a.articleId === b.articleId) continue;
      const wa = tokens.get(a.id)!;
      const wb = tokens.get(b.id)!;
      let relation: 'verbatim' | 'variant' | null = null;
      if (wa.join(' ') === wb.join(' ') || (Math.min(wa.length, wb.length) >= MIN_VARIANT_WORDS && isExcerpt(wa, wb))) relation = 'verbatim';
      else if (Math.min(wa.length, wb.length) >= MIN_VARIANT_WORDS && overlap(wa, wb) >= VARIANT_OVERLAP) relation = 'variant';
      if (!relation) continue;
      const ra = find(a.id);
      const rb = find(b.id);
      const merged = kind.get(ra) === 'variant' || kind.get(rb) === 'variant' || relation === 'variant' ? 'variant' : 'verbatim';
      if (ra !== rb) parent.set(rb, ra);
      kind.set(ra, merged);
    }
  }
  const members = new Map<string, Quote[]>();
  for (const q of spoken) members.set(find(q.id), [...(members.get(find(q.id)) ?? []), q]);
  const groups: QuoteGroup[] = [];
  for (const [root, list] of members) {
    const articleIds = [...new Set(list.map((q) => q.articleId))];
    const agreement = articleIds.length < 2 ? 'single-source' : (kind.get(root) ?? 'verbatim');
    const first = list[0]!;
    groups.push({
      id: `g${createHash('sha256').update(list.map((q) => q.id).join(',')).digest('hex').slice(0, 10)}`,
      quoteIds: list.map((q) => q.id),
      articleIds,
      agreement,
      differences:
        agreement === 'variant' ? list.slice(1).map((q) => ({ quoteId: first.id, withQuoteId: q.id, diff: diffWords(tokens.get(first.id)!, tokens.get(q.id)!) })) : [],
      speakers: [...new Set(list.flatMap(namedSpeakers))].sort(),
      speakersDiffer: speakersDiffer(list),
    });
  }
  return groups;
}
