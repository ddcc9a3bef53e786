import { DIRTY, EFFECT, PENDING, RENDER } from './flags.js';
import { onCleanup } from './scope.js';
import {
  SignalNode,
  createComputation,
  getActiveSub,
  markChanged,
  readSignal,
  updateEffectNow,
  type Computation,
} from './graph.js';

/**
 * Creates a selector: `isSelected(key)` is true when `key` matches `source()`, and when the
 * source changes only the readers of the old and the new key are notified: O(1) per change
 * instead of one notification per reader. With a custom `equals`, every watched key is
 * compared on change (still notifying only those whose answer flipped).
 *
 * @example const isSelected = selector(selectedId); // in each row: class:active={isSelected(row.id)}
 */
export function selector<T, K = T>(
  source: () => T,
  equals?: (key: K, value: T) => boolean,
): (key: K) => boolean {
  /** One source node per key that someone is reading, with its reader count. */
  const keys = new Map<K, { node: SignalNode<undefined>; readers: number }>();
  let current: T;
  let initialized = false;
  const matches = equals ?? ((key: K, value: T) => Object.is(key, value));

  // A render effect follows the source and pokes the nodes of the keys whose answer changed.
  // It only marks readers (without flushing): the flush or batch it runs in runs them.
  const follower: Computation<undefined> = createComputation<undefined>(
    () => {
      const next = source();
      if (initialized && !Object.is(next, current)) {
        const prev = current;
        current = next;
        if (equals === undefined) {
          poke(keys.get(prev as unknown as K));
          poke(keys.get(next as unknown as K));
        } else {
          for (const [key, entry] of keys) {
            if (matches(key, prev) !== matches(key, next)) poke(entry);
          }
        }
      }
      current = next;
      initialized = true;
      return undefined;
    },
    undefined,
    EFFECT | RENDER | DIRTY,
    false,
  );
  updateEffectNow(follower);

  return (key: K): boolean => {
    // Pull: if the source changed and the follower has not run yet, bring it up to date first.
    if (follower.flags & (DIRTY | PENDING)) updateEffectNow(follower);
    const sub = getActiveSub();
    if (sub !== undefined) {
      let entry = keys.get(key);
      if (entry === undefined) {
        entry = { node: new SignalNode<undefined>(undefined, false), readers: 0 };
        keys.set(key, entry);
      }
      entry.readers++;
      readSignal(entry.node); // commits a pending mark before tracking, like any signal read
      const tracked = entry;
      onCleanup(() => {
        if (--tracked.readers === 0 && keys.get(key) === tracked) keys.delete(key);
      });
    }
    return matches(key, current);
  };
}

function poke(entry: { node: SignalNode<undefined> } | undefined): void {
  if (entry !== undefined) markChanged(entry.node);
}
