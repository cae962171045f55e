// Ties the words that stand for a person to the story's person entities: titles and appositions
// become the entity's roles ("Mexican President" for Claudia Sheinbaum); a role phrase without a
// name ("Mexico's president") becomes a mention of the one person in the story who holds that
// role, narrowed by the places it names (a holder titled with no place at all still fits) and,
// when still several, by who was named last; a
// personal pronoun becomes a mention of the last person named before it whose first name does not
// say otherwise.
import type { PersonRole, Reference } from '../annotate/find-roles.ts';
import { genderOf, honorificGender } from '../annotate/find-roles.ts';
import { inModifier } from '../annotate/name-context.ts';
import type { Entity } from '../model.ts';
import { firstStartingAt, indexSpans, reaching } from '../text/span-index.ts';

type Mention = Entity['mentions'][number];

/** How far back a role phrase or a pronoun looks for the person it stands for, in characters. */
const ROLE_REACH = 1500;
const PRONOUN_REACH = 400;

interface Holder {
  entity: Entity;
  heads: Set<string>;
  qualifiers: Set<string>;
  articles: Set<string>;
}

/** "Mexico's", "Mexican", "U.S." and "US" compared by their stem: dots dropped, the first five letters. */
function stem(word: string): string {
  return word.toLowerCase().replace(/['’]s$/, '').replace(/\./g, '').slice(0, 5);
}

export function resolveReferences(
  entities: readonly Entity[],
  roles: readonly PersonRole[],
  references: readonly Reference[],
  roleWords: ReadonlySet<string>,
  articles: ReadonlyArray<{ id: string; text: string }>,
  quotations: ReadonlyArray<{ articleId: string; start: number; end: number }> = [],
): Entity[] {
  // each article's quotations, looked up by position
  const quotationsOf = new Map<string, Array<{ start: number; end: number }>>();
  for (const q of quotations) (quotationsOf.get(q.articleId) ?? quotationsOf.set(q.articleId, []).get(q.articleId)!).push(q);
  const quotationIndex = new Map([...quotationsOf].map(([id, list]) => [id, indexSpans(list)]));
  const quoted = (articleId: string, m: { start: number; end: number }): boolean => {
    const index = quotationIndex.get(articleId);
    return index !== undefined && reaching(index, m.start, m.end).some((q) => m.start >= q.start && m.end <= q.end);
  };
  const articleOrder = articles.map((a) => a.id);
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  /** A person named as the subject of something, not in a modifier ("fear of Trump", "Trump's pressure") nor inside a quotation: what a pronoun may stand for. */
  const asSubject = (articleId: string, m: { start: number; end: number }): boolean => {
    const text = texts.get(articleId) ?? '';
    return !inModifier(text, m.start, m.end) && !quoted(articleId, m);
  };
  const people = entities.filter((e) => e.type === 'person');
  const genderOfEntity = genderFinder(people, texts);
  const byMention = new Map<string, Entity>();
  for (const e of people) for (const m of e.mentions) byMention.set(`${m.articleId}:${m.start}:${m.end}`, e);
  const holders = new Map<Entity, Holder>();
  const ownRoles = new Map<Entity, Set<string>>();
  for (const role of roles) {
    const entity = byMention.get(`${role.articleId}:${role.nameStart}:${role.nameEnd}`);
    if (!entity) continue;
    const words = role.text.split(/\s+/);
    const holder = holders.get(entity) ?? { entity, heads: new Set(), qualifiers: new Set(), articles: new Set() };
    for (const w of words) {
      const lower = w.toLowerCase().replace(/[.,]$/, '');
      if (roleWords.has(lower)) holder.heads.add(lower);
      else if (/^\p{Lu}/u.test(w)) holder.qualifiers.add(stem(w));
    }
    holder.articles.add(role.articleId);
    holders.set(entity, holder);
    const set = ownRoles.get(entity) ?? new Set<string>();
    set.add(role.text.replace(/\s+/g, ' ').trim());
    ownRoles.set(entity, set);
  }
  const added = new Map<Entity, Mention[]>();
  const add = (entity: Entity, ref: Reference): void => {
    const list = added.get(entity) ?? [];
    list.push({ articleId: ref.articleId, start: ref.start, end: ref.end, form: ref.kind });
    added.set(entity, list);
  };
  // mentions by article, in text order, to find who was named last before a reference
  const named = new Map<string, Array<{ start: number; entity: Entity; subject: boolean }>>();
  for (const e of people) for (const m of e.mentions) (named.get(m.articleId) ?? named.set(m.articleId, []).get(m.articleId)!).push({ start: m.start, entity: e, subject: asSubject(m.articleId, m) });
  for (const list of named.values()) list.sort((a, b) => a.start - b.start);
  const lastBefore = (articleId: string, at: number, reach: number, accept: (e: Entity, subject: boolean) => boolean): Entity | null => {
    const list = named.get(articleId) ?? [];
    // from the last mention before `at`, found by binary search, backwards
    for (let i = firstStartingAt(list, at) - 1; i >= 0; i--) {
      const m = list[i]!;
      if (at - m.start > reach) break;
      if (accept(m.entity, m.subject)) return m.entity;
    }
    return null;
  };
  const record = (articleId: string, ref: Reference, entity: Entity): void => {
    const list = named.get(articleId) ?? named.set(articleId, []).get(articleId)!;
    // after every mention that starts where the reference does or before
    const i = firstStartingAt(list, ref.start + 1);
    list.splice(i, 0, { start: ref.start, entity, subject: asSubject(articleId, ref) && !/^(his|her)$/i.test(ref.text) });
  };
  for (const ref of references) {
    let entity: Entity | null = null;
    if (ref.kind === 'role') {
      const wanted = ref.qualifiers.map(stem);
      // holders named with the same places ("Mexican President" for "Mexico's president"), else holders named with none ("President")
      const holding = [...holders.values()].filter((h) => h.heads.has(ref.head));
      const same = holding.filter((h) => wanted.every((q) => h.qualifiers.has(q)));
      let candidates = same.length > 0 ? same : holding.filter((h) => h.qualifiers.size === 0);
      if (candidates.length > 1) {
        const here = candidates.filter((h) => h.articles.has(ref.articleId));
        if (here.length > 0) candidates = here;
      }
      if (candidates.length === 1) entity = candidates[0]!.entity;
      else if (candidates.length > 1) {
        const set = new Set(candidates.map((c) => c.entity));
        entity = lastBefore(ref.articleId, ref.start, ROLE_REACH, (e) => set.has(e));
      }
    } else {
      entity = lastBefore(ref.articleId, ref.start, PRONOUN_REACH, (_, subject) => subject);
      if (entity && (genderOfEntity(entity) ?? ref.head) !== ref.head) entity = null;
    }
    if (!entity) continue;
    add(entity, ref);
    record(ref.articleId, ref, entity);
  }
  const order = new Map(articleOrder.map((id, i) => [id, i]));
  return entities.map((e) => {
    const more = added.get(e);
    const own = ownRoles.get(e);
    if (!more && !own) return e;
    const mentions = [...e.mentions, ...(more ?? [])].sort((a, b) => (order.get(a.articleId) ?? 0) - (order.get(b.articleId) ?? 0) || a.start - b.start);
    return { ...e, roles: [...(own ?? [])].sort(), mentions };
  });
}

/**
 * A person's gender, for the pronouns that may stand for them: by first name ("Laura"), else by an
 * honorific before a mention ("Ms. Ingraham"), else by another person of the story with the same
 * surname and a known first name ("Brat" of "David Brat"); null when nothing says.
 */
function genderFinder(people: readonly Entity[], texts: ReadonlyMap<string, string>): (e: Entity) => 'male' | 'female' | null {
  const surnameOf = (name: string): string => name.split(/\s+/).pop()!.toLowerCase();
  const byFirstName = new Map<string, Set<'male' | 'female'>>();
  for (const e of people) {
    const g = genderOf(e.name);
    if (g) (byFirstName.get(surnameOf(e.name)) ?? byFirstName.set(surnameOf(e.name), new Set()).get(surnameOf(e.name))!).add(g);
  }
  const cache = new Map<Entity, 'male' | 'female' | null>();
  return (e) => {
    if (cache.has(e)) return cache.get(e)!;
    let g = genderOf(e.name);
    if (!g) {
      const said = new Set<'male' | 'female'>();
      for (const m of e.mentions) {
        if (m.form !== 'name') continue;
        const h = honorificGender(texts.get(m.articleId) ?? '', m.start);
        if (h) said.add(h);
      }
      const kin = byFirstName.get(surnameOf(e.name));
      // one answer only: a surname two people of different genders share says nothing
      const all = new Set([...said, ...(said.size ? [] : (kin ?? []))]);
      g = all.size === 1 ? [...all][0]! : null;
    }
    cache.set(e, g);
    return g;
  };
}
