// What must hold of every article and every dossier whatever the input: offsets inside the
// article's text with start <= end, and a finding that carries its own words carries exactly the
// characters its offsets point at. Shared by the property tests and the hostile corpus; each
// function returns the violations found (empty when all is well), so a failure lists them all.
import type { Article, Dossier } from '../../src/model.ts';

/** Violations are reported up to this many per check, so that one bad input cannot flood a log. */
const MAX_REPORTED = 20;

export class Violations {
  readonly list: string[] = [];
  add(message: string): void {
    if (this.list.length < MAX_REPORTED) this.list.push(message);
  }
  /** `[start, end)` inside `[0, length]`, ordered, integers. */
  span(where: string, start: unknown, end: unknown, length: number): boolean {
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      this.add(`${where}: offsets not integers (${String(start)}, ${String(end)})`);
      return false;
    }
    const s = start as number;
    const e = end as number;
    if (s < 0 || e > length || s > e) {
      this.add(`${where}: [${s}, ${e}) outside [0, ${length}] or reversed`);
      return false;
    }
    return true;
  }
  /** In bounds, and `text` is exactly the characters the offsets point at. */
  exact(where: string, source: string, start: unknown, end: unknown, text: unknown): void {
    if (!this.span(where, start, end, source.length)) return;
    const slice = source.slice(start as number, end as number);
    if (slice !== text) this.add(`${where}: text ${short(String(text))} but offsets point at ${short(slice)}`);
  }
}

function short(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

/** Blocks tile the text in order; sentences lie inside their block. */
export function articleViolations(article: Article, v = new Violations()): string[] {
  const where = `article ${article.source}`;
  const n = article.text.length;
  let previousEnd = 0;
  article.blocks.forEach((block, i) => {
    if (!v.span(`${where} block ${i}`, block.start, block.end, n)) return;
    if (block.start < previousEnd) v.add(`${where} block ${i}: starts at ${block.start}, before the previous block's end ${previousEnd}`);
    previousEnd = block.end;
  });
  article.sentences.forEach((sentence, i) => {
    if (!v.span(`${where} sentence ${i}`, sentence.start, sentence.end, n)) return;
    const block = article.blocks[sentence.block];
    if (!block) v.add(`${where} sentence ${i}: block ${sentence.block} does not exist`);
    else if (sentence.start < block.start || sentence.end > block.end) v.add(`${where} sentence ${i}: [${sentence.start}, ${sentence.end}) leaves its block [${block.start}, ${block.end})`);
  });
  for (const piece of article.removed) if (typeof piece.text !== 'string') v.add(`${where}: removed piece without text`);
  return v.list;
}

/** Every offset of every finding against the text of the article it names. */
export function dossierViolations(dossier: Dossier): string[] {
  const v = new Violations();
  const texts = new Map<string, string>();
  for (const article of dossier.articles) {
    if (texts.has(article.id)) v.add(`article id ${article.id} twice`);
    texts.set(article.id, article.text);
    articleViolations(article, v);
  }
  const textOf = (where: string, articleId: string): string | null => {
    const text = texts.get(articleId);
    if (text === undefined) v.add(`${where}: names article ${articleId}, which is not in the dossier`);
    return text ?? null;
  };
  for (const entity of dossier.entities) {
    for (const mention of entity.mentions) {
      const text = textOf(`entity ${entity.id}`, mention.articleId);
      if (text !== null) v.span(`entity ${entity.id} mention`, mention.start, mention.end, text.length);
    }
  }
  for (const quote of dossier.quotes) {
    const text = textOf(`quote ${quote.id}`, quote.articleId);
    if (text === null) continue;
    v.exact(`quote ${quote.id}`, text, quote.start, quote.end, quote.text);
    if (quote.speaker.start !== null || quote.speaker.end !== null) v.span(`quote ${quote.id} speaker`, quote.speaker.start, quote.speaker.end, text.length);
  }
  for (const claim of dossier.claims) {
    const text = textOf(`claim ${claim.id}`, claim.articleId);
    if (text === null) continue;
    v.exact(`claim ${claim.id}`, text, claim.start, claim.end, claim.text);
    if (claim.attributionSpan) v.exact(`claim ${claim.id} attribution`, text, claim.attributionSpan.start, claim.attributionSpan.end, claim.attribution);
  }
  for (const profile of dossier.sources) {
    const text = textOf('sources', profile.articleId);
    if (text === null) continue;
    // a cite's name is normalised ("The Pentagon" → "Pentagon"): only its offsets are checked
    profile.cites.forEach((cite, i) => v.span(`cite ${i} of ${profile.articleId}`, cite.start, cite.end, text.length));
  }
  for (const framing of dossier.framing) {
    const text = textOf('framing', framing.articleId);
    if (text === null) continue;
    const where = `framing of ${framing.articleId}`;
    framing.loadedTerms.forEach((t, i) => v.exact(`${where} loaded term ${i}`, text, t.start, t.end, t.term));
    framing.contrastive.forEach((t, i) => v.exact(`${where} contrastive ${i}`, text, t.start, t.end, t.term));
    for (const key of ['hedgeMarks', 'certainty', 'intensifiers', 'speculation'] as const) {
      framing[key].forEach((m, i) => v.exact(`${where} ${key} ${i}`, text, m.start, m.end, m.text));
    }
  }
  dossier.timeline.forEach((entry, i) => {
    const text = textOf(`timeline ${i}`, entry.articleId);
    if (text === null) return;
    v.exact(`timeline ${i} expression`, text, entry.start, entry.end, entry.expression);
    v.exact(`timeline ${i} sentence`, text, entry.sentenceStart, entry.sentenceEnd, entry.text);
  });
  for (const attribution of dossier.attributions) {
    const text = textOf(`attribution ${attribution.id}`, attribution.articleId);
    if (text === null) continue;
    for (const part of ['source', 'cue', 'content'] as const) {
      const span = attribution[part];
      if (span) v.exact(`attribution ${attribution.id} ${part}`, text, span.start, span.end, span.text);
    }
  }
  const claimIds = new Set(dossier.claims.map((c) => c.id));
  for (const group of dossier.claimGroups) for (const id of group.claimIds) if (!claimIds.has(id)) v.add(`claim group ${group.id}: unknown claim ${id}`);
  const quoteIds = new Set(dossier.quotes.map((q) => q.id));
  for (const group of dossier.quoteGroups) for (const id of group.quoteIds) if (!quoteIds.has(id)) v.add(`quote group ${group.id}: unknown quote ${id}`);
  return v.list;
}
