/**
 * Deterministic random numbers, bit-for-bit the sequence the public js-reactivity-benchmark
 * uses to shape its dynamic graphs (seed string "seed"), so the published expected sums apply.
 *
 * Algorithms (public domain): a MurmurHash3-style string hash produces four 32-bit seeds for
 * sfc32, Chris Doty-Humphrey's "Small Fast Counting" generator from PractRand.
 */

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

/** Returns a function yielding successive 32-bit hashes of `text` (unsigned). */
function seedStream(text: string): () => number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = rotl(k, 15);
    h ^= Math.imul(k, 0x1b873593);
    h = rotl(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  return () => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** A generator of floats in [0, 1). */
export function seededRandom(seed = 'seed'): () => number {
  const next = seedStream(seed);
  let a = next() | 0;
  let b = next() | 0;
  let c = next() | 0;
  let d = next() | 0;
  return () => {
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = rotl(c, 21);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
