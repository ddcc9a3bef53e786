/**
 * The row labels of the js-framework-benchmark: "<adjective> <colour> <noun>", words drawn from
 * the benchmark's three lists (the colour list repeats "brown", as the benchmark's does).
 *
 * The public benchmark draws with Math.random; here every implementation and the runner's model
 * draw from the same seeded generator (xorshift32), so all three apps do identical work and the
 * runner knows every label each app must show. One source per page: ids and labels keep going
 * across runs.
 */
const ADJECTIVES = [
  'pretty', 'large', 'big', 'small', 'tall', 'short', 'long', 'handsome', 'plain', 'quaint',
  'clean', 'elegant', 'easy', 'angry', 'crazy', 'helpful', 'mushy', 'odd', 'unsightly', 'adorable',
  'important', 'inexpensive', 'cheap', 'expensive', 'fancy',
];
const COLOURS = ['red', 'yellow', 'blue', 'green', 'pink', 'brown', 'purple', 'brown', 'white', 'black', 'orange'];
const NOUNS = [
  'table', 'chair', 'house', 'bbq', 'desk', 'car', 'pony', 'cookie', 'sandwich', 'burger', 'pizza',
  'mouse', 'keyboard',
];

/** The seed every app uses; the runner's model starts from the same one. */
export const SEED = 0x2f6b1d35;

/** A generator of labels; each call returns the next label. */
export function labelSource(seed: number = SEED): () => string {
  let s = seed | 0 || 1;
  const pick = (words: string[]): string => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return words[(s >>> 0) % words.length]!;
  };
  return () => pick(ADJECTIVES) + ' ' + pick(COLOURS) + ' ' + pick(NOUNS);
}
