/**
 * The ownership tree.
 *
 * Every computation (memo, effect) and every `root` is an Owner. Owners form a tree that mirrors
 * how the UI was created: whatever is created while an owner is current becomes its child.
 * Disposing an owner tears its subtree down, newest child first (the reverse of creation, so a
 * child never outlives something it was built on), then runs its own `onCleanup` callbacks, most
 * recently registered first.
 *
 * Children are kept in an intrusive doubly linked list (`firstChild`, `prevSibling`,
 * `nextSibling`), newest at the head: adding and removing a child are O(1) and cost no
 * allocation, which matters because a keyed list creates and drops one owner per row.
 *
 * This module is the tree itself and knows nothing of which owner is current: that is the
 * graph's business (graph.ts), and the public API over both is in scope.ts.
 *
 * Context and error handlers live in `context`, an object whose prototype is the nearest
 * ancestor's context object. Providing a value creates that object lazily; looking a value up is
 * one walk to the nearest owner that has one, then an ordinary (prototype-chained) property read.
 */

import { DISPOSED, ROOT } from './flags.js';

type Cleanup = () => void;

export class Owner {
  flags: number;
  owner: Owner | null;
  firstChild: Owner | null = null;
  prevSibling: Owner | null = null;
  nextSibling: Owner | null = null;
  /** One function (the common case) or a stack of them. */
  cleanups: Cleanup | Cleanup[] | null = null;
  context: Record<symbol, unknown> | null = null;

  constructor(parent: Owner | null, flags: number) {
    this.flags = flags;
    this.owner = parent;
    if (parent !== null && (flags & ROOT) === 0) {
      const head = parent.firstChild;
      if (head !== null) {
        head.prevSibling = this;
        this.nextSibling = head;
      }
      parent.firstChild = this;
    }
  }
}

/**
 * Disposes every child of `owner` (newest first) and runs its cleanups (newest first), leaving
 * `owner` itself alive: this is what happens before a computation re-runs. Errors thrown by
 * cleanups do not stop the teardown; the first one is rethrown once everything has run.
 */
export function resetOwner(owner: Owner): void {
  let error: unknown = NO_ERROR;
  // Take children off the head one at a time, leaving the rest linked: a cleanup may dispose a
  // sibling that is still waiting, and disposeOwner must find it in the list to unlink it.
  let child: Owner | null;
  while ((child = owner.firstChild) !== null) {
    const next = child.nextSibling;
    owner.firstChild = next;
    if (next !== null) next.prevSibling = null;
    child.nextSibling = null;
    try {
      disposeNode(child);
    } catch (e) {
      if (error === NO_ERROR) error = e;
    }
  }
  const cleanups = owner.cleanups;
  if (cleanups !== null) {
    owner.cleanups = null;
    if (typeof cleanups === 'function') {
      try {
        cleanups();
      } catch (e) {
        if (error === NO_ERROR) error = e;
      }
    } else {
      for (let i = cleanups.length - 1; i >= 0; i--) {
        try {
          cleanups[i]!();
        } catch (e) {
          if (error === NO_ERROR) error = e;
        }
      }
    }
  }
  if (error !== NO_ERROR) throw error;
}

const NO_ERROR = Symbol();

/**
 * Hook set by graph.ts: unlinks a computation from its sources before its cleanups run, so that
 * a write made by a cleanup can never reach a node that is being disposed.
 */
let detachFromGraph: (owner: Owner) => void = () => {};
export function setGraphDetacher(fn: (owner: Owner) => void): void {
  detachFromGraph = fn;
}

/** Disposes `owner` and its whole subtree, and removes it from its parent's children. */
export function disposeOwner(owner: Owner): void {
  if (owner.flags & DISPOSED) return;
  const parent = owner.owner;
  if (parent !== null && (owner.flags & ROOT) === 0) {
    // Unlink from the parent's child list (the parent may be long-lived: a list container).
    const prev = owner.prevSibling;
    const next = owner.nextSibling;
    if (prev !== null) prev.nextSibling = next;
    else if (parent.firstChild === owner) parent.firstChild = next;
    if (next !== null) next.prevSibling = prev;
    owner.prevSibling = owner.nextSibling = null;
  }
  disposeNode(owner);
}

function disposeNode(owner: Owner): void {
  if (owner.flags & DISPOSED) return;
  owner.flags |= DISPOSED;
  detachFromGraph(owner);
  try {
    resetOwner(owner);
  } finally {
    // Drop upward and sideways references so a retained disposed node retains nothing else.
    owner.owner = null;
    owner.context = null;
  }
}

// ---------------------------------------------------------------------------------------------
// Context

/** The context object visible from `owner` (its own or its nearest ancestor's). */
export function contextOf(owner: Owner | null): Record<symbol, unknown> | null {
  while (owner !== null) {
    if (owner.context !== null) return owner.context;
    owner = owner.owner;
  }
  return null;
}

/** Low-level: sets a context entry on `owner`, inheriting everything its ancestors provide. */
export function setContextValue(owner: Owner, key: symbol, value: unknown): void {
  if (owner.context === null) owner.context = Object.create(contextOf(owner.owner));
  owner.context![key] = value;
}

/** Low-level: reads a context entry visible from `owner`. */
export function lookupContext(owner: Owner | null, key: symbol): unknown {
  const ctx = contextOf(owner);
  return ctx === null ? undefined : ctx[key];
}

// ---------------------------------------------------------------------------------------------
// Errors

/** The context key under which `catchError` stores its handler. */
export const ERROR_HANDLER = Symbol('error handler');

/**
 * Routes `error` to the nearest handler at or above `owner`. A handler that throws hands its
 * error to the next handler up. With no handler left, the (latest) error is thrown to the caller.
 */
export function handleError(error: unknown, owner: Owner | null): void {
  for (; owner !== null; owner = owner.owner) {
    const ctx = owner.context;
    if (ctx !== null && Object.hasOwn(ctx, ERROR_HANDLER)) {
      const handler = ctx[ERROR_HANDLER] as (error: unknown) => void;
      try {
        handler(error);
        return;
      } catch (rethrown) {
        error = rethrown;
      }
    }
  }
  throw error;
}
