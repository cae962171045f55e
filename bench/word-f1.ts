// WCXB's metric: word-level F1 of one page, the words being `\w+` runs lowercased and compared as
// bags (multisets): precision is the share of the predicted words found in the ground truth,
// recall the share of the ground truth's words predicted. Pages are averaged by the caller.

/** Python's `\w` with re.UNICODE: letters, marks, digits, connector punctuation. */
const WORD = /[\p{L}\p{M}\p{Nd}\p{Pc}]+/gu;

export interface PageScore {
  precision: number;
  recall: number;
  f1: number;
}

export function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of text.toLowerCase().match(WORD) ?? []) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

function size(bag: Map<string, number>): number {
  let n = 0;
  for (const count of bag.values()) n += count;
  return n;
}

/** Both empty is a match; one empty against the other is a miss. */
export function wordF1(truth: string, prediction: string): PageScore {
  const t = wordBag(truth);
  const p = wordBag(prediction);
  const tn = size(t);
  const pn = size(p);
  if (tn === 0 && pn === 0) return { precision: 1, recall: 1, f1: 1 };
  if (tn === 0 || pn === 0) return { precision: 0, recall: 0, f1: 0 };
  let overlap = 0;
  for (const [word, count] of p) overlap += Math.min(count, t.get(word) ?? 0);
  const precision = overlap / pn;
  const recall = overlap / tn;
  return { precision, recall, f1: overlap === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Means of the per-page figures. */
export function meanScores(scores: readonly PageScore[]): PageScore {
  const n = scores.length || 1;
  const sum = (key: keyof PageScore): number => scores.reduce((a, s) => a + s[key], 0) / n;
  return { precision: sum('precision'), recall: sum('recall'), f1: sum('f1') };
}
