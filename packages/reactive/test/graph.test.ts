import { describe, expect, it } from 'vitest';
import { batch, memo, renderEffect, root, signal, untrack } from '../src/index.js';

describe('signal', () => {
  it('reads, writes and applies updaters', () => {
    const [count, setCount] = signal(1);
    setCount(5);
    expect(count()).toBe(5);
    setCount((c) => c + 1);
    expect(count()).toBe(6);
  });

  it('stores a function through an updater', () => {
    const [fn, setFn] = signal<() => number>(() => 1);
    setFn(() => () => 2);
    expect(fn()()).toBe(2);
  });

  it('notifies only on change (Object.is) unless equals is false', () => {
    const [a, setA] = signal(NaN);
    const [b, setB] = signal(1, { equals: false });
    let runsA = 0;
    let runsB = 0;
    renderEffect(() => (a(), runsA++));
    renderEffect(() => (b(), runsB++));
    setA(NaN);
    setB(1);
    expect([runsA, runsB]).toEqual([1, 2]);
  });

  it('uses a custom equals', () => {
    const [p, setP] = signal({ x: 1 }, { equals: (l, r) => l.x === r.x });
    let runs = 0;
    renderEffect(() => (p(), runs++));
    setP({ x: 1 });
    expect(runs).toBe(1);
    setP({ x: 2 });
    expect(runs).toBe(2);
  });
});

describe('memo', () => {
  it('is lazy: computes on first read, never when unread', () => {
    const [a, setA] = signal(1);
    let runs = 0;
    const double = memo(() => (runs++, a() * 2));
    setA(2);
    expect(runs).toBe(0);
    expect(double()).toBe(4);
    expect(double()).toBe(4);
    expect(runs).toBe(1);
  });

  it('recomputes at most once per batch, only when read', () => {
    const [a, setA] = signal(1);
    let runs = 0;
    const m = memo(() => (runs++, a()));
    let effects = 0;
    renderEffect(() => (m(), effects++));
    batch(() => {
      setA(2);
      setA(3);
      setA(4);
    });
    expect(runs).toBe(2);
    expect(effects).toBe(2);
  });

  it('reads inside a batch see the new value', () => {
    const [a, setA] = signal(1);
    const double = memo(() => a() * 2);
    double();
    batch(() => {
      setA(5);
      expect(double()).toBe(10);
    });
  });

  it('cuts off propagation when the value is equal', () => {
    const [a, setA] = signal(1);
    let downstream = 0;
    const parity = memo(() => a() % 2);
    const label = memo(() => (downstream++, parity() ? 'odd' : 'even'));
    renderEffect(() => label());
    setA(3);
    setA(5);
    expect(downstream).toBe(1);
    setA(4);
    expect(downstream).toBe(2);
    expect(label()).toBe('even');
  });

  it('supports a custom equals and receives the previous value', () => {
    const [a, setA] = signal([1, 2]);
    const prevs: (number | undefined)[] = [];
    const sum = memo<number>((prev) => (prevs.push(prev), a().reduce((x, y) => x + y, 0)));
    const rounded = memo(() => sum(), { equals: (x, y) => Math.round(x / 10) === Math.round(y / 10) });
    let runs = 0;
    renderEffect(() => (rounded(), runs++));
    setA([1, 3]);
    expect(runs).toBe(1);
    expect(prevs).toEqual([undefined, 3]);
    setA([50]);
    expect(runs).toBe(2);
  });

  it('is glitch-free in a diamond', () => {
    const [a, setA] = signal(1);
    const b = memo(() => a() + 1);
    const c = memo(() => a() * 10);
    const seen: string[] = [];
    let dRuns = 0;
    const d = memo(() => (dRuns++, `${b()}/${c()}`));
    renderEffect(() => seen.push(d()));
    setA(2);
    expect(seen).toEqual(['2/10', '3/20']);
    expect(dRuns).toBe(2);
  });

  it('runs effects after the memos they read are current, in a deep chain', () => {
    const [a, setA] = signal(0);
    let node = memo(() => a());
    // The first read of a lazy memo calls its function, which reads the next memo: a chain is
    // first computed as it is built (as a UI does). Updates then travel 10,000 levels without
    // recursion (propagation and dirty checking use explicit stacks).
    for (let i = 0; i < 10_000; i++) {
      const prev = node;
      node = memo(() => prev() + 1);
      node();
    }
    const last = node;
    const seen: number[] = [];
    renderEffect(() => seen.push(last() - a()));
    setA(5);
    expect(seen).toEqual([10_000, 10_000]);
    expect(last()).toBe(10_005);
  });

  it('tracks exactly what the last run read (dynamic dependencies)', () => {
    const [cond, setCond] = signal(true);
    const [x, setX] = signal('x');
    const [y, setY] = signal('y');
    let runs = 0;
    const pick = memo(() => (runs++, cond() ? x() : y()));
    renderEffect(() => pick());
    setY('y2'); // not read now
    expect(runs).toBe(1);
    setCond(false);
    expect(runs).toBe(2);
    setX('x2'); // x no longer read
    expect(runs).toBe(2);
    setY('y3');
    expect(runs).toBe(3);
    expect(pick()).toBe('y3');
  });

  it('an unobserved memo stops following its sources until read again', () => {
    const [show, setShow] = signal(true);
    const [a, setA] = signal(1);
    let runs = 0;
    const expensive = memo(() => (runs++, a() * 2));
    renderEffect(() => (show() ? expensive() : null));
    expect(runs).toBe(1);
    setShow(false);
    setA(2);
    setA(3);
    expect(runs).toBe(1); // the unread branch costs nothing
    expect(expensive()).toBe(6);
    expect(runs).toBe(2);
  });

  it('untrack reads without subscribing', () => {
    const [a, setA] = signal(1);
    const [b, setB] = signal(1);
    let runs = 0;
    renderEffect(() => (a(), untrack(b), runs++));
    setB(2);
    expect(runs).toBe(1);
    setA(2);
    expect(runs).toBe(2);
  });

  it('repeated reads of one source in a run link once', () => {
    const [a, setA] = signal(1);
    const [b] = signal(1);
    let runs = 0;
    renderEffect(() => (a(), b(), a(), b(), a(), runs++));
    setA(2);
    expect(runs).toBe(2);
  });

  it('a memo that throws holds the error and recovers', () => {
    const [a, setA] = signal(0);
    const m = memo(() => {
      if (a() < 0) throw new RangeError('negative');
      return a();
    });
    setA(-1);
    expect(() => m()).toThrow(RangeError);
    expect(() => m()).toThrow('negative');
    setA(3);
    expect(m()).toBe(3);
  });

  it('reports a cycle instead of hanging', () => {
    const a: () => number = memo(() => b() + 1);
    const b: () => number = memo(() => a() + 1);
    expect(() => a()).toThrow(/Cycle detected/);
    const self: () => number = memo(() => self());
    expect(() => self()).toThrow(/Cycle detected/);
  });

  it('a disposed memo returns its last value and no longer recomputes', () => {
    const [a, setA] = signal(1);
    let runs = 0;
    let m!: () => number;
    root((dispose) => {
      m = memo(() => (runs++, a() * 2));
      expect(m()).toBe(2);
      dispose();
    });
    setA(5);
    expect(m()).toBe(2);
    expect(runs).toBe(1);
  });
});
