// How each outlet frames the story: loaded terms (why each is loaded, and a neutral alternative where one exists),
// the words one outlet chooses for a referent where the others use another ("the Trump regime"
// against "the Trump administration"), hedges, certainty markers, intensifiers, speculation
// presented as fact, and its sourcing: named against anonymous sources, the share of its text
// that is quotation, whom it quotes and who gets the last word, opinion markers, and what only it
// states (seen from the others' side, what they left out).
import { indexSpans, reaching } from '../text/span-index.ts';
import type { Article, Attribution, Claim, ClaimGroup, Entity, Quote } from '../model.ts';
import { loadedTermsOf, type LoadedTerm } from './loaded-terms.ts';
import { CERTAINTY, FUTURE, HEDGE, INTENSIFIER, OPINION } from './markers.ts';

export interface Marked {
  text: string;
  start: number;
  end: number;
}

export interface ArticleFraming {
  articleId: string;
  loadedTerms: Array<{ term: string; start: number; end: number; neutral: string | null; reason: LoadedTerm['reason']; why: string }>;
  hedges: number;
  anonymousSources: number;
  namedSources: number;
  hedgeMarks: Marked[];
  certainty: Marked[];
  intensifiers: Marked[];
  /** Claims about what will happen, neither hedged nor attributed. */
  speculation: Marked[];
  opinionMarkers: number;
  /** Share of the body's characters inside quotations. */
  quoteShare: number;
  /** Who is quoted, with how many quotations, in order of first quotation. */
  quoted: Array<{ speaker: string; quotes: number }>;
  /** Who speaks in the article's last quotation. */
  lastWord: string | null;
  /** For one referent, the word this outlet uses where the others use another. */
  contrastive: Array<{ term: string; start: number; end: number; referent: string; othersUse: string }>;
  /** Claims no other article states. */
  onlyHere: string[];
  /** Facts two or more other articles establish that this one leaves out. */
  leftOut: string[];
}

/** Words for people who are not named: officials, sources, aides, people familiar, experts. */
const ANONYMOUS = /\b(officials?|sources?|aides?|people|persons?|someone|advisers?|advisors?|experts?|analysts?|critics|supporters|diplomats?|insiders?|familiar|spokes(?:man|woman|person)|a former|one former|a senior|an official)\b/i;

function marks(text: string, pattern: RegExp, offset: number, outside: (s: number, e: number) => boolean): Marked[] {
  const out: Marked[] = [];
  const global = new RegExp(pattern.source, 'gi');
  for (const m of text.matchAll(global)) {
    const start = offset + m.index;
    const end = start + m[0].length;
    if (outside(start, end)) out.push({ text: m[0], start, end });
  }
  return out;
}

/** The word after a name that says what it is ("administration", "regime", "government"). */
const HEAD_AFTER = /^['’]?s?\s+(\p{Ll}[\p{Ll}-]{2,})/u;

export function buildFraming(
  articles: readonly Article[],
  entities: readonly Entity[],
  quotes: readonly Quote[],
  attributions: readonly Attribution[],
  claims: readonly Claim[],
  claimGroups: readonly ClaimGroup[],
): ArticleFraming[] {
  const groupOf = new Map<string, ClaimGroup>();
  for (const g of claimGroups) for (const id of g.claimIds) groupOf.set(id, g);
  const contrastive = contrastiveWording(articles, entities);
  return articles.map((article) => {
    const own = quotes.filter((q) => q.articleId === article.id && !q.scare);
    // quotations looked up by position: a long article must not cost its sentences times its quotations
    const ownIndex = indexSpans(own);
    const overlapping = (start: number, end: number): Quote[] => reaching(ownIndex, start, end).filter((q) => start < q.end && q.start < end);
    const outside = (start: number, end: number): boolean => overlapping(start, end).length === 0;
    const body = article.sentences.filter((s) => article.blocks[s.block]?.kind !== 'heading');
    const loaded: ArticleFraming['loadedTerms'] = [];
    const hedgeMarks: Marked[] = [];
    const certainty: Marked[] = [];
    const intensifiers: Marked[] = [];
    let opinionMarkers = 0;
    for (const s of body) {
      const text = article.text.slice(s.start, s.end);
      const quoted = overlapping(s.start, s.end).map((q) => ({ start: q.start - s.start, end: q.end - s.start }));
      for (const t of loadedTermsOf(text, quoted)) loaded.push({ ...t, start: t.start + s.start, end: t.end + s.start });
      hedgeMarks.push(...marks(text, HEDGE, s.start, outside));
      certainty.push(...marks(text, CERTAINTY, s.start, outside));
      intensifiers.push(...marks(text, INTENSIFIER, s.start, outside));
      opinionMarkers += marks(text, OPINION, s.start, outside).length;
    }
    const mine = claims.filter((c) => c.articleId === article.id);
    const speculation = mine.filter((c) => FUTURE.test(c.text) && !c.hedged && !c.attribution && outside(c.start, c.end)).map((c) => ({ text: c.text, start: c.start, end: c.end }));
    const sources = new Map<string, boolean>();
    for (const a of attributions) {
      if (a.articleId !== article.id || !a.source) continue;
      const words = a.source.text.trim();
      if (/^(he|she|they|it|we|i|you|him|her|his|their)$/i.test(words)) continue;
      const named = a.source.entityId !== null || (!ANONYMOUS.test(words) && /\p{Lu}/u.test(words));
      const key = a.source.entityId ?? words.toLowerCase();
      sources.set(key, (sources.get(key) ?? false) || named);
    }
    const quotedChars = own.reduce((n, q) => n + (q.end - q.start), 0);
    const bodyChars = body.reduce((n, s) => n + (s.end - s.start), 0);
    const speakers = new Map<string, number>();
    for (const q of own) {
      const who = q.speaker.name ?? q.speaker.description ?? 'unattributed';
      speakers.set(who, (speakers.get(who) ?? 0) + 1);
    }
    const last = own[own.length - 1];
    const corroboratedElsewhere = claimGroups.filter((g) => g.status !== 'single-source' && !g.articleIds.includes(article.id) && g.articleIds.length >= 2);
    return {
      articleId: article.id,
      loadedTerms: loaded,
      hedges: hedgeMarks.length,
      anonymousSources: [...sources.values()].filter((named) => !named).length,
      namedSources: [...sources.values()].filter((named) => named).length,
      hedgeMarks,
      certainty,
      intensifiers,
      speculation,
      opinionMarkers,
      quoteShare: bodyChars ? Math.round((quotedChars / bodyChars) * 1000) / 1000 : 0,
      quoted: [...speakers].map(([speaker, n]) => ({ speaker, quotes: n })),
      lastWord: last ? (last.speaker.name ?? last.speaker.description) : null,
      contrastive: contrastive.filter((c) => c.articleId === article.id).map(({ articleId: _, ...c }) => c),
      onlyHere: mine.filter((c) => (groupOf.get(c.id)?.articleIds.length ?? 1) === 1 && c.checkworthiness >= 0.5).map((c) => c.id),
      leftOut: corroboratedElsewhere.map((g) => g.id),
    };
  });
}

/**
 * For each name the story's outlets follow with a word that says what it is ("Trump
 * administration", "Trump regime"), the word one outlet uses where at least two others agree on
 * another.
 */
function contrastiveWording(articles: readonly Article[], entities: readonly Entity[]): Array<{ articleId: string; term: string; start: number; end: number; referent: string; othersUse: string }> {
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const uses = new Map<string, Array<{ articleId: string; head: string; start: number; end: number }>>();
  for (const e of entities) {
    if (e.type === 'place') continue;
    for (const m of e.mentions) {
      if (m.form !== 'name') continue;
      const text = texts.get(m.articleId) ?? '';
      const after = HEAD_AFTER.exec(text.slice(m.end, m.end + 30));
      if (!after) continue;
      const start = m.end + after[0].length - after[1]!.length;
      const list = uses.get(e.name) ?? [];
      list.push({ articleId: m.articleId, head: after[1]!, start, end: start + after[1]!.length });
      uses.set(e.name, list);
    }
  }
  const out: Array<{ articleId: string; term: string; start: number; end: number; referent: string; othersUse: string }> = [];
  for (const [referent, list] of [...uses].sort((a, b) => a[0].localeCompare(b[0]))) {
    const outlets = new Map<string, Set<string>>();
    for (const u of list) (outlets.get(u.head) ?? outlets.set(u.head, new Set()).get(u.head)!).add(u.articleId);
    for (const u of list) {
      const mine = outlets.get(u.head)!;
      if (mine.size !== 1) continue;
      // another word the other articles share for the same name, at least two of them, none of them this one
      const other = [...outlets].filter(([head, ids]) => head !== u.head && ids.size >= 2 && !ids.has(u.articleId)).sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0];
      if (other && synonymous(u.head, other[0])) out.push({ articleId: u.articleId, term: u.head, start: u.start, end: u.end, referent, othersUse: other[0] });
    }
  }
  return out;
}

/** Nouns that name what an organisation or a leader's government is: only these are compared. */
const INSTITUTION = /^(administration|regime|government|team|camp|junta|cabal|machine|establishment|officials|authorities|crowd|gang|allies|loyalists|cronies|aides|campaign|people|forces|militia|militants|fighters|rebels|insurgents|terrorists|troops|soldiers)$/;

function synonymous(a: string, b: string): boolean {
  return INSTITUTION.test(a) && INSTITUTION.test(b);
}
