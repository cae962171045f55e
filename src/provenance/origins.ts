// Where one claim comes from: the source the article attributes it to *in that claim's sentence*,
// else the article's outlet's own reporting. Origins are what independence is counted in: a fact
// is corroborated by two origins, not by two outlets.
//
// - A claim attributed to a named person or body (quoted or paraphrased: "Sestak said", "the
//   Pentagon said") repeats that one's statement: `same-statement:<who>`, with <who> the
//   normalised name of the entity the attribution names. Three outlets reporting one statement
//   are one origin.
//   A claim that is someone's quoted words without an attribution in its sentence is the
//   speaker's statement too (the speaker another outlet's rendering of the quotation names, when
//   this one names none; words no outlet gives a speaker for but several quote are one utterance).
// - A claim attributed to a news organisation ("according to the AP") or a document ("CDC
//   data"), or one whose sentence says an outlet was told it ("… told NBC News"), rests on that
//   report: `cite:<name>`; a report of one of the story's own outlets ("according to the
//   Times") is that outlet's reporting. A person's document (a memoir, a statement) is their
//   statement; a document named only by its kind ("the statement") names no origin, unless the
//   claim quotes words whose speaker is known: then it is that speaker's statement.
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
import { firstStartingAt, indexSpans, reaching } from '../text/span-index.ts';
import { trimTail } from '../text/tail-runs.ts';
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
  /** The story's quotations (spans include the marks) and the renderings of one utterance grouped across outlets. */
  quotes?: ReadonlyArray<{ id: string; articleId: string; text: string; start: number; end: number; scare: boolean; speaker: { name: string | null; entityId: string | null } }>;
  quoteGroups?: ReadonlyArray<{ id: string; quoteIds: readonly string[]; articleIds: readonly string[] }>;
  /** The story's articles and their outlets: a report of one of them cited by another ("according to the Times") is that article's reporting. */
  articles?: ReadonlyArray<{ id: string; outlet: string | null }>;
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
/** No name runs longer than this: mentions that start further before a span cannot reach into it. */
const MAX_NAME_CHARS = 200;
/** What may follow the name that heads a source's words: nothing, an apposition, "of" and a place. */
const HEAD_ENDS = /^\s*(?:$|[,;(—–-]|of\b)/;
/** Words that say who someone is without naming them: an attribution that ends on one ("Mr." of "Mr. Fox") stops before the name. */
const TITLE = /^(mr|mrs|ms|dr|sen|rep|gov|gen|former|president|senator|governor|secretary)$/i;
/** Documents that are someone's own words: the statement of whoever they come from. */
const OWN_WORDS = /\b(statement|release|interview|press conference|briefing|post|tweet|video|letter|memo|memorandum|memoir|book|testimony|transcript|remarks)\b/i;
/** A document named by its kind alone ("the statement", "records"): it says nothing about whose it is. */
const GENERIC_DOCUMENT = /^(?:(?:the|a|an|this|that|these|those|his|her|its|their|new|recent|latest|public|court|official)\s+)*(?:data|figures|statistics|reports?|records?|documents?|filings?|statement|release|interview|post|tweet|video|study|survey|poll|analysis|transcript|letter|memo)$/i;

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
 * Each entity's name as origins give it. People the linker left apart are joined by surname when
 * nothing in the story tells them apart: "Sheridan", "Mark Sheridan" and "Mark D. Sheridan" are
 * one person when every full name with that surname has the same first name (then the most
 * mentioned full name stands for all); "Bill Clinton" and "Hillary Clinton" stay two, and
 * "Clinton" alone stays itself. The same person's statement is one origin however outlets name them.
 */
function canonicalNames(entities: readonly OriginEntity[]): Map<string, string> {
  const tokens = (e: OriginEntity): string[] => normaliseName(e.name).split(' ').filter((w) => w && !/^(jr|sr|ii|iii|iv)\.?$/.test(w));
  const bySurname = new Map<string, OriginEntity[]>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const surname = tokens(e).pop();
    if (surname) (bySurname.get(surname) ?? bySurname.set(surname, []).get(surname)!).push(e);
  }
  const canonical = new Map(entities.map((e) => [e.id, e.name]));
  for (const people of bySurname.values()) {
    const full = people.filter((e) => tokens(e).length >= 2);
    if (full.length === 0 || new Set(full.map((e) => tokens(e)[0])).size !== 1) continue;
    const best = [...full].sort((a, b) => b.mentions.length - a.mentions.length || b.name.length - a.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0]!;
    for (const e of people) canonical.set(e.id, best.name);
  }
  return canonical;
}

/** The first sentence that holds `at` (sentences in order, found by binary search). */
function sentenceAt(sentences: ReadonlyArray<{ start: number; end: number }> | undefined, at: number): { start: number; end: number } | null {
  // the last sentence starting at or before `at`
  const s = sentences?.[firstStartingAt(sentences, at + 1) - 1];
  return s && s.start <= at && at < s.end ? s : null;
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
  const outlets = (context.articles ?? []).filter((a) => a.outlet).map((a) => ({ id: a.id, name: normaliseName(a.outlet!) }));
  const statement = (name: string): Origin => ({ key: `same-statement:${normaliseName(name)}`, label: `${possessive(name)} statement` });
  /** A news organisation's report: the reporting of the story's article from that outlet when there is one ("the Times" in a story with The New York Times), else a cite. */
  const report = (name: string): Origin => {
    const n = normaliseName(name);
    const same = outlets.filter((o) => o.name === n || o.name.endsWith(` ${n}`) || n.endsWith(` ${o.name}`));
    if (same.length > 0 && new Set(same.map((o) => o.name)).size === 1) return context.reporting(same[0]!.id);
    return { key: `cite:${n}`, label: name.replace(/^the\s+/i, '') };
  };
  const ofEntity = (e: OriginEntity): Origin => {
    const name = canonical.get(e.id) ?? e.name;
    return e.type === 'organization' && NEWS.test(name) ? report(name) : statement(name);
  };
  for (const list of mentionsIn.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  /** The last person or organisation named in a span: "the statement from Grimm's attorney, William McGinley" is McGinley's. */
  // by binary search, then back over the few mentions that may reach into the span: linear in the article
  /** The person and organisation mentions that reach into a span, in order. */
  const mentionsWithin = (articleId: string, start: number, end: number): Array<{ start: number; end: number; entity: OriginEntity }> => {
    const list = mentionsIn.get(articleId) ?? [];
    const lo = firstStartingAt(list, end);
    const found: Array<{ start: number; end: number; entity: OriginEntity }> = [];
    for (let k = lo - 1; k >= 0 && list[k]!.start > start - MAX_NAME_CHARS; k--) if (list[k]!.end > start) found.push(list[k]!);
    return found.reverse();
  };
  const lastMention = (articleId: string, start: number, end: number): { start: number; end: number; entity: OriginEntity } | null => mentionsWithin(articleId, start, end).pop() ?? null;
  const mentionIn = (articleId: string, start: number, end: number): OriginEntity | null => lastMention(articleId, start, end)?.entity ?? null;
  /** What a cite of the article stands for; null for a document that names nothing but its kind. */
  const ofCite = (articleId: string, c: Cite): Origin | null => {
    const inside = mentionIn(articleId, c.start, c.end);
    if (c.kind !== 'document') return inside ? ofEntity(inside) : NEWS.test(c.name) || c.kind === 'outlet' ? report(c.name) : statement(c.name);
    // a person's memoir, an organisation's statement: their own words; an organisation's data or report is cited as such
    if (inside && (inside.type === 'person' || OWN_WORDS.test(c.name))) return ofEntity(inside);
    if (GENERIC_DOCUMENT.test(c.name.trim())) return null;
    if (inside && NEWS.test(inside.name)) return ofEntity(inside);
    return { key: `cite:${normaliseName(c.name)}`, label: c.name };
  };

  // who said each quotation: its own speaker, else one another outlet's rendering of the same utterance names
  type Spoken = { start: number; end: number; who: OriginEntity | string | null; group: { id: string; articles: number; opening: string } };
  const quotesIn = new Map<string, Spoken[]>();
  const quoteById = new Map((context.quotes ?? []).map((q) => [q.id, q]));
  const groupOfQuote = new Map<string, { id: string; quoteIds: readonly string[]; articleIds: readonly string[] }>();
  for (const g of context.quoteGroups ?? []) for (const id of g.quoteIds) groupOfQuote.set(id, g);
  const speakerOf = (q: NonNullable<OriginContext['quotes']>[number]): OriginEntity | string | null => {
    const e = q.speaker.entityId ? byId.get(q.speaker.entityId) : undefined;
    if (e && (e.type === 'person' || e.type === 'organization')) return e;
    return q.speaker.name && !ANONYMOUS.test(q.speaker.name) ? q.speaker.name : null;
  };
  for (const q of context.quotes ?? []) {
    if (q.scare) continue;
    const g = groupOfQuote.get(q.id);
    let who = speakerOf(q);
    for (const other of g?.quoteIds ?? []) {
      if (who) break;
      const o = quoteById.get(other);
      if (o) who = speakerOf(o);
    }
    const group = { id: g?.id ?? q.id, articles: g?.articleIds.length ?? 1, opening: q.text.replace(/^[\s“”"‘’']+/u, '').split(/\s+/).slice(0, 6).join(' ') };
    (quotesIn.get(q.articleId) ?? quotesIn.set(q.articleId, []).get(q.articleId)!).push({ start: q.start, end: q.end, who, group });
  }
  for (const list of quotesIn.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  /** The quotation that holds most of the claim, when it holds at least half of it. */
  const quotationOf = (claim: OriginClaim): Spoken | null => {
    const list = quotesIn.get(claim.articleId);
    if (!list) return null;
    let best: Spoken | null = null;
    let most = 0;
    // quotations in order of start; look back from the last one starting before the claim ends (they rarely nest)
    const lo = firstStartingAt(list, claim.end);
    for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) {
      const q = list[k]!;
      const inside = Math.min(q.end, claim.end) - Math.max(q.start, claim.start);
      if (inside > most) {
        most = inside;
        best = q;
      }
    }
    return best && most * 2 >= claim.end - claim.start ? best : null;
  };

  /** The quotations inside the claim, in order (found by position: linear in the article's length over all claims). */
  const quotationsWithin = (claim: OriginClaim): Spoken[] => {
    const list = quotesIn.get(claim.articleId) ?? [];
    const out: Spoken[] = [];
    for (let k = firstStartingAt(list, claim.start); k < list.length && list[k]!.start < claim.end; k++) if (list[k]!.end <= claim.end) out.push(list[k]!);
    return out;
  };

  // each article's cites looked up by position: a long article stays linear
  const citeIndex = new Map([...context.cites].map(([id, list]) => [id, indexSpans(list)]));
  const citesReaching = (articleId: string, start: number, end: number) => {
    const index = citeIndex.get(articleId);
    return index ? reaching(index, start, end) : [];
  };

  return (claim) => {
    const span = claim.attributionSpan;
    if (span) {
      // the source's words are a document or a cited organisation ("CDC data", "according to the AP")
      const cited = citesReaching(claim.articleId, span.start, span.end).find((c) => c.start < span.end && span.start < c.end);
      const fromCite = cited ? ofCite(claim.articleId, cited) : null;
      if (fromCite) return fromCite;
      const words = claim.attribution ?? '';
      // who speaks is the name that heads the source's words, not one that qualifies another
      // noun ("Grimm's lawyer, William McGinley", "Obama campaign spokeswoman Lis Smith", "Lanhee
      // Chen, the policy director for the Romney campaign"): a head is followed by nothing, a
      // comma or "of". The tagger may stop at a title ("Mr." of "Mr. Fox"): the name right after it is meant.
      const last = trimTail(words.trim().split(/\s+/).pop() ?? '', /[.,’']/);
      const inWords = mentionsWithin(claim.articleId, span.start, TITLE.test(last) ? span.end + 2 : span.end);
      const heads = inWords.filter((m) => HEAD_ENDS.test(words.slice(Math.max(0, m.end - span.start))));
      if (heads.length > 0) return ofEntity(heads[heads.length - 1]!.entity);
      // no name heads the words ("he", "the congressman"): the person the dossier ties them to, unless the words are unnamed sources ("some Trump officials")
      const entity = claim.attributionEntityId ? byId.get(claim.attributionEntityId) : undefined;
      if (entity && (entity.type === 'person' || entity.type === 'organization') && !ANONYMOUS.test(words)) return ofEntity(entity);
      // words that name no one ("Republicans", "the House", "officials") are not a statement anyone can be held to
      // a document named only by its kind whose words the claim quotes ("The statement said he
      // 'asserts his innocence'"): the statement of whoever those quoted words belong to
      if (cited && GENERIC_DOCUMENT.test(cited.name.trim())) {
        const speaker = quotationsWithin(claim).find((q) => q.who)?.who;
        if (speaker) return typeof speaker === 'string' ? statement(speaker) : ofEntity(speaker);
      }
    }
    // the claim is someone's quoted words: the speaker's statement, whichever outlet names them
    const quoted = quotationOf(claim);
    if (quoted && quoted.who) return typeof quoted.who === 'string' ? statement(quoted.who) : ofEntity(quoted.who);
    // an outlet told the story in this sentence ("… told NBC News"), or a source named inside the claim
    const sentence = sentenceAt(context.sentences.get(claim.articleId), claim.start) ?? { start: claim.start, end: claim.end };
    const inSentence = citesReaching(claim.articleId, sentence.start, sentence.end).find((c) => c.kind === 'outlet' && c.start >= sentence.start && c.end <= sentence.end);
    if (inSentence) return ofCite(claim.articleId, inSentence)!;
    // words no outlet gives a speaker for, quoted the same by several outlets: one utterance, one origin
    if (quoted && quoted.group.articles >= 2) return { key: `same-statement:unnamed ${quoted.group.id}`, label: `an unnamed speaker’s statement (“${quoted.group.opening}…”)` };
    for (const c of citesReaching(claim.articleId, claim.start, claim.end)) {
      if (c.start < claim.start || c.end > claim.end) continue;
      const origin = ofCite(claim.articleId, c);
      if (origin) return origin;
    }
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
