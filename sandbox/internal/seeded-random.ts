/**
 * A small seeded PRNG (mulberry32) for fault decisions, so a test that sets `seed` sees the same
 * faults on every run. Not for ids or passwords: those use crypto.
 */
export function createSeededRandom(seed: number = Date.now()): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
