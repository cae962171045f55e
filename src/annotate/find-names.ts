// Names in one article: every person, organisation and place the tagger finds in its sentences,
// as character spans into the article's text, cut to what a name can be (src/annotate/ner/
// name-spans.ts) and typed alike through the article. No cross-article knowledge here.
import type { Article, EntityType } from '../model.ts';
import { indexSpans, reaching } from '../text/span-index.ts';
import { STOPWORDS } from '../text/terms.ts';
import { tokenize } from '../text/tokenize.ts';
import { bylineWriters, nameParts } from './ner/name-spans.ts';
import { loadGazetteer, spansOf, tagWords, type NameSpan, type NameType } from './ner/tag-names.ts';

export interface NameMention {
  articleId: string;
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

const TYPE_OF: Record<NameType, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };

/** A one-word name the name lists know only as a place is a place, whatever the tagger's guess ("U.S."). */
function placeByName(text: string): EntityType | null {
  if (/\s/.test(text)) return null;
  const classes = loadGazetteer().get(text.toLowerCase())?.split('+') ?? [];
  return classes.includes('place') && !classes.some((c) => c.startsWith('org') || c === 'first') ? 'place' : null;
}

function isFirstName(word: string): boolean {
  return (loadGazetteer().get(word.toLowerCase()) ?? '').split('+').includes('first');
}

/** "Maria" and "Lopez" tagged as two people side by side are one: a first name starts the name after it. */
function joinFirstNames(spans: NameSpan[], tokens: ReadonlyArray<{ text: string; start: number; end: number }>): NameSpan[] {
  const joined: NameSpan[] = [];
  for (const span of spans) {
    const last = joined[joined.length - 1];
    const lastWord = last ? tokens[last.end - 1]!.text : '';
    if (last && last.type === 'PER' && span.type === 'PER' && last.end === span.first && tokens[span.first]!.start === tokens[last.end - 1]!.end + 1 && isFirstName(lastWord)) {
      joined[joined.length - 1] = { ...last, end: span.end };
    } else joined.push(span);
  }
  return joined;
}

/** The form a name is counted in through an article: white space folded, a leading "the" dropped. */
function nameKey(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^the\s+/i, '').trim();
}

/** Words of a person's name that are not initials ("Michael D. Cohen" → Michael, Cohen). */
function nameWords(key: string): string[] {
  return key.split(' ').filter((w) => !/^\p{Lu}\.?$/u.test(w));
}

/**
 * One name is one type through an article: each name string takes the type most of its mentions
 * have (a tie leaves each mention as it was), and a one-word name that is the surname of a person
 * named in full in the article is that person ("Cohen" after "Michael Cohen").
 */
export function settleArticleTypes(mentions: readonly NameMention[]): NameMention[] {
  const surnames = new Set<string>();
  for (const m of mentions) {
    const words = nameWords(nameKey(m.text));
    if (m.type === 'person' && words.length >= 2) surnames.add(words[words.length - 1]!);
  }
  const votes = typeVotes(mentions, nameKey);
  return mentions.map((m) => {
    const key = nameKey(m.text);
    if (!key.includes(' ') && surnames.has(key)) return m.type === 'person' ? m : { ...m, type: 'person' };
    const ranked = [...votes.get(key)!].sort((a, b) => b[1] - a[1]);
    const won = ranked.length === 1 || ranked[0]![1] > ranked[1]![1] ? ranked[0]![0] : m.type;
    return won === m.type ? m : { ...m, type: won };
  });
}

/** How often each name, by `keyOf`, was given each type: for settling one type a name (the article's here, the story's in dossier/link-entities.ts). */
export function typeVotes(mentions: readonly NameMention[], keyOf: (text: string) => string): Map<string, Map<EntityType, number>> {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    const key = keyOf(m.text);
    const counts = votes.get(key) ?? new Map<EntityType, number>();
    counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
    votes.set(key, counts);
  }
  return votes;
}

/**
 * A person named in full is named again by surname alone, where the tagger may miss it
 * ("Okafor declined to comment."): every capitalised word that is the surname of a person the
 * article names in full, standing alone (no capitalised word touching it) and in no mention yet,
 * is a mention of that person.
 */
function surnameMentions(article: Article, tokensOf: ReadonlyArray<ReadonlyArray<{ text: string; start: number; end: number }>>, mentions: readonly NameMention[]): NameMention[] {
  const surnames = new Set<string>();
  for (const m of mentions) {
    const words = nameWords(nameKey(m.text));
    const last = words[words.length - 1]!;
    if (m.type === 'person' && words.length >= 2 && /^\p{Lu}\p{Ll}/u.test(last) && last.length >= 3) surnames.add(last);
  }
  if (surnames.size === 0) return [];
  // looked up by position: a long article stays linear
  const taken = indexSpans(mentions);
  const added: NameMention[] = [];
  for (const tokens of tokensOf) {
    tokens.forEach((t, k) => {
      if (!surnames.has(t.text)) return;
      if (/^\p{Lu}/u.test(tokens[k - 1]?.text ?? '') || /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '')) return;
      if (reaching(taken, t.start, t.end).some((m) => t.start < m.end && m.start < t.end)) return;
      added.push({ articleId: article.id, start: t.start, end: t.end, text: t.text, type: 'person' });
    });
  }
  return added;
}

function mayHoldName(words: readonly string[]): boolean {
  return words.some((w, i) => /^\p{Lu}/u.test(w) && (i > 0 || !STOPWORDS.has(w.toLowerCase())));
}

export function findNames(article: Article): NameMention[] {
  const mentions: NameMention[] = [];
  const tokensOf: Array<ReturnType<typeof tokenize>> = [];
  for (const sentence of article.sentences) {
    // title-cased headings read as one long name to the tagger: their names are found in the body
    const block = article.blocks[sentence.block];
    if (block?.kind === 'heading') continue;
    const tokens = tokenize(article.text, sentence.start, sentence.end);
    if (tokens.length === 0) continue;
    tokensOf.push(tokens);
    const words = tokens.map((t) => t.text);
    const writers = bylineWriters(words, !!block && article.text.slice(block.start, sentence.start).trim() === '' && article.text.slice(sentence.end, block.end).trim() === '');
    // a name is written with a capital: a sentence with none but a common first word ("He said …") holds none, and is not tagged
    if (!mayHoldName(words)) continue;
    for (const span of joinFirstNames(spansOf(tagWords(words)), tokens)) {
      for (const part of nameParts(words, span.first, span.end)) {
        const start = tokens[part.first]!.start;
        const end = tokens[part.end - 1]!.end;
        const text = article.text.slice(start, end);
        let type = placeByName(text) ?? TYPE_OF[span.type];
        // whoever signs a "By …" line is a writer, not a place or a show (nor an organisation, when it opens with a first name)
        if (part.end <= writers && (type !== 'organization' || isFirstName(words[part.first]!))) type = 'person';
        mentions.push({ articleId: article.id, start, end, text, type });
      }
    }
  }
  const settled = settleArticleTypes(mentions);
  const more = surnameMentions(article, tokensOf, settled);
  return more.length === 0 ? settled : [...settled, ...more].sort((a, b) => a.start - b.start);
}
