import { DIRTY, EFFECT, PENDING, RENDER, UNWATCHED_HOOK } from './flags.js';
import {
  SignalNode,
  createComputation,
  getActiveSub,
  markChanged,
  readSignal,
  updateEffectNow,
  type Computation,
  type UnwatchedHook,
} from './graph.js';

/**
 * The node readers of one key subscribe to. It leaves its selector's map by itself when its last
 * reader unlinks, so a selector over a list costs one node per row, no per-read cleanup.
 */
class KeyNode<K> extends SignalNode<undefined> implements UnwatchedHook {
  constructor(
    readonly keys: Map<K, KeyNode<K>>,
    readonly key: K,
  ) {
    super(undefined, false);
    this.flags = UNWATCHED_HOOK;
  }
  unwatched(): void {
    if (this.keys.get(this.key) === this) this.keys.delete(this.key);
  }
}

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
  /** One node per key that someone is reading. */
  const keys = new Map<K, KeyNode<K>>();
  let current: T;
  const matches = equals ?? (Object.is as (key: K, value: T) => boolean);

  // A render effect follows the source and marks the nodes of the keys whose answer changed.
  // It only marks readers (without flushing): the flush or batch it runs in runs them. Its first
  // run (below, before anyone can read a key) finds no nodes to mark.
  const follower: Computation<undefined> = createComputation<undefined>(
    () => {
      const prev = current;
      const next = (current = source());
      if (!Object.is(next, prev)) {
        if (equals === undefined) {
          markChanged(keys.get(prev as unknown as K));
          markChanged(keys.get(next as unknown as K));
        } else {
          for (const [key, node] of keys) {
            if (matches(key, prev) !== matches(key, next)) markChanged(node);
          }
        }
      }
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
    if (getActiveSub() !== undefined) {
      let node = keys.get(key);
      if (node === undefined) keys.set(key, (node = new KeyNode(keys, key)));
      readSignal(node); // commits a pending mark before tracking, like any signal read
    }
    return matches(key, current);
  };
}
