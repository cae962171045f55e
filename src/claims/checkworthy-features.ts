// The features of a sentence's check-worthiness: its words and word pairs (numbers as one
// symbol), its first word, whether it holds numbers, names, first- or second-person words, and its
// length, hashed (`src/annotate/feature-hash.ts`).
import { feature, hashString } from '../annotate/feature-hash.ts';

const TOKEN = /\p{N}+(?:[.,:/]\p{N}+)*%?|\p{L}[\p{L}\p{M}'’-]*|[?!$%]/gu;
const NUM = hashString('<num>');

export function checkworthyFeatures(sentence: string): number[] {
  const raw = sentence.match(TOKEN) ?? [];
  const words = raw.map((w) => (/^\p{N}/u.test(w) ? '<num>' : w.toLowerCase()));
  const hashes = words.map((w) => (w === '<num>' ? NUM : hashString(w)));
  const out: number[] = [];
  for (let i = 0; i < hashes.length; i++) {
    out.push(feature(1, hashes[i]!));
    if (i > 0) out.push(feature(2, hashes[i - 1]!, hashes[i]!));
  }
  if (hashes.length) out.push(feature(3, hashes[0]!));
  const names = raw.filter((w, i) => i > 0 && /^\p{Lu}/u.test(w)).length;
  out.push(feature(4, Math.min(names, 4)));
  out.push(feature(5, words.includes('<num>') ? 1 : 0));
  out.push(feature(6, Math.min(Math.floor(words.length / 5), 8)));
  out.push(feature(7, words.some((w) => /^(i|we|you|my|our|your|i'm|we're|you're)$/.test(w)) ? 1 : 0));
  out.push(feature(8, /\?\s*["”]?$/.test(sentence.trim()) ? 1 : 0));
  return out;
}
