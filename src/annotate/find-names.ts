// Names in one article: every person, organisation and place the tagger finds in its sentences,
// as character spans into the article's text. No cross-article knowledge here.
import type { Article, EntityType } from '../model.ts';
import { tokenize } from '../text/tokenize.ts';
import { loadGazetteer, spansOf, tagWords, type NameSpan, type NameType } from './ner/tag-names.ts';

export interface NameMention {
  articleId: string;
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

const TYPE_OF: Record<NameType, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };
/** Tokens a name neither starts nor ends with: possessives, punctuation, lower-case words. */
const NOT_AN_EDGE = /^(['’]s|\P{L}+|\p{Ll}.*)$/u;

/** Marks no name runs over: a list's commas, quotation marks, dashes ("Maria Lopez “It …"). */
const NAME_BREAK = /^[,“”"«»―—–]$/;

/** A one-word name the name lists know only as a place is a place, whatever the tagger's guess ("U.S."). */
function placeByName(text: string): EntityType | null {
  if (/\s/.test(text)) return null;
  const classes = loadGazetteer().get(text.toLowerCase())?.split('+') ?? [];
  return classes.includes('place') && !classes.some((c) => c.startsWith('org') || c === 'first') ? 'place' : null;
}

/** "Maria" and "Lopez" tagged as two people side by side are one: a first name starts the name after it. */
function joinFirstNames(spans: NameSpan[], tokens: ReadonlyArray<{ text: string; start: number; end: number }>): NameSpan[] {
  const joined: NameSpan[] = [];
  for (const span of spans) {
    const last = joined[joined.length - 1];
    const lastWord = last ? tokens[last.end - 1]!.text.toLowerCase() : '';
    if (last && last.type === 'PER' && span.type === 'PER' && last.end === span.first && tokens[span.first]!.start === tokens[last.end - 1]!.end + 1 && (loadGazetteer().get(lastWord) ?? '').split('+').includes('first')) {
      joined[joined.length - 1] = { ...last, end: span.end };
    } else joined.push(span);
  }
  return joined;
}

export function findNames(article: Article): NameMention[] {
  const mentions: NameMention[] = [];
  for (const sentence of article.sentences) {
    // title-cased headings read as one long name to the tagger: their names are found in the body
    if (article.blocks[sentence.block]?.kind === 'heading') continue;
    const tokens = tokenize(article.text, sentence.start, sentence.end);
    if (tokens.length === 0) continue;
    for (const span of joinFirstNames(spansOf(tagWords(tokens.map((t) => t.text))), tokens)) {
      let first = span.first;
      let end = span.end;
      while (first < end && NOT_AN_EDGE.test(tokens[first]!.text) && !/^\p{N}/u.test(tokens[first]!.text)) first++;
      while (end > first && NOT_AN_EDGE.test(tokens[end - 1]!.text) && !/^\p{N}/u.test(tokens[end - 1]!.text)) end--;
      if (end === first) continue;
      // a list the tagger ran together ("the White House, Department of Defense") is split at commas, and at quotation marks
      let from = first;
      for (let k = first; k <= end; k++) {
        if (k === end || NAME_BREAK.test(tokens[k]!.text)) {
          if (k > from) {
            const start = tokens[from]!.start;
            const stop = tokens[k - 1]!.end;
            const text = article.text.slice(start, stop);
            mentions.push({ articleId: article.id, start, end: stop, text, type: placeByName(text) ?? TYPE_OF[span.type] });
          }
          from = k + 1;
        }
      }
    }
  }
  return mentions;
}
