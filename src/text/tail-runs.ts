// The run of characters of one class at the end (or start) of a text, found by stepping in from that end.
// A pattern like /[\s,;:.]+$/ does the same job, but a regex engine tries it from every start
// inside a long run, which costs the square of the run's length (50,000 spaces then "x"); this
// scan looks at each character once.

/**
 * Where the run of characters that `member` matches, ending at `end`, begins (`end` when there is
 * none; never before `floor`). `member` is a one-character class such as /[\s,;:.]/ or
 * /[\p{L}.]/u, without the g or y flag; it is tested on one code unit at a time, or on one code
 * point with the u flag, as the regex engine reads the text in each mode.
 */
export function tailRunStart(text: string, member: RegExp, end = text.length, floor = 0): number {
  let at = end;
  while (at > floor) {
    const pair = member.unicode && at - 2 >= floor && isLowSurrogate(text.charCodeAt(at - 1)) && isHighSurrogate(text.charCodeAt(at - 2));
    const width = pair ? 2 : 1;
    if (!member.test(text.slice(at - width, at))) break;
    at -= width;
  }
  return at;
}

/** The text without the run of `member` characters at its end: `text.replace(/[…]+$/, '')`. */
export function trimTail(text: string, member: RegExp): string {
  return text.slice(0, tailRunStart(text, member));
}

/** The run of `member` characters at the end of the text: what /[…]*$/ matches. */
export function tailRun(text: string, member: RegExp): string {
  return text.slice(tailRunStart(text, member));
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The text without the run of `member` characters at its start: `text.replace(/^[…]+/, '')`, for a one-code-unit class. */
export function trimHead(text: string, member: RegExp): string {
  let start = 0;
  while (start < text.length && member.test(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}
