import { afterEach, describe, expect, it } from 'vitest';
import { batch, effect, memo, onCleanup, renderEffect, root, signal, watch } from '../src/index.js';
import { setServer } from '../src/internal.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('renderEffect timing', () => {
  it('runs synchronously at creation and after each affecting write', () => {
    const [a, setA] = signal(1);
    const log: number[] = [];
    renderEffect(() => log.push(a()));
    expect(log).toEqual([1]);
    setA(2);
    expect(log).toEqual([1, 2]);
  });

  it('runs once at the end of the outermost batch (nested batches)', () => {
    const [a, setA] = signal(1);
    const log: number[] = [];
    renderEffect(() => log.push(a()));
    batch(() => {
      setA(2);
      batch(() => setA(3));
      expect(log).toEqual([1]);
      setA(4);
    });
    expect(log).toEqual([1, 4]);
  });

  it('passes the previous return value and starts from `initial`', () => {
    const [a, setA] = signal('x');
    const prevs: (string | undefined)[] = [];
    renderEffect<string>((prev) => (prevs.push(prev), a()), 'init');
    setA('y');
    expect(prevs).toEqual(['init', 'x']);
  });

  it('returns a disposer that stops it and runs its cleanups', () => {
    const [a, setA] = signal(1);
    const log: string[] = [];
    const dispose = renderEffect(() => {
      const v = a();
      log.push(`run ${v}`);
      onCleanup(() => log.push(`cleanup ${v}`));
    });
    setA(2);
    dispose();
    setA(3);
    expect(log).toEqual(['run 1', 'cleanup 1', 'run 2', 'cleanup 2']);
  });

  it('writes inside an effect propagate within the same flush', () => {
    const [a, setA] = signal(1);
    const [b, setB] = signal(0);
    const log: string[] = [];
    renderEffect(() => setB(a() * 10));
    renderEffect(() => log.push(`b=${b()}`));
    setA(2);
    expect(log).toEqual(['b=10', 'b=20']);
  });

  it('an effect that converges after writing its own source is fine', () => {
    const [a, setA] = signal(0);
    let runs = 0;
    renderEffect(() => {
      runs++;
      if (a() > 10) setA(10);
    });
    setA(50);
    expect(a()).toBe(10);
    expect(runs).toBe(3);
  });

  it('throws a clear error on a runaway loop, and the graph keeps working', () => {
    const [a, setA] = signal(0);
    const [other, setOther] = signal(0);
    const seen: number[] = [];
    renderEffect(() => seen.push(other()));
    const stop = root((dispose) => {
      renderEffect(function countUp() {
        if (a() > 0) setA(a() + 1);
      });
      return dispose;
    });
    // Development builds (tests run as one) name the effects still queued and say what to do.
    expect(() => setA(1)).toThrow(/^Runaway update loop: .*still queued: countUp\).*memo\(\)/);
    stop();
    setOther(7);
    expect(seen).toEqual([0, 7]);
  });

  it('writes during disposal are applied and reach live readers only', () => {
    const [a, setA] = signal(0);
    const log: number[] = [];
    renderEffect(() => log.push(a()));
    root((dispose) => {
      renderEffect(() => {
        a();
        onCleanup(() => setA(99));
      });
      dispose();
    });
    expect(log).toEqual([0, 99]);
  });

  it('an effect disposed by an earlier effect in the same flush does not run', () => {
    const [a, setA] = signal(0);
    const log: string[] = [];
    let disposeB = () => {};
    renderEffect(() => {
      if (a() === 1) disposeB();
    });
    disposeB = renderEffect(() => log.push(`b ${a()}`));
    setA(1);
    expect(log).toEqual(['b 0']);
  });

  it('re-running a parent effect disposes the children it created, which do not run stale', () => {
    const [user, setUser] = signal<{ name: string } | null>({ name: 'Ada' });
    const log: string[] = [];
    renderEffect(() => {
      const u = user();
      if (u === null) return;
      // The child reads user() too: it must never see null (the parent re-runs first).
      renderEffect(() => log.push(user()!.name));
    });
    setUser({ name: 'Grace' });
    setUser(null);
    expect(log).toEqual(['Ada', 'Grace']);
  });
});

describe('effect timing', () => {
  it('runs after the current render work, in a microtask, batched', async () => {
    const [a, setA] = signal(1);
    const log: string[] = [];
    effect(() => log.push(`effect ${a()}`));
    renderEffect(() => log.push(`render ${a()}`));
    expect(log).toEqual(['render 1']);
    await tick();
    expect(log).toEqual(['render 1', 'effect 1']);
    setA(2);
    setA(3);
    expect(log).toEqual(['render 1', 'effect 1', 'render 2', 'render 3']);
    await tick();
    expect(log.at(-1)).toBe('effect 3');
    expect(log.filter((l) => l.startsWith('effect'))).toHaveLength(2);
  });

  it('returns a disposer; a disposed effect never runs', async () => {
    const [a, setA] = signal(1);
    let runs = 0;
    const dispose = effect(() => (a(), runs++));
    dispose();
    setA(2);
    await tick();
    expect(runs).toBe(0);
  });

  describe('on the server', () => {
    afterEach(() => setServer(false));
    it('never runs effects or watchers, but render effects and memos work', async () => {
      setServer(true);
      const [a, setA] = signal(1);
      let effects = 0;
      effect(() => (a(), effects++));
      watch(a, () => effects++, { immediate: true });
      const m = memo(() => a() + 1);
      setA(2);
      await tick();
      expect(effects).toBe(0);
      expect(m()).toBe(3);
    });
  });
});

describe('watch', () => {
  it('calls back on change with value and previous, untracked', async () => {
    const [a, setA] = signal(1);
    const [other, setOther] = signal(0);
    const calls: [number, number | undefined][] = [];
    const stop = watch(a, (v, prev) => {
      other();
      calls.push([v, prev]);
    });
    expect(calls).toEqual([]);
    setA(2);
    await tick();
    setOther(1);
    await tick();
    expect(calls).toEqual([[2, 1]]);
    stop();
    setA(3);
    await tick();
    expect(calls).toEqual([[2, 1]]);
  });

  it('immediate calls back right away', () => {
    const [a] = signal('x');
    const calls: unknown[] = [];
    watch(a, (v, prev) => calls.push([v, prev]), { immediate: true });
    expect(calls).toEqual([['x', undefined]]);
  });
});

describe('writes made while a computation runs', () => {
  it('an effect whose first run writes its own source re-runs after that run, not inside it', () => {
    const [a, setA] = signal(0);
    const log: string[] = [];
    renderEffect(() => {
      const v = a();
      log.push(`start ${v}`);
      if (v === 0) setA(1);
      log.push(`end ${v}`);
    });
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1']);
  });

  it('a memo that writes while computing outside a flush does not run effects inside it', () => {
    const [a, setA] = signal(0);
    const [b, setB] = signal(0);
    const seen: number[] = [];
    renderEffect(() => seen.push(b()));
    const m = memo(() => {
      setB(a() * 10);
      return a();
    });
    expect(m()).toBe(0);
    setA(2);
    expect(m()).toBe(2);
    expect(seen).toEqual([0, 20]);
  });
});
