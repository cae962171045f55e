// Where one claim comes from: the source the article attributes it to *in that claim's sentence*,
// else the article's outlet's own reporting. Origins are what independence is counted in: a fact
// is corroborated by two origins, not by two outlets.
//
// - A claim attributed to a named person or body (quoted or paraphrased: "Sestak said", "the
//   Pentagon said") repeats that one's statement: `same-statement:<who>`, with <who> the
//   normalised name of the entity the attribution names. Three outlets reporting one statement
//   are one origin.
// - A claim attributed to a news organisation ("according to the AP") or a document ("CDC
//   data", "Esper's memoir"), or one whose sentence says an outlet was told it ("… told NBC
//   News"), rests on that report: `cite:<name>`.
// - Anything else is the outlet's own reporting, `outlet:<name>`, where an article that rewrites
//   another counts as the one it rewrites (the caller says which article that is).
//
// Anonymous sources ("officials said", "a source familiar with the talks") are the outlet's own
// reporting: nothing in two articles tells whether their unnamed officials are the same people or
// said the same thing, and it is the outlet that vouches for them, so each outlet's anonymous
// sourcing is one origin, that outlet's. Merging every "officials said" of a story into one origin
// would join sources that have nothing in common. A pronoun the dossier could not tie to anyone
// ("he said") is treated the same way: who spoke is unknown. An outlet cited anywhere else in the
// article stamps nothing: only the sentence that cites it.
import type { Cite } from './find-cites.ts';

export interface OriginClaim {
  articleId: string;
  start: number;
  end: number;
  attribution: string | null;
  attributionSpan: { start: number; end: number } | null;
  attributionEntityId: string | null;
}

export interface OriginEntity {
  id: string;
  name: string;
  type: 'person' | 'organization' | 'place' | 'other';
  mentions: ReadonlyArray<{ articleId: string; start: number; end: number }>;
}

export interface OriginContext {
  entities: readonly OriginEntity[];
  /** The primary sources each article names (find-cites). */
  cites: ReadonlyMap<string, readonly Cite[]>;
  /** Each article's sentences, in order: a cite counts for the claims of its own sentence only. */
  sentences: ReadonlyMap<string, ReadonlyArray<{ start: number; end: number }>>;
  /** The outlet reporting an article's own claims rest on: `outlet:<name>` and how to say it. */
  reporting: (articleId: string) => Origin;
}

export interface Origin {
  /** `same-statement:<who>`, `cite:<source>` or `outlet:<name>`. */
  key: string;
  /** How a report says it: "Joe Sestak's statement", "The Associated Press", "nyt's own reporting". */
  label: string;
}

/** Names of news organisations: their reports are cited, not statements of the organisation. */
const NEWS = /\b(news|times|post|journal|press|tribune|herald|gazette|reuters|bloomberg|politico|axios|cnn|nbc|abc|cbs|fox|msnbc|npr|pbs|bbc|afp|ap|upi|magazine|newspaper|daily|telegraph|guardian|chronicle|examiner|newsweek|wire|radio|television|tv|network|broadcasting)\b/i;
/** Words of a source that does not name who it is. */
const ANONYMOUS = /\b(officials?|sources?|aides?|people|persons?|someone|advisers?|advisors?|experts?|analysts?|critics|supporters|diplomats?|insiders?|familiar|spokes(?:man|woman|person)|residents?|witnesses|observers|members|a former|one former|a senior|an official)\b/i;
const PRONOUN = /^(he|she|they|it|we|i|you|him|her|his|their|its|this|that|these|those)$/i;
/** Words that say who someone is without naming them, and articles: what is left must hold a name. */
const NOT_A_NAME = /^(the|a|an|mr|mrs|ms|dr|sen|rep|gov|gen|former|president|senator|governor|secretary|his|her|their|its|this|that)$/i;

/** A name as origins compare it: case, accents, apostrophes, a leading "the" and spacing folded. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’`]/g, "'")
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}'&.-]+/gu, ' ')
    .trim();
}

const possessive = (name: string): string => (/s$/i.test(name) ? `${name}’` : `${name}’s`);

/**
 * The story's people by normalised name, with a surname alone ("Trump") joined to the one full
 * name that ends with it ("Donald Trump") when exactly one does: the same person's statement is
 * one origin whichever way an outlet names them.
 */
function canonicalNames(entities: readonly OriginEntity[]): Map<string, string> {
  const full = entities.filter((e) => e.type === 'person' && /\s/.test(e.name.trim()));
  const canonical = new Map<string, string>();
  for (const e of entities) {
    const key = normaliseName(e.name);
    if (e.type !== 'person' || /\s/.test(key)) {
      canonical.set(e.id, e.name);
      continue;
    }
    const longer = [...new Set(full.filter((f) => normaliseName(f.name).split(' ').pop() === key).map((f) => f.name))];
    canonical.set(e.id, longer.length === 1 ? longer[0]! : e.name);
  }
  return canonical;
}

/** The first sentence that holds `at` (sentences in order, found by binary search). */
function sentenceAt(sentences: ReadonlyArray<{ start: number; end: number }> | undefined, at: number): { start: number; end: number } | null {
  if (!sentences || sentences.length === 0) return null;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  const s = sentences[lo]!;
  return s.start <= at && at < s.end ? s : null;
}

/** Builds the origin finder for one story: names and mentions indexed once. */
export function originFinder(context: OriginContext): (claim: OriginClaim) => Origin {
  const byId = new Map(context.entities.map((e) => [e.id, e]));
  const canonical = canonicalNames(context.entities);
  const mentionsIn = new Map<string, Array<{ start: number; end: number; entity: OriginEntity }>>();
  for (const e of context.entities) {
    if (e.type !== 'person' && e.type !== 'organization') continue;
    for (const m of e.mentions) (mentionsIn.get(m.articleId) ?? mentionsIn.set(m.articleId, []).get(m.articleId)!).push({ start: m.start, end: m.end, entity: e });
  }
  const statement = (name: string): Origin => ({ key: `same-statement:${normaliseName(name)}`, label: `${possessive(name)} statement` });
  const cite = (c: Cite): Origin => ({ key: `cite:${normaliseName(c.name)}`, label: c.name });
  const ofEntity = (e: OriginEntity): Origin => {
    const name = canonical.get(e.id) ?? e.name;
    return e.type === 'organization' && NEWS.test(name) ? { key: `cite:${normaliseName(name)}`, label: name.replace(/^the\s+/i, '') } : statement(name);
  };

  return (claim) => {
    const cites = context.cites.get(claim.articleId) ?? [];
    const span = claim.attributionSpan;
    if (span) {
      // the source's words are a document or a cited organisation ("CDC data", "according to the AP")
      const named = cites.find((c) => c.start < span.end && span.start < c.end);
      if (named) {
        if (named.kind === 'organization' && !NEWS.test(named.name)) return statement(named.name);
        return cite(named);
      }
      const entity = claim.attributionEntityId ? byId.get(claim.attributionEntityId) : undefined;
      if (entity && (entity.type === 'person' || entity.type === 'organization')) return ofEntity(entity);
      const words = (claim.attribution ?? '').trim();
      if (!PRONOUN.test(words) && !ANONYMOUS.test(words)) {
        // a name the linker did not tie to the attribution: the person or body named inside its words
        const inside = (mentionsIn.get(claim.articleId) ?? []).find((m) => m.start < span.end && span.start < m.end);
        if (inside) return ofEntity(inside.entity);
        const nameWords = words.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !NOT_A_NAME.test(w.replace(/[.,’']+$/u, '')));
        if (nameWords.length > 0) return statement(words.replace(/^the\s+/i, ''));
      }
    }
    // an outlet told the story in this sentence ("… told NBC News"), or a source named inside the claim
    const sentence = sentenceAt(context.sentences.get(claim.articleId), claim.start) ?? { start: claim.start, end: claim.end };
    const inSentence = cites.find((c) => c.kind === 'outlet' && c.start >= sentence.start && c.end <= sentence.end);
    if (inSentence) return cite(inSentence);
    const inClaim = cites.find((c) => c.start >= claim.start && c.end <= claim.end);
    if (inClaim) return inClaim.kind === 'organization' && !NEWS.test(inClaim.name) ? statement(inClaim.name) : cite(inClaim);
    return context.reporting(claim.articleId);
  };
}

/** A claim group's origins: one entry per distinct origin, with the claims that rest on it, in key order. */
export function originsOf<C extends OriginClaim & { id: string }>(members: readonly C[], originOf: (claim: C) => Origin): Array<{ origin: string; label: string; claimIds: string[] }> {
  const found = new Map<string, { origin: string; label: string; claimIds: string[] }>();
  for (const m of members) {
    const o = originOf(m);
    const entry = found.get(o.key) ?? found.set(o.key, { origin: o.key, label: o.label, claimIds: [] }).get(o.key)!;
    entry.claimIds.push(m.id);
  }
  return [...found.values()].sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
}
