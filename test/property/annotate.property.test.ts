// Properties of the annotators (names, attribution spans and attributions, quotations with their
// speakers, roles and references, claims, dated events) on articles made from arbitrary and
// news-like text: none throws, every span is inside the article's text, and a finding that
// carries its words carries exactly the characters its offsets point at.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { attributeQuotes } from '../../src/annotate/attribute-quotes.ts';
import { findAttributions, tagArticle } from '../../src/annotate/find-attributions.ts';
import { findNames } from '../../src/annotate/find-names.ts';
import { findReferences, findRoles } from '../../src/annotate/find-roles.ts';
import { findClaims } from '../../src/claims/find-claims.ts';
import { InputError } from '../../src/errors.ts';
import type { Article } from '../../src/model.ts';
import { extractOne } from '../../src/pipeline.ts';
import { findDatedEvents } from '../../src/timeline/find-dated-events.ts';
import { anyText, configure, newsText } from './arbitraries.ts';
import { Violations } from './invariants.ts';

configure(100);

function articleOf(text: string, publishedAt?: string): Article | null {
  try {
    return extractOne({ text, publishedAt });
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

const articles = fc
  .tuple(fc.oneof({ weight: 3, arbitrary: newsText }, { weight: 1, arbitrary: anyText }), fc.option(fc.constantFrom('2025-04-08', '2025-04-08T10:00:00Z', 'not a date', '1899-12-31')))
  .map(([text, date]) => articleOf(text, date ?? undefined))
  .filter((a): a is Article => a !== null);

/** Every annotation of one article, checked against its text. */
function annotationViolations(article: Article): string[] {
  const v = new Violations();
  const text = article.text;
  const names = findNames(article);
  names.forEach((n, i) => v.exact(`name ${i}`, text, n.start, n.end, n.text));
  const tagged = tagArticle(article);
  tagged.forEach((s, i) => v.span(`attribution span ${i} (${s.kind})`, s.start, s.end, text.length));
  findAttributions(article, tagged).forEach((a, i) => {
    if (a.source) v.span(`attribution ${i} source`, a.source.start, a.source.end, text.length);
    v.span(`attribution ${i} cue`, a.cue.start, a.cue.end, text.length);
    if (a.content) v.span(`attribution ${i} content`, a.content.start, a.content.end, text.length);
  });
  attributeQuotes(article, names, tagged).forEach((q, i) => {
    v.exact(`quote ${i}`, text, q.start, q.end, q.text);
    // sourceText is who the source is (a pronoun's antecedent, trimmed), not always the words at its offsets
    if (q.sourceStart !== null || q.sourceEnd !== null) v.span(`quote ${i} source`, q.sourceStart, q.sourceEnd, text.length);
  });
  findRoles(article, names).forEach((r, i) => {
    v.exact(`role ${i}`, text, r.start, r.end, r.text);
    v.span(`role ${i} name`, r.nameStart, r.nameEnd, text.length);
  });
  findReferences(article, names).forEach((r, i) => v.exact(`reference ${i}`, text, r.start, r.end, r.text));
  findClaims(article, findAttributions(article, tagged)).forEach((c, i) => {
    v.exact(`claim ${i}`, text, c.start, c.end, c.text);
    if (c.attributionStart !== null || c.attributionEnd !== null) v.exact(`claim ${i} attribution`, text, c.attributionStart, c.attributionEnd, c.attribution);
  });
  findDatedEvents(article).forEach((e, i) => {
    v.exact(`dated event ${i}`, text, e.start, e.end, e.expression);
    v.span(`dated event ${i} sentence`, e.sentenceStart, e.sentenceEnd, text.length);
  });
  return v.list;
}

describe('annotation', () => {
  it('never throws, and every finding stays inside the text and is the text it points at', () => {
    fc.assert(fc.property(articles, (article) => assert.deepEqual(annotationViolations(article), [])));
  });

  it('finds the same things in the same article', () => {
    fc.assert(
      fc.property(articles, (article) => {
        const once = [findNames(article), tagArticle(article), findDatedEvents(article)];
        assert.deepEqual([findNames(article), tagArticle(article), findDatedEvents(article)], once);
      }),
    );
  });
});
