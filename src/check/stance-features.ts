// What an article says about a claim, as numbers a classifier weighs: how much of the claim the
// article and its closest sentences hold (idf-weighted, WordNet synonyms counting), where the first
// of those sentences stands, and what surrounds the claim's words there: words that refute
// ("hoax", "denied", "false"), words that report without vouching ("reportedly", "claims"),
// words that confirm, a negation the claim does not have, numbers that differ.
import { frequenciesOf, idfWeights, weightedCosine, type Frequencies } from '../align/pair-features.ts';
import { sensesOf, synonymCoverage } from '../align/synonyms.ts';
import { termsOf } from '../text/terms.ts';

export const STANCE_FEATURES = [
  'cosineArticle',
  'coverArticle',
  'coverBest',
  'coverTop3',
  'cosineBest',
  'firstMatch',
  'refuteArticle',
  'refuteTop',
  'hedgeArticle',
  'hedgeTop',
  'confirmTop',
  'negationDiffersTop',
  'claimRefutes',
  'claimHedges',
  'claimAsks',
  'numbersDifferTop',
  'articleLength',
  'namesCovered',
  'refuteTopByCover',
  'hedgeTopByCover',
  'confirmTopByCover',
  'negationByCover',
] as const;

const REFUTE = /\b(fake|fakes|faked|hoax|hoaxes|false|falsely|deny|denies|denied|denial|debunk|debunked|debunks|fabricated|fabrication|fraud|prank|pranks|lie|lies|lied|misleading|untrue|baseless|unfounded|rumou?r|rumou?rs|myth|not true|no evidence|doubts?|dismissed|refuted|refutes|retract(?:ed|ion)?|satire|satirical|never)\b/gi;
const HEDGE = /\b(reportedly|allegedly|alleged|claims?|claimed|according to|apparently|purportedly|supposedly|unconfirmed|unverified|may|might|could|possibly|appears?|seems?|if true|said to|reports?|reported|suggests?)\b/gi;
const CONFIRM = /\b(confirm|confirms|confirmed|confirmation|official|officially|announced|verified|indeed|revealed|proved|proven)\b/gi;

export interface StanceInput {
  claim: string;
  /** The article's sentences, in order. */
  sentences: readonly string[];
}

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  return (text.match(pattern) ?? []).length;
}

/** Document frequencies over a collection of articles (sentences joined), for the weights. */
export function articleFrequencies(articles: ReadonlyArray<readonly string[]>, claims: readonly string[] = []): Frequencies {
  return frequenciesOf([...articles.map((sentences) => termsOf(sentences.join(' ')).stems), ...claims.map((c) => termsOf(c).stems)]);
}

export interface StanceEvidence {
  features: number[];
  /** The sentences that hold most of the claim, best first (indices into `sentences`). */
  best: number[];
}

export function stanceFeatures(input: StanceInput, freq: Frequencies): StanceEvidence {
  const claimTerms = termsOf(input.claim);
  const claim = idfWeights(claimTerms.stems, freq);
  const sentenceTerms = input.sentences.map((s) => termsOf(s));
  const articleText = input.sentences.join(' ');
  const articleTerms = termsOf(articleText);
  const article = idfWeights(articleTerms.stems, freq);
  const articleStems = new Set(articleTerms.stems);
  const covers = sentenceTerms.map((t) => synonymCoverage(claim, new Set(t.stems), sensesOf(t.stems)));
  const order = covers.map((_, i) => i).sort((a, b) => covers[b]! - covers[a]! || a - b);
  const top = order.slice(0, 3);
  const topText = top.map((i) => input.sentences[i]!).join(' ');
  const best = top[0];
  const coverBest = best === undefined ? 0 : covers[best]!;
  const first = covers.findIndex((c) => c >= 0.5);
  const words = Math.max(1, articleTerms.stems.length);
  const refuteTop = count(REFUTE, topText);
  const hedgeTop = count(HEDGE, topText);
  const confirmTop = count(CONFIRM, topText);
  const negationDiffers = top.some((i) => sentenceTerms[i]!.negated !== claimTerms.negated) ? 1 : 0;
  const numbers = new Set(claimTerms.numbers);
  const numbersDiffer = top.some((i) => {
    const other = sentenceTerms[i]!.numbers;
    return numbers.size > 0 && other.length > 0 && !other.some((n) => numbers.has(n));
  })
    ? 1
    : 0;
  const names = claimTerms.names;
  const articleLower = articleText.toLowerCase();
  const features = [
    weightedCosine(claim, article),
    synonymCoverage(claim, articleStems, sensesOf(articleStems)),
    coverBest,
    top.reduce((s, i) => s + covers[i]!, 0) / (top.length || 1),
    best === undefined ? 0 : weightedCosine(claim, idfWeights(sentenceTerms[best]!.stems, freq)),
    first < 0 ? 1 : first / Math.max(1, input.sentences.length),
    count(REFUTE, articleText) / Math.sqrt(words),
    refuteTop,
    count(HEDGE, articleText) / Math.sqrt(words),
    hedgeTop,
    confirmTop,
    negationDiffers,
    count(REFUTE, input.claim),
    count(HEDGE, input.claim),
    /\?\s*$/.test(input.claim.trim()) ? 1 : 0,
    numbersDiffer,
    Math.log1p(words),
    names.length ? names.filter((n) => articleLower.includes(n)).length / names.length : 1,
    refuteTop * coverBest,
    hedgeTop * coverBest,
    confirmTop * coverBest,
    negationDiffers * coverBest,
  ];
  return { features, best: top };
}
