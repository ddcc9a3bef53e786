import { afterEach, describe, expect, it } from 'vitest';
import { reconcile, store, unwrap } from '../src/store.js';
import { batch, effect, memo, renderEffect, root, signal, untrack } from '../src/index.js';

// Every test's computations live in roots disposed after the test.
const disposers: (() => void)[] = [];
afterEach(() => {
  while (disposers.length) disposers.pop()!();
});

/** A render effect that records what `read` returned each time it ran. */
function watchRuns<T>(read: () => T): { runs: number; last: T; values: T[] } {
  const record = { runs: 0, last: undefined as T, values: [] as T[] };
  root((dispose) => {
    disposers.push(dispose);
    renderEffect(() => {
      record.runs++;
      record.last = read();
      record.values.push(record.last);
    });
  });
  return record;
}

interface Todo {
  id: number;
  title: string;
  done: boolean;
  meta?: { tags: string[]; owner?: { name: string } };
}

function todos(n: number): Todo[] {
  return Array.from({ length: n }, (_, i) => ({ id: i, title: `t${i}`, done: false }));
}

describe('store: per-path tracking', () => {
  it('notifies only the readers of the path that changed', () => {
    const [state, setState] = store({
      user: { name: 'Ada', age: 36, address: { city: 'London' } },
      items: todos(3),
      count: 0,
    });
    const name = watchRuns(() => state.user.name);
    const age = watchRuns(() => state.user.age);
    const city = watchRuns(() => state.user.address.city);
    const title0 = watchRuns(() => state.items[0]!.title);
    const done1 = watchRuns(() => state.items[1]!.done);
    const count = watchRuns(() => state.count);
    const all = [name, age, city, title0, done1, count];
    expect(all.map((r) => r.runs)).toEqual([1, 1, 1, 1, 1, 1]);

    setState('user', 'name', 'Grace');
    expect(all.map((r) => r.runs)).toEqual([2, 1, 1, 1, 1, 1]);
    expect(name.last).toBe('Grace');

    setState('user', 'address', 'city', 'Paris');
    expect(all.map((r) => r.runs)).toEqual([2, 1, 2, 1, 1, 1]);
    expect(city.last).toBe('Paris');

    setState('items', 1, 'done', (d) => !d);
    expect(all.map((r) => r.runs)).toEqual([2, 1, 2, 1, 2, 1]);
    expect(done1.last).toBe(true);

    setState('count', (c) => c + 1);
    expect(all.map((r) => r.runs)).toEqual([2, 1, 2, 1, 2, 2]);
    expect(count.last).toBe(1);
  });

  it('notifies nobody when the value written is equal (Object.is)', () => {
    const [state, setState] = store({ a: { b: 1 }, n: NaN, z: 0 });
    const b = watchRuns(() => state.a.b);
    const n = watchRuns(() => state.n);
    const a = watchRuns(() => state.a);
    setState('a', 'b', 1);
    setState('n', NaN);
    setState('a', 'b', (x) => x);
    setState('a', (x) => x);
    setState({});
    expect([a.runs, b.runs, n.runs]).toEqual([1, 1, 1]);
    const z = watchRuns(() => state.z);
    setState('z', -0); // Object.is(0, -0) is false: a change
    expect(z.runs).toBe(2);
  });

  it('does not re-run a reader of a parent when only a child changes', () => {
    const [state, setState] = store({ user: { name: 'Ada' } });
    const user = watchRuns(() => state.user);
    const name = watchRuns(() => state.user.name);
    setState('user', 'name', 'Grace');
    expect(user.runs).toBe(1);
    expect(name.runs).toBe(2);
  });

  it('re-runs deep readers when an object on their path is replaced', () => {
    const [state, setState] = store({ a: { b: { c: 1 } } as { b: { c: number } } });
    const c = watchRuns(() => state.a.b.c);
    setState({ a: { b: { c: 2 } } }); // top level: shallow merge, so `a` is replaced
    expect(c.runs).toBe(2);
    expect(c.last).toBe(2);
    setState('a', 'b', { c: 3 }); // merged into b: only c changes
    expect(c.runs).toBe(3);
    expect(c.last).toBe(3);
  });

  it('reads outside any computation track nothing and return current values', () => {
    const [state, setState] = store({ x: 1 });
    expect(state.x).toBe(1);
    setState('x', 2);
    expect(state.x).toBe(2);
  });

  it('gives updaters the current value as the store shows it, untracked', () => {
    const [state, setState] = store({ user: { name: 'Ada' }, list: [{ id: 1 }], other: 0 });
    let seen: unknown;
    const runs = watchRuns(() => {
      state.other;
      // A setter called inside a computation: the updater's reads are not tracked by it.
      untrack(() => setState('list', (list) => ((seen = list), list)));
    });
    expect(seen).toBe(state.list);
    setState('list', 0, 'id', 5);
    expect(runs.runs).toBe(1);
    expect(() =>
      setState('user', (u) => {
        (u as { name: string }).name = 'x';
        return u;
      }),
    ).toThrow(/read-only/);
  });

  it('a value written and written back within one batch is no change', () => {
    const [state, setState] = store({ a: 1, list: [1, 2] });
    const a = watchRuns(() => state.a);
    const first = watchRuns(() => state.list[0]);
    batch(() => {
      setState('a', 2);
      setState('a', 1);
      setState('list', 0, 5);
      setState('list', 0, 1);
    });
    expect(a.runs).toBe(1);
    expect(first.runs).toBe(1);
  });
});

describe('store: proxies', () => {
  it('wraps nested objects lazily, one proxy per object (stable identity)', () => {
    const initial = { user: { name: 'Ada' }, items: [{ id: 1 }, { id: 2 }] };
    const [state] = store(initial);
    expect(state.user).toBe(state.user);
    expect(state.items).toBe(state.items);
    expect(state.items[0]).toBe(state.items[0]);
    expect(state.user).not.toBe(initial.user);
    expect(unwrap(state.user)).toBe(initial.user);
    expect(unwrap(state)).toBe(initial);
    expect(unwrap(state.items[1])).toBe(initial.items[1]);
    expect(unwrap(42)).toBe(42);
    // The same object reached from two places is the same proxy.
    const [both] = store({ a: initial.user, b: initial.user });
    expect(both.a).toBe(both.b);
    expect(both.a).toBe(state.user);
  });

  it('leaves the underlying objects plain: no added keys or symbols, even after tracked reads', () => {
    const initial = { user: { name: 'Ada' }, items: [{ id: 1 }] };
    const [state, setState] = store(initial);
    watchRuns(() => [state.user.name, state.items.length, state.items[0]!.id, Object.keys(state.user)]);
    setState('user', 'name', 'Grace');
    expect(Reflect.ownKeys(initial)).toEqual(['user', 'items']);
    expect(Reflect.ownKeys(initial.user)).toEqual(['name']);
    expect(Reflect.ownKeys(initial.items)).toEqual(['0', 'length']);
    expect(Object.getPrototypeOf(initial.user)).toBe(Object.prototype);
    expect(initial.user.name).toBe('Grace');
    expect(JSON.stringify(initial)).toBe('{"user":{"name":"Grace"},"items":[{"id":1}]}');
  });

  it('throws a clear error on direct assignment, deletion, definition', () => {
    const [state] = store({ user: { name: 'Ada' }, items: [1, 2] });
    const s = state as unknown as Record<string, unknown>;
    expect(() => {
      s.x = 1;
    }).toThrow(/read-only\. Use the setter returned by store\(\)/);
    expect(() => {
      (state.user as { name: string }).name = 'x';
    }).toThrow(/Cannot set "name" of a store/);
    expect(() => {
      delete (state.user as { name?: string }).name;
    }).toThrow(/Cannot delete "name"/);
    expect(() => Object.defineProperty(state.user, 'y', { value: 1 })).toThrow(/read-only/);
    expect(() => state.items.push(3)).toThrow(/read-only/);
    expect(() => state.items.sort()).toThrow(/read-only/);
    expect(() => Object.freeze(state.user)).toThrow(/Cannot freeze/);
    expect(() => Object.setPrototypeOf(state.user, null)).toThrow(/read-only/);
    expect(unwrap(state)).toEqual({ user: { name: 'Ada' }, items: [1, 2] });
  });

  it('behaves like the data for the language and the test runner', () => {
    const [state] = store({ user: { name: 'Ada' }, items: [{ id: 1 }, { id: 2 }] });
    expect(Array.isArray(state.items)).toBe(true);
    expect(state).toEqual({ user: { name: 'Ada' }, items: [{ id: 1 }, { id: 2 }] });
    expect(JSON.stringify(state)).toBe('{"user":{"name":"Ada"},"items":[{"id":1},{"id":2}]}');
    expect({ ...state.user }).toEqual({ name: 'Ada' });
    expect(Object.entries(state.user)).toEqual([['name', 'Ada']]);
    expect(Object.getOwnPropertyDescriptor(state, 'user')!.value).toBe(state.user);
    expect(state.items.indexOf(state.items[1]!)).toBe(1);
    expect(state.items.includes(state.items[0]!)).toBe(true);
    expect(String(state.user)).toBe('[object Object]');
  });

  it('does not wrap class instances, frozen objects or functions', () => {
    const when = new Date(0);
    const map = new Map([[1, 2]]);
    const frozen = Object.freeze({ a: 1 });
    const fn = (): number => 1;
    const [state, setState] = store({ when, map, frozen, fn });
    expect(state.when).toBe(when);
    expect(state.map).toBe(map);
    expect(state.frozen).toBe(frozen);
    expect(state.fn).toBe(fn);
    const r = watchRuns(() => state.when);
    const next = new Date(1);
    setState('when', next);
    expect(r.runs).toBe(2);
    expect(r.last).toBe(next);
    // A function at the end of a path is an updater: store a function by returning it.
    const other = (): number => 2;
    setState('fn', () => other);
    expect(state.fn).toBe(other);
  });

  it('supports getters, which read through the store and track', () => {
    const [state, setState] = store({
      first: 'Ada',
      last: 'Lovelace',
      get full(): string {
        return `${this.first} ${this.last}`;
      },
    });
    const full = watchRuns(() => state.full);
    expect(full.last).toBe('Ada Lovelace');
    setState('last', 'Byron');
    expect(full.runs).toBe(2);
    expect(full.last).toBe('Ada Byron');
  });

  it('a write through one path reaches readers through another path to the same object', () => {
    const shared = { n: 1 };
    const [state, setState] = store({ a: shared, b: shared });
    const viaB = watchRuns(() => state.b.n);
    setState('a', 'n', 2);
    expect(viaB.runs).toBe(2);
    expect(viaB.last).toBe(2);
  });

  it('refuses a non-plain initial value', () => {
    expect(() => store(new Date() as object)).toThrow(/plain object or an array/);
    expect(() => store(Object.freeze({}))).toThrow(/plain object or an array/);
  });
});

describe('store: arrays', () => {
  function setup() {
    const [state, setState] = store({ items: todos(3) });
    const readers = {
      index0: watchRuns(() => state.items[0]!.title),
      index2: watchRuns(() => state.items[2]),
      length: watchRuns(() => state.items.length),
      forOf: watchRuns(() => {
        const out: string[] = [];
        for (const item of state.items) out.push(item.title);
        return out.join();
      }),
      map: watchRuns(() => state.items.map((t) => t.id).join()),
      forEach: watchRuns(() => {
        let n = 0;
        state.items.forEach(() => n++);
        return n;
      }),
      spread: watchRuns(() => [...state.items].length),
      filter: watchRuns(() => state.items.filter((t) => t.id > 0).length),
      entries: watchRuns(() => [...state.items.entries()].map(([i]) => i).join()),
      keys: watchRuns(() => [...state.items.keys()].join()),
      from: watchRuns(() => Array.from(state.items).length),
      indexLoop: watchRuns(() => {
        let ids = '';
        for (let i = 0; i < state.items.length; i++) ids += state.items[i]!.id;
        return ids;
      }),
    };
    return { state, setState, readers };
  }
  const runs = (readers: Record<string, { runs: number }>): Record<string, number> =>
    Object.fromEntries(Object.entries(readers).map(([k, v]) => [k, v.runs]));

  it('index, length and iteration reads all track on first run', () => {
    const { readers } = setup();
    expect(Object.values(runs(readers))).toEqual(Object.values(readers).map(() => 1));
    expect(readers.forOf.last).toBe('t0,t1,t2');
    expect(readers.map.last).toBe('0,1,2');
    expect(readers.entries.last).toBe('0,1,2');
    expect(readers.keys.last).toBe('0,1,2');
    expect(readers.indexLoop.last).toBe('012');
  });

  it('merging into an element notifies readers of its changed fields only', () => {
    const { setState, readers } = setup();
    setState('items', 2, { id: 9, title: 'nine' }); // merged into items[2]: same object
    expect(runs(readers)).toMatchObject({
      index0: 1,
      index2: 1, // reads the element itself, which is the same object
      length: 1,
      forEach: 1, // the array did not change
      spread: 1,
      keys: 1,
      map: 2, // reads ids
      forOf: 2, // reads titles
      indexLoop: 2, // reads ids
    });
  });

  it('replacing an element notifies that index and iteration readers, not length readers', () => {
    const { state, setState, readers } = setup();
    setState('items', 2, state.items[0]!); // store state: placed by reference
    expect(runs(readers)).toMatchObject({
      index0: 1,
      index2: 2,
      length: 1,
      forEach: 2,
      spread: 2,
      keys: 2,
      map: 2,
      forOf: 2,
      indexLoop: 2,
    });
    expect(readers.index2.last).toBe(state.items[0]);
  });

  it('an element field change notifies only readers of that field', () => {
    const { setState, readers } = setup();
    setState('items', 1, 'title', 'one');
    expect(runs(readers)).toMatchObject({
      index0: 1,
      index2: 1,
      length: 1,
      forOf: 2, // reads titles
      map: 1, // reads ids only
      forEach: 1,
      spread: 1,
      filter: 1,
      indexLoop: 1,
    });
  });

  it('appending by index notifies length and iteration readers, not other index readers', () => {
    const { state, setState, readers } = setup();
    const before = state.items[0];
    setState('items', state.items.length, { id: 3, title: 't3', done: false });
    const r = runs(readers);
    expect(r).toMatchObject({ index0: 1, index2: 1 });
    for (const k of ['length', 'forOf', 'map', 'forEach', 'spread', 'filter', 'entries', 'keys', 'from', 'indexLoop']) {
      expect([k, r[k]]).toEqual([k, 2]);
    }
    expect(readers.length.last).toBe(4);
    expect(readers.map.last).toBe('0,1,2,3');
    expect(state.items[0]).toBe(before);
  });

  it('appending with an updater replaces the array but keeps the rows’ identity', () => {
    const { state, setState, readers } = setup();
    const rows = [...state.items];
    setState('items', (items) => [...items, { id: 3, title: 't3', done: false }]);
    expect(readers.length.last).toBe(4);
    expect(readers.map.last).toBe('0,1,2,3');
    expect(state.items.slice(0, 3)).toEqual(rows);
    rows.forEach((row, i) => expect(state.items[i]).toBe(row));
    // The new array holds raw objects, never proxies.
    expect(unwrap(state.items).every((item) => unwrap(item) === item)).toBe(true);
  });

  it('removing notifies readers of the indices that went away', () => {
    const { state, setState, readers } = setup();
    setState('items', (items) => items.filter((t) => t.id !== 2));
    expect(readers.index2.last).toBe(undefined);
    expect(readers.length.last).toBe(2);
    expect(state.items.length).toBe(2);
  });

  it('iteration methods track the array once, not each index', () => {
    const [state, setState] = store({ list: Array.from({ length: 1000 }, (_, i) => i) });
    let runs = 0;
    root((dispose) => {
      disposers.push(dispose);
      renderEffect(() => {
        runs++;
        state.list.map((x) => x);
        state.list.forEach(() => {});
        for (const _ of state.list);
      });
    });
    setState('list', 500, -1);
    expect(runs).toBe(2);
    // An index not yet read is still tracked precisely by an index reader.
    const one = watchRuns(() => state.list[10]);
    setState('list', 11, -2);
    expect(one.runs).toBe(1);
  });

  it('callbacks of iteration methods still track what they read elsewhere', () => {
    const [state, setState] = store({ items: todos(3) });
    const done = watchRuns(() => state.items.map((item) => item.done).join());
    setState('items', 1, 'title', 'x'); // not read
    expect(done.runs).toBe(1);
    setState('items', 1, 'done', true);
    expect([done.runs, done.last]).toEqual([2, 'false,true,false']);
  });

  it('a computation run inside an iteration callback tracks the array’s indices itself', () => {
    const [state, setState] = store({ list: [1, 2, 3] });
    // First computed inside the callback, while the effect's per-index tracking is off.
    const first = memo(() => state.list[0]);
    const view = watchRuns(() => state.list.map((x, i) => (i === 0 ? first() : x)).join());
    setState('list', 0, 10);
    expect(view.last).toBe('10,2,3');
    // A detached effect created inside a callback outlives the run that created it.
    const seen: number[] = [];
    root((dispose) => {
      disposers.push(dispose);
      renderEffect(() =>
        state.list.forEach((_, i) => {
          if (i === 0 && seen.length === 0) {
            root((d) => {
              disposers.push(d);
              renderEffect(() => void seen.push(state.list[2]!));
            });
          }
        }),
      );
    });
    setState('list', 2, 30);
    expect(seen).toEqual([3, 30]);
  });

  it('array root: index, length, setter by index and whole-array replacement', () => {
    const [list, setList] = store([1, 2, 3]);
    const len = watchRuns(() => list.length);
    const second = watchRuns(() => list[1]);
    const sum = watchRuns(() => list.reduce((a, b) => a + b, 0));
    setList(0, 10);
    expect([len.runs, second.runs, sum.runs, sum.last]).toEqual([1, 1, 2, 15]);
    setList([10, 2, 3, 4]);
    expect([len.runs, second.runs, sum.runs, sum.last, len.last]).toEqual([2, 1, 3, 19, 4]);
    setList((l) => l.slice(0, 1));
    expect([len.last, second.last, sum.last]).toEqual([1, undefined, 10]);
  });

  it('stores undefined as an element: an index is never deleted', () => {
    const [state, setState] = store({ list: [1, 2] as (number | undefined)[] });
    const len = watchRuns(() => state.list.length);
    setState('list', 0, undefined);
    expect(unwrap(state.list)).toEqual([undefined, 2]);
    expect(0 in unwrap(state.list)).toBe(true);
    setState('list', 2, undefined);
    expect(len.last).toBe(3);
  });
});

describe('store: object keys', () => {
  it('Object.keys, for…in and Object.hasOwn track the key set, not values', () => {
    const [state, setState] = store({ map: { a: 1, b: 2 } as Record<string, number> });
    const keys = watchRuns(() => Object.keys(state.map).join());
    const forIn = watchRuns(() => {
      const out: string[] = [];
      for (const k in state.map) out.push(k);
      return out.join();
    });
    const hasC = watchRuns(() => Object.hasOwn(state.map, 'c'));
    setState('map', 'a', 10);
    expect([keys.runs, forIn.runs, hasC.runs]).toEqual([1, 1, 1]);
    setState('map', 'c', 3);
    expect([keys.runs, forIn.runs, hasC.runs]).toEqual([2, 2, 2]);
    expect(keys.last).toBe('a,b,c');
    expect(hasC.last).toBe(true);
    setState('map', 'a', undefined as unknown as number); // undefined deletes the key
    expect(keys.last).toBe('b,c');
    expect(forIn.last).toBe('b,c');
    expect('a' in unwrap(state.map)).toBe(false);
  });

  it('`in` tracks that key: adding and deleting it, even when it held undefined', () => {
    const [state, setState] = store({ o: { u: undefined } as { x?: number; y?: number; u?: number } });
    const hasX = watchRuns(() => 'x' in state.o);
    const hasU = watchRuns(() => 'u' in state.o);
    setState('o', 'y', 1);
    expect(hasX.runs).toBe(1);
    setState('o', 'x', 1);
    expect([hasX.runs, hasX.last]).toEqual([2, true]);
    setState('o', 'x', undefined);
    expect([hasX.runs, hasX.last]).toEqual([3, false]);
    expect(hasU.last).toBe(true);
    setState('o', 'u', undefined);
    expect([hasU.runs, hasU.last]).toEqual([2, false]);
  });

  it('a value reader of a deleted key sees undefined', () => {
    const [state, setState] = store({ o: { x: 1 } as { x?: number } });
    const x = watchRuns(() => state.o.x);
    setState('o', 'x', undefined);
    expect([x.runs, x.last]).toEqual([2, undefined]);
    setState('o', 'x', 2);
    expect([x.runs, x.last]).toEqual([3, 2]);
  });
});

describe('store: setter semantics', () => {
  it('top level: a plain object is merged shallowly', () => {
    const [state, setState] = store<{ a: number; b: { c: number; d?: number }; extra?: number }>({
      a: 1,
      b: { c: 1 },
    });
    const a = watchRuns(() => state.a);
    const c = watchRuns(() => state.b.c);
    setState({ extra: 1 });
    expect(unwrap(state)).toEqual({ a: 1, b: { c: 1 }, extra: 1 });
    expect([a.runs, c.runs]).toEqual([1, 1]);
    setState((s) => ({ ...s, a: s.a + 1 }));
    expect([a.runs, c.runs]).toEqual([2, 1]);
    expect(state.a).toBe(2);
    setState({ b: { c: 5 } }); // shallow: `b` is replaced, not merged
    expect(unwrap(state.b)).toEqual({ c: 5 });
    expect(c.runs).toBe(2);
  });

  it('nested: a plain object is merged into a plain object; arrays and other values replace', () => {
    const [state, setState] = store({ user: { name: 'Ada', age: 36 }, tags: ['a'] });
    const age = watchRuns(() => state.user.age);
    const user = state.user;
    setState('user', { name: 'Grace' });
    expect(unwrap(state.user)).toEqual({ name: 'Grace', age: 36 });
    expect(state.user).toBe(user);
    expect(age.runs).toBe(1);
    setState('tags', ['b', 'c']);
    expect(unwrap(state.tags)).toEqual(['b', 'c']);
  });

  it('store state passed as a value is placed by reference, never merged into', () => {
    const [state, setState] = store({
      items: [
        { id: 1, n: 'a' },
        { id: 2, n: 'b' },
      ],
      selected: undefined as { id: number; n: string } | undefined,
    });
    setState('selected', state.items[0]);
    setState('selected', state.items[1]);
    expect(unwrap(state.items[0])).toEqual({ id: 1, n: 'a' });
    expect(state.selected).toBe(state.items[1]);
    // A write through one path is seen through the other.
    setState('items', 1, 'n', 'B');
    expect(state.selected!.n).toBe('B');
  });

  it('unwraps proxies inside new values, in place', () => {
    const [state, setState] = store({ items: [{ id: 1 }], groups: [] as { members: { id: number }[] }[] });
    setState('groups', [{ members: [state.items[0]!] }]);
    const raw = unwrap(state.groups);
    expect(raw[0]!.members[0]).toBe(unwrap(state.items[0]));
    expect(state.groups[0]!.members[0]).toBe(state.items[0]);
    // A cycle in a new value does not hang the unwrapping.
    const cyclic: { self?: unknown; id: number } = { id: 2 };
    cyclic.self = cyclic;
    setState('items', 1, cyclic as { id: number });
    expect(unwrap(state.items[1])).toBe(cyclic);
  });

  it('fails clearly on a path through a missing object', () => {
    const [, setState] = store<{ user?: { address?: { city: string } } }>({ user: {} });
    expect(() => setState('user', 'address', 'city', 'X')).toThrow(
      /cannot go through "user\.address", which is undefined/,
    );
  });

  it('refuses __proto__ keys (no prototype pollution)', () => {
    const [state, setState] = store({ o: {} as Record<string, unknown> });
    const set = setState as unknown as (...args: unknown[]) => void;
    expect(() => set('__proto__', 'polluted', 1)).toThrow(/__proto__/);
    expect(() => set('o', '__proto__', { polluted: 1 })).toThrow(/__proto__/);
    expect(() => set('o', JSON.parse('{"__proto__": {"polluted": 1}}'))).toThrow(/__proto__/);
    expect(() => set('o', reconcile(JSON.parse('{"__proto__": {"polluted": 1}}')))).toThrow(/__proto__/);
    expect(() => store(JSON.parse('{"a": {"__proto__": {"polluted": 1}}}'))).toThrow(/__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
    expect(Object.getPrototypeOf(unwrap(state.o))).toBe(Object.prototype);
  });

  it('top level rejects values that cannot be merged', () => {
    const [, setState] = store({ a: 1 });
    const set = setState as unknown as (...args: unknown[]) => void;
    expect(() => set(5)).toThrow(TypeError);
    expect(() => set([1])).toThrow(/plain object/);
    const [, setList] = store([1]);
    expect(() => (setList as unknown as (v: unknown) => void)({ a: 1 })).toThrow(/array/);
  });
});

describe('store: batching', () => {
  it('one setter call is one batch', () => {
    const [state, setState] = store({ a: 1, b: 2, c: 3, list: [1, 2, 3] });
    const sum = watchRuns(() => state.a + state.b + state.c + state.list.reduce((x, y) => x + y, 0));
    setState({ a: 10, b: 20, c: 30 });
    expect([sum.runs, sum.last]).toEqual([2, 66]);
    setState('list', [4, 5, 6, 7]);
    expect([sum.runs, sum.last]).toEqual([3, 82]);
    setState(reconcile({ a: 0, b: 0, c: 0, list: [0, 0] }));
    expect([sum.runs, sum.last]).toEqual([4, 0]);
  });

  it('setter calls inside batch() run effects once at the end, and reads inside see new values', () => {
    const [state, setState] = store({ a: 1, b: 1 });
    const sum = watchRuns(() => state.a + state.b);
    batch(() => {
      setState('a', 2);
      setState('b', 3);
      expect(state.a + state.b).toBe(5);
      expect(sum.runs).toBe(1);
    });
    expect([sum.runs, sum.last]).toEqual([2, 5]);
  });
});

describe('store: with memo, untrack, effect, ownership', () => {
  it('memos over store paths cut off equal results', () => {
    const [state, setState] = store({ items: todos(5) });
    let computed = 0;
    const doneCount = memo(() => {
      computed++;
      return state.items.filter((t) => t.done).length;
    });
    const view = watchRuns(() => doneCount());
    setState('items', 0, 'title', 'x'); // not read by the memo
    expect(computed).toBe(1);
    setState('items', 0, 'done', true);
    expect([computed, view.runs, view.last]).toEqual([2, 2, 1]);
    batch(() => {
      setState('items', 0, 'done', false);
      setState('items', 1, 'done', true);
    });
    expect([computed, view.runs, view.last]).toEqual([3, 2, 1]); // memo re-ran, same count
  });

  it('untracked reads subscribe to nothing', () => {
    const [state, setState] = store({ a: 1, b: 1 });
    const r = watchRuns(() => state.a + untrack(() => state.b));
    setState('b', 2);
    expect(r.runs).toBe(1);
    setState('a', 2);
    expect([r.runs, r.last]).toEqual([2, 4]);
  });

  it('user effects see the store after the write', async () => {
    const [state, setState] = store({ n: 0 });
    const seen: number[] = [];
    root((dispose) => {
      disposers.push(dispose);
      effect(() => void seen.push(state.n));
    });
    await Promise.resolve();
    setState('n', 1);
    setState('n', 2);
    await Promise.resolve();
    expect(seen).toEqual([0, 2]);
  });

  it('stops notifying disposed readers, and forgets their nodes on the next write', () => {
    const [state, setState] = store({ a: 1 });
    let runs = 0;
    root((dispose) => {
      renderEffect(() => (state.a, runs++));
      dispose();
    });
    setState('a', 2);
    setState('a', 3);
    expect(runs).toBe(1);
    const r = watchRuns(() => state.a); // a fresh node is made and works
    setState('a', 4);
    expect([r.runs, r.last]).toEqual([2, 4]);
  });

  it('store state can be read alongside signals in one computation', () => {
    const [state, setState] = store({ list: ['a', 'b', 'c'] });
    const [index, setIndex] = signal(0);
    const r = watchRuns(() => state.list[index()]);
    setIndex(2);
    expect(r.last).toBe('c');
    setState('list', 0, 'A'); // no longer read
    expect(r.runs).toBe(2);
    setState('list', 2, 'C');
    expect([r.runs, r.last]).toEqual([3, 'C']);
  });

  it('an effect that writes the store it reads settles', () => {
    const [state, setState] = store({ n: 0, doubled: 0 });
    watchRuns(() => setState('doubled', state.n * 2));
    setState('n', 5);
    expect(state.doubled).toBe(10);
  });
});

describe('reconcile', () => {
  it('re-fetched list with one changed row: only that row’s field readers re-run; identities kept', () => {
    const [state, setState] = store({ items: todos(100) });
    const rows = [...state.items];
    const titleRuns = rows.map((_, i) => watchRuns(() => state.items[i]!.title));
    const doneRuns = rows.map((row) => watchRuns(() => row.done));
    const list = watchRuns(() => state.items.map((r) => r.id).join());
    const next = todos(100);
    next[42]!.title = 'changed';
    setState('items', reconcile(next, { key: 'id' }));
    expect(titleRuns.filter((r) => r.runs > 1).length).toBe(1);
    expect(titleRuns[42]!.runs).toBe(2);
    expect(titleRuns[42]!.last).toBe('changed');
    expect(doneRuns.every((r) => r.runs === 1)).toBe(true);
    expect(list.runs).toBe(1);
    rows.forEach((row, i) => expect(state.items[i]).toBe(row));
    expect(unwrap(state.items)).toEqual(next);
  });

  it('a reordered list keeps every row’s identity (same proxy)', () => {
    const [state, setState] = store({ items: todos(10) });
    const byId = new Map(state.items.map((r) => [r.id, r]));
    const fieldRuns = [...state.items].map((row) => watchRuns(() => row.title));
    const at0 = watchRuns(() => state.items[0]);
    const at5 = watchRuns(() => state.items[5]);
    const next = todos(10).reverse();
    setState('items', reconcile(next));
    expect(state.items.map((r) => r.id)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    for (const row of state.items) expect(row).toBe(byId.get(row.id));
    expect(fieldRuns.every((r) => r.runs === 1)).toBe(true);
    expect([at0.runs, at0.last]).toEqual([2, byId.get(9)]);
    expect([at5.runs, at5.last]).toEqual([2, byId.get(4)]);
    // Swap two rows in the middle: only those positions change.
    const at3 = watchRuns(() => state.items[3]);
    const at7 = watchRuns(() => state.items[7]);
    const at4 = watchRuns(() => state.items[4]);
    const swapped = unwrap(state.items).map((r) => ({ ...r }));
    [swapped[3], swapped[7]] = [swapped[7]!, swapped[3]!];
    setState('items', reconcile(swapped));
    expect([at3.runs, at7.runs, at4.runs]).toEqual([2, 2, 1]);
    expect(state.items[3]).toBe(byId.get(2));
  });

  it('adds new rows, drops removed ones, moves survivors', () => {
    const [state, setState] = store({ items: todos(5) });
    const row1 = state.items[1];
    const row3 = state.items[3];
    const len = watchRuns(() => state.items.length);
    const last = watchRuns(() => state.items[4]);
    setState(
      'items',
      reconcile([
        { id: 3, title: 't3', done: true },
        { id: 10, title: 'new', done: false },
        { id: 1, title: 't1', done: false },
      ]),
    );
    expect(state.items.map((r) => r.id)).toEqual([3, 10, 1]);
    expect(state.items[0]).toBe(row3);
    expect(state.items[2]).toBe(row1);
    expect(state.items[0]!.done).toBe(true);
    expect([len.runs, len.last]).toEqual([2, 3]);
    expect([last.runs, last.last]).toEqual([2, undefined]);
  });

  it('diffs nested objects and arrays recursively', () => {
    const [state, setState] = store({
      items: [
        { id: 1, title: 'a', done: false, meta: { tags: ['x', 'y'], owner: { name: 'Ada' } } },
        { id: 2, title: 'b', done: false, meta: { tags: [], owner: { name: 'Bob' } } },
      ] as Todo[],
    });
    const meta0 = state.items[0]!.meta;
    const owner0 = watchRuns(() => state.items[0]!.meta!.owner!.name);
    const tag1 = watchRuns(() => state.items[0]!.meta!.tags[1]);
    const tag0 = watchRuns(() => state.items[0]!.meta!.tags[0]);
    const owner1 = watchRuns(() => state.items[1]!.meta!.owner!.name);
    setState(
      'items',
      reconcile([
        { id: 1, title: 'a', done: false, meta: { tags: ['x', 'z'], owner: { name: 'Ada' } } },
        { id: 2, title: 'b', done: false, meta: { tags: ['new'], owner: { name: 'Bea' } } },
      ]),
    );
    expect(state.items[0]!.meta).toBe(meta0);
    expect([owner0.runs, tag0.runs, tag1.runs, tag1.last, owner1.runs, owner1.last]).toEqual([
      1,
      1,
      2,
      'z',
      2,
      'Bea',
    ]);
  });

  it('deletes keys missing from the new value', () => {
    const [state, setState] = store<{ user: { name: string; nick?: string } }>({ user: { name: 'Ada', nick: 'A' } });
    const nick = watchRuns(() => state.user.nick);
    const keys = watchRuns(() => Object.keys(state.user).join());
    setState('user', reconcile({ name: 'Ada' }));
    expect([nick.runs, nick.last, keys.last]).toEqual([2, undefined, 'name']);
    expect('nick' in unwrap(state.user)).toBe(false);
  });

  it('replaces an object whose key changed; merge: true updates it in place', () => {
    const [state, setState] = store({ user: { id: 1, name: 'Ada' } });
    const first = state.user;
    setState('user', reconcile({ id: 2, name: 'Bob' }));
    expect(state.user).not.toBe(first);
    const second = state.user;
    setState('user', reconcile({ id: 3, name: 'Cy' }, { merge: true }));
    expect(state.user).toBe(second);
    expect(unwrap(state.user)).toEqual({ id: 3, name: 'Cy' });
  });

  it('key: null and merge: true match by position', () => {
    const [state, setState] = store({ items: todos(3) });
    const rows = [...state.items];
    setState('items', reconcile(todos(3).reverse(), { key: null }));
    rows.forEach((row, i) => expect(state.items[i]).toBe(row));
    expect(state.items.map((r) => r.id)).toEqual([2, 1, 0]);
    setState('items', reconcile(todos(2), { merge: true }));
    expect(state.items[0]).toBe(rows[0]);
    expect(state.items.map((r) => r.id)).toEqual([0, 1]);
  });

  it('handles primitives, unkeyed objects, duplicate keys and custom key fields', () => {
    const [state, setState] = store({
      nums: [1, 2, 3],
      plain: [{ v: 1 }, { v: 2 }],
      dup: [
        { id: 1, v: 'a' },
        { id: 1, v: 'b' },
      ],
      byCode: [
        { code: 'x', v: 1 },
        { code: 'y', v: 2 },
      ],
    });
    const n1 = watchRuns(() => state.nums[1]);
    setState('nums', reconcile([1, 5, 3, 4]));
    expect(unwrap(state.nums)).toEqual([1, 5, 3, 4]);
    expect(n1.runs).toBe(2);
    const plain0 = state.plain[0];
    setState('plain', reconcile([{ v: 9 }, { v: 2 }, { v: 3 }]));
    expect(state.plain[0]).toBe(plain0);
    expect(unwrap(state.plain)).toEqual([{ v: 9 }, { v: 2 }, { v: 3 }]);
    const [d0, d1] = state.dup;
    setState(
      'dup',
      reconcile([
        { id: 2, v: 'c' },
        { id: 1, v: 'a' },
        { id: 1, v: 'b' },
      ]),
    );
    expect(state.dup[1]).toBe(d0);
    expect(state.dup[2]).toBe(d1);
    const [x, y] = state.byCode;
    setState(
      'byCode',
      reconcile(
        [
          { code: 'y', v: 2 },
          { code: 'x', v: 3 },
        ],
        { key: 'code' },
      ),
    );
    expect(state.byCode[0]).toBe(y);
    expect(state.byCode[1]).toBe(x);
    expect(x!.v).toBe(3);
  });

  it('works at the root', () => {
    const [state, setState] = store({ a: 1, b: { c: 2 } as { c: number }, gone: 1 } as Record<string, unknown>);
    const b = state.b;
    setState(reconcile({ a: 2, b: { c: 3 } }));
    expect(state.b).toBe(b);
    expect(unwrap(state)).toEqual({ a: 2, b: { c: 3 } });
    const [list, setList] = store([{ id: 1, v: 1 }]);
    const row = list[0];
    setList(reconcile([{ id: 0, v: 0 }, { id: 1, v: 2 }]));
    expect(list[1]).toBe(row);
  });

  it('makes the state equal to the value even where objects are shared or cyclic', () => {
    const shared = { id: 1, v: 1 };
    const [state, setState] = store({ a: shared, b: shared });
    const a = state.a;
    setState(reconcile({ a: { id: 1, v: 2 }, b: { id: 1, v: 3 } }));
    expect(unwrap(state)).toEqual({ a: { id: 1, v: 2 }, b: { id: 1, v: 3 } });
    expect(state.a).toBe(a); // the first place keeps the object, the second gets its own
    interface Ring {
      id: number;
      next?: Ring;
    }
    const ring: Ring = { id: 1 };
    ring.next = ring;
    const [s2, set2] = store({ ring });
    const next: Ring = { id: 1 };
    next.next = { id: 1, next };
    set2('ring', reconcile(next));
    expect(s2.ring.next!.next!.next!.id).toBe(1);
    expect(unwrap(s2.ring.next!.next)).toBe(next);
  });

  it('accepts store state as the new value', () => {
    const [state, setState] = store({ a: [{ id: 1, v: 1 }], b: [{ id: 1, v: 2 }] });
    const rowA = state.a[0];
    setState('a', reconcile(state.b));
    expect(state.a[0]).toBe(rowA);
    expect(state.a[0]!.v).toBe(2);
    expect(unwrap(state.a)).not.toBe(unwrap(state.b));
  });
});

describe('store: types', () => {
  it('checks keys and values along the path (compile-time)', () => {
    const [state, setState] = store({
      user: { name: 'Ada', address: { city: 'London', geo: { lat: 0, tags: ['a'] } } },
      items: [{ id: 1, title: 'a', done: false, sub: [{ x: 1 }] }],
      opt: undefined as { deep?: { value: number } } | undefined,
      deep: { a: { b: { c: { d: { e: { f: 1 } } } } } },
    });
    // Valid calls, up to 5 keys deep.
    setState('user', 'name', 'Grace');
    setState('user', 'address', 'geo', 'tags', 0, 'b');
    setState('items', 0, 'sub', 0, 'x', (x) => x + 1);
    setState('items', 0, 'done', (d) => !d);
    setState('items', (items) => [...items, { id: 2, title: 'b', done: false, sub: [] }]);
    setState('items', state.items.length, { id: 3, title: 'c', done: true, sub: [] });
    setState('user', { name: 'partial is fine (merged)' });
    setState({ opt: { deep: { value: 1 } } });
    setState('opt', 'deep', 'value', 2);
    setState('items', reconcile([{ id: 1, title: 'a', done: true, sub: [] }]));
    setState('deep', 'a', 'b', 'c', 'd', 'e', 'f', (f) => f + 1); // 7 keys
    expect(state.deep.a.b.c.d.e.f).toBe(2);

    expect(unwrap(state.items)).toEqual([{ id: 1, title: "a", done: true, sub: [] }]);
    expect(state.opt!.deep!.value).toBe(2);

    // Compiled, never run: each call below must be a type error.
    const typeErrors = (): void => {
      // @ts-expect-error: unknown key
      setState('usr', 'name', 'x');
      // @ts-expect-error: unknown nested key
      setState('user', 'nmae', 'x');
      // @ts-expect-error: wrong value type at the end of the path
      setState('user', 'name', 42);
      // @ts-expect-error: array index must be a number
      setState('items', 'first', 'done', true);
      // @ts-expect-error: wrong value type 4 levels deep
      setState('user', 'address', 'geo', 'lat', 'north');
      // @ts-expect-error: wrong value type 5 levels deep
      setState('items', 0, 'sub', 0, 'x', 'one');
      // @ts-expect-error: unknown key 5 levels deep
      setState('items', 0, 'sub', 0, 'y', 1);
      // @ts-expect-error: wrong value type 7 levels deep
      setState('deep', 'a', 'b', 'c', 'd', 'e', 'f', 'one');
      // @ts-expect-error: unknown key 7 levels deep
      setState('deep', 'a', 'b', 'c', 'd', 'e', 'g', 1);
      // @ts-expect-error: an updater must return the right type
      setState('items', 0, 'done', (d) => (d ? 1 : 0));
      // @ts-expect-error: a partial object with a wrong field
      setState('user', { name: 1 });
      // @ts-expect-error: reconcile needs a complete value (missing keys are deleted)
      setState('user', reconcile({ name: 'x' }));
      // @ts-expect-error: reconcile with a wrong field type
      setState('items', reconcile([{ id: '1', title: 'a', done: true, sub: [] }]));
      // @ts-expect-error: cannot step into a primitive
      setState('user', 'name', 'length', 1);
      // @ts-expect-error: the state is typed as the data; a wrong assignment is a type error (any assignment throws at run time)
      state.user.name = 3;
    };
    void typeErrors;
    expect(() => {
      state.user.name = 'x';
    }).toThrow(/read-only/);
    expect(state.user.name).toBe('partial is fine (merged)');
  });
});

describe('store: no leaks', () => {
  it('a replaced subtree and the store itself can be collected', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const collect = async (): Promise<void> => {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        gc();
      }
    };

    // In a separate function, so that no variable of this (suspended) async function holds it.
    function scenario(): { old: WeakRef<object>; proxy: WeakRef<object>; whole: WeakRef<object>; live: object } {
      const [state, setState] = store({ big: { rows: todos(100) }, keep: { a: 1 } });
      const old = new WeakRef(unwrap(state.big));
      const proxy = new WeakRef(state.big.rows[5]!);
      const whole = new WeakRef(unwrap(state));
      let runs = 0;
      const dispose = root((dispose) => {
        renderEffect(() => {
          runs++;
          return state.big.rows.map((r) => r.title).join() + state.keep.a;
        });
        return dispose;
      });
      setState('big', { rows: todos(1) }); // merged: `rows` replaced
      setState({ big: { rows: [] } }); // the old `big` object replaced
      expect(runs).toBe(3);
      const live = state.keep; // kept alive by the caller: the rest must go
      dispose();
      return { old, proxy, whole, live };
    }
    const { old, proxy, whole, live } = scenario();
    await collect();
    expect(old.deref()).toBe(undefined);
    expect(proxy.deref()).toBe(undefined);
    expect(whole.deref()).toBe(undefined);
    expect(live).toEqual({ a: 1 });
  });
});
