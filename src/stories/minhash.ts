// Near-duplicates by MinHash over word shingles with locality-sensitive hashing: an article's
// signature is the minimum of HASHES hash functions over its five-word shingles; BANDS bands of
// ROWS rows each become lookup keys, so that two articles whose shingle sets overlap by Jaccard
// 0.8 share a key with probability 1 - (1 - 0.8^4)^16 = 0.9998, and the signatures then estimate
// the Jaccard itself. No article is compared with one that shares no key.
import { hashString } from '../annotate/feature-hash.ts';

export const HASHES = 64;
export const BANDS = 16;
export const ROWS = HASHES / BANDS;
const SHINGLE = 5;

/** Odd multipliers and offsets of the hash family, fixed: signatures are stable across runs and stores. */
const A = Uint32Array.from({ length: HASHES }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const B = Uint32Array.from({ length: HASHES }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

export function shingleHashes(text: string): Uint32Array {
  // each word hashed once; a shingle's hash combines its words' hashes (no strings joined)
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => hashString(w));
  const out = new Set<number>();
  const last = Math.max(words.length - SHINGLE, 0);
  for (let i = 0; i <= last && i < words.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < Math.min(i + SHINGLE, words.length); k++) h = Math.imul(h ^ words[k]!, 0x01000193) ^ (h >>> 15);
    out.add(h >>> 0);
  }
  return Uint32Array.from(out);
}

export function signatureOf(text: string): Uint32Array {
  const shingles = shingleHashes(text);
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of shingles) {
    for (let h = 0; h < HASHES; h++) {
      const v = (Math.imul(A[h]!, s) + B[h]!) >>> 0;
      if (v < sig[h]!) sig[h] = v;
    }
  }
  return sig;
}

/** The LSH keys of a signature: one per band, the band's number and its rows hashed. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
    keys.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return keys;
}

/** Estimated Jaccard similarity of the shingle sets: the share of equal signature slots. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

export function signatureToBytes(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, HASHES);
}
