// Which articles are derived from which: an article that shares long runs of words with another
// (eight-word shingles; a shared run of twelve words or more makes several) or states the other's
// facts in the other's order is a rewrite of it. The earlier article (by publication date, else
// the one that holds more of the other) is the source. Pairs come from an index of shingles: no
// article is compared with one it shares nothing with.

export interface DerivableArticle {
  id: string;
  text: string;
  publishedAt: string | null;
}

const SHINGLE = 8;
/** Shared shingles that make a copy: five is a run of twelve words. */
const MIN_SHARED_SHINGLES = 5;
/** Facts stated in the same order that make a rewrite: this many, and this share of the shorter article's claims. */
const MIN_SEQUENCE = 4;
const MIN_SEQUENCE_SHARE = 0.4;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

/** Longest run of pairs increasing in both positions (aligned facts in the same order). */
function longestIncreasing(pairs: ReadonlyArray<[number, number]>): number {
  const sorted = [...pairs].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const tails: number[] = [];
  for (const [, b] of sorted) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < b) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = b;
  }
  return tails.length;
}

/**
 * `aligned`: for each pair of articles (by index) the positions of the claims they share, as
 * [position in the first, position in the second]; `claimCounts`: claims per article.
 * Returns, for each article index, the indices of the articles it is derived from.
 */
export function findDerivations(
  articles: readonly DerivableArticle[],
  aligned: ReadonlyMap<string, Array<[number, number]>>,
  claimCounts: readonly number[],
): number[][] {
  const sets = articles.map((a) => shingles(a.text));
  const index = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) {
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  const shared = new Map<string, number>();
  for (const list of index.values()) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) shared.set(`${list[x]}:${list[y]}`, (shared.get(`${list[x]}:${list[y]}`) ?? 0) + 1);
  }
  const derived = articles.map(() => new Set<number>());
  const keys = new Set([...shared.keys(), ...aligned.keys()]);
  for (const key of [...keys].sort()) {
    const [i, j] = key.split(':').map(Number) as [number, number];
    const copies = (shared.get(key) ?? 0) >= MIN_SHARED_SHINGLES;
    const pairs = aligned.get(key) ?? [];
    const order = longestIncreasing(pairs);
    const rewrites = order >= MIN_SEQUENCE && order >= MIN_SEQUENCE_SHARE * Math.min(claimCounts[i] ?? 0, claimCounts[j] ?? 0);
    if (!copies && !rewrites) continue;
    const [source, copy] = earlierOf(articles, sets, i, j);
    derived[copy]!.add(source);
  }
  return derived.map((d) => [...d].sort((a, b) => a - b));
}

function earlierOf(articles: readonly DerivableArticle[], sets: ReadonlyArray<Set<string>>, i: number, j: number): [number, number] {
  const di = articles[i]!.publishedAt;
  const dj = articles[j]!.publishedAt;
  if (di && dj && di !== dj) return di < dj ? [i, j] : [j, i];
  // the shorter text is more likely the rewrite: more of it is in the other
  if (sets[i]!.size !== sets[j]!.size) return sets[i]!.size > sets[j]!.size ? [i, j] : [j, i];
  return [i, j];
}
