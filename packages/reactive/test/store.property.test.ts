/**
 * Property test: random sequences of store writes (leaf sets, merges, deletes, replacements,
 * aliasing, array updates by index and by updater, keyed reconciles, batches of these) checked
 * after every step against a plain-object model that applies the same documented semantics.
 *
 * Checked after each step:
 * - the store's plain data equals the model, including which objects are shared (aliases);
 * - every observer (a render effect reading a path, an iteration, a key set, a memo) saw the
 *   value the model gives, and ran at most once in the step (one setter call or batch is one
 *   flush);
 * - an observer of a plain path (`state.a.x`, `state.list[2]?.v`) ran exactly when something on
 *   its path changed: the value at its end, or the identity of an object it went through.
 *   Object identity is mirrored: where the store keeps an object (merge, reconcile by key) the
 *   model keeps its object, where the store takes a new one the model does too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile, store, unwrap } from '../src/store.js';
import { batch, memo, renderEffect, root } from '../src/index.js';

interface Item {
  id: number;
  v: number;
}
interface Pair {
  x?: number;
  y?: number;
}
interface State {
  a: Pair;
  b: Pair;
  list: Item[];
  nums: number[];
}

type Op =
  | { kind: 'leaf'; obj: 'a' | 'b'; key: 'x' | 'y'; value: number | undefined }
  | { kind: 'merge'; obj: 'a' | 'b'; x: number | undefined | null; y: number | undefined | null }
  | { kind: 'replaceTop'; obj: 'a' | 'b'; x: number }
  | { kind: 'alias' }
  | { kind: 'listField'; i: number; value: number }
  | { kind: 'append'; value: number }
  | { kind: 'listUpdater'; how: 'reverse' | 'dropFirst' | 'evens' | 'push' | 'same'; value: number }
  | { kind: 'reconcile'; keep: boolean[]; added: number; order: number[]; values: number[] }
  | { kind: 'nums'; how: 'set' | 'push' | 'reconcile' | 'truncate'; i: number; value: number; values: number[] }
  | { kind: 'batch'; ops: Op[] };

const small = fc.integer({ min: 0, max: 5 });
const leafOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('leaf' as const),
    obj: fc.constantFrom('a' as const, 'b' as const),
    key: fc.constantFrom('x' as const, 'y' as const),
    value: fc.option(small, { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('merge' as const),
    obj: fc.constantFrom('a' as const, 'b' as const),
    // null: key not in the partial; undefined: present, deletes
    x: fc.oneof(small, fc.constant(undefined), fc.constant(null)),
    y: fc.oneof(small, fc.constant(undefined), fc.constant(null)),
  }),
  fc.record({ kind: fc.constant('replaceTop' as const), obj: fc.constantFrom('a' as const, 'b' as const), x: small }),
  fc.record({ kind: fc.constant('alias' as const) }),
  fc.record({ kind: fc.constant('listField' as const), i: fc.nat(10), value: small }),
  fc.record({ kind: fc.constant('append' as const), value: small }),
  fc.record({
    kind: fc.constant('listUpdater' as const),
    how: fc.constantFrom('reverse' as const, 'dropFirst' as const, 'evens' as const, 'push' as const, 'same' as const),
    value: small,
  }),
  fc.record({
    kind: fc.constant('reconcile' as const),
    keep: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
    added: fc.nat(3),
    order: fc.array(fc.nat(100), { minLength: 1, maxLength: 10 }),
    values: fc.array(small, { minLength: 1, maxLength: 10 }),
  }),
  fc.record({
    kind: fc.constant('nums' as const),
    how: fc.constantFrom('set' as const, 'push' as const, 'reconcile' as const, 'truncate' as const),
    i: fc.nat(6),
    value: small,
    values: fc.array(small, { maxLength: 5 }),
  }),
);
const anyOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: leafOp },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('batch' as const), ops: fc.array(leafOp, { minLength: 2, maxLength: 4 }) }) },
);

/** What observers read, on the store proxy and on the model alike. */
interface Observer {
  name: string;
  read: (s: State) => unknown;
  /** Plain-path observers: the objects passed through and the value reached (exact re-runs). */
  path?: (s: State) => unknown[];
}

const observers: Observer[] = [
  { name: 'a.x', read: (s) => s.a.x, path: (s) => [s.a, s.a.x] },
  { name: 'a.y', read: (s) => s.a.y, path: (s) => [s.a, s.a.y] },
  { name: 'b.x', read: (s) => s.b.x, path: (s) => [s.b, s.b.x] },
  { name: 'b.y', read: (s) => s.b.y, path: (s) => [s.b, s.b.y] },
  { name: 'y in a', read: (s) => 'y' in s.a },
  { name: 'keys(b)', read: (s) => Object.keys(s.b).join() },
  { name: 'list.length', read: (s) => s.list.length, path: (s) => [s.list, s.list.length] },
  { name: 'list[0].v', read: (s) => s.list[0]?.v, path: (s) => [s.list, s.list[0], s.list[0]?.v] },
  { name: 'list[1].id', read: (s) => s.list[1]?.id, path: (s) => [s.list, s.list[1], s.list[1]?.id] },
  { name: 'list[2]', read: (s) => s.list[2]?.v, path: (s) => [s.list, s.list[2], s.list[2]?.v] },
  { name: 'list map', read: (s) => s.list.map((i) => `${i.id}:${i.v}`).join() },
  {
    name: 'list for-of',
    read: (s) => {
      let sum = 0;
      for (const item of s.list) sum += item.v;
      return sum;
    },
  },
  { name: 'list find', read: (s) => s.list.find((i) => i.v % 2 === 0)?.id },
  { name: 'nums[0]', read: (s) => s.nums[0], path: (s) => [s.nums, s.nums[0]] },
  { name: 'nums spread', read: (s) => [...s.nums].join() },
  {
    name: 'nums index loop',
    read: (s) => {
      let out = '';
      for (let i = 0; i < s.nums.length; i++) out += `${s.nums[i]},`;
      return out;
    },
  },
];

function initial(): State {
  return {
    a: { x: 1, y: 2 },
    b: { x: 3 },
    list: [
      { id: 1, v: 1 },
      { id: 2, v: 2 },
      { id: 3, v: 3 },
    ],
    nums: [1, 2],
  };
}

/** Runs `ops` on a store and on a model; checks the invariants after each top-level op. */
function check(ops: Op[]): void {
  const [state, set] = store(initial());
  const setAny = set as unknown as (...args: unknown[]) => void;
  const model = initial();
  let nextId = 100;

  const runs = observers.map(() => 0);
  const seen: unknown[] = observers.map(() => undefined);
  let memoRuns = 0;
  let memoSeen = 0;
  const dispose = root((dispose) => {
    observers.forEach((o, i) =>
      renderEffect(() => {
        runs[i]!++;
        seen[i] = o.read(state);
      }),
    );
    const total = memo(() => state.list.reduce((sum, item) => sum + item.v, 0) + (state.a.x ?? 0));
    renderEffect(() => {
      memoRuns++;
      memoSeen = total();
    });
    return dispose;
  });

  const apply = (op: Op): void => {
    switch (op.kind) {
      case 'leaf':
        setAny(op.obj, op.key, op.value);
        if (op.value === undefined) delete model[op.obj][op.key];
        else model[op.obj][op.key] = op.value;
        break;
      case 'merge': {
        const partial: Pair = {};
        if (op.x !== null) partial.x = op.x;
        if (op.y !== null) partial.y = op.y;
        setAny(op.obj, partial);
        const target = model[op.obj];
        for (const [k, v] of Object.entries(partial) as ['x' | 'y', number | undefined][]) {
          if (v === undefined) delete target[k];
          else target[k] = v;
        }
        break;
      }
      case 'replaceTop':
        set({ [op.obj]: { x: op.x } });
        model[op.obj] = { x: op.x };
        break;
      case 'alias':
        set('b', state.a);
        model.b = model.a;
        break;
      case 'listField': {
        const n = model.list.length;
        if (n === 0) break;
        const i = op.i % n;
        set('list', i, 'v', op.value);
        model.list[i]!.v = op.value;
        break;
      }
      case 'append': {
        const id = nextId++;
        set('list', state.list.length, { id, v: op.value });
        model.list.push({ id, v: op.value });
        break;
      }
      case 'listUpdater': {
        const id = nextId++;
        const fn = <T extends Item>(l: readonly T[], fresh: () => T): T[] => {
          switch (op.how) {
            case 'reverse':
              return [...l].reverse();
            case 'dropFirst':
              return l.slice(1);
            case 'evens':
              return l.filter((i) => i.v % 2 === 0);
            case 'push':
              return [...l, fresh()];
            case 'same':
              return l as T[];
          }
        };
        set('list', (l) => fn(l, () => ({ id, v: op.value })));
        model.list = fn(model.list, () => ({ id, v: op.value }));
        break;
      }
      case 'reconcile': {
        const kept = model.list.filter((_, j) => op.keep[j % op.keep.length]).map((i) => i.id);
        for (let k = 0; k < op.added; k++) kept.push(nextId++);
        const ids = kept
          .map((id, j) => ({ id, sort: op.order[j % op.order.length]! * 1000 + j }))
          .sort((p, q) => p.sort - q.sort)
          .map((p) => p.id);
        const next = ids.map((id, j) => ({ id, v: op.values[j % op.values.length]! }));
        set('list', reconcile(structuredClone(next)));
        // The model: matched ids keep their object (updated in place), new ids get new objects.
        const byId = new Map(model.list.map((item) => [item.id, item]));
        const result = next.map((n) => {
          const old = byId.get(n.id);
          if (old === undefined) return n;
          old.v = n.v;
          return old;
        });
        model.list.length = 0;
        model.list.push(...result);
        break;
      }
      case 'nums': {
        const n = model.nums.length;
        if (op.how === 'set') {
          const i = op.i % (n + 1);
          set('nums', i, op.value);
          model.nums[i] = op.value;
        } else if (op.how === 'push') {
          set('nums', (nums) => [...nums, op.value]);
          model.nums = [...model.nums, op.value];
        } else if (op.how === 'reconcile') {
          set('nums', reconcile([...op.values]));
          model.nums.length = 0;
          model.nums.push(...op.values);
        } else {
          set('nums', (nums) => nums.slice(0, op.i % (n + 1)));
          model.nums = model.nums.slice(0, op.i % (n + 1));
        }
        break;
      }
      case 'batch':
        batch(() => op.ops.forEach(apply));
        break;
    }
  };

  try {
    for (const op of ops) {
      const before = runs.slice();
      const paths = observers.map((o) => o.path?.(model));
      const memoBefore = memoRuns;
      apply(op);

      const raw = unwrap(state);
      expect(raw).toEqual(model);
      expect(raw.a === raw.b).toBe(model.a === model.b);
      observers.forEach((o, i) => {
        const ran = runs[i]! - before[i]!;
        expect([o.name, seen[i]]).toEqual([o.name, o.read(model)]);
        expect([o.name, ran <= 1]).toEqual([o.name, true]);
        const path = paths[i];
        if (path !== undefined) {
          const now = o.path!(model);
          const changed = now.some((v, k) => !Object.is(v, path[k]));
          expect([o.name, ran === 1]).toEqual([o.name, changed]);
        }
      });
      expect(memoRuns - memoBefore).toBeLessThanOrEqual(1);
      expect(memoSeen).toBe(model.list.reduce((sum, item) => sum + item.v, 0) + (model.a.x ?? 0));
    }
  } finally {
    dispose();
  }
}

describe('store (property)', () => {
  it('matches a plain-object model, and re-runs path readers exactly when their path changed', () => {
    fc.assert(
      fc.property(fc.array(anyOp, { maxLength: 25 }), (ops) => {
        check(ops);
      }),
      { numRuns: 600 },
    );
  });

  it('reconcile: the result equals the new value; rows whose key survives keep their identity', () => {
    const rowArb = fc.record({ id: fc.nat(30), title: fc.constantFrom('a', 'b', 'c'), n: fc.nat(3) });
    const listArb = fc.uniqueArray(rowArb, { selector: (r) => r.id, maxLength: 15 });
    fc.assert(
      fc.property(listArb, listArb, (before, after) => {
        const [state, set] = store({ rows: structuredClone(before) });
        const proxies = new Map(state.rows.map((r) => [r.id, r]));
        const fieldRuns = new Map<number, number>();
        const dispose = root((dispose) => {
          for (const row of state.rows) {
            renderEffect(() => {
              row.title;
              row.n;
              fieldRuns.set(row.id, (fieldRuns.get(row.id) ?? 0) + 1);
            });
          }
          return dispose;
        });
        set('rows', reconcile(structuredClone(after)));
        expect(unwrap(state.rows)).toEqual(after);
        for (const row of state.rows) {
          const old = proxies.get(row.id);
          if (old !== undefined) {
            expect(row).toBe(old);
            const prev = before.find((r) => r.id === row.id)!;
            const changed = prev.title !== row.title || prev.n !== row.n;
            expect(fieldRuns.get(row.id)).toBe(changed ? 2 : 1);
          }
        }
        dispose();
      }),
      { numRuns: 500 },
    );
  });
});
