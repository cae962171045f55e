// The features of one word's loadedness, in its sentence: the word and its stem, its AFINN-165
// valence, its shape (an "-ly" adverb, an adjective's suffix, capitalised), whether it reports
// speech with a verb other than a neutral one (the attribution cues of PolNeAR: "insisted",
// "blasted", "vowed" against "said", "told"), whether it stands in quotation marks, and its
// neighbours' stems, hashed; and what the lexicon of evaluative words (WordNet, AFINN) says of it.
import { feature, hashString } from '../annotate/feature-hash.ts';
import type { WordInfo } from './framing-words.ts';
import { loadedLexicon } from './loaded-lexicon.ts';

/** Reporting verbs with no colour of their own. */
const NEUTRAL_CUE = /^(said|says|say|told|tells|tell|according|added|adds|asked|asks|reported|reports|stated|states|wrote|writes|noted|notes|explained|explains|announced|announces|spoke|speaking|saying)$/;

/** Quotation marks before a word: straight, opening curly, closing curly. */
type MarkCounts = readonly [straight: number, opening: number, closing: number];

/** Whether the marks before a word leave a quotation open: an odd number of straight marks, or more opening than closing curly ones. */
function insideQuotation([straight, opening, closing]: MarkCounts): boolean {
  return (straight + opening - closing > 0 && straight % 2 === 1) || opening > closing;
}

let counted: { words: readonly WordInfo[]; sentence: string; counts: MarkCounts[] } | null = null;

/**
 * The marks before each word of the sentence, counted in one pass and kept for the sentence's
 * other words: counted again for each word, a sentence of n words cost n² (a page of 60,000
 * words without a full stop took minutes).
 */
function quoteCounts(words: readonly WordInfo[], sentence: string): MarkCounts[] {
  if (counted && counted.words === words && counted.sentence === sentence) return counted.counts;
  const counts: MarkCounts[] = [];
  let straight = 0;
  let opening = 0;
  let closing = 0;
  let at = 0;
  for (const w of words) {
    for (; at < w.start && at < sentence.length; at++) {
      const c = sentence[at];
      if (c === '"') straight++;
      else if (c === '“') opening++;
      else if (c === '”') closing++;
    }
    counts.push([straight, opening, closing]);
  }
  counted = { words, sentence, counts };
  return counts;
}

export function wordFeatures(words: readonly WordInfo[], i: number, sentence: string, cueWords: ReadonlySet<string>): number[] {
  const w = words[i]!;
  const out: number[] = [];
  out.push(feature(21, hashString(w.word)));
  out.push(feature(22, hashString(w.stem)));
  out.push(feature(23, Math.max(-5, Math.min(5, w.sentiment))));
  out.push(feature(24, w.sentiment === 0 ? 0 : Math.abs(w.sentiment) >= 3 ? 2 : 1));
  out.push(feature(25, /ly$/.test(w.word) && w.word.length > 4 ? 1 : 0));
  out.push(feature(26, hashString((/(ous|ive|ful|less|ible|able|ic|ant|ent)$/.exec(w.word) ?? ['-'])[0])));
  out.push(feature(27, /^\p{Lu}/u.test(sentence.slice(w.start, w.start + 1)) ? (i === 0 ? 2 : 1) : 0));
  out.push(feature(28, cueWords.has(w.word) ? (NEUTRAL_CUE.test(w.word) ? 1 : 2) : 0));
  out.push(feature(29, insideQuotation(quoteCounts(words, sentence)[i]!) ? 1 : 0));
  out.push(feature(30, hashString(words[i - 1]?.stem ?? '<s>')));
  out.push(feature(31, hashString(words[i + 1]?.stem ?? '</s>')));
  out.push(feature(32, hashString(w.word.slice(-3))));
  out.push(feature(33, Math.min(w.word.length, 14)));
  // the general evidence of the lexicon (WordNet and AFINN): what generalises past the words BASIL happens to hold
  const lexicon = loadedLexicon();
  out.push(feature(34, hashString(lexicon.words.get(w.word)?.[0] ?? '-')));
  out.push(feature(35, lexicon.evaluable.has(w.word) ? 1 : 0));
  const next = words[i + 1];
  out.push(feature(36, lexicon.phraseAdjectives.has(w.word) ? (next && lexicon.abstractHeads.has(next.word) ? 2 : 1) : 0));
  return out;
}
