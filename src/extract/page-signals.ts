// General signals of what kind of page a parsed HTML page is, as one row of numbers for the page
// type classifier (src/extract/page-type.ts): the address's path, the types the page declares
// (JSON-LD, Open Graph), how its markup is built (forms, code blocks, repeated item blocks, links
// per word), words its class names and text use (prices, replies, "add to cart"), and what the
// extractor kept (paragraphs, list items, a byline, a date). One walk over the page; nothing here
// knows any one site.
import type { Document } from 'domhandler';
import type { BodyBlock, FoundMetadata } from './extracted.ts';
import { attr, isElement, isText, NON_CONTENT, type AnyNode, type Element } from './html/dom.ts';

/** Class and id words (whole class names and their parts between hyphens), each a family of page parts. */
const HINTS: Record<string, string> = {
  post: 'post posts reply replies message messages thread threads topic topics postbody forum discussion answer answers question vote votes upvote',
  user: 'username avatar author-info user-info userinfo postauthor poster member reputation joined signature usertitle badge user',
  product: 'product products price prices cart sku add-to-cart addtocart buy checkout variant variants quantity qty stock rating reviews review swatch wishlist woocommerce',
  docs: 'docs doc documentation toc table-of-contents api highlight syntax sourcecode code-block codeblock hljs prettyprint admonition sphinx md-content markdown-body rst-content on-this-page docsearch navtree',
  card: 'card cards grid tile tiles item items result results listing listings teaser teasers thumb thumbnail entry entries loop feed river archive collection',
  filter: 'filter filters facet facets sort sorting sort-by refine pagination pager page-numbers load-more',
  byline: 'byline author authors by-line writer dateline published post-date entry-date posted-on article-date timestamp',
  article: 'article article-body articlebody story story-body entry-content post-content blog-post single-post prose',
  service: 'service services solutions cta call-to-action hero testimonial testimonials pricing plans features benefits process why-us quote-form estimate faq accordion team',
};
const HINT_FAMILIES = Object.keys(HINTS);
const HINT_WORDS = new Map<string, number>(HINT_FAMILIES.flatMap((family, i) => HINTS[family]!.split(' ').map((w) => [w, i] as [string, number])));

/** Words and phrases of page text (lower case, up to three words), each a family. */
const PHRASES: Record<string, string> = {
  cart: 'add to cart|add to bag|add to basket|buy now|in stock|out of stock|free shipping|add to wishlist|checkout|select size|select options|quantity|sku',
  forum: 'reply|replies|quote|posted|joined|posts:|member since|thread|upvote|upvotes|permalink|report post|original poster|asked|answered|votes|vote',
  service: 'contact us|get a quote|free quote|free estimate|free consultation|call us|call now|call today|book now|book an appointment|schedule a|our services|our team|our clients|our process|request a',
  docs: 'parameters|parameter|returns|example|usage|syntax|install|installation|configure|configuration|reference|api|function|method|class|argument|version|deprecated|npm|pip|import',
  list: 'read more|view all|view more|view details|see all|see more|show all|show more|results|result|sort by|filter|next page|load more|items|item',
  article: 'said|says|according to|reported|told|percent|min read|minute read|minutes read|share this',
};
const PHRASE_FAMILIES = Object.keys(PHRASES);
const PHRASE_WORDS = new Map<string, number>(PHRASE_FAMILIES.flatMap((family, i) => PHRASES[family]!.split('|').map((w) => [w, i] as [string, number])));
/** First words of the two- and three-word phrases: a pair or triple is looked up only after one (building every pair's string was most of the cost). */
const BIGRAM_STARTS = new Set([...PHRASE_WORDS.keys()].map((w) => w.split(' ')).filter((w) => w.length === 2).map((w) => w[0]!));
const TRIGRAM_STARTS = new Set([...PHRASE_WORDS.keys()].map((w) => w.split(' ')).filter((w) => w.length === 3).map((w) => w[0]!));
const CURRENCY = new Set(['$', '€', '£', '¥']);

/** JSON-LD types, grouped by the page type they speak for. */
const DECLARED: ReadonlyArray<readonly [string, ReadonlySet<string>]> = [
  ['ldArticle', new Set(['article', 'newsarticle', 'blogposting', 'report', 'scholarlyarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'reportagenewsarticle', 'liveblogposting', 'blog'])],
  ['ldForum', new Set(['discussionforumposting', 'qapage', 'question', 'answer', 'comment', 'socialmediaposting'])],
  ['ldProduct', new Set(['product', 'productgroup', 'offer', 'aggregateoffer', 'individualproduct', 'vehicle', 'book', 'softwareapplication'])],
  ['ldList', new Set(['itemlist', 'collectionpage', 'searchresultspage', 'offercatalog', 'listitem'])],
  ['ldDocs', new Set(['techarticle', 'apireference', 'softwaresourcecode', 'howto'])],
  ['ldService', new Set(['service', 'localbusiness', 'professionalservice', 'homeandconstructionbusiness', 'medicalbusiness', 'legalservice', 'financialservice', 'store', 'restaurant', 'dentist', 'physician', 'autorepair', 'plumber', 'electrician', 'hvacbusiness', 'roofingcontractor', 'generalcontractor', 'educationalorganization', 'medicalclinic'])],
  ['ldOrganization', new Set(['organization', 'corporation'])],
  ['ldFaq', new Set(['faqpage'])],
  ['ldWebPage', new Set(['webpage', 'aboutpage', 'contactpage'])],
  ['ldPerson', new Set(['person'])],
];

/** Segments of an address's path, grouped by the page type they speak for. */
const PATH = [
  ['urlArticle', /^(blog|blogs|news|article|articles|story|stories|post|posts|insights|magazine|opinion|features?|press|press-releases?|journal|editorial|report|research|learn|resources|guides?|tips|academy|knowledge-center)$/],
  ['urlForum', /^(forum|forums|thread|threads|t|topic|topics|community|communities|discussion|discussions|questions|q|board|boards|r|comments|showthread\.php|viewtopic\.php|answers)$/],
  ['urlDocs', /^(docs?|documentation|api|reference|manual|handbook|developer|developers|dev|sdk|wiki|help|support|kb|tutorial|tutorials|library|stable|latest|en-us|v\d+(\.\d+)*)$/],
  ['urlProduct', /^(product|products|p|dp|item|items|shop|store|buy|sku|gp)$/],
  ['urlList', /^(category|categories|collections?|tag|tags|topics?|search|browse|list|lists|directory|archive|archives|section|c|s|all|deals|brands?|catalog)$/],
  ['urlService', /^(services?|solutions?|what-we-do|our-services|industries|treatments?|practice-areas?|capabilities|offerings?|hire|company|about|about-us|contact|locations?)$/],
] as const;

const TITLE_WORDS = [
  ['titleForum', /\b(forum|forums|thread|discussion|community|question|help with|anyone|reddit|r\/|stack overflow)\b|\?$/i],
  ['titleDocs', /\b(documentation|docs|api|reference|manual|guide|sdk|tutorial|getting started|install(ation|ing)?|configur(e|ation|ing)|\w+\(\)|\.(js|py|md)\b)/i],
  ['titleProduct', /\b(buy|shop|price|sale|\d+\s?(ml|oz|g|kg|lb|mm|cm|in|inch|pack|pcs|count))\b|[$€£]\d/i],
  ['titleList', /\b(news|latest|archives?|category|collection|all|shop|products|deals|results|page \d+|browse|directory|listings?|for sale|rentals)\b/i],
  ['titleService', /\b(services?|solutions?|company|contractor|repair|installation|agency|consulting|lawyer|attorney|clinic|near me|in [A-Z][a-z]+,? [A-Z]{2})\b/],
  ['titleArticle', /\b(how|why|what|when|best|top \d+|\d+ (ways|tips|things|reasons|best)|guide to|vs\.?|trends?|explained|review)\b/i],
] as const;

export const PAGE_FEATURES: readonly string[] = [
  'logPageWords', 'linkShare', 'logBodyWords', 'bodyShare', 'logBlocks', 'paragraphShare', 'listItemShare', 'headingShare', 'preformattedShare',
  'logMeanParagraph', 'longParagraphs', 'hasAuthor', 'hasDate', 'hasTitle',
  'logForms', 'logInputs', 'logButtons', 'logSelects', 'logTextareas', 'logPre', 'logCode', 'logTables', 'logListItems', 'logArticles',
  'logH1', 'logH2', 'logH3', 'logImages', 'logTimes', 'logNavs', 'logAsides', 'logLinks', 'logIframes', 'logDl',
  'logMaxRepeat', 'logRepeatGroups', 'repeatLinkShare',
  ...HINT_FAMILIES.map((k) => `hint_${k}`),
  'logPrices', ...PHRASE_FAMILIES.map((k) => `words_${k}`),
  ...DECLARED.map(([name]) => name), 'ogArticle', 'ogProduct', 'ogWebsite', 'ogOther',
  ...PATH.map(([name]) => name), 'urlDepth', 'urlDate', 'urlSlugWords', 'urlNumericId', 'urlRoot', 'urlQuery', 'urlKnown',
  ...TITLE_WORDS.map(([name]) => name), 'titleWords', 'h1Count1',
];

const log1p = Math.log1p;

/** The numbers of one HTML page, in PAGE_FEATURES order. */
export function htmlPageSignals(document: Document, url: string | null, blocks: readonly BodyBlock[], metadata: FoundMetadata): number[] {
  const tags = new Map<string, number>();
  const hintCounts = new Array<number>(HINT_FAMILIES.length).fill(0);
  const textParts: string[] = [];
  const jsonLd: string[] = [];
  let ogType = '';
  let words = 0;
  let linkWords = 0;
  let maxRepeat = 0;
  let repeatGroups = 0;
  let repeatLinkWords = 0;
  let repeatWords = 0;
  // iterative walk, with whether we are inside a link and inside a repeated item block
  const stack: Array<{ node: AnyNode; inLink: boolean; inRepeat: boolean }> = [{ node: document, inLink: false, inRepeat: false }];
  while (stack.length) {
    const { node, inLink, inRepeat } = stack.pop()!;
    if (isText(node)) {
      const n = countWords(node.data);
      if (n) {
        words += n;
        if (inLink) linkWords += n;
        if (inRepeat) {
          repeatWords += n;
          if (inLink) repeatLinkWords += n;
        }
        textParts.push(node.data);
      }
      continue;
    }
    let link = inLink;
    if (isElement(node)) {
      const name = node.name;
      tags.set(name, (tags.get(name) ?? 0) + 1);
      if (name === 'script') {
        if ((attr(node, 'type') ?? '').toLowerCase() === 'application/ld+json') jsonLd.push(node.children.map((c) => ('data' in c ? String(c.data) : '')).join(''));
        continue;
      }
      if (name === 'meta') {
        if ((attr(node, 'property') ?? attr(node, 'name') ?? '').toLowerCase() === 'og:type') ogType = (attr(node, 'content') ?? '').toLowerCase();
        continue;
      }
      if (NON_CONTENT.has(name) && name !== 'button' && name !== 'input' && name !== 'select' && name !== 'textarea') continue;
      const cls = node.attribs.class;
      const id = node.attribs.id;
      if (cls || id) countHints(`${cls ?? ''} ${id ?? ''}`, hintCounts);
      if (name === 'a') link = true;
    }
    const children = (node as { children?: AnyNode[] }).children;
    if (!children) continue;
    // repeated item blocks: four or more element children of one parent with the same tag and class
    const groups = repeatedChildren(children);
    if (groups.max >= 4) {
      repeatGroups++;
      if (groups.max > maxRepeat) maxRepeat = groups.max;
    }
    const repeat = inRepeat || groups.max >= 4;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, inLink: link, inRepeat: repeat });
  }
  const { prices, phrases } = countPhrases(textParts);
  const tag = (name: string): number => log1p(tags.get(name) ?? 0);
  const declared = new Set<string>();
  for (const script of jsonLd) for (const name of declaredTypes(script)) declared.add(name);

  let bodyChars = 0;
  let paragraphs = 0;
  let listItems = 0;
  let headings = 0;
  let preformatted = 0;
  let paragraphChars = 0;
  let longParagraphs = 0;
  let bodyWords = 0;
  for (const block of blocks) {
    bodyChars += block.text.length;
    bodyWords += countWords(block.text);
    if (block.kind === 'paragraph') {
      paragraphs++;
      paragraphChars += block.text.length;
      if (block.text.length >= 300) longParagraphs++;
    } else if (block.kind === 'list-item') listItems++;
    else if (block.kind === 'heading') headings++;
    else if (block.kind === 'preformatted') preformatted++;
  }
  const nBlocks = blocks.length || 1;
  void bodyChars;
  const path = pathOf(url);
  const segments = path.path.split('/').filter(Boolean).map((s) => s.toLowerCase());
  const last = segments[segments.length - 1] ?? '';
  const title = metadata.title ?? '';
  return [
    log1p(words),
    words ? linkWords / words : 0,
    log1p(bodyWords),
    words ? Math.min(1, bodyWords / words) : 0,
    log1p(blocks.length),
    paragraphs / nBlocks,
    listItems / nBlocks,
    headings / nBlocks,
    preformatted / nBlocks,
    log1p(paragraphs ? paragraphChars / paragraphs : 0),
    log1p(longParagraphs),
    metadata.author ? 1 : 0,
    metadata.publishedAt ? 1 : 0,
    metadata.title ? 1 : 0,
    tag('form'), tag('input'), tag('button'), tag('select'), tag('textarea'), tag('pre'), tag('code'), tag('table'), tag('li'), tag('article'),
    tag('h1'), tag('h2'), tag('h3'), tag('img'), tag('time'), tag('nav'), tag('aside'), tag('a'), tag('iframe'), tag('dl'),
    log1p(maxRepeat), log1p(repeatGroups), repeatWords ? repeatLinkWords / repeatWords : 0,
    ...hintCounts.map(log1p),
    log1p(prices), ...phrases.map(log1p),
    ...DECLARED.map(([, names]) => ([...names].some((n) => declared.has(n)) ? 1 : 0)),
    ogType === 'article' ? 1 : 0, ogType.startsWith('product') ? 1 : 0, ogType === 'website' ? 1 : 0, ogType && !/^(article|product|website)/.test(ogType) ? 1 : 0,
    ...PATH.map(([, re]) => (segments.some((s) => re.test(s)) ? 1 : 0)),
    log1p(segments.length),
    /\/(19|20)\d\d\/\d{1,2}\//.test(path.path) ? 1 : 0,
    log1p(last.split(/[-_]/).filter(Boolean).length),
    /(^|[-_/])\d{4,}([-_.]|$)/.test(last) ? 1 : 0,
    url && segments.length === 0 ? 1 : 0,
    path.query ? 1 : 0,
    url ? 1 : 0,
    ...TITLE_WORDS.map(([, re]) => (re.test(title) ? 1 : 0)),
    log1p(countWords(title)),
    (tags.get('h1') ?? 0) === 1 ? 1 : 0,
  ];
}

/** The names given as `"@type": "X"` or `"@type": ["X", "Y"]` in JSON-LD text, read without parsing it (lower case). */
function declaredTypes(script: string): string[] {
  const names: string[] = [];
  for (let at = script.indexOf('"@type"'); at >= 0; at = script.indexOf('"@type"', at + 7)) {
    let i = at + 7;
    while (i < script.length && (script[i] === ' ' || script[i] === ':' || script[i] === '\n' || script[i] === '\t' || script[i] === '\r')) i++;
    // a string or an array of them, read up to its closing mark (a few hundred characters at most)
    const close = script[i] === '[' ? ']' : script[i] === '"' ? '"' : null;
    if (!close) continue;
    const end = script.indexOf(close, i + 1);
    if (end < 0 || end - i > 400) continue;
    for (const name of script.slice(i + 1, end).match(/[A-Za-z]+/g) ?? []) names.push(name.toLowerCase());
  }
  return names;
}

/** Adds one to each family a class or id names (once per family per element). */
function countHints(hint: string, counts: number[]): void {
  // a page repeats its class names on many elements: each distinct one is split once
  let families = hintFamilies.get(hint);
  if (!families) {
    families = familiesOf(hint);
    if (hintFamilies.size >= MAX_CACHED_HINTS) hintFamilies.clear();
    hintFamilies.set(hint, families);
  }
  for (const family of families) counts[family]!++;
}

const hintFamilies = new Map<string, readonly number[]>();
/** Enough for the distinct class names of several pages; cleared when full, so memory stays bounded. */
const MAX_CACHED_HINTS = 20_000;

function familiesOf(hint: string): number[] {
  const seen = new Set<number>();
  for (const name of hint.toLowerCase().split(/\s+/)) {
    if (!name) continue;
    const whole = HINT_WORDS.get(name);
    if (whole !== undefined) seen.add(whole);
    if (name.includes('-') || name.includes('_')) {
      for (const part of name.split(/[-_]+/)) {
        const family = HINT_WORDS.get(part);
        if (family !== undefined) seen.add(family);
      }
    }
  }
  return [...seen];
}

/** Prices ("$12.99", "€ 5") and the phrase families' words in the page's text, by word, bigram and trigram lookups. */
function countPhrases(parts: readonly string[]): { prices: number; phrases: number[] } {
  const phrases = new Array<number>(PHRASE_FAMILIES.length).fill(0);
  let prices = 0;
  let prev = '';
  let prev2 = '';
  for (const part of parts) {
    for (const raw of part.toLowerCase().split(/\s+/)) {
      if (!raw) continue;
      if (CURRENCY.has(raw[0]!) && (raw.length === 1 || (raw.charCodeAt(1) >= 48 && raw.charCodeAt(1) <= 57))) prices++;
      const word = trimPunctuation(raw);
      if (!word) continue;
      const one = PHRASE_WORDS.get(word) ?? PHRASE_WORDS.get(raw);
      if (one !== undefined) phrases[one]!++;
      if (prev) {
        if (BIGRAM_STARTS.has(prev)) {
          const two = PHRASE_WORDS.get(`${prev} ${word}`);
          if (two !== undefined) phrases[two]!++;
        }
        if (prev2 && TRIGRAM_STARTS.has(prev2)) {
          const three = PHRASE_WORDS.get(`${prev2} ${prev} ${word}`);
          if (three !== undefined) phrases[three]!++;
        }
      }
      prev2 = prev;
      prev = word;
    }
  }
  return { prices, phrases };
}

function trimPunctuation(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && !isWordChar(word.charCodeAt(start))) start++;
  while (end > start && !isWordChar(word.charCodeAt(end - 1))) end--;
  return start === 0 && end === word.length ? word : word.slice(start, end);
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code > 127;
}

/** The size of the largest run of element children sharing a tag and a class. */
function repeatedChildren(children: readonly AnyNode[]): { max: number } {
  let max = 0;
  if (children.length < 4) return { max };
  const counts = new Map<string, number>();
  for (const child of children) {
    if (!isElement(child)) continue;
    const el = child as Element;
    if (el.name === 'script' || el.name === 'style' || el.name === 'br' || el.name === 'option') continue;
    const key = `${el.name}.${el.attribs.class ?? ''}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > max) max = n;
  }
  return { max };
}

function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function pathOf(url: string | null): { path: string; query: boolean } {
  if (!url) return { path: '', query: false };
  try {
    const parsed = new URL(url);
    return { path: decodeURIComponent(parsed.pathname), query: parsed.search.length > 1 };
  } catch {
    return { path: '', query: false };
  }
}
