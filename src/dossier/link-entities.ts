// One entity per real-world referent across a story's articles: mentions of the same name are
// one entity, a person's name is compared without titles, honorifics and middle initials ("Mr.
// Cohen", "Michael D. Cohen" and "Michael Cohen" are one form), and a person named in part
// ("Sheinbaum") joins the one full name in the story that ends that way ("Claudia Sheinbaum").
// Ids come from the canonical name, so they are stable.
import { createHash } from 'node:crypto';
import { typeVotes, type NameMention } from '../annotate/find-names.ts';
import { TITLE_WORDS } from '../annotate/ner/ner-tags.ts';
import type { Entity, EntityType } from '../model.ts';
import { indexSpans, reaching } from '../text/span-index.ts';

/** Names of the other kind ("Mexican", "Republican") are adjectives more than referents: left out for now. */
const LINKED_TYPES: readonly EntityType[] = ['person', 'organization', 'place'];

/** Preference when a name's mentions are typed evenly: people first, then organisations, then places. */
const TYPE_RANK: Record<EntityType, number> = { person: 0, organization: 1, place: 2, other: 3 };

/** The form names are compared in: white space folded, a leading "the" dropped, dotted acronyms undotted ("U.S." is "US"). */
function keyOf(text: string): string {
  const key = text.replace(/\s+/g, ' ').replace(/^the\s+/i, '').trim();
  return /^(\p{Lu}\.)+\p{Lu}?\.?$/u.test(key) ? key.replace(/\./g, '') : key;
}

/** Honorifics that only ever stand before a name: dropped even when one word is left ("Mr. Cohen" is "Cohen"). */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev', 'fr']);

/**
 * A person's name as it is compared: titles dropped from its start ("President Donald Trump";
 * a title word only while two words stay, so that "Major Garrett" keeps its first name, an
 * honorific or an abbreviated title always: "Mr. Cohen", "Sen. Warren"), middle initials dropped
 * ("Michael D. Cohen" is "Michael Cohen").
 */
export function personKey(text: string): string {
  const words = keyOf(text).split(' ');
  while (words.length > 1) {
    const w = words[0]!.toLowerCase();
    const bare = w.replace(/\.$/, '');
    if (HONORIFICS.has(bare) || (TITLE_WORDS.has(bare) && (w.endsWith('.') || words.length > 2))) words.shift();
    else break;
  }
  return words.filter((w, i) => i === 0 || i === words.length - 1 || !/^\p{Lu}\.?$/u.test(w)).join(' ');
}

/** The tagger may type one name differently in different sentences: the story's majority decides. */
function settleTypes(mentions: readonly NameMention[]): NameMention[] {
  const votes = typeVotes(mentions, keyOf);
  const settled = new Map<string, EntityType>();
  for (const [key, counts] of votes) {
    const best = [...counts].sort((a, b) => b[1] - a[1] || TYPE_RANK[a[0]] - TYPE_RANK[b[0]])[0]![0];
    settled.set(key, best);
  }
  return mentions.map((m) => ({ ...m, type: settled.get(keyOf(m.text))! }));
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The tagger misses names it found elsewhere in the story ("The Trump regime" at a sentence's
 * start): every further occurrence of a name or alias of a person or organisation, as a whole
 * word in any article, is a mention too.
 */
export function spreadMentions(entities: readonly Entity[], articles: ReadonlyArray<{ id: string; text: string }>): Entity[] {
  const byForm = new Map<string, number>();
  entities.forEach((e, i) => {
    if (e.type !== 'person' && e.type !== 'organization') return;
    for (const form of [e.name, ...e.aliases]) if (form.length >= 3 && /^\p{Lu}/u.test(form) && !byForm.has(form)) byForm.set(form, i);
  });
  if (byForm.size === 0) return [...entities];
  const forms = formsByPrefix(byForm.keys());
  const added = entities.map(() => [] as Entity['mentions']);
  const taken = new Map<string, Array<{ start: number; end: number }>>();
  for (const e of entities) for (const m of e.mentions) (taken.get(m.articleId) ?? taken.set(m.articleId, []).get(m.articleId)!).push(m);
  for (const article of articles) {
    const spans = indexSpans((taken.get(article.id) ?? []).slice().sort((a, b) => a.start - b.start));
    for (const { start, end, form } of wholeWordOccurrences(article.text, forms)) {
      if (reaching(spans, start, end).some((s) => start < s.end && s.start < end)) continue;
      added[byForm.get(form)!]!.push({ articleId: article.id, start, end, form: 'name' });
    }
  }
  const order = new Map(articles.map((a, i) => [a.id, i]));
  return entities.map((e, i) =>
    added[i]!.length === 0 ? e : { ...e, mentions: [...e.mentions, ...added[i]!].sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)! || a.start - b.start) },
  );
}

/** Forms by their first three characters, longest first: the candidates to try where a word starts. */
function formsByPrefix(all: Iterable<string>): Map<string, string[]> {
  const byPrefix = new Map<string, string[]>();
  for (const form of all) pushTo(byPrefix, form.slice(0, 3), form);
  for (const list of byPrefix.values()) list.sort((a, b) => b.length - a.length || a.localeCompare(b));
  return byPrefix;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function wordCharAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  return code !== undefined && WORD_CHAR.test(String.fromCodePoint(code));
}

function wordCharBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return wordCharAt(text, from);
}

/**
 * Every occurrence of a form as a whole word (no letter or digit on either side), scanning left
 * to right and taking the longest form at each place, as a regular expression of the forms in
 * alternation would, but in time linear in the text whatever the forms: a regular expression
 * built from names of an article grows with them (a 50,000-letter "name" made one too large to
 * compile).
 */
function* wholeWordOccurrences(text: string, forms: ReadonlyMap<string, readonly string[]>): Generator<{ start: number; end: number; form: string }> {
  for (let at = 0; at + 3 <= text.length; ) {
    const candidates = forms.get(text.slice(at, at + 3));
    const form = candidates && !wordCharBefore(text, at) ? candidates.find((f) => text.startsWith(f, at) && !wordCharAt(text, at + f.length)) : undefined;
    if (form) {
      yield { start: at, end: at + form.length, form };
      at += form.length;
    } else at++;
  }
}

/**
 * The name a person's entity goes by: the form (titles dropped) written most often among those
 * that compare as the group's key, a longer form first on a tie ("Michael D. Cohen" over
 * "Michael Cohen" when each is written once); the key itself when every form had a title.
 */
function displayName(key: string, list: readonly NameMention[]): string {
  const counts = new Map<string, number>();
  for (const m of list) {
    const form = keyOf(m.text);
    const compared = personKey(form);
    // a form that had a title or an honorific dropped is not a name to go by
    if (compared === key && compared.split(' ')[0] === form.split(' ')[0]) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0];
  return best ? best[0] : key;
}

export function linkEntities(allMentions: readonly NameMention[], articleOrder: readonly string[]): Entity[] {
  const order = new Map(articleOrder.map((id, i) => [id, i]));
  const mentions = settleTypes(allMentions);
  const entities: Entity[] = [];
  for (const type of LINKED_TYPES) {
    const ofType = mentions.filter((m) => m.type === type);
    const forms = new Map<string, NameMention[]>();
    for (const m of ofType) pushTo(forms, type === 'person' ? personKey(m.text) : keyOf(m.text), m);
    // each form joins the longest form it is the tail of, when that longer form is the only one
    const canonical = new Map<string, string>();
    const keys = [...forms.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length || a.localeCompare(b));
    for (const key of keys) {
      if (type === 'person') {
        const longer = keys.filter((k) => k !== key && k.endsWith(` ${key}`));
        const heads = new Set(longer.map((k) => canonical.get(k) ?? k));
        if (heads.size === 1) {
          canonical.set(key, [...heads][0]!);
          continue;
        }
      }
      canonical.set(key, key);
    }
    const groups = new Map<string, NameMention[]>();
    for (const [key, list] of forms) for (const m of list) pushTo(groups, canonical.get(key)!, m);
    for (const [key, list] of groups) {
      list.sort((a, b) => order.get(a.articleId)! - order.get(b.articleId)! || a.start - b.start);
      const name = type === 'person' ? displayName(key, list) : key;
      entities.push({
        id: `e${createHash('sha256').update(`${type}\u0000${name}`).digest('hex').slice(0, 10)}`,
        name,
        type,
        aliases: [...new Set(list.map((m) => m.text.replace(/\s+/g, ' ').trim()))].filter((a) => a !== name).sort(),
        roles: [],
        mentions: list.map((m) => ({ articleId: m.articleId, start: m.start, end: m.end, form: 'name' as const })),
      });
    }
  }
  return entities.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
}
