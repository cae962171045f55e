// Features as 32-bit hashes instead of strings: a tagger combines a template number with the
// hashes of the words, shapes and tags it looks at, so that tagging builds no strings and looks
// weights up by number. Collisions among a few hundred thousand features are rare and harmless.

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Order-sensitive combination of a running hash and one more value (murmur-style finish). */
export function combine(h: number, v: number): number {
  let x = Math.imul(h, 0x5bd1e995) ^ v;
  x ^= x >>> 15;
  x = Math.imul(x, 0x2c1b3c6d);
  x ^= x >>> 12;
  return x | 0;
}

const cache = new Map<string, number>();

/** Hash of a short string that recurs (a tag, a template's constant), remembered. */
export function hashOf(text: string): number {
  let h = cache.get(text);
  if (h === undefined) {
    h = hashString(text);
    if (cache.size < 4096) cache.set(text, h);
  }
  return h;
}

/** One feature: a template number and up to three hashed values. */
export function feature(template: number, a: number, b?: number, c?: number): number {
  let h = combine(Math.imul(template, 0x9e3779b1), a);
  if (b !== undefined) h = combine(h, b);
  if (c !== undefined) h = combine(h, c);
  return h;
}
