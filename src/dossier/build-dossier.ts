// Builds the dossier for one story from its analysed articles. Sections that later stages fill
// (entities, quotes, claims, sources, framing, timeline) are present and empty until then, so
// that every key of the contract is always there.
import type { QuoteFinding } from '../annotate/attribute-quotes.ts';
import type { AttributionFinding } from '../annotate/find-attributions.ts';
import type { ClaimFinding } from '../claims/find-claims.ts';
import type { NameMention } from '../annotate/find-names.ts';
import { loadRoleLexicon, type PersonRole, type Reference } from '../annotate/find-roles.ts';
import type { Article, Dossier, Message } from '../model.ts';
import { buildAttributions } from './build-attributions.ts';
import { buildClaims } from './build-claims.ts';
import { buildFraming } from '../framing/build-framing.ts';
import type { DatedEvent } from '../timeline/find-dated-events.ts';
import { buildTimeline } from '../timeline/build-timeline.ts';
import { buildQuotes, groupQuotes } from './group-quotes.ts';
import { linkEntities, spreadMentions } from './link-entities.ts';
import { resolveReferences } from './resolve-references.ts';

/** What the annotate stage found in the articles (article ids as in `articles`, which must be unique). */
export interface Annotations {
  names: readonly NameMention[];
  quotes: readonly QuoteFinding[];
  /** Titles and appositions of named people. */
  roles?: readonly PersonRole[];
  /** Role phrases and pronouns that may stand for a person. */
  references?: readonly Reference[];
  /** Every cue with its source and content, direct or indirect. */
  attributions?: readonly AttributionFinding[];
  /** The checkable statements of each article. */
  claims?: readonly ClaimFinding[];
  /** The dated events of each article. */
  events?: readonly DatedEvent[];
}

const NO_ANNOTATIONS: Annotations = { names: [], quotes: [] };

export function buildDossier(articles: readonly Article[], messages: readonly Message[] = [], annotations: Annotations = NO_ANNOTATIONS): Dossier {
  const order = articles.map((a) => a.id);
  const named = spreadMentions(linkEntities(annotations.names, order), articles);
  const entities = annotations.roles || annotations.references ? resolveReferences(named, annotations.roles ?? [], annotations.references ?? [], loadRoleLexicon().roles, articles, annotations.quotes.filter((q) => !q.scare)) : named;
  const quotes = buildQuotes(annotations.quotes, entities);
  const attributions = buildAttributions(annotations.attributions ?? [], articles, entities);
  const quoteGroups = groupQuotes(quotes);
  const { claims, claimGroups, sources } = buildClaims(annotations.claims ?? [], articles, attributions, entities, quotes, quoteGroups);
  return {
    version: 1,
    articles: [...articles],
    entities,
    quotes,
    quoteGroups,
    claims,
    claimGroups,
    sources,
    framing: buildFraming(articles, entities, quotes, attributions, claims, claimGroups),
    timeline: buildTimeline(annotations.events ?? [], articles),
    attributions,
    messages: [...messages],
  };
}

/** The same text given twice keeps one id per copy: later copies get a numbered suffix. */
export function withUniqueIds(articles: readonly Article[]): Article[] {
  const seen = new Map<string, number>();
  return articles.map((article) => {
    const count = (seen.get(article.id) ?? 0) + 1;
    seen.set(article.id, count);
    return count === 1 ? article : { ...article, id: `${article.id}-${count}` };
  });
}
