// Trimming a run of characters of one class off either end of a text, by scanning from that end.
// A pattern such as /[.\s]+$/ is retried from every position of a long run that is not at the end
// (50,000 spaces then "x" costs 50,000² steps); scanning from the end touches each character once.

/** `text` without the run of characters at its end that `char` matches (a pattern for ONE character, like /[.\s]/, without
 * the g or y flag; it is tested on single UTF-16 code units, so keep it to characters outside the astral planes). */
export function trimEndRun(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the run of characters at its start that `char` matches (a pattern for ONE character). */
export function trimStartRun(text: string, char: RegExp): string {
  let start = 0;
  while (start < text.length && char.test(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}
