// Rules that recognise one block of page text as something other than the article: prompts,
// placeholders, legal lines, widget labels, promotions, navigation. Shared by the plain-text and
// the HTML extractors. Every rule is about the kind of text, never about one site's wording.
import type { RemovedKind } from '../model.ts';
import { trimTail } from '../text/tail-runs.ts';
import { dateFromLine } from './find-dates.ts';

/** Longer than this, a block is prose even if it mentions a newsletter or a copyright. */
const MAX_PROMPT_CHARS = 160;
/** A label without a sentence: short enough to be a button or a box title. */
const MAX_LABEL_WORDS = 8;
/** Disclaimers run to a few sentences; past this it is body text quoting one. */
const MAX_DISCLAIMER_CHARS = 700;
/** Letters needed before upper-case share means shouting rather than an acronym. */
const MIN_SHOUT_LETTERS = 12;
const SHOUT_UPPER_SHARE = 0.85;

/** Picture credits ("Photo: Jane Doe, AP", "(Getty Images)") are short. */
const MAX_CREDIT_CHARS = 100;
const CREDIT = /^[([]?(photo|photos|image|images|picture|credit|illustration|graphic|video|photograph|file photo)s?( by| credit)?\s*[:|/]|^[([]?(getty images|ap photo|reuters|afp|shutterstock|istock|epa)\b[^.!?]*[)\]]?$|^[^.!?]{0,80}\/\s*(getty images|ap photo|afp|reuters|shutterstock|istock|epa|ap)[)\]]?$/i;
/** A block that is only a date or a "Published ..." stamp. */
const MAX_DATELINE_CHARS = 70;

/** "Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM": a publishing stamp, whatever its format. */
const MAX_STAMP_CHARS = 110;
const TIME_STAMP = /^(published|updated|posted|last updated|first published|modified)\b[^.!?]{0,100}\d/i;
/**
 * "By Jane Doe and John Roe | 11/18/19 11:04 PM": a byline line. "and" between names needs white
 * space on both sides: written as `\s*and\s*`, it could also split a name's letters ("AandAand…"),
 * and a 170-character line of those backtracked exponentially; a glued "and" is part of the name.
 */
const MAX_BYLINE_WORDS = 16;
const BYLINE_LINE =
  /^([Bb]y|BY|[Ww]ritten by|[Rr]eporting by)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}((\s*[,&]\s*|\s+and\s+)\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3})*\s*([|,·•–—-]?\s*[^.!?]{0,60})?$/u;
/** "Have a tip? Reach her at …": how to contact the author. */
const MAX_CONTACT_CHARS = 260;
const CONTACT = /([\w.+-]+@[\w-]+\.[\w.]+.*\b(reach|reached|contact|email|e-mail|follow)\b|\b(reach|reached|contact|email|e-mail)\b.*[\w.+-]+@[\w-]+\.[\w.]+|\bfollow (him|her|them|us|me) on (twitter|x|facebook|instagram)\b)/i;

/** Single words and short labels that only page furniture consists of. */
const WIDGET_LABEL =
  /^(author|authors|share|share this( (article|story|post))?|tweet|print|email|e-mail|comments?|related( (articles|stories|posts|content|news))?|read more|more|search|newsletters?|subscribe|sign up|log ?in|sign in|register|follow us|follow|top stories|trending( now)?|most (read|popular|viewed)|recommended( for you)?|you may also like|see also|continue reading|load more|show more|close|copy link|listen( to (this|the) (article|story))?|save|bookmark|reprints?|gift (this )?article|loading\.*|menu|faqs? and answers|like this|like loading\.*|share this|sharing is caring|related tags|post (a )?comment( \(\+\))?|filed under:?.*|tags:.*|topics:.*)$/i;
const NAVIGATION_LABEL =
  /^(home|menu|skip to (main )?content|skip navigation|back to top|go to top|previous( (article|post|story|page))?|next( (article|post|story|page))?|main menu|sections|navigation)$/i;
const AD_LABEL = /^(advertisement|advertising|advert|ad|ads|sponsored( content)?|promoted|paid (post|content)|partner content|story continues below( (this )?advertisement)?)$/i;
/** A lone media placeholder, as left behind where an image or player was. */
const PLACEHOLDER = /^[[(]?(image|img|photo|picture|video|audio|graphic|gallery|icon|logo|embed|media|play|watch|caption)s?[\])]?$/i;
const SEARCH_BOX = /^search\b.{0,40}$/i;

const SUBSCRIPTION =
  /\b(subscribe|subscription|newsletters?|sign ?up|inbox|mailing list|email alerts?|delivered (daily|weekly|to you|every)|get (the )?(latest|best)|don['’]t miss|unlock (this|full|unlimited)|already a (subscriber|member))\b/i;
const MORE_FROM = /^(discover|read|see|get|explore) more (from|at|on|by) /i;
const COPYRIGHT = /(©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved)/i;
const LEGAL = /(privacy policy|terms (of|and) (use|service|conditions)|cookie (policy|settings|preferences)|we use cookies|accept (all )?cookies)/i;
/** Prompts speak to the reader or tell them what to do; reporting does neither. */
const READER_ADDRESS = /\b(you|your|yours|we|our|us)\b|^(subscribe|sign|get|join|enter|register|follow|download|click|tap|read|see|watch|listen|never|don['’]t|stay|try|start|create)\b/i;
const DISCLAIMER =
  /(not (a |intended as )?(financial|investment|legal) advice|not a recommendation to (buy|sell)|(has|have|hold) no (positions?|securities)|affiliate (links?|commission)|do your own research|for (informational|educational) purposes only|may earn (a )?(small )?commission|the views expressed (here|in this))/i;
const SHARE_STRIP = /^(share( on| via| to)?|follow us( on)?)[\s:]*((facebook|twitter|x|linkedin|whatsapp|email|reddit|pinterest|telegram|threads|bluesky|instagram|youtube|tiktok|copy link)[\s|·•,/]*)+$/i;
const SOCIAL_NETWORK = /^(facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|threads|bluesky|instagram|youtube|tiktok|flipboard|tumblr|mix|pocket|messenger|copy link)$/i;
const SOCIAL_LIST = /^((facebook|twitter|x|linkedin|whatsapp|email|reddit|pinterest|telegram|threads|bluesky|instagram|youtube|tiktok|flipboard|tumblr|pocket|copy link|print)[\s|·•,/]*){2,}$/i;
/** "Read more: …", "[Related: …]": a link to another story set in the text. */
const MAX_TEASER_CHARS = 200;
const TEASER = /^[[(]?(read more|related|see also|also read|read also|recommended|more on this|further reading|watch|listen|don['’]t miss)\s*:/i;
/** "Home > News > World": a part of the path is short and has no sentence punctuation. */
const MAX_CRUMB_CHARS = 40;
const CRUMB_SEPARATORS = '>›»/|';
const COMMERCE = /\b(shop now|buy now|order now|use (promo )?code|free shipping|\d+% off|limited time offer|add to cart|donate now)\b/i;
/** Words a truncated widget title ends on ("Best of the week from", "More stories by"). */
const DANGLING_END = /\s(from|of|to|by|the|a|an|and|with|for|in|on|at|about)$/i;
const MAX_DANGLING_WORDS = 6;

/** The "— Name (@handle) April 8, 2025" line that closes an embedded social post. */
export const EMBED_ATTRIBUTION =
  /^[—–-]{1,2}\s*[^\n]{1,100}?\(@\w{1,30}\)\s*(?:on\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$/;

/** The removed kind for a block that is not article text, or null for a block that may be. */
export function boilerplateKind(raw: string): RemovedKind | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return 'boilerplate';
  const bare = trimTail(text, /[:.!…\s]/);
  if (AD_LABEL.test(bare)) return 'ad';
  if (NAVIGATION_LABEL.test(bare) || isBreadcrumb(text) && !/[.!?]$/.test(text) && wordCount(text) <= 12) return 'navigation';
  if (WIDGET_LABEL.test(bare) || PLACEHOLDER.test(bare)) return 'boilerplate';
  if (isLoneLowercaseToken(text)) return 'boilerplate';
  if (SHARE_STRIP.test(text) || SOCIAL_LIST.test(text) || SOCIAL_NETWORK.test(bare)) return 'boilerplate';
  if (text.length <= MAX_TEASER_CHARS && TEASER.test(text)) return 'boilerplate';
  if (text.length <= 60 && SEARCH_BOX.test(text) && !/[.?]$/.test(text)) return 'boilerplate';
  if (text.length <= MAX_PROMPT_CHARS) {
    if (isShouting(text) && (text.endsWith('!') || COMMERCE.test(text))) return 'ad';
    if (COMMERCE.test(text)) return 'ad';
    const promptLike = READER_ADDRESS.test(text) || (!/[.!?]$/.test(text) && wordCount(text) <= MAX_LABEL_WORDS);
    if (MORE_FROM.test(text) || COPYRIGHT.test(text)) return 'boilerplate';
    if ((SUBSCRIPTION.test(text) || LEGAL.test(text)) && promptLike) return 'boilerplate';
    if (isDanglingLabel(text)) return 'boilerplate';
  }
  if (text.length <= MAX_DISCLAIMER_CHARS && DISCLAIMER.test(text)) return 'boilerplate';
  if (text.length <= MAX_CREDIT_CHARS && CREDIT.test(text)) return 'boilerplate';
  if (text.length <= MAX_DATELINE_CHARS && /\d{4}/.test(text) && dateFromLine(text)) return 'boilerplate';
  if (text.length <= MAX_STAMP_CHARS && TIME_STAMP.test(text)) return 'boilerplate';
  if (wordCount(text) <= MAX_BYLINE_WORDS && BYLINE_LINE.test(text)) return 'boilerplate';
  if (text.length <= MAX_CONTACT_CHARS && CONTACT.test(text)) return 'boilerplate';
  return null;
}

/**
 * Three or more parts of 1 to 40 characters without . ! or ?, joined by " > ", " › ", " » ", " / " or
 * " | " (`text` has single spaces). Parts may themselves hold such a separator, so the ways to cut
 * are walked once each (part starts, and how many separators led there) rather than by a pattern,
 * /^[^.!?]{1,40}(\s+[>›»/|]\s+[^.!?]{1,40}){2,}$/, which tries them all again after every cut.
 */
function isBreadcrumb(text: string): boolean {
  if (/[.!?]/.test(text)) return false;
  // passed[i]: the most separators (counting to 2) before a part that starts at i, or -1
  const passed = new Int8Array(text.length + 1).fill(-1);
  passed[0] = 0;
  for (let start = 0; start < text.length; start++) {
    if (passed[start]! < 0) continue;
    for (let end = start + 1; end <= Math.min(start + MAX_CRUMB_CHARS, text.length); end++) {
      if (end === text.length) {
        if (passed[start]! >= 2) return true;
      } else if (text[end] === ' ' && text[end + 2] === ' ' && CRUMB_SEPARATORS.includes(text[end + 1]!)) {
        passed[end + 3] = Math.max(passed[end + 3]!, Math.min(2, passed[start]! + 1));
      }
    }
  }
  return false;
}

/** "wave", "arrow-right": icon names and alt texts left alone on a line. */
function isLoneLowercaseToken(text: string): boolean {
  return /^[a-z][a-z_-]{0,19}$/.test(text);
}

function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < MIN_SHOUT_LETTERS) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= SHOUT_UPPER_SHARE;
}

function isDanglingLabel(text: string): boolean {
  return !/[.!?:;"”)]$/.test(text) && wordCount(text) <= MAX_DANGLING_WORDS && DANGLING_END.test(text);
}

export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}

/** The names of a byline line ("By Jane Doe and John Roe | Nov 18"), or null. */
export function authorFromByline(raw: string): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (wordCount(text) > MAX_BYLINE_WORDS || !BYLINE_LINE.test(text)) return null;
  // the names run to the first separator: a bar, a dot, a dash between spaces or a comma (white
  // space around it goes with the trim, so the search need not match it)
  const rest = text.replace(/^(by|written by|reporting by)\s+/i, '');
  const cut = rest.search(/[|·•–—,]|\s-\s/);
  const names = (cut < 0 ? rest : rest.slice(0, cut)).trim();
  return names && !CALENDAR_WORD.test(names) ? names : null;
}

/** "By Tuesday", "By March": time, not a writer. */
const CALENDAR_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|noon|midnight|now|then|late|early)\b/i;

/** The outlet named by a "more from X" or copyright line, or null. */
export function outletFromFooter(raw: string): string | null {
  const text = raw.trim().replace(/\s+/g, ' ');
  const more = /^(?:discover|read|see|get|explore) more (?:from|at|on) (.{2,60}?)[.!:]?$/i.exec(text);
  if (more?.[1]) return cleanOutlet(more[1]);
  const copyright = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[,.]?\s*([^,|.][^,|]{1,60}?)(?:\s*(?:[,|]|\.\s|all rights reserved|$))/i.exec(text);
  if (copyright?.[1]) {
    const name = cleanOutlet(copyright[1]);
    if (name && !/^(privacy|terms|all rights)/i.test(name)) return name;
  }
  return null;
}

function cleanOutlet(name: string): string | null {
  // white space left before a removed suffix goes with the trailing run
  const cleaned = trimTail(name.replace(/\s(inc|llc|ltd|plc|gmbh|corp)\.?$/i, ''), /[.\s]/).trim();
  return cleaned.length >= 2 ? cleaned : null;
}
