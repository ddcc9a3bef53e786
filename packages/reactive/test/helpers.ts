/** Test helpers shared by the async tests. */
import { afterEach } from 'vitest';
import { root } from '../src/index.js';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/** A promise with its settle functions, for tests that decide when async work finishes. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Resolves after a macrotask: every pending microtask (effects, promise callbacks) has run. */
export const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let disposers: (() => void)[] = [];
// Registered in every test file that imports this module: roots made by inRoot die with the test.
afterEach(() => {
  for (const dispose of disposers) dispose();
  disposers = [];
});

/** Runs `fn` in a root disposed after the current test. */
export function inRoot<T>(fn: () => T): T {
  return root((dispose) => {
    disposers.push(dispose);
    return fn();
  });
}
