// General signals of what kind of page a parsed HTML page is, as one row of numbers for the page
// type classifier (src/extract/page-type.ts): the address's path, the types the page declares
// (JSON-LD, Open Graph), how its markup is built (forms, code blocks, repeated item blocks, links
// per word), words its class names and text use (prices, replies, "add to cart"), and what the
// extractor kept (paragraphs, list items, a byline, a date). One walk over the page; nothing here
// knows any one site.
import type { Document } from 'domhandler';
import type { BodyBlock, FoundMetadata } from './extracted.ts';
import { attr, isElement, isText, NON_CONTENT, type AnyNode, type Element } from './html/dom.ts';

/** Class and id words, each a family of page parts. */
const HINTS = {
  post: /\b(post|posts|reply|replies|message|thread|topic|comment-body|postbody|post-content|forum|discussion|answer|question|vote|votes)\b/,
  user: /\b(username|user-?name|avatar|author-info|user-info|postauthor|poster|member|reputation|joined|signature|usertitle|badge)\b/,
  product: /\b(product|products|price|prices|cart|sku|add-to-cart|addtocart|buy|checkout|variant|variants|quantity|qty|stock|rating|reviews?|swatch|wishlist)\b/,
  docs: /\b(docs?|documentation|toc|table-of-contents|api|highlight|syntax|sourcecode|code-block|codeblock|language-[a-z]+|hljs|prettyprint|admonition|sphinx|md-content|markdown-body|rst-content|version-?select|on-this-page)\b/,
  card: /\b(card|cards|grid|tile|tiles|item|items|result|results|listing|listings|teaser|teasers|thumb|thumbnail|entry|entries|loop|feed|river|archive|collection)\b/,
  filter: /\b(filter|filters|facet|facets|sort|sorting|sort-by|refine|pagination|pager|page-numbers|load-more)\b/,
  byline: /\b(byline|author|authors|by-line|writer|dateline|published|post-date|entry-date|posted-on|article-date|timestamp)\b/,
  article: /\b(article|article-body|articlebody|story|story-body|entry-content|post-content|blog-post|single-post|prose)\b/,
  service: /\b(service|services|solutions|cta|call-to-action|hero|testimonial|testimonials|pricing|plans|features|benefits|process|why-us|quote-form|estimate|faq|accordion|team)\b/,
};

const PRICE = /[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?(usd|eur|gbp)\b/gi;
const CART_WORDS = /\b(add to (cart|bag|basket)|buy now|in stock|out of stock|free shipping|add to wishlist|checkout|select (size|options?)|quantity)\b/gi;
const FORUM_WORDS = /\b(reply|replies|quote|posted|joined|posts:|member since|thread|upvotes?|permalink|report post|original poster|asked|answered|votes?)\b/gi;
const SERVICE_WORDS = /\b(contact us|get (a|your) (free )?(quote|estimate|consultation)|free (quote|estimate|consultation)|call (us|now|today)|book (now|an appointment|a call)|schedule (a|your)|our (services|team|clients|process)|request a)\b/gi;
const DOC_WORDS = /\b(parameters?|returns?|example|usage|syntax|install(ation)?|configur(e|ation)|reference|api|function|method|class|argument|version|deprecated|npm|pip|import)\b/gi;
const LIST_WORDS = /\b(read more|view (all|more|details)|see (all|more)|show (all|more)|results?|sort by|filter|page \d+|next page|load more|items?)\b/gi;
const ARTICLE_WORDS = /\b(said|says|according to|reported|told|percent|minutes? read|min read|share this)\b/gi;

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
/** `"@type": "X"` or `"@type": ["X", "Y"]` in JSON-LD text, read without parsing it. */
const LD_TYPE = /"@type"\s{0,20}:\s{0,20}(\[[^\]]{0,400}\]|"[^"]{0,100}")/g;

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
  ...Object.keys(HINTS).map((k) => `hint_${k}`),
  'logPrices', 'logCartWords', 'logForumWords', 'logServiceWords', 'logDocWords', 'logListWords', 'logArticleWords',
  ...DECLARED.map(([name]) => name), 'ogArticle', 'ogProduct', 'ogWebsite', 'ogOther',
  ...PATH.map(([name]) => name), 'urlDepth', 'urlDate', 'urlSlugWords', 'urlNumericId', 'urlRoot', 'urlQuery', 'urlKnown',
  ...TITLE_WORDS.map(([name]) => name), 'titleWords', 'h1Count1',
];

const log1p = Math.log1p;

/** The numbers of one HTML page, in PAGE_FEATURES order. */
export function htmlPageSignals(document: Document, url: string | null, blocks: readonly BodyBlock[], metadata: FoundMetadata): number[] {
  const tags = new Map<string, number>();
  const hintCounts = Object.fromEntries(Object.keys(HINTS).map((k) => [k, 0])) as Record<keyof typeof HINTS, number>;
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
      const hint = `${node.attribs.class ?? ''} ${node.attribs.id ?? ''}`.toLowerCase();
      if (hint.length > 1) {
        for (const key of Object.keys(HINTS) as Array<keyof typeof HINTS>) if (HINTS[key].test(hint)) hintCounts[key]++;
      }
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
  const text = textParts.join(' ');
  const count = (re: RegExp): number => log1p(text.match(re)?.length ?? 0);
  const tag = (name: string): number => log1p(tags.get(name) ?? 0);
  const declared = new Set<string>();
  for (const match of jsonLd.join('\n').matchAll(LD_TYPE)) for (const name of match[1]!.match(/[A-Za-z]+/g) ?? []) declared.add(name.toLowerCase());

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
    ...Object.values(hintCounts).map(log1p),
    count(PRICE), count(CART_WORDS), count(FORUM_WORDS), count(SERVICE_WORDS), count(DOC_WORDS), count(LIST_WORDS), count(ARTICLE_WORDS),
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
