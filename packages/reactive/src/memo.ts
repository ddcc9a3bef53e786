import { DIRTY, MEMO } from './flags.js';
import { createComputation, readMemo, type Computation, type EqualsFn } from './graph.js';
import type { Accessor } from './signal.js';

export interface MemoOptions<T> {
  /** When a new value counts as a change. Default `Object.is`; `false`: always. */
  equals?: false | EqualsFn<T>;
}

/**
 * Creates a memo: a derived value, computed lazily on first read, cached, and recomputed only
 * when a value it read changed. Readers are notified only if the result differs (`equals`).
 * `fn` receives the previous value (`undefined` the first time). If `fn` throws, the memo holds
 * the error and every read rethrows it until a later computation succeeds.
 *
 * @example const double = memo(() => count() * 2);
 */
export function memo<T>(fn: (prev: T | undefined) => T, options?: MemoOptions<T>): Accessor<T> {
  const node = createComputation<T>(
    fn as (prev: T) => T,
    undefined as T,
    MEMO | DIRTY,
    options?.equals ?? Object.is,
  );
  // Bound rather than a closure: one allocation instead of two (see `signal`).
  return (readBoundMemo as (this: Computation<T>) => T).bind(node);
}

function readBoundMemo<T>(this: Computation<T>): T {
  return readMemo(this);
}
