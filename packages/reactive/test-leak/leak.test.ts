/**
 * Leak tests: run in a forked process with --expose-gc (see vitest.config.ts, project "leaks").
 * A long-lived signal is read by subtrees that are created and disposed again and again; after
 * a macrotask and a full GC, nothing of the disposed subtrees may be reachable.
 */
import { describe, expect, it } from 'vitest';
import {
  catchError,
  createContext,
  getOwner,
  memo,
  onCleanup,
  provideContext,
  renderEffect,
  root,
  selector,
  signal,
  useContext,
} from '../src/index.js';

declare const gc: () => void;

async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
}

const Ctx = createContext(0);

describe('no leaks', () => {
  it('10,000 create/dispose cycles of a 100-node subtree leave no live nodes', async () => {
    expect(typeof gc).toBe('function');
    const [source, setSource] = signal(0);
    const isSelected = selector(source);
    const refs: WeakRef<object>[] = [];
    let runs = 0;

    await collect();
    const heapBefore = process.memoryUsage().heapUsed;

    for (let cycle = 0; cycle < 10_000; cycle++) {
      const sample = cycle % 100 === 0; // keep WeakRefs to every node of 100 of the cycles
      root((dispose) => {
        provideContext(Ctx, cycle);
        if (sample) refs.push(new WeakRef(getOwner()!));
        // 100 computations: 10 branches of (memo → memo → 8 nested effects), with cleanups,
        // context reads, an error boundary and a selector read.
        for (let b = 0; b < 10; b++) {
          const base = memo(() => source() + b);
          const derived = memo(() => base() * 2 + useContext(Ctx));
          catchError(
            () =>
              renderEffect(() => {
                derived();
                runs++;
                if (sample) refs.push(new WeakRef(getOwner()!));
                for (let e = 0; e < 7; e++) {
                  renderEffect(() => {
                    isSelected(e);
                    onCleanup(() => {});
                    if (sample) refs.push(new WeakRef(getOwner()!));
                  });
                }
              }),
            () => {},
          );
          if (sample) refs.push(new WeakRef(base), new WeakRef(derived));
        }
        setSource((s) => s + 1); // every node re-runs once while alive
        dispose();
      });
    }

    const runsBefore = runs;
    setSource(-1);
    expect(runs).toBe(runsBefore); // nothing disposed is still subscribed

    await collect();
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    expect(refs.length).toBeGreaterThan(10_000);
    expect(alive).toBe(0);
    const growth = process.memoryUsage().heapUsed - heapBefore;
    // A leak of one object per node would be 1,000,000 objects (well over 50 MB).
    expect(growth).toBeLessThan(8 * 1024 * 1024);
  }, 60_000);

  it('a selector forgets the keys whose readers are gone', async () => {
    const [selected] = signal(-1);
    const isSelected = selector(selected);
    await collect();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200_000; i++) {
      root((dispose) => {
        renderEffect(() => isSelected(i));
        dispose();
      });
    }
    await collect();
    // Kept keys would cost a node and a map entry each: well over 20 MB for 200,000 of them.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(4 * 1024 * 1024);
  }, 60_000);

  it('a dropped unowned memo is collectable once its source is', async () => {
    let ref!: WeakRef<object>;
    (() => {
      const [a] = signal(1);
      const m = memo(() => a() + 1);
      m();
      ref = new WeakRef(m);
    })();
    await collect();
    expect(ref.deref()).toBeUndefined();
  });
});
