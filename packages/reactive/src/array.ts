/**
 * Reactive list mapping: `mapArray` (rows by key) and `indexArray` (rows by position), the
 * engines under `<For>` and `<Index>`. Renderer-agnostic: a row's result is whatever the mapping
 * function returns (DOM nodes, strings, objects).
 *
 * Each row is mapped once, in its own owner, and keeps its result for as long as it exists:
 * what the row created (effects, nested lists) lives and dies with it. Updating the list
 * reconciles rows instead of mapping again, so a change to one row maps nothing else.
 *
 * ## Row owners
 *
 * The mapping runs in a memo. A memo disposes what it owns each time it re-runs, and rows must
 * outlive those re-runs, so a row owner is not in the memo's child list; the memo disposes the
 * rows itself (the removed ones while reconciling, all of them when it is disposed). But a row's
 * `owner` link does point at the memo, which gives rows the memo's context and error handlers and
 * — the reason it is not a detached root — lets the scheduler see that a row's effect is owned by
 * a stale list: when one batch both removes a row and changes something the row's effect reads,
 * the list is reconciled first and the removed row's effect never runs against the new state.
 */
import { DISPOSED } from './flags.js';
import { Owner, disposeOwner } from './owner.js';
import { batch, getOwner, runWithOwnerArgs } from './graph.js';
import { serverLists } from './env.js';
import { memo } from './memo.js';
import { onCleanup } from './scope.js';
import { signal, type Accessor, type Setter } from './signal.js';

/** What a list source may return: nothing (`undefined`, `null`, `false`) maps to no rows. */
export type ListSource<T> = Accessor<readonly T[] | undefined | null | false>;

export interface MapArrayOptions<T, U> {
  /**
   * The identity of an item: a row survives an update while an item with its key is in the list.
   * Default: the item itself. Read once, when `mapArray` is called.
   */
  key?: (item: T) => unknown;
  /** Mapped (in its own owner) while the list is empty; its result is the only element then. */
  fallback?: () => U;
}

/**
 * An owner for a row of `list`: not in the list's child list (the list's re-runs must not dispose
 * it), but owned by it (context, error handlers, scheduling order).
 */
function rowOwner(list: Owner): Owner {
  const owner = new Owner(null, 0);
  owner.owner = list;
  return owner;
}

/** Runs `fn(a, b)` in `owner`; if it throws, disposes `owner` and rethrows. */
function runInRow<A, B, U>(owner: Owner, fn: (a: A, b: B) => U, a: A, b: B): U {
  try {
    return runWithOwnerArgs(owner, fn, a, b);
  } catch (error) {
    disposeOwner(owner);
    throw error;
  }
}

/**
 * What a list shows while it is empty (`mapArray`, `indexArray`): `render()` run once in a row
 * owner of its own, disposed as soon as the list has rows again or goes away.
 */
class Fallback<U> {
  private owner: Owner | null = null;
  constructor(private readonly render: (() => U) | undefined) {}

  /** The output for an empty list: the fallback's (rendered now unless it is showing), or `current`. */
  show(list: Owner, current: U[]): U[] {
    if (this.render === undefined || this.owner !== null) return current;
    const owner = rowOwner(list);
    current = [runInRow(owner, this.render, undefined, undefined)];
    this.owner = owner;
    return current;
  }

  /** Disposes the fallback if it is showing; returns whether it was (then its output must go). */
  dismiss(): boolean {
    const owner = this.owner;
    if (owner === null) return false;
    this.owner = null;
    disposeOwner(owner);
    return true;
  }
}

/** A keyed row: an owner with its key, mapped value and position. */
class Row<U> extends Owner {
  declare key: unknown;
  declare value: U;
  declare index: number;
  /** The index signal, created on the first read of the row's index accessor. */
  declare readIndex: Accessor<number> | undefined;
  declare writeIndex: Setter<number> | undefined;

  constructor(list: Owner, key: unknown, index: number) {
    super(null, 0);
    this.owner = list; // as rowOwner()
    this.key = key;
    this.index = index;
    this.readIndex = this.writeIndex = undefined;
  }
}

/**
 * Whether, between the unchanged head and tail, the new keys are the old ones with the first and
 * the last exchanged (a swap of two rows, however far apart), in one pass and no allocation. A
 * key of the pair repeated between them is left to the key map, which keeps repeated keys' rows
 * in order.
 */
function isSwap(old: readonly Row<unknown>[], keys: readonly unknown[], start: number, oldEnd: number, newEnd: number): boolean {
  if (oldEnd !== newEnd || newEnd <= start) return false;
  const first = keys[start];
  const last = keys[newEnd];
  if (!sameKey(old[start]!.key, last) || !sameKey(old[oldEnd]!.key, first)) return false;
  for (let j = start + 1; j < newEnd; j++) {
    const key = keys[j];
    if (!sameKey(old[j]!.key, key) || sameKey(key, first) || sameKey(key, last)) return false;
  }
  return true;
}

/** Whether two keys are the same key, as a Map sees them (SameValueZero). */
function sameKey(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

/**
 * Maps a reactive list by key. Each item is mapped once, in its own owner, by
 * `mapFn(item, index)`; while items with its key stay in the list, the row keeps its result (it
 * moves, it is not mapped again) and `index()` follows its position. A row whose key leaves the
 * list is disposed. The result is a memo of the mapped values, in list order; an update that
 * changes nothing returns the previous array.
 *
 * A row keeps the item it was mapped with: when a new item arrives under a surviving key (say an
 * immutable update with the same `id`), the row is kept as it is. Put what changes in signals or
 * a store (store items keep their identity, and their fields are reactive), or leave `key` at its
 * default so a new item object gets a new row. Items with equal keys each get their own row,
 * matched to old rows in order.
 *
 * `mapFn` runs untracked; `key` runs tracked (a key that changes is a different row).
 *
 * @example
 * const rows = mapArray(() => todos(), (todo, index) => `${index() + 1}. ${todo.title}`, { key: t => t.id });
 */
export function mapArray<T, U>(
  list: ListSource<T>,
  mapFn: (item: T, index: Accessor<number>) => U,
  options?: MapArrayOptions<T, U>,
): Accessor<U[]> {
  if (serverLists !== undefined) return serverLists(list, mapFn, options, true);
  const keyOf = options?.key;
  const fallback = new Fallback(options?.fallback);
  let rows: Row<U>[] = [];
  let output: U[] = [];
  let self: Owner | null = null;

  const disposeAll = (): void => {
    const old = rows;
    rows = [];
    output = [];
    for (let i = 0; i < old.length; i++) disposeOwner(old[i]!);
    fallback.dismiss();
  };
  // Registered on every run; acts only when the memo itself is disposed (not when it re-runs).
  const onListCleanup = (): void => {
    if (self !== null && self.flags & DISPOSED) disposeAll();
  };

  const create = (item: T, key: unknown, index: number): Row<U> => {
    const row = new Row<U>(self!, key, index);
    const indexAccessor = (): number => {
      if (row.readIndex === undefined) [row.readIndex, row.writeIndex] = signal(row.index);
      return row.readIndex();
    };
    row.value = runInRow(row, mapFn, item, indexAccessor);
    return row;
  };

  return memo(() => {
    self = getOwner();
    onCleanup(onListCleanup);
    const source = list();
    // `slice` copies a plain array, and reads a store array while tracking it once as a whole.
    const items: readonly T[] = source ? source.slice() : [];
    const n = items.length;
    const old = rows;
    const m = old.length;

    if (n === 0) {
      if (m !== 0) disposeAll(); // (no fallback is showing)
      return (output = fallback.show(self!, output));
    }
    if (fallback.dismiss()) output = [];

    const keys: readonly unknown[] = keyOf === undefined ? items : items.map((item) => keyOf(item));

    const next: Row<U>[] = new Array(n);
    try {
      return batch(() => {
        // Unchanged head and tail: the common appends, removals at the end, single-row edits.
        let start = 0;
        const shorter = Math.min(m, n);
        while (start < shorter && sameKey(old[start]!.key, keys[start])) {
          next[start] = old[start]!;
          start++;
        }
        let oldEnd = m - 1;
        let newEnd = n - 1;
        while (oldEnd >= start && newEnd >= start && sameKey(old[oldEnd]!.key, keys[newEnd])) {
          next[newEnd] = old[oldEnd]!;
          oldEnd--;
          newEnd--;
        }
        if (start > oldEnd) {
          // Only insertions between head and tail (and every row of a first render).
          for (let j = start; j <= newEnd; j++) next[j] = create(items[j] as T, keys[j], j);
        } else if (isSwap(old, keys, start, oldEnd, newEnd)) {
          // Two rows traded places and the rows between them stayed: no key map to build.
          next[start] = old[oldEnd]!;
          next[newEnd] = old[start]!;
          for (let j = start + 1; j < newEnd; j++) next[j] = old[j]!;
        } else {
          // The middle: match old rows to new positions by key, in order for repeated keys.
          const firstAt = new Map<unknown, number>();
          const nextAt: number[] = new Array(newEnd - start + 1);
          for (let j = newEnd; j >= start; j--) {
            const key = keys[j];
            const later = firstAt.get(key);
            nextAt[j - start] = later === undefined ? -1 : later;
            firstAt.set(key, j);
          }
          for (let i = start; i <= oldEnd; i++) {
            const row = old[i]!;
            const j = firstAt.get(row.key);
            if (j === undefined) {
              disposeOwner(row);
            } else {
              next[j] = row;
              const after = nextAt[j - start]!;
              if (after === -1) firstAt.delete(row.key);
              else firstAt.set(row.key, after);
            }
          }
          for (let j = start; j <= newEnd; j++) {
            if (next[j] === undefined) next[j] = create(items[j] as T, keys[j], j);
          }
        }
        // Positions after the unchanged head may have moved. The new values are gathered in the
        // same pass (the head's are the previous output's): one loop over the rows, not two.
        let changed = m !== n;
        const values = output.slice(0, start);
        for (let j = start; j < n; j++) {
          const row = next[j]!;
          if (row !== old[j]) changed = true;
          values.push(row.value);
          if (row.index !== j) {
            row.index = j;
            if (row.writeIndex !== undefined) row.writeIndex(j);
          }
        }
        rows = next;
        return changed ? (output = values) : output;
      });
    } catch (error) {
      // A mapping function threw: start over from nothing on the next update.
      for (let j = 0; j < n; j++) if (next[j] !== undefined) disposeOwner(next[j]!);
      disposeAll();
      throw error;
    }
  });
}

export interface IndexArrayOptions<U> {
  /** Mapped (in its own owner) while the list is empty; its result is the only element then. */
  fallback?: () => U;
}

/**
 * Maps a reactive list by position. Row `i` is mapped once, in its own owner, by
 * `mapFn(item, i)` where `item` is a signal holding the list's `i`th element: when the element
 * at a position changes, only that row's `item()` readers update. Rows past the new length are
 * disposed; new positions are mapped. For lists of primitives or of values without identity.
 *
 * @example
 * const cells = indexArray(() => row(), (cell, i) => memo(() => `${i}: ${cell()}`));
 */
export function indexArray<T, U>(
  list: ListSource<T>,
  mapFn: (item: Accessor<T>, index: number) => U,
  options?: IndexArrayOptions<U>,
): Accessor<U[]> {
  if (serverLists !== undefined) return serverLists(list, mapFn, options, false);
  const fallback = new Fallback(options?.fallback);
  let rows: { owner: Owner; value: U; set: Setter<T> }[] = [];
  let output: U[] = [];
  let self: Owner | null = null;

  const disposeAll = (): void => {
    const old = rows;
    rows = [];
    output = [];
    for (let i = 0; i < old.length; i++) disposeOwner(old[i]!.owner);
    fallback.dismiss();
  };
  const onListCleanup = (): void => {
    if (self !== null && self.flags & DISPOSED) disposeAll();
  };

  return memo(() => {
    self = getOwner();
    onCleanup(onListCleanup);
    const source = list();
    const items: readonly T[] = source ? source.slice() : [];
    const n = items.length;
    const m = rows.length;

    if (n === 0) {
      if (m !== 0) disposeAll(); // (no fallback is showing)
      return (output = fallback.show(self!, output));
    }
    if (fallback.dismiss()) output = [];

    try {
      return batch(() => {
        const shared = Math.min(m, n);
        for (let i = 0; i < shared; i++) {
          const item = items[i] as T;
          rows[i]!.set(() => item);
        }
        if (n < m) {
          const removed = rows.splice(n);
          for (let i = 0; i < removed.length; i++) disposeOwner(removed[i]!.owner);
        }
        for (let i = m; i < n; i++) {
          const owner = rowOwner(self!);
          const [item, set] = signal<T>(items[i] as T);
          const index = i;
          const value = runInRow(owner, mapFn, item, index);
          rows.push({ owner, value, set });
        }
        if (m === n && output.length === n) return output;
        const values: U[] = new Array(n);
        for (let i = 0; i < n; i++) values[i] = rows[i]!.value;
        return (output = values);
      });
    } catch (error) {
      disposeAll();
      throw error;
    }
  });
}
