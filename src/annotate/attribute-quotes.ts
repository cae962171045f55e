// Direct quotations of one article with their speakers: the quotation marks give the words, the
// attribution tagger gives source and cue spans nearby, and the speaker is resolved to a person
// named in the article when the source is a name, a surname or a pronoun. An unnamed source keeps
// its own words as the description ("one former official").
import type { Article } from '../model.ts';
import { attributionSpans, type AttributionSpan } from './attribution/tag-attributions.ts';
import type { NameMention } from './find-names.ts';
import { findQuotes, type QuoteSpan } from './find-quotes.ts';
import { genderOf, honorificGender } from './find-roles.ts';
import { afterModifierWord, inModifier } from './name-context.ts';
import { firstStartingAt, holding, holdingIndex, indexSpans, reaching, type SpanIndex } from '../text/span-index.ts';
import { tailRun } from '../text/tail-runs.ts';

export interface QuoteFinding {
  articleId: string;
  start: number;
  end: number;
  text: string;
  scare: boolean;
  partial: boolean;
  /** The source span's words as the article gives them ("she", "Mexico's president"), or null. */
  sourceText: string | null;
  sourceStart: number | null;
  sourceEnd: number | null;
  /** The person the source names, as written in the article ("Sheinbaum"; the dossier ties it to the story's entity), or null. */
  speakerName: string | null;
  /** Every person the source names ("X and Y have both used phrases like …"); the first is `speakerName`. */
  speakerNames: string[];
  cue: string | null;
  /** Why the speaker is who it is, or why none is named (see SpeakerReason). */
  speakerReason: SpeakerReason;
}

/**
 * Why a quotation has the speaker it has, or none. Named: `named` (the attribution names the
 * person), `organization` (an organisation speaks as itself), `pronoun` (a pronoun followed to
 * the last source that said something), `last-named` (a pronoun with no such source, taken for the
 * last person named as the subject of something), `continued` (the quotation runs on from one
 * whose speaker is named), `signature` (a name signed after a dash), `role` (a role phrase the
 * dossier ties to the one person holding it). None: `no-attribution` (no source near the
 * quotation), `unnamed-source` (a source that names no one: "a senior official", "the report"),
 * `pronoun-unresolved` (a pronoun nothing fits: no earlier source, or one whose number or gender
 * differs), `not-speech` (scare quotes).
 */
export type SpeakerReason = 'named' | 'organization' | 'pronoun' | 'last-named' | 'continued' | 'signature' | 'role' | 'no-attribution' | 'unnamed-source' | 'pronoun-unresolved' | 'not-speech';

/** How near a cue stands to the source it goes with, in characters. */
const CUE_REACH = 12;
/** Sources and cues further than this from a quotation are not its attribution. */
const MAX_ATTRIBUTION_GAP = 160;
/** Pronouns that stand for one person: when no earlier source is found, the last person named may be meant. */
const PERSONAL_PRONOUNS = /^(he|she|him|her)$/i;
const PLURAL_PRONOUNS = /^(they|we)$/i;

/** `tagged`: the article's attribution spans when already tagged (all body paragraphs); else the paragraphs with quotations are tagged here. */
export function attributeQuotes(article: Article, names: readonly NameMention[], tagged?: readonly AttributionSpan[]): QuoteFinding[] {
  const paragraphs = article.blocks.filter((b) => b.kind !== 'heading');
  const quotes = findQuotes(article.text, paragraphs);
  if (quotes.length === 0) return [];
  // only paragraphs with a quotation, and the one before each (where a pronoun's source may stand), need tagging
  // spans are looked up by position, never compared all with all: a long article stays linear
  const spoken = indexSpans(quotes.filter((q) => !q.scare));
  const wanted = new Set<number>();
  for (const q of spoken.items) {
    const i = holdingIndex(paragraphs, q.start);
    if (i < 0) continue;
    wanted.add(i);
    if (i > 0) wanted.add(i - 1);
  }
  const spans = tagged ?? paragraphs.flatMap((p, i) => (wanted.has(i) ? attributionSpans(article.text, p.start, p.end) : []));
  const inQuote = (m: { start: number; end: number }): boolean => reaching(spoken, m.start, m.end).some((q) => m.start >= q.start && m.end <= q.end);
  // people named outside quotations: who is speaking, not whom the speakers talk about
  const people = indexSpans(names.filter((n) => n.articleId === article.id && n.type === 'person' && !inQuote(n)).sort((a, b) => a.start - b.start));
  const bodies = indexSpans(names.filter((n) => n.articleId === article.id && n.type === 'organization' && !inQuote(n)).sort((a, b) => a.start - b.start));
  const taggedSources = spans.filter((s) => s.kind === 'SRC' && !inQuote(s));
  const sources = joinFragments(article.text, taggedSources)
    .map((s) => withoutEdgePunctuation(article.text, ownSource(article.text, s)))
    .filter((s) => canSpeak(article.text.slice(s.start, s.end)) && !addressed(article.text, s.start))
    .map((s) => withTitledName(article.text, widenToNames(wholePhrase(article.text, s), people), people));
  // “…,” he said / “…,” said Carter: the convention a source stands in right after a quotation, where the tagger missed it
  const taggedIndex = indexSpans(taggedSources);
  for (const q of spoken.items) {
    const conventional = sourceAfterQuote(article.text, q);
    if (conventional && reaching(taggedIndex, conventional.start, conventional.end).every((t) => !(t.start < conventional.end && conventional.start < t.end))) sources.push(conventional);
  }
  sources.sort((a, b) => a.start - b.start);
  // a pronoun stands for a source that attributes something: one next to a cue, not a stray tag
  const cues = indexSpans([...spans.filter((s) => s.kind === 'CUE'), ...conventionalCues(article.text, sources)].sort((a, b) => a.start - b.start));
  // ("X said", "X, a former official, told"; a cue before its source only after a quotation or as "according to")
  const attributing = indexSpans(
    sources.filter((s) =>
      reaching(cues, s.start - CUE_REACH, s.end + CUE_REACH).some((c) => {
        // (from where the tagger ended the source, when it was carried further: its cue may stand inside the carried words)
        const end = Math.min(s.end, (s as Carried).taggedEnd ?? s.end);
        if (c.start >= end) return c.start - end <= CUE_REACH;
        const before = article.text.slice(Math.max(0, c.start - 3), c.start);
        return s.start - c.end <= CUE_REACH && s.start >= c.end && (/according/i.test(article.text.slice(c.start, c.end)) || /["”’]/.test(tailRun(before, /\W/)));
      }),
    ),
  );
  const sourceIndex = indexSpans(sources);
  const findings: QuoteFinding[] = [];
  let previous: QuoteFinding | null = null;
  for (const quote of quotes) {
    // a quotation's attribution stands in its own paragraph
    const paragraph = holding(paragraphs, quote.start)!;
    const here = (s: AttributionSpan): boolean => s.start >= paragraph.start && s.end <= paragraph.end;
    // a quotation that ends its sentence (“… hypocritical.”) is not attributed by a source after it,
    // which begins the next sentence, unless the writer only put the period inside the marks of
    // “…,” (“… foreign courts.” Obama wrote in a letter): the source right after, its verb of saying, no clause of its own
    const closed = /[.]\s*["”’]+$/.test(article.text.slice(quote.start, quote.end));
    const near = (index: SpanIndex<AttributionSpan>): AttributionSpan[] =>
      reaching(index, quote.start - MAX_ATTRIBUTION_GAP, quote.end + MAX_ATTRIBUTION_GAP).filter((x) => here(x) && !(closed && x.start >= quote.end && !signsOff(article.text, quote, x)));
    const signed = quote.scare ? null : signature(article.text, quote);
    const named = quote.scare ? null : nearest(near(sourceIndex), quote);
    const source = signed ?? (named ? toSentenceEnd(article.text, quote, named, paragraph.end) : null);
    const cue = quote.scare || signed ? null : nearest(near(cues).filter((s) => !inside(s, quote)), quote);
    const speaker: Speaker | null = signed
      ? { words: article.text.slice(signed.start, signed.end), names: [article.text.slice(signed.start, signed.end)], reason: 'signature' }
      : source
        ? resolveSource(source, article, people, attributing, bodies, paragraph.start)
        : null;
    let finding: QuoteFinding = {
      articleId: article.id,
      start: quote.start,
      end: quote.end,
      text: article.text.slice(quote.start, quote.end),
      scare: quote.scare,
      partial: quote.partial,
      sourceText: speaker?.words ?? null,
      sourceStart: source?.start ?? null,
      sourceEnd: source?.end ?? null,
      speakerName: speaker?.names[0] ?? null,
      speakerNames: speaker?.names ?? [],
      cue: cue ? article.text.slice(cue.start, cue.end) : null,
      speakerReason: quote.scare ? 'not-speech' : (speaker?.reason ?? 'no-attribution'),
    };
    // a quotation that runs on from the last paragraph, or a second piece of one split by its cue, keeps its speaker
    const sameParagraph = previous !== null && previous.start >= paragraph.start;
    if (!finding.sourceText && previous && !quote.scare && (quote.continued || (sameParagraph && quote.start - previous.end < MAX_ATTRIBUTION_GAP) || (followsQuoteParagraph(article.text, paragraphs, paragraph, quote, previous)))) {
      finding = { ...finding, sourceText: previous.sourceText, sourceStart: previous.sourceStart, sourceEnd: previous.sourceEnd, speakerName: previous.speakerName, speakerNames: previous.speakerNames, cue: previous.cue, speakerReason: continuedReason(previous) };
    }
    findings.push(finding);
    if (!quote.scare) previous = finding;
  }
  return withSpeakersOfRuns(findings, quotes);
}

/**
 * A paragraph that opens with a quotation and names no one, right after a paragraph that ended
 * with an attributed quotation (“…,” he continued.¶“In this pivotal moment …”), goes on with the
 * same speaker: the paragraph before holds nothing after its quotation but the attribution.
 */
function followsQuoteParagraph(text: string, paragraphs: readonly { start: number; end: number }[], paragraph: { start: number; end: number }, quote: QuoteSpan, previous: QuoteFinding): boolean {
  if (!/^\s*$/.test(text.slice(paragraph.start, quote.start))) return false;
  const before = paragraphs[holdingIndex(paragraphs, paragraph.start) - 1];
  if (!before || previous.start < before.start || previous.end > before.end) return false;
  const tail = text.slice(previous.end, before.end);
  return tail.length <= 80 && !/[“"]/.test(tail) && (previous.sourceStart === null || previous.sourceStart >= previous.end || tail.trim() === '');
}

/** A quotation that continues another is `continued` when that one names its speaker, else it abstains for the same reason. */
function continuedReason(from: QuoteFinding): SpeakerReason {
  return from.speakerName ? 'continued' : from.speakerReason;
}

/** The earlier paragraphs of a quotation that runs over several take the speaker named where it ends. */
function withSpeakersOfRuns(findings: QuoteFinding[], quotes: readonly QuoteSpan[]): QuoteFinding[] {
  for (let i = findings.length - 1; i > 0; i--) {
    const later = findings[i]!;
    const earlier = findings[i - 1]!;
    if (quotes[i]!.continued && later.sourceText && !earlier.sourceText) {
      findings[i - 1] = { ...earlier, sourceText: later.sourceText, sourceStart: later.sourceStart, sourceEnd: later.sourceEnd, speakerName: later.speakerName, speakerNames: later.speakerNames, cue: later.cue, speakerReason: continuedReason(later) };
    }
  }
  return findings;
}

/** Verbs of saying, as the rules below read them around a source (one list for all of them). */
const SAYING = String.raw`(?:said|says|added|adds|continued|concluded|wrote|writes|told|tells|asked|explained|noted|recalled|argued|insisted|warned|replied|responded)`;

/** Words a phrase does not end on: an article, a preposition, a relative word, a conjunction. */
const OPEN_END = /(?:^|\s)(?:the|a|an|of|for|to|at|in|on|with|from|by|who|which|that|whose|and|or|his|her|their|its)$/i;
/** Where a phrase the tagger cut short may be carried to: a comma, a semicolon, a dash, a quotation mark, a bracket, a verb of saying. */
const PHRASE_STOP = new RegExp(String.raw`[,;:—–“”"()]|\s(?:${SAYING}|according)\b`);

/**
 * A source the tagger began or ended inside a phrase takes the phrase whole: the article before
 * it ("spokesman for …" is "a spokesman for …") and, when it ends on a word no phrase ends on
 * ("… who supports eliminating half the"), the words up to the next comma or verb of saying.
 */
export function wholePhrase(text: string, source: AttributionSpan): AttributionSpan {
  let { start, end } = source;
  const article = /(?:^|[\s(])(a|an|the)\s+$/i.exec(text.slice(Math.max(0, start - 5), start));
  if (article && /^\p{Ll}/u.test(text.slice(start, start + 1))) start -= article[0].length - article[0].indexOf(article[1]!);
  if (OPEN_END.test(text.slice(start, end))) {
    const rest = text.slice(end, end + 120);
    const stop = PHRASE_STOP.exec(rest);
    if (stop && !/[.!?]\s/.test(rest.slice(0, stop.index))) end += stop.index;
  }
  return start === source.start && end === source.end ? source : ({ ...source, start, end, taggedEnd: source.end } as Carried);
}

/** A source carried past where the tagger ended it, with that end. */
type Carried = AttributionSpan & { taggedEnd?: number };

/** “… courts.” Obama wrote: a source right after a quotation, with a verb of saying that opens no clause ("Rubio said that …" is the next sentence). */
function signsOff(text: string, quote: QuoteSpan, source: AttributionSpan): boolean {
  return /^\s*$/.test(text.slice(quote.end, source.start)) && SIGN_OFF.test(text.slice(source.end, source.end + 40));
}

const SIGN_OFF = new RegExp(String.raw`^\s*${SAYING}\b(?!\s+(?:that|he|she|they|it|the)\b)`, 'i');

const SOURCE_NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+`;
/** Right after a quotation: a name or pronoun and a verb of saying (“…,” he said), or the verb and a name (“…,” said Carter). */
const AFTER_QUOTE = new RegExp(String.raw`^[\s,]*(?:(${SOURCE_NAME}|he|she|they|we|I)\s+${SAYING}\b|${SAYING}\s+(${SOURCE_NAME})(?=[\s,.;]|$))`, 'u');

/** The source of the convention “…,” he said / “…,” said Carter, when it stands right after the quotation; null otherwise. */
function sourceAfterQuote(text: string, quote: QuoteSpan): AttributionSpan | null {
  if (quote.scare) return null;
  const after = text.slice(quote.end, quote.end + 120);
  const m = AFTER_QUOTE.exec(after);
  if (!m) return null;
  const words = m[1] ?? m[2]!;
  const start = quote.end + m.index + m[0].indexOf(words, m[1] ? 0 : m[0].search(/\s/));
  return { kind: 'SRC', start, end: start + words.length };
}

const SAYING_NEXT = new RegExp(String.raw`^\s+${SAYING}\b`);

/** The verbs of saying next to those sources, as cues (a pronoun later may stand for them). */
function conventionalCues(text: string, sources: readonly AttributionSpan[]): AttributionSpan[] {
  const out: AttributionSpan[] = [];
  for (const s of sources) {
    const m = SAYING_NEXT.exec(text.slice(s.end, s.end + 20));
    if (m) out.push({ kind: 'CUE', start: s.end + m[0].length - m[0].trimStart().length, end: s.end + m[0].length });
  }
  return out;
}

/** A source that is only a title ("Rep.", "Sen.", "Gov.") stands for the name right after it. */
function withTitledName(text: string, source: AttributionSpan, people: SpanIndex<NameMention>): AttributionSpan {
  if (!/^\p{Lu}\p{Ll}{1,4}\.$/u.test(text.slice(source.start, source.end))) return source;
  const next = people.items[firstStartingAt(people.items, source.end)];
  return next && next.start - source.end <= 2 && /^\s*$/.test(text.slice(source.end, next.start)) ? { ...source, end: next.end } : source;
}

/** A source the tagger began or ended inside a name ("Johnson, and …" of "Ronald Johnson") takes the whole name. */
function widenToNames(source: AttributionSpan, people: SpanIndex<NameMention>): AttributionSpan {
  let { start, end } = source;
  // people are by start: none from the first that starts at or after `end` can touch the source
  for (let i = Math.max(0, firstStartingAt(people.items, start - people.maxLength) ); i < people.items.length && people.items[i]!.start < end; i++) {
    const m = people.items[i]!;
    if (m.start < start && m.end > start) start = m.start;
    if (m.start < end && m.end > end) end = m.end;
  }
  return start === source.start && end === source.end ? source : { ...source, start, end };
}

/** A cue between a quotation and the source after it: “…,” said … */
const CUE_AFTER_QUOTE = new RegExp(String.raw`^[\s,]*(?:${SAYING}|according to)[\s,]+$`, 'i');
/** What ends a source rather than describes it: when or where it spoke, or another clause. */
const NOT_DESCRIPTION = /^[\s,]*(on|in an?|in his|in her|at an?|during|last|this|earlier|later|before|after|when|while|as|adding|and|but|to|via|by|from|according|yesterday|today|tonight|(mon|tues|wednes|thurs|fri|satur|sun)day|\p{Ll}+ing|\p{Ll}+ed)\b/iu;

/**
 * “…,” said Patrick McGinley, a law professor at West Virginia University, who has studied … :
 * a source named after the cue that follows its quotation runs, with its description, to the end
 * of the sentence, unless what follows tells when or where it spoke.
 */
function toSentenceEnd(text: string, quote: QuoteSpan, source: AttributionSpan, paragraphEnd: number): AttributionSpan {
  if (source.start < quote.end || !CUE_AFTER_QUOTE.test(text.slice(quote.end, source.start))) return source;
  const rest = text.slice(source.end, paragraphEnd);
  const stop = /[.!?](?=\s|$)|["“”]/.exec(rest);
  if (!stop || stop[0] !== '.' && stop[0] !== '!' && stop[0] !== '?') return source;
  const tail = rest.slice(0, stop.index);
  if (NOT_DESCRIPTION.test(tail) || tail.length > 200) return source;
  return { ...source, end: source.end + tail.trimEnd().length };
}

/** A name signed after a quotation with a dash, as under a testimonial or an epigraph: “…” ― Pamela Padilla. */
const SIGNATURE = /^[ \t]{0,2}[―—–][ \t]*(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}'’.-]*|de|del|da|van|von|la|le)){0,5})/u;

function signature(text: string, quote: QuoteSpan): AttributionSpan | null {
  const m = SIGNATURE.exec(text.slice(quote.end, quote.end + 120));
  if (!m) return null;
  const start = quote.end + m[0].length - m[1]!.length;
  let end = start + m[1]!.length;
  while (/[.\s]/.test(text[end - 1]!) && end > start) end--;
  return { kind: 'SRC', start, end };
}

const SAYING_INSIDE = new RegExp(String.raw`\s${SAYING}\b`);

/** A verb of saying inside a source ends it ("Akin said of pregnancies …" is Akin); a pronoun after a comma at its end is the source ("Amplifying the campaign's message, he"). */
function ownSource(text: string, span: AttributionSpan): AttributionSpan {
  const words = text.slice(span.start, span.end);
  const pronoun = /,\s+(he|she|they|we|i)\s*$/i.exec(words);
  if (pronoun) return { ...span, start: span.start + pronoun.index + pronoun[0].indexOf(pronoun[1]!), end: span.start + pronoun.index + pronoun[0].indexOf(pronoun[1]!) + pronoun[1]!.length };
  const cue = SAYING_INSIDE.exec(words);
  return cue && cue.index > 0 ? { ...span, end: span.start + cue.index } : span;
}

/** "Scott Pruitt, the attorney general of Oklahoma," names its speaker without the comma that closes the apposition. */
function withoutEdgePunctuation(text: string, span: AttributionSpan): AttributionSpan {
  let end = span.end;
  while (end > span.start && /[\s,;:]/.test(text[end - 1]!)) end--;
  return end === span.end ? span : { ...span, end };
}

/** A lone lower-case word speaks only as a pronoun or a plural ("officials", "critics"), not as "once" or "also". */
function canSpeak(words: string): boolean {
  const w = words.trim();
  if (/^(their|its|our|my|your|his|the|a|an|this|that|these|those)$/i.test(w)) return false;
  return /\s/.test(w) || !/^\p{Ll}+$/u.test(w) || PRONOUN_SOURCE.test(w) || /s$/.test(w);
}

/** Words that make the name after them the one spoken to or of, not the speaker: "told host Bob Schieffer", "apologized to Senator Grassley", "she said of Mr. Brat". */
const ADDRESSEE_BEFORE = /\b(?:told|asked|(?:said|apologi[sz]ed|wrote|spoke|talked|explained|complained|replied|admitted|confessed|responded|lied)\s+to|(?:said|says|spoke|speaking|wrote|writes|talked)\s+(?:of|about))\s+(?:\p{Ll}+\s+){0,2}$/iu;

function addressed(text: string, start: number): boolean {
  return ADDRESSEE_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

/** What may stand between two pieces of one source the tagger cut apart: a comma, a bracket, up to three small words ("under the previous"). */
// (one word, then up to two more each after white space, then white space: a run of spaces is read
// one way only, where two runs of punctuation with nothing required between them backtracked)
const FRAGMENT_GAP = /^[\s,()–—-]*(?:(?!said\b|says\b|told\b|adds?\b|added\b|wrote\b|asked\b)\p{Ll}{1,8}(?:\s+(?!said\b|says\b|told\b|adds?\b|added\b|wrote\b|asked\b)\p{Ll}{1,8}){0,2}\s[\s,()–—-]*)?$/u;

/** "sources", "who was a senior official", "Biden" tagged apart are one source: "sources, who was a senior official under Biden". */
function joinFragments(text: string, sources: readonly AttributionSpan[]): AttributionSpan[] {
  const joined: AttributionSpan[] = [];
  for (const s of sources) {
    const last = joined[joined.length - 1];
    if (last && FRAGMENT_GAP.test(text.slice(last.end, s.start))) {
      joined[joined.length - 1] = { ...last, end: s.end };
    } else joined.push(s);
  }
  return joined;
}

function inside(span: { start: number; end: number }, quote: QuoteSpan): boolean {
  return span.start >= quote.start && span.end <= quote.end;
}

function nearest(spans: AttributionSpan[], quote: QuoteSpan): AttributionSpan | null {
  let best: AttributionSpan | null = null;
  let bestGap = Infinity;
  for (const s of spans) {
    const gap = s.start >= quote.end ? s.start - quote.end : quote.start - s.end;
    if (gap >= 0 && gap <= MAX_ATTRIBUTION_GAP && gap < bestGap) {
      best = s;
      bestGap = gap;
    }
  }
  return best;
}

interface Speaker {
  words: string;
  names: string[];
  reason: SpeakerReason;
}

/** How far back a pronoun looks for the source it stands for, and for a person named. */
const MAX_PRONOUN_REACH = 600;
const MAX_NAME_REACH = 250;

/**
 * Who a source is: the words the article uses (for a pronoun, the words of the source it stands
 * for: the last attribution's source before it, else the last person named) and the person's
 * name when one is named there.
 */
function resolveSource(
  source: AttributionSpan,
  article: Article,
  people: SpanIndex<NameMention>,
  sources: SpanIndex<AttributionSpan>,
  bodies: SpanIndex<NameMention>,
  paragraphStart: number,
): Speaker {
  const words = article.text.slice(source.start, source.end).trim();
  if (PRONOUN_SOURCE.test(words)) {
    const antecedent = reaching(sources, source.start - MAX_PRONOUN_REACH, source.start)
      .reverse()
      .find((s) => s.end <= source.start && source.start - s.end <= MAX_PRONOUN_REACH && !PRONOUN_SOURCE.test(article.text.slice(s.start, s.end).trim()));
    // the last speaker stood in an earlier paragraph, but this one is about someone else, named as
    // the subject before the pronoun ("In a February interview, Mr. Brat spoke of … “…,” he said."): that person
    const wanted = /^(he|him)$/i.test(words) ? 'male' : /^(she|her)$/i.test(words) ? 'female' : null;
    if (antecedent && antecedent.end <= paragraphStart && wanted) {
      const subject = reaching(people, Math.max(paragraphStart, source.start - MAX_PRONOUN_REACH), source.start)
        .filter((m) => m.start >= paragraphStart && m.end <= source.start && !inModifier(article.text, m.start, m.end))
        .pop();
      if (subject && (genderOf(subject.text) ?? honorificGender(article.text, subject.start) ?? wanted) === wanted) return { words, names: [subject.text], reason: 'last-named' };
    }
    if (antecedent) {
      let names = namesIn(antecedent, article, people).names;
      // "they" and "we" are several: one person named alone is not who they are
      if (PLURAL_PRONOUNS.test(words) && names.length === 1) return { words, names: [], reason: 'pronoun-unresolved' };
      // "she" is not Mr. Brat: names whose first name or honorific says otherwise are dropped
      if (wanted && names.length) {
        names = names.filter((n) => (genderOf(n) ?? honorificGender(article.text, article.text.indexOf(n, antecedent.start)) ?? wanted) === wanted);
        if (names.length === 0) return { words, names, reason: 'pronoun-unresolved' };
      }
      // an antecedent whose honorific says the other gender ("she" … "Mr. Lindqvist") is not what the pronoun stands for
      if (wanted && names.length === 0 && (honorificGender(article.text, antecedent.start) ?? wanted) !== wanted) return { words, names, reason: 'pronoun-unresolved' };
      // an antecedent that names no one ("the spokesman") leaves the quotation unnamed, with its words
      return { words: article.text.slice(antecedent.start, antecedent.end).trim(), names, reason: names.length ? 'pronoun' : 'unnamed-source' };
    }
    if (PERSONAL_PRONOUNS.test(words)) {
      // else the last person named just before, as the subject of something: not "under Biden", not "Trump's"
      const before = reaching(people, source.start - MAX_NAME_REACH, source.start).filter(
        (m) =>
          m.end <= source.start &&
          source.start - m.end <= MAX_NAME_REACH &&
          !inModifier(article.text, m.start, m.end),
      );
      if (before.length) return { words, names: [before[before.length - 1]!.text], reason: 'last-named' };
    }
    return { words, names: [], reason: 'pronoun-unresolved' };
  }
  const named = namesIn(source, article, people, bodies);
  return { words, names: named.names, reason: named.names.length === 0 ? 'unnamed-source' : named.organization ? 'organization' : 'named' };
}

const PRONOUN_SOURCE = /^(he|she|him|her|they|we|i|it|you)$/i;

const FORMS = new WeakMap<SpanIndex<NameMention>, Set<string>>();

/** What names a person in these mentions: each name as written, and its tail after each space ("Claudia Sheinbaum", "Sheinbaum"). */
function personForms(people: SpanIndex<NameMention>): Set<string> {
  let forms = FORMS.get(people);
  if (!forms) {
    forms = new Set();
    for (const p of people.items) {
      forms.add(p.text);
      for (let i = p.text.indexOf(' '); i >= 0; i = p.text.indexOf(' ', i + 1)) forms.add(p.text.slice(i + 1));
    }
    FORMS.set(people, forms);
  }
  return forms;
}


/**
 * The person a source span names: a person mention that heads it (ends it, or stands before a
 * comma: "Former DEA chief Mike Vigil", "Ronald Johnson, the nominee"), or its words as a
 * person's name or surname. "The Trump administration" and "an official under Biden" name no one.
 */
function namesIn(source: AttributionSpan, article: Article, people: SpanIndex<NameMention>, bodies?: SpanIndex<NameMention>): { names: string[]; organization: boolean } {
  const heads = headsIn(source, article, people);
  if (heads.length > 0) return { names: heads, organization: false };
  const words = article.text.slice(source.start, source.end).trim();
  if (/^\p{Lu}/u.test(words) && personForms(people).has(words)) return { names: [words], organization: false };
  // a name the tagger missed: a first name and a surname heading the source, after titles ("Representative Carolyn B. Maloney of New York", "Austin Smythe, the panel's staff director")
  const run = UNTAGGED_NAME.exec(words);
  if (run && genderOf(run[1]!) !== null) return { names: [run[1]!], organization: false };
  // no person: an organisation that heads the source speaks as itself ("the Democratic National Committee said")
  // (only at the source's start: "the chairman of the Republican National Committee" is a person, unnamed)
  const body = bodies ? headsIn(source, article, bodies).find((b) => /^(?:the\s+)?$/i.test(words.slice(0, words.indexOf(b)))) : undefined;
  return { names: body ? [body] : [], organization: body !== undefined };
}

/** Capitalised titles, then a first name, an optional middle initial and one or two more capitalised words, then the source's end, a comma, a bracket or "of <Place>". */
const UNTAGGED_NAME = /^(?:\p{Lu}[\p{L}.]*\s+){0,3}?(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2})(?=\s*(?:$|[,(]|of\s+\p{Lu}))/u;

/** Names that head a source: end it, or stand before a comma, a bracket, "and" or "of <Place>". */
function headsIn(source: AttributionSpan, article: Article, names: SpanIndex<NameMention>): string[] {
  const heads = reaching(names, source.start, source.end).filter((m) => {
    if (m.start < source.start || m.end > source.end) return false;
    const before = article.text.slice(source.start, m.start);
    const after = article.text.slice(m.end, source.end);
    return !afterModifierWord(article.text, m.start) && !/\b(who|which|that)\b/i.test(before) && /^\s*($|[,(]|and\b|of\s+(?:the\s+)?\p{Lu}|(?:in|on|at|during)\s+(?:a|an|the|his|her|its|their)\b)/u.test(after);
  });
  return [...new Set(heads.map((h) => h.text))];
}
