// The page type of an input: article, forum, documentation, listing, collection, product or
// service, with a confidence. HTML pages go through the committed classifier
// (models/page-type.json, trained by scripts/train-page-type.ts on the tuning part of WCXB dev)
// over the signals of src/extract/page-signals.ts; text inputs (plain text, Markdown, a JSON
// record's text) are articles: someone copied them as the article's text.
import { readFileSync } from 'node:fs';
import type { Document } from 'domhandler';
import { probabilities, type LogisticModel } from '../learn/logistic.ts';
import { mlpProbabilities, type MlpModel } from '../learn/mlp.ts';
import type { PageType, PageTypeName } from '../model.ts';
import type { BodyBlock, FoundMetadata } from './extracted.ts';
import { htmlPageSignals, PAGE_FEATURES } from './page-signals.ts';

const MODEL_URL = new URL('../../models/page-type.json', import.meta.url);

export type PageTypeModel = ({ kind: 'logistic' } & LogisticModel) | ({ kind: 'mlp' } & MlpModel);

let model: PageTypeModel | null = null;

function loadModel(): PageTypeModel {
  if (!model) {
    const loaded = JSON.parse(readFileSync(MODEL_URL, 'utf8')) as PageTypeModel;
    // a model trained on other signals than these would read every column wrongly
    if (loaded.features.join() !== PAGE_FEATURES.join()) throw new Error('models/page-type.json was trained on other page signals: run `npm run train:page-type`');
    model = loaded;
  }
  return model;
}

/** Class probabilities of one signal row under a model, in the model's class order. */
export function pageTypeProbabilities(m: PageTypeModel, row: readonly number[]): number[] {
  return m.kind === 'mlp' ? mlpProbabilities(m, row) : probabilities(m, row);
}

/** The most likely type and its probability, rounded so that output does not depend on the last bits of floating point. */
export function decidePageType(m: PageTypeModel, row: readonly number[]): PageType {
  const p = pageTypeProbabilities(m, row);
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  const article = m.classes.indexOf('article');
  // precision first: a page taken for a non-article leaves the analysis, so only when the classifier is sure
  if (article >= 0 && best !== article && p[best]! < NON_ARTICLE_CONFIDENCE) best = article;
  return { type: m.classes[best] as PageTypeName, confidence: Math.round(p[best]! * 1000) / 1000 };
}

const NON_ARTICLE_CONFIDENCE = 0.7;

/** The page type of a parsed HTML page. */
export function htmlPageType(document: Document, url: string | null, blocks: readonly BodyBlock[], metadata: FoundMetadata): PageType {
  return decidePageType(loadModel(), htmlPageSignals(document, url, blocks, metadata));
}

/** Plain text and Markdown are what someone copied as an article. */
export const TEXT_PAGE_TYPE: PageType = Object.freeze({ type: 'article', confidence: 1 });
