import { batch, computed, effect, signal, untracked } from '@preact/signals-core';
import type { Adapter, Built } from '../adapter.js';

// @preact/signals-core has no owner tree: the build scope collects effect disposers itself.
let scope: (() => void)[] | null = null;

export const preact: Adapter = {
  id: 'preact',
  label: '@preact/signals-core 1.14.5',
  lazyMemos: true,
  signal<T>(initial: T) {
    const s = signal(initial);
    return {
      read: () => s.value,
      write: (v: T) => {
        s.value = v;
      },
    };
  },
  computed<T>(fn: () => T) {
    const c = computed(fn);
    return { read: () => c.value };
  },
  effect(fn) {
    const dispose = effect(fn);
    if (scope !== null) scope.push(dispose);
  },
  batch(fn) {
    batch(fn);
  },
  untrack<T>(fn: () => T): T {
    return untracked(fn);
  },
  build<T>(fn: () => T): Built<T> {
    const prev = scope;
    const own: (() => void)[] = (scope = []);
    let value: T;
    try {
      value = fn();
    } finally {
      scope = prev;
    }
    return {
      value,
      dispose: () => {
        for (let i = 0; i < own.length; i++) own[i]!();
        own.length = 0;
      },
    };
  },
};
