// Seeded pseudo-random numbers (xorshift32) for everything that must come out the same on every
// run: training orders, initial weights, generated benchmark data.

function step(state: number): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return state;
}

/** Numbers in [0, 1) from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = step(state);
    return (state >>> 0) / 4294967296;
  };
}

/** 0 … n-1 in an order fixed by the seed (Fisher-Yates). */
export function shuffledOrder(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    state = step(state);
    const j = (state >>> 0) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
