// The data that flows between stages, as zod schemas with their TypeScript types.
// The dossier's field names are a contract read by checks outside the project (see
// docs/architecture.md): fields may be added, never renamed or removed.
import { z } from 'zod';

/** Offsets are UTF-16 code-unit indices into the owning article's `text`, `end` exclusive. */
const span = {
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
};

export const RemovedKind = z.enum(['boilerplate', 'embed', 'comment', 'ad', 'navigation']);
export type RemovedKind = z.infer<typeof RemovedKind>;

export const Removed = z.object({
  kind: RemovedKind,
  text: z.string(),
});
export type Removed = z.infer<typeof Removed>;

export const BlockKind = z.enum(['paragraph', 'heading', 'list-item', 'quote', 'preformatted']);
export type BlockKind = z.infer<typeof BlockKind>;

/** A structural unit of the body: the blocks tile `text` but for the blank lines between them. */
export const Block = z.object({ kind: BlockKind, ...span });
export type Block = z.infer<typeof Block>;

export const Sentence = z.object({ ...span, block: z.number().int().nonnegative() });
export type Sentence = z.infer<typeof Sentence>;

/** A problem found in the content: carried in the output, never thrown. */
export const Message = z.object({
  source: z.string(),
  rule: z.string(),
  reason: z.string(),
});
export type Message = z.infer<typeof Message>;

export const PageTypeName = z.enum(['article', 'forum', 'documentation', 'listing', 'collection', 'product', 'service']);
export type PageTypeName = z.infer<typeof PageTypeName>;

/** What kind of page an input is, by the page type classifier (src/extract/page-type.ts), with its probability. */
export const PageType = z.object({ type: PageTypeName, confidence: z.number().min(0).max(1) });
export type PageType = z.infer<typeof PageType>;

export const Article = z.object({
  id: z.string(),
  source: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  text: z.string(),
  removed: z.array(Removed),
  url: z.string().nullable(),
  format: z.enum(['html', 'text', 'markdown']),
  encoding: z.string(),
  blocks: z.array(Block),
  sentences: z.array(Sentence),
  /** Absent only in articles stored by a version that did not classify pages. */
  pageType: PageType.optional(),
});
export type Article = z.infer<typeof Article>;

const Mention = z.object({
  articleId: z.string(),
  ...span,
  /** How the article refers to the entity here: by name, by a role ("Mexico's president") or by a pronoun ("she"). */
  form: z.enum(['name', 'role', 'pronoun']),
});

export const EntityType = z.enum(['person', 'organization', 'place', 'other']);
export type EntityType = z.infer<typeof EntityType>;

export const Entity = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityType,
  aliases: z.array(z.string()),
  /** Titles and descriptions the articles give the entity, in their words ("Defense Secretary", "the US ambassador to Mexico"). */
  roles: z.array(z.string()),
  mentions: z.array(Mention),
});

export type Entity = z.infer<typeof Entity>;

export const Quote = z.object({
  id: z.string(),
  articleId: z.string(),
  text: z.string(),
  ...span,
  speaker: z.object({
    name: z.string().nullable(),
    entityId: z.string().nullable(),
    description: z.string().nullable(),
    /** The source words in the article, when the quote has an attribution. */
    start: z.number().int().nonnegative().nullable(),
    end: z.number().int().nonnegative().nullable(),
  }),
  cue: z.string().nullable(),
  /** A word or two set apart in quotation marks rather than something someone said. */
  scare: z.boolean(),
  /** Words quoted inside the outlet's own sentence (called the plans “a grave violation”) rather than a line of speech. */
  partial: z.boolean(),
  /** Everyone the attribution names, when it names more than one person. */
  speakers: z.array(z.object({ name: z.string(), entityId: z.string().nullable() })),
  /**
   * Why the speaker is named, or why not (then speaker.name is null): named, organization,
   * pronoun (followed to the last source that said something), last-named (a pronoun taken for the
   * last person named), continued, signature, role; no-attribution, unnamed-source,
   * pronoun-unresolved, not-speech. See src/annotate/attribute-quotes.ts.
   */
  speakerReason: z.enum(['named', 'organization', 'pronoun', 'last-named', 'continued', 'signature', 'role', 'no-attribution', 'unnamed-source', 'pronoun-unresolved', 'not-speech']),
});

export type Quote = z.infer<typeof Quote>;

export const QuoteGroup = z.object({
  id: z.string(),
  quoteIds: z.array(z.string()),
  articleIds: z.array(z.string()),
  agreement: z.enum(['verbatim', 'variant', 'single-source']),
  differences: z.array(
    z.object({
      quoteId: z.string(),
      withQuoteId: z.string(),
      diff: z.array(z.object({ op: z.enum(['same', 'removed', 'added']), text: z.string() })),
    }),
  ),
  speakers: z.array(z.string()),
  speakersDiffer: z.boolean(),
});

export type QuoteGroup = z.infer<typeof QuoteGroup>;

export const Claim = z.object({
  id: z.string(),
  articleId: z.string(),
  text: z.string(),
  ...span,
  /** Who the article says the claim comes from, in its words ("according to the AP" → "the AP"). */
  attribution: z.string().nullable(),
  attributionSpan: z.object(span).nullable(),
  /** The person or organisation the attribution names, when the dossier knows it ("she" → Claudia Sheinbaum). */
  attributionEntityId: z.string().nullable(),
  hedged: z.boolean(),
  /** The words that hedge it ("reportedly", "is considering"). */
  hedges: z.array(z.string()),
  /** How worth checking it is, 0 to 1 (a ranker trained on CheckThat! 2024). */
  checkworthiness: z.number(),
});

export type Claim = z.infer<typeof Claim>;

export const Contradiction = z.object({
  claimId: z.string(),
  withClaimId: z.string(),
  /** `number`, `status`, `negation`, `date`, `stage`, or `update` (a later report of what an earlier one had planned: news, not a dispute). */
  kind: z.string(),
  explanation: z.string(),
  /** The words compared, exactly as the claims have them: [the claimId claim's, the withClaimId claim's] ("48-page", "47-page"). */
  values: z.tuple([z.string(), z.string()]),
  /** For an `update`: the claim of the later article. */
  laterClaimId: z.string().optional(),
});
export type Contradiction = z.infer<typeof Contradiction>;

export const ClaimGroup = z.object({
  id: z.string(),
  claimIds: z.array(z.string()),
  articleIds: z.array(z.string()),
  independentOrigins: z.number().int().nonnegative(),
  status: z.enum(['corroborated', 'single-source', 'contested']),
  contradictions: z.array(Contradiction),
  /**
   * Contradictions found between this fact's claims and claims not matched as the same fact: only
   * possible (the two may be about different events), shown apart and not making the fact contested.
   */
  possibleContradictions: z.array(Contradiction),
  /**
   * What the origins are: `same-statement:<who>` for what a named person or body said (quoted or
   * paraphrased; one origin however many outlets report it), `cite:<source>` for a news
   * organisation's report or a document the claim is attributed to, `outlet:<name>` for an
   * outlet's own reporting (a rewrite counts as the article it rewrites).
   */
  origins: z.array(z.string()),
  /** Each origin with how a report names it and the claims of the group that rest on it, in the order of `origins`. */
  originDetails: z.array(z.object({ origin: z.string(), label: z.string(), claimIds: z.array(z.string()) })),
  /**
   * For a fact only one article states: the closest claim of each other article, below the
   * same-fact threshold ("possibly also in <outlet>: …"), with the same-fact score, best first.
   */
  possiblyAlsoIn: z.array(z.object({ claimId: z.string(), articleId: z.string(), score: z.number() })),
  /**
   * The group rests on at least one pair of claims taken for the same fact only because each is
   * the other's closest match between their two articles, not on the same-fact model alone: less
   * sure: pairs inside such groups were right 72% of the time on the story gold's even years and
   * 50% on the held-out odd years, against 84% and 75% in the other groups (`npm run bench:story-pairs`).
   */
  closestMatch: z.boolean(),
});

export type ClaimGroup = z.infer<typeof ClaimGroup>;

export const SourceProfile = z.object({
  articleId: z.string(),
  /** `outlet`: a news outlet the article says was told the story; `organization`; `document`: data, a report, a statement, a post. */
  cites: z.array(z.object({ name: z.string(), ...span, kind: z.enum(['outlet', 'organization', 'document']) })),
  /** Articles this one rewrites: shared text outside quotations, and it was published later. */
  derivedFrom: z.array(z.string()),
  /**
   * The evidence for each shared-text link: the passages both hold outside quotations, as spans in
   * this article (`start`, `end`) and in the other (`fromStart`, `fromEnd`). `directionKnown`
   * false: the publication times do not say which came first (the pair is listed on both
   * articles, and in neither's `derivedFrom`).
   */
  derivations: z.array(
    z.object({
      fromArticleId: z.string(),
      shared: z.array(z.object({ text: z.string(), ...span, fromStart: z.number().int().nonnegative(), fromEnd: z.number().int().nonnegative() })),
      directionKnown: z.boolean(),
    }),
  ),
});

export type SourceProfile = z.infer<typeof SourceProfile>;

const Marked = z.object({ text: z.string(), ...span });

export const Framing = z.object({
  articleId: z.string(),
  /** `reason`: `watch-list` (Wikipedia's Words to watch), `lexicon` (evaluative words from WordNet and AFINN) or `model` (the word model trained on BASIL); `why`: its category and what it does ("evaluative adjective: judges rather than describes"). */
  loadedTerms: z.array(z.object({ term: z.string(), ...span, neutral: z.string().nullable(), reason: z.enum(['watch-list', 'model', 'lexicon']), why: z.string() })),
  hedges: z.number().int().nonnegative(),
  anonymousSources: z.number().int().nonnegative(),
  namedSources: z.number().int().nonnegative(),
  hedgeMarks: z.array(Marked),
  certainty: z.array(Marked),
  intensifiers: z.array(Marked),
  /** Claims about what will happen, neither hedged nor attributed. */
  speculation: z.array(Marked),
  opinionMarkers: z.number().int().nonnegative(),
  /** Share of the body's characters inside quotations. */
  quoteShare: z.number(),
  quoted: z.array(z.object({ speaker: z.string(), quotes: z.number().int() })),
  /** Who speaks in the article's last quotation. */
  lastWord: z.string().nullable(),
  /** For one referent, the word this outlet uses where the others use another ("regime" for "administration"). */
  contrastive: z.array(z.object({ term: z.string(), ...span, referent: z.string(), othersUse: z.string() })),
  /** Ids of check-worthy claims no other article states. */
  onlyHere: z.array(z.string()),
  /** Ids of claim groups two or more other articles state that this one leaves out. */
  leftOut: z.array(z.string()),
});

/** One dated event: `start`/`end` are the date expression's offsets, `text` the sentence it dates. */
export const TimelineEntry = z.object({
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `unresolved` for a relative date in an article without a publication date. */
  date: z.string(),
  text: z.string(),
  articleId: z.string(),
  ...span,
  expression: z.string(),
  precision: z.enum(['day', 'month', 'year']),
  /** The date depends on when the article was written ("Tuesday", "last month"). */
  relative: z.boolean(),
  sentenceStart: z.number().int().nonnegative(),
  sentenceEnd: z.number().int().nonnegative(),
});

const TextSpan = z.object({ ...span, text: z.string() });

/** Who an article says something comes from, with the words that say so, direct or indirect ("Jenkins told a Senate committee that …"). */
export const Attribution = z.object({
  id: z.string(),
  articleId: z.string(),
  /** Who: the article's words, and the person or organisation they name when known. */
  source: TextSpan.extend({ entityId: z.string().nullable() }).nullable(),
  /** The verb or phrase that attributes ("told", "according to"). */
  cue: TextSpan,
  /** What is attributed. */
  content: TextSpan.nullable(),
  /** The content is a quotation. */
  direct: z.boolean(),
});
export type Attribution = z.infer<typeof Attribution>;

export const Dossier = z.object({
  version: z.literal(1),
  articles: z.array(Article),
  entities: z.array(Entity),
  quotes: z.array(Quote),
  quoteGroups: z.array(QuoteGroup),
  claims: z.array(Claim),
  claimGroups: z.array(ClaimGroup),
  sources: z.array(SourceProfile),
  framing: z.array(Framing),
  timeline: z.array(TimelineEntry),
  /** Added after the contract's keys: every attribution, direct or indirect. */
  attributions: z.array(Attribution),
  messages: z.array(Message),
});
export type Dossier = z.infer<typeof Dossier>;

/** The JSON Schema of the dossier, generated from the zod types above. */
export function dossierJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Dossier, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
