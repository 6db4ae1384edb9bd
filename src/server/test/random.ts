/**
 * mulberry32: a small, fast PRNG that gives the same sequence for the same seed on every machine,
 * so a failing seed of a property test or of the fuzz pass can be replayed. Math.random cannot be
 * seeded; a library would be more than these ten lines.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
