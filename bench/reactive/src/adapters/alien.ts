import {
  computed,
  effect,
  effectScope,
  endBatch,
  setActiveSub,
  signal,
  startBatch,
} from 'alien-signals';
import type { Adapter, Built } from '../adapter.js';

export const alien: Adapter = {
  id: 'alien',
  label: 'alien-signals 3.2.1',
  lazyMemos: true,
  signal<T>(initial: T) {
    const s = signal(initial);
    return { read: s, write: (v: T) => s(v) };
  },
  computed<T>(fn: () => T) {
    return { read: computed(fn) };
  },
  effect(fn) {
    effect(fn);
  },
  batch(fn) {
    startBatch();
    try {
      fn();
    } finally {
      endBatch();
    }
  },
  untrack<T>(fn: () => T): T {
    const prev = setActiveSub(undefined);
    try {
      return fn();
    } finally {
      setActiveSub(prev);
    }
  },
  build<T>(fn: () => T): Built<T> {
    let value!: T;
    const dispose = effectScope(() => {
      value = fn();
    });
    return { value, dispose };
  },
};
