import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexArray, mapArray } from '../src/array.js';
import {
  batch,
  catchError,
  createContext,
  effect,
  onCleanup,
  provideContext,
  renderEffect,
  root,
  signal,
  store,
  useContext,
  type Accessor,
} from '../src/index.js';
import { tick } from './helpers.js';
import { setServer } from '../src/env.js';

interface Item {
  id: number;
  label: string;
}

const item = (id: number): Item => ({ id, label: `#${id}` });

describe('mapArray', () => {
  it('maps each item once and keeps rows while their items stay', () => {
    const a = item(1),
      b = item(2),
      c = item(3);
    const [list, setList] = signal<Item[]>([a, b]);
    const calls: number[] = [];
    root(() => {
      const rows = mapArray(list, (it) => {
        calls.push(it.id);
        return { it };
      });
      const first = rows();
      expect(first.map((r) => r.it)).toEqual([a, b]);
      setList([b, c, a]);
      const second = rows();
      expect(second.map((r) => r.it)).toEqual([b, c, a]);
      expect(second[0]).toBe(first[1]);
      expect(second[2]).toBe(first[0]);
      expect(calls).toEqual([1, 2, 3]);
    });
  });

  it('disposes the owner of a removed row, and of every row with the list', () => {
    const [list, setList] = signal([1, 2, 3]);
    const disposed: number[] = [];
    const dispose = root((dispose) => {
      const rows = mapArray(list, (n) => {
        onCleanup(() => disposed.push(n));
        return n;
      });
      renderEffect(() => void rows());
      return dispose;
    });
    setList([1, 3]);
    expect(disposed).toEqual([2]);
    dispose();
    expect(disposed.sort()).toEqual([1, 2, 3]);
  });

  it('the index accessor follows moves', () => {
    const [list, setList] = signal(['a', 'b', 'c']);
    const seen: string[] = [];
    root(() => {
      const rows = mapArray(list, (s, index) => {
        renderEffect(() => void seen.push(`${s}${index()}`));
        return s;
      });
      renderEffect(() => void rows());
    });
    expect(seen).toEqual(['a0', 'b1', 'c2']);
    seen.length = 0;
    setList(['c', 'a', 'b']);
    expect(seen.sort()).toEqual(['a1', 'b2', 'c0']);
    seen.length = 0;
    setList(['c', 'a', 'b', 'd']);
    expect(seen).toEqual(['d3']);
  });

  it('a list update that changes one row maps nothing else', () => {
    const items = Array.from({ length: 100 }, (_, i) => item(i));
    const [list, setList] = signal(items);
    let calls = 0;
    root(() => {
      const rows = mapArray(list, (it) => (calls++, it.label));
      renderEffect(() => void rows());
    });
    expect(calls).toBe(100);
    const next = items.slice();
    next[50] = item(1000);
    setList(next);
    expect(calls).toBe(101);
  });

  it('keys rows by `key`: a new object under a surviving key keeps its row', () => {
    const [list, setList] = signal([item(1), item(2)]);
    let calls = 0;
    root(() => {
      const rows = mapArray(list, (it) => (calls++, { id: it.id }), { key: (it) => it.id });
      const before = rows();
      setList([item(2), item(1), item(3)]);
      const after = rows();
      expect(after[0]).toBe(before[1]);
      expect(after[1]).toBe(before[0]);
      expect(after[2]!.id).toBe(3);
      expect(calls).toBe(3);
    });
  });

  it('returns the previous array when nothing changed', () => {
    const a = item(1);
    const [list, setList] = signal([a]);
    root(() => {
      const rows = mapArray(list, (it) => it.id);
      let runs = 0;
      renderEffect(() => {
        rows();
        runs++;
      });
      const first = rows();
      setList([a]);
      expect(rows()).toBe(first);
      expect(runs).toBe(1);
    });
  });

  it('maps the fallback in its own owner while the list is empty', () => {
    const [list, setList] = signal<number[] | null>(null);
    const log: string[] = [];
    root(() => {
      const rows = mapArray(list, (n) => `row ${n}`, {
        fallback: () => {
          log.push('fallback');
          onCleanup(() => log.push('fallback gone'));
          return 'empty';
        },
      });
      expect(rows()).toEqual(['empty']);
      setList([]);
      expect(rows()).toEqual(['empty']);
      setList([1]);
      expect(rows()).toEqual(['row 1']);
      setList([]);
      expect(rows()).toEqual(['empty']);
    });
    expect(log).toEqual(['fallback', 'fallback gone', 'fallback']);
  });

  it('treats undefined, null and false as an empty list', () => {
    const [list, setList] = signal<number[] | undefined | null | false>([1]);
    root(() => {
      const rows = mapArray(list, (n) => n * 2);
      expect(rows()).toEqual([2]);
      for (const empty of [undefined, null, false] as const) {
        setList(empty);
        expect(rows()).toEqual([]);
        setList([1]);
      }
    });
  });

  it('rows run untracked, inside the list owner context', () => {
    const Ctx = createContext('none');
    const [list, setList] = signal([1]);
    const [other, setOther] = signal(0);
    let calls = 0;
    const seen: string[] = [];
    root(() => {
      provideContext(Ctx, 'provided');
      const rows = mapArray(list, () => {
        calls++;
        other();
        seen.push(useContext(Ctx));
        return 1;
      });
      renderEffect(() => void rows());
    });
    setOther(1);
    expect(calls).toBe(1);
    setList([1, 2]);
    expect(seen).toEqual(['provided', 'provided']);
  });

  it('errors in rows go to the handler around the list', () => {
    const [list, setList] = signal([1]);
    const [bad, setBad] = signal(false);
    const errors: unknown[] = [];
    root(() => {
      catchError(
        () => {
          const rows = mapArray(list, (n) => {
            renderEffect(() => {
              if (bad()) throw new Error(`row ${n}`);
            });
            return n;
          });
          renderEffect(() => void rows());
        },
        (e) => errors.push((e as Error).message),
      );
    });
    setBad(true);
    expect(errors).toEqual(['row 1']);
    setList([1, 2]);
    expect(errors).toEqual(['row 1', 'row 2']);
  });

  it('a mapping function that throws leaves no row behind, and the next update starts over', () => {
    const [list, setList] = signal([1, 2]);
    const live = new Set<number>();
    root(() => {
      const rows = mapArray(list, (n) => {
        live.add(n);
        onCleanup(() => live.delete(n));
        if (n === 3) throw new Error('three');
        return n;
      });
      expect(rows()).toEqual([1, 2]);
      setList([1, 2, 3]);
      expect(() => rows()).toThrow('three');
      expect(live.size).toBe(0);
      setList([2, 1]);
      expect(rows()).toEqual([2, 1]);
      expect([...live].sort()).toEqual([1, 2]);
    });
  });

  it("a row removed in the same batch as a change its effects read never sees the change", () => {
    const [ids, setIds] = signal([1, 2]);
    const [byId, setById] = signal<Record<number, { name: string }>>({ 1: { name: 'a' }, 2: { name: 'b' } });
    const seen: string[] = [];
    root(() => {
      const rows = mapArray(ids, (id) => {
        renderEffect(() => void seen.push(byId()[id]!.name));
        return id;
      });
      renderEffect(() => void rows());
    });
    expect(() =>
      batch(() => {
        setIds([1]);
        setById({ 1: { name: 'A' } });
      }),
    ).not.toThrow();
    expect(seen).toEqual(['a', 'b', 'A']);
  });

  it('maps a store array, tracking it as a whole; store items keep their identity', () => {
    const [state, setState] = store({ todos: [{ id: 1, title: 'a' }, { id: 2, title: 'b' }] });
    let calls = 0;
    const titles: string[] = [];
    root(() => {
      const rows = mapArray(
        () => state.todos,
        (todo) => {
          calls++;
          renderEffect(() => void titles.push(todo.title));
          return todo;
        },
      );
      renderEffect(() => void rows());
    });
    setState('todos', 1, 'title', 'B');
    expect(titles).toEqual(['a', 'b', 'B']);
    setState('todos', (todos) => [...todos, { id: 3, title: 'c' }]);
    expect(calls).toBe(3);
    expect(titles).toEqual(['a', 'b', 'B', 'c']);
  });

  it('user effects inside rows run, and stop with their row', async () => {
    const [list, setList] = signal([1, 2]);
    const ran: number[] = [];
    root(() => {
      const rows = mapArray(list, (n) => {
        effect(() => void ran.push(n));
        return n;
      });
      renderEffect(() => void rows());
    });
    setList([2]);
    await tick();
    expect(ran).toEqual([2]);
  });
});

describe('indexArray', () => {
  it('maps by position; an item change updates only its row', () => {
    const [list, setList] = signal(['a', 'b', 'c']);
    let calls = 0;
    const seen: string[] = [];
    root(() => {
      const rows = indexArray(list, (value, i) => {
        calls++;
        renderEffect(() => void seen.push(`${i}:${value()}`));
        return i;
      });
      renderEffect(() => void rows());
      expect(rows()).toEqual([0, 1, 2]);
    });
    seen.length = 0;
    setList(['a', 'x', 'c']);
    expect(seen).toEqual(['1:x']);
    expect(calls).toBe(3);
  });

  it('disposes rows past the new length and maps new positions', () => {
    const [list, setList] = signal([1, 2, 3]);
    const disposed: number[] = [];
    let rows!: Accessor<number[]>;
    root(() => {
      rows = indexArray(list, (_value, i) => {
        onCleanup(() => disposed.push(i));
        return i;
      });
    });
    expect(rows()).toEqual([0, 1, 2]);
    setList([1]);
    expect(rows()).toEqual([0]);
    expect(disposed.sort()).toEqual([1, 2]);
    setList([1, 2]);
    expect(rows()).toEqual([0, 1]);
  });

  it('stores function items as values', () => {
    const f = () => 1;
    const g = () => 2;
    const [list, setList] = signal([f]);
    let item!: Accessor<() => number>;
    root(() => {
      const rows = indexArray(list, (value) => ((item = value), 0));
      rows();
      setList(() => [g]);
      rows();
    });
    expect(item()).toBe(g);
  });

  it('maps the fallback while empty', () => {
    const [list, setList] = signal<number[]>([]);
    root(() => {
      const rows = indexArray(list, (v, i) => `${i}`, { fallback: () => 'none' });
      expect(rows()).toEqual(['none']);
      setList([5]);
      expect(rows()).toEqual(['0']);
      setList([]);
      expect(rows()).toEqual(['none']);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

/** Lists drawn from a small pool of items, so keys repeat, survive, move and vanish. */
const pool = Array.from({ length: 8 }, (_, i) => item(i));
const listArb = fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 10 });
type Step = { kind: 'set'; ids: number[] } | { kind: 'batch'; lists: number[][] } | { kind: 'swap'; a: number; b: number };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: listArb.map((ids) => ({ kind: 'set' as const, ids })) },
  // Two positions of the current list exchanged (the swap fast path, repeated keys included).
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), a: fc.nat(20), b: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.array(listArb, { minLength: 1, maxLength: 3 }).map((lists) => ({ kind: 'batch' as const, lists })) },
);

interface MappedRow {
  key: number;
  item: Item;
  index: Accessor<number>;
  /** The index a render effect in the row last saw. */
  seenIndex: number;
}

describe('mapArray (property)', () => {
  for (const keyed of [false, true]) {
    it(`matches mapping the list directly, keeps surviving rows, disposes removed ones once (${keyed ? 'key option' : 'item identity'})`, () => {
      fc.assert(
        fc.property(listArb, fc.array(stepArb, { maxLength: 12 }), (initial, steps) => {
          // With the key option, items are fresh objects on every update: only the id survives.
          const toItems = (ids: number[]) => ids.map((id) => (keyed ? item(id) : pool[id]!));
          const [list, setList] = signal(toItems(initial));
          const disposals = new Map<MappedRow, number>();
          let created: MappedRow[] = [];
          let rows!: Accessor<MappedRow[]>;
          const dispose = root((dispose) => {
            rows = mapArray(
              list,
              (it, index) => {
                const row: MappedRow = { key: it.id, item: it, index, seenIndex: -1 };
                renderEffect(() => void (row.seenIndex = index()));
                onCleanup(() => disposals.set(row, (disposals.get(row) ?? 0) + 1));
                created.push(row);
                return row;
              },
              keyed ? { key: (it) => it.id } : undefined,
            );
            renderEffect(() => void rows());
            return dispose;
          });
          let prev = rows();
          expect(created.map((r) => r.key)).toEqual(initial);
          created = [];
          let ids = initial;
          const check = () => {
            const out = rows();
            expect(out.map((r) => r.key)).toEqual(ids);
            if (!keyed) out.forEach((r, j) => expect(r.item).toBe(list()[j]));
            out.forEach((r, j) => {
              expect(r.index()).toBe(j);
              expect(r.seenIndex).toBe(j);
            });
            // Surviving keys keep their rows: a key present k times before and l times now keeps
            // min(k, l) of its old rows, in their old relative order; only the others are mapped.
            const oldByKey = new Map<number, MappedRow[]>();
            for (const r of prev) oldByKey.set(r.key, [...(oldByKey.get(r.key) ?? []), r]);
            const newByKey = new Map<number, MappedRow[]>();
            for (const r of out) newByKey.set(r.key, [...(newByKey.get(r.key) ?? []), r]);
            const kept = new Set<MappedRow>();
            for (const [key, now] of newByKey) {
              const before = oldByKey.get(key) ?? [];
              const survivors = now.filter((r) => before.includes(r));
              expect(survivors.length).toBe(Math.min(before.length, now.length));
              expect(survivors).toEqual(before.filter((r) => survivors.includes(r)));
              for (const r of survivors) kept.add(r);
            }
            const expectedNew = out.filter((r) => !kept.has(r)).map((r) => r.key);
            expect(created.map((r) => r.key)).toEqual(expectedNew);
            created = [];
            for (const r of prev) expect(disposals.get(r) ?? 0).toBe(kept.has(r) ? 0 : 1);
            for (const r of out) expect(disposals.get(r) ?? 0).toBe(0);
            prev = out;
          };
          check();
          for (const step of steps) {
            if (step.kind === 'set') {
              ids = step.ids;
              setList(toItems(ids));
            } else if (step.kind === 'swap') {
              if (ids.length === 0) continue;
              const a = step.a % ids.length;
              const b = step.b % ids.length;
              ids = ids.slice();
              [ids[a], ids[b]] = [ids[b]!, ids[a]!];
              setList(toItems(ids));
            } else {
              batch(() => {
                for (const l of step.lists) setList(toItems(l));
              });
              ids = step.lists[step.lists.length - 1]!;
            }
            check();
          }
          dispose();
          for (const r of prev) expect(disposals.get(r)).toBe(1);
          for (const count of disposals.values()) expect(count).toBe(1);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('indexArray: rows by position, items as signals, removed positions disposed once', () => {
    fc.assert(
      fc.property(listArb, fc.array(listArb, { maxLength: 12 }), (initial, updates) => {
        const [list, setList] = signal(initial);
        const disposals = new Map<object, number>();
        let rows!: Accessor<{ item: Accessor<number>; index: number; seen: number }[]>;
        const dispose = root((dispose) => {
          rows = indexArray(list, (it, index) => {
            const row = { item: it, index, seen: -1 };
            renderEffect(() => void (row.seen = it()));
            onCleanup(() => disposals.set(row, (disposals.get(row) ?? 0) + 1));
            return row;
          });
          renderEffect(() => void rows());
          return dispose;
        });
        let prev = rows();
        for (const next of updates) {
          setList(next);
          const out = rows();
          expect(out.map((r) => r.item())).toEqual(next);
          expect(out.map((r) => r.seen)).toEqual(next);
          out.forEach((r, i) => {
            expect(r.index).toBe(i);
            if (i < prev.length) expect(r).toBe(prev[i]);
          });
          prev.forEach((r, i) => expect(disposals.get(r) ?? 0).toBe(i < next.length ? 0 : 1));
          prev = out;
        }
        dispose();
        for (const count of disposals.values()) expect(count).toBe(1);
        expect(disposals.size).toBeGreaterThanOrEqual(prev.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lists on the server', () => {
  it('map every row once, in order, with constant indexes, and the fallback when empty', () => {
    setServer(true);
    try {
      root((dispose) => {
        const calls: string[] = [];
        const [items] = signal(['a', 'b', 'c']);
        const keyed = mapArray(items, (item, index) => {
          calls.push(item);
          return `${index()}:${item}`;
        });
        expect(keyed()).toEqual(['0:a', '1:b', '2:c']);
        expect(keyed()).toEqual(['0:a', '1:b', '2:c']);
        expect(calls).toEqual(['a', 'b', 'c']);
        const byIndex = indexArray(items, (item, index) => `${index}:${item()}`);
        expect(byIndex()).toEqual(['0:a', '1:b', '2:c']);
        const [none] = signal<string[]>([]);
        expect(mapArray(none, (x) => x, { fallback: () => 'empty' })()).toEqual(['empty']);
        expect(indexArray(none, (x) => x(), { fallback: () => 'empty' })()).toEqual(['empty']);
        // What a row creates belongs to the render: disposed with it.
        const cleanups: string[] = [];
        mapArray(items, (item) => onCleanup(() => cleanups.push(item)))();
        dispose();
        expect(cleanups.sort()).toEqual(['a', 'b', 'c']);
      });
    } finally {
      setServer(false);
    }
  });

  it('map reactively again once server mode is off (the server list is installed with it)', () => {
    setServer(true);
    setServer(false);
    root((dispose) => {
      const [items, setItems] = signal(['a', 'b']);
      const mapped = mapArray(items, (item, index) => () => `${index()}:${item}`);
      expect(mapped().map((f) => f())).toEqual(['0:a', '1:b']);
      setItems(['b', 'a']);
      expect(mapped().map((f) => f())).toEqual(['0:b', '1:a']);
      dispose();
    });
  });
});
