/**
 * The decoder under abuse (SERVER-FUNCTIONS.md §5 step 6): every hostile body is refused with
 * 400 (or, for big valid ones, decoded) in bounded time, nothing runs, Object.prototype stays
 * clean. Times are printed; the assertion (< 200 ms for 1 MiB) is generous so shared CI machines
 * don't flake — the target is < 50 ms.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHandler, registerServerFunction } from '../src/index.js';
import { encodeArgs, ORIGIN, PREFIX, prototypeKeys, rpc } from './handler-helpers.js';

const MiB = 1024 * 1024;
let runs = 0;
registerServerFunction('dec.sink', async (...args: unknown[]) => (runs++, args.length), { name: 'sink', params: ['a', 'b'] });
const handler = createHandler({ origin: ORIGIN, onError: (e) => { throw e; } });
// A larger cap, to reach the node-count limit (a 1 MiB body cannot hold 100 000 nodes).
const roomy = createHandler({ origin: ORIGIN, bodyLimit: 8 * MiB, onError: (e) => { throw e; } });

const timings: string[] = [];
afterAll(() => console.log('decode times (target < 50 ms):\n  ' + timings.join('\n  ')));
afterEach(() => {
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect(prototypeKeys()).toEqual([]);
});

/** Sends `body`, expecting `status`, in bounded time; returns the elapsed ms. */
async function expectAnswer(name: string, body: string, status: number, via = handler): Promise<number> {
  const before = runs;
  const started = performance.now();
  const response = await via(rpc('dec.sink', body));
  const elapsed = performance.now() - started;
  const text = await response.text();
  timings.push(`${name.padEnd(48)} ${(body.length / 1024).toFixed(0).padStart(6)} KiB  ${elapsed.toFixed(1).padStart(6)} ms  → ${response.status}`);
  expect(response.status, `${name}: ${text.slice(0, 200)}`).toBe(status);
  if (status !== 200) expect(runs, name).toBe(before);
  expect(elapsed, name).toBeLessThan(200);
  return elapsed;
}

const root = (t: unknown, m: number[] = []) => JSON.stringify({ t, f: 127, m });
const list = (items: unknown[]) => ({ t: 9, i: 0, a: items, o: 0 });
const num = (s: number) => ({ t: 0, s });
const str = (s: string) => ({ t: 1, s });
const obj = (i: number, keys: unknown[], values: unknown[]) => ({ t: 10, i, p: { k: keys, v: values }, o: 0 });

/** A body of about `bytes` bytes: `unit` repeated inside `prefix…suffix`. */
function sized(prefix: string, unit: string, suffix: string, bytes = MiB - 64): string {
  return prefix + unit.repeat(Math.floor((bytes - prefix.length - suffix.length) / unit.length)) + suffix;
}

describe('forbidden keys, at any depth', () => {
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`"${key}" as an object key, a key node, a raw JSON key, at depth 1 and 40`, async () => {
      await expectAnswer(`${key} key`, root(list([obj(1, [key], [obj(2, ['polluted'], [num(1)])])])), 400);
      await expectAnswer(`${key} key node`, root(list([obj(1, [str(key)], [num(1)])])), 400);
      await expectAnswer(`${key} raw JSON key`, `{"t":{"t":9,"i":0,"a":[],"o":0,"${key}":{"polluted":1}},"f":127,"m":[]}`, 400);
      await expectAnswer(`${key} raw root key`, `{"${key}":{"polluted":1},"t":{"t":9,"i":0,"a":[],"o":0},"f":127,"m":[]}`, 400);
      let deep: unknown = obj(100, [key], [num(1)]);
      for (let i = 40; i > 0; i--) deep = obj(i, ['a'], [deep]);
      await expectAnswer(`${key} key at depth 40`, root(list([deep])), 400);
    });
  }

  it('maps inside maps (seroval writes a reference to the first map\'s sentinel) are allowed', async () => {
    await expectAnswer('nested maps', encodeArgs([new Map([['a', [new Map([[1, new Map()]])]]])]), 200);
    const bad = root(list([{ t: 8, i: 1, e: { k: [], v: [] }, f: { t: 4, i: 1, x: 1 } }]));
    await expectAnswer('map sentinel reference with an extra field', bad, 400);
    runs = 0;
  });

  it('a Map key named __proto__ is data, and allowed', async () => {
    await expectAnswer('map key __proto__', encodeArgs([new Map([['__proto__', 1]])]), 200);
    runs = 0;
  });
});

describe('the plain form ([value], wire.ts) under the same limits', () => {
  /** `value` nested in `depth` one-element arrays (or objects under key `a`). */
  const nest = (depth: number, value: unknown, asObject = false): unknown => {
    let v = value;
    for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
    return v;
  };
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`refuses "${key}" as a key at depth 1 and 40`, async () => {
      await expectAnswer(`plain ${key} key`, `[[{"${key}":{"polluted":1}}]]`, 400);
      await expectAnswer(`plain ${key} key at depth 40`, `[[${JSON.stringify(nest(40, 'X', true)).replace('"X"', `{"${key}":{"polluted":1}}`)}]]`, 400);
    });
  }

  it('refuses more than 64 levels, more than 100,000 values, and a root that is not one value', async () => {
    await expectAnswer('plain 66 nested arrays', JSON.stringify(nest(66, 1)), 400);
    await expectAnswer('plain 10,000 nested arrays', '['.repeat(10_000) + ']'.repeat(10_000), 400);
    await expectAnswer('plain 100,001 numbers', JSON.stringify([[Array.from({ length: 100_001 }, () => 0)]]), 400, roomy);
    await expectAnswer('plain empty root', '[]', 400);
    await expectAnswer('plain two values', '[[1],[2]]', 400);
    await expectAnswer('plain arguments not a list', '[{"a":1}]', 400);
    await expectAnswer('plain malformed', '[[1,', 400);
  });

  it('decodes 60 levels and 1 MiB of numbers and objects in bounded time', async () => {
    await expectAnswer('plain 60 nested arrays', JSON.stringify(nest(60, 1)), 200);
    // 1 MiB of plain JSON holds up to 500,000 one-digit numbers, more than the 100,000-value limit.
    await expectAnswer('plain 1 MiB of numbers', sized('[[[', '1234567890,', '1]]]'), 200);
    await expectAnswer('plain 1 MiB of small objects', sized('[[[', '{"k":"a longer value"},', '{"k":"v"}]]]'), 200);
    runs = 0;
  });
});

describe('nesting and size', () => {
  it('refuses 10,000-deep nesting (arrays, objects) and 1 MiB of brackets without parsing', async () => {
    // Built as text: JSON.stringify itself cannot go this deep.
    const open = Array.from({ length: 10_000 }, (_, i) => `{"t":9,"i":${i},"a":[`).join('');
    const arrays = open + '{"t":0,"s":1}' + ']}'.repeat(10_000);
    await expectAnswer('10,000 nested arrays', `{"t":${arrays},"f":127,"m":[]}`, 400);
    const objects = Array.from({ length: 10_000 }, (_, i) => `{"t":10,"i":${i},"p":{"k":["a"],"v":[`).join('') + '{"t":0,"s":1}' + ']}}'.repeat(10_000);
    await expectAnswer('10,000 nested objects', `{"t":{"t":9,"i":99999,"a":[${objects}]},"f":127,"m":[]}`, 400);
    await expectAnswer('1 MiB of [', '['.repeat(MiB - 1), 400);
    await expectAnswer('1 MiB of {"a":', sized('', '{"a":', ''), 400);
    await expectAnswer('65 nested arrays', (() => {
      let v: unknown = num(1);
      for (let i = 1; i <= 65; i++) v = list([v]);
      return root(v);
    })(), 400);
  });

  it('accepts 60-deep nesting', async () => {
    let v: unknown = num(1);
    for (let i = 60; i >= 1; i--) v = { ...list([v]), i };
    await expectAnswer('60 nested arrays', root({ t: 9, i: 0, a: [v], o: 0 }), 200);
    runs = 0;
  });

  it('refuses more than 100,000 nodes', async () => {
    const body = root(list(Array.from({ length: 100_001 }, () => num(0))));
    await expectAnswer('100,001 numbers', body, 400, roomy);
  });

  it('decodes 1 MiB of valid data in bounded time (strings, numbers, objects)', async () => {
    await expectAnswer('one 1 MiB string', root(list([str('x'.repeat(MiB - 200))])), 200);
    await expectAnswer('1 MiB of numbers', sized('{"t":{"t":9,"i":0,"a":[{"t":9,"i":1,"a":[', '{"t":0,"s":1},', '{"t":0,"s":1}],"o":0}],"o":0},"f":127,"m":[]}'), 200);
    let i = 1;
    const objects = Array.from({ length: 12_000 }, () => obj(i++, ['k'], [str('v')]));
    await expectAnswer('12,000 small objects', root(list([{ t: 9, i: i++, a: objects, o: 0 }])), 200);
    runs = 0;
  });

  it('refuses a 1 MiB bigint and strings of escapes in bounded time', async () => {
    await expectAnswer('1 MiB bigint', root(list([{ t: 3, s: '9'.repeat(MiB - 100) }])), 400);
    await expectAnswer('1 MiB of backslashes in a string', root(list([str('\\\\'.repeat(MiB / 4 - 100))])), 200);
    runs = 0;
  });
});

describe('declared lengths and references', () => {
  it('refuses nodes that declare lengths (2^31): typed arrays, sequences, arrays with `l`', async () => {
    const typed = { t: 15, i: 1, c: 'Uint8Array', f: { t: 19, i: 2, s: '' }, b: 0, l: 2 ** 31 };
    await expectAnswer('typed array l=2^31', root(list([typed])), 400);
    await expectAnswer('sequence l=2^31', root(list([{ t: 35, i: 1, s: 0, a: [], l: 2 ** 31 }])), 400);
    await expectAnswer('array with l=2^31', root({ ...list([]), l: 2 ** 31 }), 400);
    await expectAnswer('array buffer', root(list([{ t: 19, i: 1, s: 'A'.repeat(1000) }])), 400);
  });

  it('refuses references to nothing, forward, to each other, unmarked, and duplicate ids', async () => {
    await expectAnswer('reference to nothing', root(list([{ t: 4, i: 99 }]), [99]), 400);
    await expectAnswer('forward reference', root(list([{ t: 4, i: 1 }, obj(1, [], [])]), [1]), 400);
    await expectAnswer('references to each other', root(list([obj(1, ['x'], [{ t: 4, i: 2 }]), obj(2, ['y'], [{ t: 4, i: 1 }])]), [1, 2]), 400);
    await expectAnswer('unmarked reference', root(list([obj(1, [], []), { t: 4, i: 1 }]), []), 400);
    await expectAnswer('duplicate ids', root(list([obj(1, [], []), obj(1, [], [])])), 400);
    await expectAnswer('negative id', root(list([obj(-1, [], [])])), 400);
    await expectAnswer('1 MiB of bad references', root(list(Array.from({ length: 50_000 }, (_, j) => ({ t: 4, i: j + 5 }))), [0]), 400);
  });

  it('accepts a real back reference (a cycle) and shared values', async () => {
    const shared = { x: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    await expectAnswer('cycle and shared', encodeArgs([cyclic]), 200);
    runs = 0;
  });
});

describe('types that are not data, malformed input', () => {
  const refused: [string, unknown][] = [
    ['global reference (t:18)', { t: 18, i: 1, s: 'x' }],
    ['promise', { t: 12, i: 1, s: 1, f: num(1) }],
    ['regexp', { t: 6, i: 1, c: '(a+)+$', m: '' }],
    ['error', { t: 13, i: 1, s: 0, m: 'x' }],
    ['symbol', { t: 17, i: 1, s: 0 }],
    ['stream', { t: 31, i: 1, a: [], f: { t: 26, i: 2, s: 4 } }],
    ['unknown plugin', { t: 25, i: 1, c: 'seroval-plugins/web/Blob', s: { value: num(1) } }],
    ['file reference without a form', { t: 25, i: 1, c: 'lepta/field', s: { value: str('$0') } }],
    ['unknown type', { t: 99 }],
    ['string type', { t: '1', s: 'x' }],
    ['number with a string', { t: 0, s: '1e999999' }],
    ['constant out of range', { t: 2, s: 8 }],
    ['bigint in hex', { t: 3, s: '0x10' }],
    ['map with uneven lists', { t: 8, i: 1, e: { k: [num(1)], v: [] }, f: { t: 26, i: 2, s: 0 } }],
    ['object with uneven lists', { t: 10, i: 1, p: { k: ['a', 'b'], v: [num(1)] }, o: 0 }],
    ['object key of another type', { t: 10, i: 1, p: { k: [num(1)], v: [num(1)] }, o: 0 }],
    ['array item null', list([null])],
  ];
  for (const [name, node] of refused) {
    it(`400: ${name}`, async () => {
      await expectAnswer(name, root(list([node])), 400);
    });
  }

  it('400: malformed JSON, a bare array, a root with extra fields, a non-list root', async () => {
    await expectAnswer('malformed JSON', '{"t":', 400);
    await expectAnswer('1 MiB malformed', sized('{"t":{"t":9,"i":0,"a":[', '{"t":0,"s":1},', '{"t":0,'), 400);
    await expectAnswer('plain JSON array', '[1,2]', 400);
    await expectAnswer('root extra field', JSON.stringify({ t: list([]), f: 127, m: [], x: 1 }), 400);
    await expectAnswer('root m not a list', JSON.stringify({ t: list([]), f: 127, m: 'abc' }), 400);
    await expectAnswer('object root', root(obj(0, [], [])), 400);
  });

  it('GET ?args= goes through the same decoder', async () => {
    registerServerFunction('dec.get', async () => (runs++, 1), { name: 'get', params: ['a'], get: true });
    const bad = encodeURIComponent(root(list([obj(1, ['__proto__'], [num(1)])])));
    const response = await handler(new Request(`${ORIGIN}${PREFIX}/dec.get?args=${bad}`, { headers: { 'sec-fetch-site': 'same-origin' } }));
    expect(response.status).toBe(400);
    const long = await handler(new Request(`${ORIGIN}${PREFIX}/dec.get?args=${'['.repeat(MiB + 1)}`, { headers: { 'sec-fetch-site': 'same-origin' } }));
    expect(long.status).toBe(413);
    expect(runs).toBe(0);
  });
});
