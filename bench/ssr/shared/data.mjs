/**
 * The data every framework renders: 1,000 rows of (id, uuid-like label), from a seeded generator
 * so every run and every framework renders exactly the same page.
 *
 * Every tenth label carries markup characters (`<em>&</em>`): text must come out escaped, and a
 * renderer that skips escaping (or escapes only on a slow path) shows up in the sanity check and
 * pays its real cost in the timing. The other nine in ten take each escaper's no-op fast path, as
 * most real text does.
 */

/** The seed of the label generator (xorshift32). */
export const SEED = 0x5eed_1234;

/** @typedef {{ id: number, label: string }} Row */
/** @typedef {{ rows: Row[], selected: number }} PageInput */

/**
 * @param {number} count
 * @param {number} [seed]
 * @returns {PageInput}
 */
export function makeInput(count, seed = SEED) {
  let s = seed | 0 || 1;
  const hex = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0).toString(16).padStart(8, '0');
  };
  /** @type {Row[]} */
  const rows = new Array(count);
  for (let i = 0; i < count; i++) {
    const h = hex() + hex() + hex() + hex();
    const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    rows[i] = { id: i + 1, label: i % 10 === 9 ? `${uuid} <em>&</em>` : uuid };
  }
  // One selected row, so the dynamic class attribute is rendered once and omitted 999 times.
  return { rows, selected: Math.min(5, count) };
}
