// Near-duplicate detection (MinHash signatures, LSH keys, estimate ≥ DUPLICATE) on perturbed
// copies of real articles: FNC-1 bodies with sentences dropped, swapped or rewritten. A copy is a
// near-duplicate of its original when their five-word shingle sets overlap by Jaccard 0.8 or more
// (computed exactly); precision and recall of the pairs found through the LSH index of all
// originals (so that a copy matched to another article counts against precision).
// Usage: npm run bench:near-duplicates -- [../shared/data/stance/fnc-1/train_bodies.csv]
import { join } from 'node:path';
import { DUPLICATE } from '../src/stories/assign-stories.ts';
import { bandKeys, estimateJaccard, shingleHashes, signatureOf } from '../src/stories/minhash.ts';
import { readBodies } from '../scripts/read-fnc.ts';
import { seededRandom } from '../src/learn/seeded-random.ts';

function jaccard(a: Uint32Array, b: Uint32Array): number {
  const set = new Set(a);
  let shared = 0;
  for (const x of b) if (set.has(x)) shared++;
  return shared / (set.size + b.length - shared || 1);
}

const file = process.argv[2] ?? join('..', 'shared', 'data', 'stance', 'fnc-1', 'train_bodies.csv');
// FNC-1 repeats some bodies almost word for word: keep one of each, so that a copy's only true match is its original
const bodies: string[][] = [];
const kept: Uint32Array[] = [];
for (const body of readBodies(file).values()) {
  const sentences = body.split(/(?<=[.!?])\s+/);
  if (sentences.length < 12) continue;
  const shingles = shingleHashes(sentences.join(' '));
  if (kept.some((k) => jaccard(k, shingles) >= 0.5)) continue;
  kept.push(shingles);
  bodies.push(sentences);
}

const random = seededRandom(20251122);
const pick = (n: number): number => Math.floor(random() * n);

/** Copies of one article, from light edits to heavy ones. */
function perturb(sentences: string[]): string[] {
  const drop = (k: number): string[] => {
    const out = [...sentences];
    for (let i = 0; i < k; i++) out.splice(pick(out.length), 1);
    return out;
  };
  const swap = (): string[] => {
    const out = [...sentences];
    const i = pick(out.length - 1);
    [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
    return out;
  };
  const rewrite = (k: number): string[] => {
    const out = [...sentences];
    for (let i = 0; i < k; i++) {
      const at = pick(out.length);
      out[at] = out[at]!.split(' ').map((w, j) => (j % 3 === 1 ? w.toUpperCase() === w ? w : `${w}s` : w)).join(' ');
    }
    return out;
  };
  return [drop(1), swap(), rewrite(1), drop(2), rewrite(2), drop(Math.ceil(sentences.length / 3)), rewrite(Math.ceil(sentences.length / 2))].map((s) => s.join(' '));
}

const started = performance.now();
const originals = bodies.map((s) => s.join(' '));
const sigs = originals.map(signatureOf);
const index = new Map<string, number[]>();
sigs.forEach((sig, i) => {
  for (const k of bandKeys(sig)) (index.get(k) ?? index.set(k, []).get(k)!).push(i);
});
let tp = 0;
let fp = 0;
let fn = 0;
let copies = 0;
bodies.forEach((sentences, i) => {
  const shingles = shingleHashes(originals[i]!);
  for (const copy of perturb(sentences)) {
    copies++;
    const truth = jaccard(shingles, shingleHashes(copy)) >= DUPLICATE;
    const sig = signatureOf(copy);
    const candidates = new Set(bandKeys(sig).flatMap((k) => index.get(k) ?? []));
    const found = [...candidates].filter((c) => estimateJaccard(sig, sigs[c]!) >= DUPLICATE);
    for (const c of found) (c === i && truth ? tp++ : fp++);
    if (truth && !found.includes(i)) fn++;
  }
});
const seconds = (performance.now() - started) / 1000;
const p = tp / (tp + fp || 1);
const r = tp / (tp + fn || 1);
console.log(`${originals.length} articles, ${copies} perturbed copies, ${tp + fn} of them near-duplicates at Jaccard >= ${DUPLICATE}; ${((originals.length + copies) / seconds).toFixed(0)} documents/s`);
console.log(`near-duplicate P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}`);
