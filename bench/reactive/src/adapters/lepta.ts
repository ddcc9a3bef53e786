import { batch, memo, renderEffect, root, signal, untrack } from '@lepta/reactive';
import type { Adapter, Built } from '../adapter.js';

export const lepta: Adapter = {
  id: 'lepta',
  label: '@lepta/reactive (this repo, built dist)',
  lazyMemos: true,
  signal<T>(initial: T) {
    const [get, set] = signal(initial);
    // `set(fn)` is an updater; the benchmark only stores numbers and plain objects.
    const write = set as (v: T) => void;
    return { read: get, write: (v: T) => write(v) };
  },
  computed<T>(fn: () => T) {
    return { read: memo(fn) };
  },
  effect(fn) {
    renderEffect(fn);
  },
  batch(fn) {
    batch(fn);
  },
  untrack<T>(fn: () => T): T {
    return untrack(fn);
  },
  build<T>(fn: () => T): Built<T> {
    let dispose!: () => void;
    const value = root((d) => {
      dispose = d;
      return fn();
    });
    return { value, dispose };
  },
};
