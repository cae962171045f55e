// BIO tag sequences: which tag may follow which, and the spans a sequence describes.

/** I-X may only continue an X. */
export function mayFollow(prev: string, tag: string): boolean {
  if (!tag.startsWith('I-')) return true;
  return prev !== 'O' && prev.slice(2) === tag.slice(2);
}

export interface BioSpan<T extends string = string> {
  /** Token range, end exclusive. */
  first: number;
  end: number;
  type: T;
}

/** Spans of a tag sequence; an I-X that follows no X starts a span, as if it were B-X. */
export function spansOfTags<T extends string = string>(tags: readonly string[]): Array<BioSpan<T>> {
  const spans: Array<BioSpan<T>> = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === 'O') continue;
    const type = tag.slice(2) as T;
    let end = i + 1;
    while (end < tags.length && tags[end] === `I-${type}`) end++;
    spans.push({ first: i, end, type });
    i = end - 1;
  }
  return spans;
}
