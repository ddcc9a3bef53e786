/**
 * Bit flags on owners and graph nodes. Plain constants (not an enum) so every use compiles to a
 * number literal check and costs no property load on the hot path.
 */
/** A memo: has a cached value and subscribers. */
export const MEMO = 1 << 0;
/** An effect: runs for its side effects, is scheduled, has no subscribers. */
export const EFFECT = 1 << 1;
/** A render effect (synchronous queue) rather than a user effect (microtask queue). */
export const RENDER = 1 << 2;
/** A source definitely changed: must recompute. */
export const DIRTY = 1 << 3;
/** A source may have changed (a memo upstream is dirty): check before recomputing. */
export const PENDING = 1 << 4;
/** Currently computing; reading it now is a cycle. */
export const RUNNING = 1 << 5;
/** Torn down: never runs, never tracks, reads return the last value. */
export const DISPOSED = 1 << 6;
/** A memo whose last computation threw; `value` holds the error. */
export const ERRORED = 1 << 7;
/** A detached root: its parent does not dispose it, and scheduling does not look past it. */
export const ROOT = 1 << 8;
/** A source that wants to know when it loses its last subscriber (`UnwatchedHook`). */
export const UNWATCHED_HOOK = 1 << 9;
