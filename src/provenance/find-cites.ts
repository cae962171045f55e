// The primary sources an article names: news organisations and agencies it attributes to
// ("according to the AP", "told NBC News"), data ("CDC data"), documents ("Esper's 2022 memoir"),
// statements, press conferences and social posts. From the article's attributions (a source that
// names an organisation or a document) and from the outlet-as-addressee form ("told NBC News",
// "in an interview with CNN"), which the tagger reads as content.
import { tailRunStart, trimTail } from '../text/tail-runs.ts';

export interface Cite {
  name: string;
  start: number;
  end: number;
  /** `outlet`: a news outlet the article says was told ("told NBC News"); `organization`; `document`: data, a report, a statement, a post. */
  kind: 'outlet' | 'organization' | 'document';
}

export interface CiteInput {
  text: string;
  /** Attribution sources of the article: their span and the organisation they name, if any. */
  sources: ReadonlyArray<{ start: number; end: number; organization: string | null; person: boolean }>;
}

/** Words that make a source a document, data, a statement, an event or a post. */
const DOCUMENT = /\b(data|figures|statistics|report|reports|memoir|book|memo|memorandum|letter|documents?|records?|filings?|statement|release|press conference|briefing|interview|post|tweet|video|study|survey|poll|analysis|transcript|testimony|hearing|court|order|ruling|database|website)\b/i;
/** An outlet told something: "told NBC News", "in an interview with CNN", "reported by Reuters". */
const NAME_WORD = String.raw`(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{N}&'’-]*)`;
const ADDRESSEE = new RegExp(String.raw`\b(?:told|[Ii]n an interview with|[Ss]peaking to|reported by|[Ff]irst reported by|[Aa]s reported by|confirmed to)\s+((?:the\s+)?${NAME_WORD}(?:\s+(?:${NAME_WORD}|of|and|&)){0,4})`, 'gu');
/** Linking words the name pattern takes at its end that are not part of the name ("told NBC News and …"). */
const TRAILING_LINKS = ['of', 'and', '&'];

/** The name without a linking word at its end and the white space before it: what `replace(/\s+(?:of|and|&)$/, '')` did, without its backtracking over a long run of spaces. */
function withoutTrailingLink(name: string): string {
  for (const link of TRAILING_LINKS) {
    if (!name.endsWith(link)) continue;
    const cut = name.length - link.length;
    const from = tailRunStart(name, /\s/, cut);
    if (from < cut) return name.slice(0, from);
  }
  return name;
}

export function findCites(input: CiteInput): Cite[] {
  const cites: Cite[] = [];
  for (const s of input.sources) {
    const words = trimTail(input.text.slice(s.start, s.end), /[,\s]/);
    if (DOCUMENT.test(words)) cites.push({ name: words.replace(/^(the|a|an)\s+/i, ''), start: s.start, end: s.start + words.length, kind: 'document' });
    else if (s.organization && !s.person) cites.push({ name: s.organization, start: s.start, end: s.start + words.length, kind: 'organization' });
  }
  ADDRESSEE.lastIndex = 0;
  for (let m = ADDRESSEE.exec(input.text); m; m = ADDRESSEE.exec(input.text)) {
    const name = withoutTrailingLink(m[1]!);
    // a person told ("told Sheinbaum") is not an outlet: organisation names have two words or capitals
    if (!/\s\p{Lu}|^\p{Lu}{2,}|^the\s/u.test(name)) continue;
    const start = m.index + m[0].length - m[1]!.length;
    cites.push({ name: name.replace(/^the\s+/i, ''), start, end: start + name.length, kind: 'outlet' });
  }
  const seen = new Set<string>();
  return cites
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((c) => {
      const key = `${c.start}:${c.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
