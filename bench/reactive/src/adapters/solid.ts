// solid-js resolves to its no-op server build under Node's "node" export condition, so the
// reactive client build is imported by path (as the public js-reactivity-benchmark does).
import {
  batch,
  createMemo,
  createRenderEffect,
  createRoot,
  createSignal,
  untrack,
} from 'solid-js/dist/solid.js';
import type { Adapter, Built } from '../adapter.js';

export const solid: Adapter = {
  id: 'solid',
  label: 'solid-js 1.9.19 (client build)',
  // createMemo computes eagerly on creation and on every change, read or not.
  lazyMemos: false,
  signal<T>(initial: T) {
    const [get, set] = createSignal(initial);
    // Values stored by the benchmark are never functions, so `set` never sees an updater.
    const write = set as (v: T) => void;
    return { read: get, write: (v: T) => write(v) };
  },
  computed<T>(fn: () => T) {
    return { read: createMemo(fn) };
  },
  effect(fn) {
    // createEffect is deferred (queued to the end of the running update); createRenderEffect
    // runs synchronously like the other libraries' effects.
    createRenderEffect(fn);
  },
  batch(fn) {
    batch(fn);
  },
  untrack<T>(fn: () => T): T {
    return untrack(fn);
  },
  build<T>(fn: () => T): Built<T> {
    let dispose!: () => void;
    const value = createRoot((d) => {
      dispose = d;
      return fn();
    });
    return { value, dispose };
  },
};
