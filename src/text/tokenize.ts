// Word tokens with offsets, in the style of news treebanks: words, numbers with their inner
// punctuation ("10,000", "3.5", "9/11"), dotted abbreviations ("U.S.", "Jan."), clitics split off
// ("Mexico" + "'s", "do" + "n't"), and every other mark as a token of its own.

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations whose final dot belongs to the word. */
const DOTTED = /^(?:\p{L}\.){2,}$|^(?:mr|mrs|ms|dr|prof|gen|sen|rep|gov|lt|col|sgt|capt|cmdr|adm|maj|rev|st|jr|sr|inc|ltd|co|corp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|vs|etc|ft|mt|ave|del|pres|supt|atty|sens|reps|u\.s|u\.n)\.$/iu;
/** A party and state after a politician's name: "(D-N.C.)", "R-Ky.". */
const PARTY_STATE = /^\p{Lu}-(?:\p{Lu}\p{Ll}{0,3}\.){1,2}$/u;

const TOKEN =
  /\p{Lu}-(?:\p{Lu}\p{Ll}{0,3}\.){1,2}(?!\p{L})|\p{N}+(?:[.,:/-]\p{N}+)*%?|(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-’'][\p{L}\p{M}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
const CLITIC = /^(.+?)(['’](?:s|re|ve|ll|d|m)|n['’]t)$/iu;

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const word = m[0];
    const at = start + m.index;
    // a trailing dot is the word's only when it is an abbreviation; otherwise it is punctuation
    if (word.length > 1 && word.endsWith('.') && !DOTTED.test(word) && !PARTY_STATE.test(word) && !isInitial(word, slice, m.index)) {
      pushWord(tokens, word.slice(0, -1), at);
      tokens.push({ text: '.', start: at + word.length - 1, end: at + word.length });
      continue;
    }
    pushWord(tokens, word, at);
  }
  return tokens;
}

/** "R." in "Ronald R. Fieldstone": one capital letter and a dot before another capitalised word. */
function isInitial(word: string, slice: string, index: number): boolean {
  return /^\p{Lu}\.$/u.test(word) && /^ \p{Lu}/u.test(slice.slice(index + 2, index + 4));
}

function pushWord(tokens: Token[], word: string, at: number): void {
  // every clitic has an apostrophe: most words are spared the regex and its backtracking
  const clitic = word.includes("'") || word.includes('’') ? CLITIC.exec(word) : null;
  if (clitic) {
    const head = clitic[1]!;
    tokens.push({ text: head, start: at, end: at + head.length });
    tokens.push({ text: clitic[2]!, start: at + head.length, end: at + word.length });
    return;
  }
  tokens.push({ text: word, start: at, end: at + word.length });
}
