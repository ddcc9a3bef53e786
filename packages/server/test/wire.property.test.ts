/**
 * Property tests of the two wire forms (wire.ts, rpc-codec.ts): whichever form the encoder picks,
 * the receiver gets what seroval alone would have given, so the plain form is an optimisation
 * nobody can observe.
 */
import fc from 'fast-check';
import { fromJSON, toJSON } from 'seroval';
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../src/rpc-codec.js';
import { isPlainText, plainText } from '../src/wire.js';

/** What seroval alone makes of `value` (the reference). */
const viaSeroval = (value: unknown): unknown => fromJSON(toJSON(value));

/** JSON data with no -0 (JSON writes it as 0): always the plain form. */
const jsonData = fc.jsonValue().filter(function noNegativeZero(v: unknown): boolean {
  if (typeof v === 'number') return !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(noNegativeZero);
  if (typeof v === 'object' && v !== null) return Object.values(v).every(noNegativeZero);
  return true;
});

describe('the plain form', () => {
  it('is chosen for all JSON data, and decodes to it', () => {
    fc.assert(
      fc.property(jsonData, (value) => {
        const text = plainText(value);
        expect(text).toBeDefined();
        expect(isPlainText(text!)).toBe(true);
        expect(JSON.parse(text!)[0]).toStrictEqual(value);
      }),
      { numRuns: 1000 },
    );
  });

  it('when chosen for any value, decodes exactly as seroval would', () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true, withSparseArray: true, withBoxedValues: false }), (value) => {
        const text = plainText(value);
        if (text !== undefined) expect(JSON.parse(text)[0]).toStrictEqual(viaSeroval(value));
      }),
      { numRuns: 1000 },
    );
  });

  it('is refused for what JSON would change: undefined, -0, NaN, holes, Dates, null prototypes, frozen objects, shared references, cycles', () => {
    const shared = { a: 1 };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    class Point {
      x = 1;
    }
    const values = [undefined, { a: undefined }, [undefined], -0, NaN, Infinity, [1, , 2], new Date(0), Object.create(null), Object.freeze({}), [shared, shared], cyclic, new Point(), 1n, () => 1, new Map()];
    values.forEach((value, i) => expect(plainText(value), `value #${i}`).toBeUndefined());
  });
  it('is refused for what JSON and seroval read differently: toJSON methods, the well-known symbol keys seroval keeps', () => {
    const values: [string, unknown][] = [
      ['an array with a toJSON method', Object.assign([1, 2], { toJSON: () => 'x' })],
      ['an object with a non-enumerable toJSON', Object.defineProperty({ a: 1 }, 'toJSON', { value: () => 'x' })],
      ['an iterable object', { a: 1, [Symbol.iterator]: () => [1][Symbol.iterator]() }],
      ['an async iterable object', { a: 1, [Symbol.asyncIterator]: async function* () {} }],
      ['an object with a tag', { a: 1, [Symbol.toStringTag]: 'Tagged' }],
      ['an object with isConcatSpreadable', { a: 1, [Symbol.isConcatSpreadable]: true }],
      ['one nested in plain data', { list: [Object.assign([1], { toJSON: () => null })] }],
    ];
    for (const [name, value] of values) expect(plainText(value), name).toBeUndefined();
    // Through seroval, what JSON would have lost is there.
    const tagged = fromJSON(JSON.parse(encodeValue({ a: 1, [Symbol.toStringTag]: 'Tagged' }) as string)) as object;
    expect(Object.prototype.toString.call(tagged)).toBe('[object Tagged]');
    expect(fromJSON(JSON.parse(encodeValue(Object.assign([1, 2], { toJSON: () => 'x' })) as string))).toEqual([1, 2]);
  });
});

describe('encodeValue → decodeValue (the handler both ways)', () => {
  it('round-trips JSON data through the plain form and richer values through seroval', () => {
    fc.assert(
      fc.property(fc.oneof(jsonData, fc.anything({ withDate: true, withMap: true, withSet: true, withBigInt: true })), (value) => {
        // The decoder refuses the keys that pollute prototypes, in either form.
        const text = encodeValue(value) as string;
        let decoded: unknown;
        try {
          decoded = decodeValue(text);
        } catch (error) {
          expect((error as Error).message).toMatch(/^forbidden key "(__proto__|constructor|prototype)"$/);
          return;
        }
        expect(decoded).toStrictEqual(viaSeroval(value));
      }),
      { numRuns: 1000 },
    );
  });
});
