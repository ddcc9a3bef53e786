/**
 * The one small interface every library is measured through.
 *
 * Adapters hand out the library's own functions wherever they already have the right shape
 * (a getter is used as `read` as is), so the harness adds no closure of its own on the hot path
 * unless the library's API needs one (e.g. Preact's `.value`).
 */

export interface ReadHandle<T> {
  read(): T;
}

export interface SignalHandle<T> extends ReadHandle<T> {
  write(value: T): void;
}

export interface Built<T> {
  value: T;
  /** Tear down every computation created inside the build scope. */
  dispose(): void;
}

export interface Adapter {
  /** Short id used on the command line and in the table: lepta | alien | preact | solid. */
  readonly id: string;
  /** Package name and version, printed in the header. */
  readonly label: string;
  /** Memos are lazy: a memo nobody reads is never computed (pull counts must match). */
  readonly lazyMemos: boolean;
  signal<T>(initial: T): SignalHandle<T>;
  computed<T>(fn: () => T): ReadHandle<T>;
  /** A synchronous effect: runs now, and again right after each change (end of outermost batch). */
  effect(fn: () => void): void;
  batch(fn: () => void): void;
  untrack<T>(fn: () => T): T;
  /** Run `fn` inside an owner scope; everything it creates is torn down by `dispose()`. */
  build<T>(fn: () => T): Built<T>;
}
