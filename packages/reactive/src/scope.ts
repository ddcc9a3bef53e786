/**
 * The public ownership API: `root`, `onCleanup`, context and `catchError`, over the owner tree
 * (owner.ts) and the graph's notion of which owner is current (graph.ts).
 */
import { ROOT } from './flags.js';
import { getOwner, runWithOwner } from './graph.js';
import { ERROR_HANDLER, Owner, contextOf, disposeOwner, handleError, setContextValue } from './owner.js';

export { getOwner, runWithOwner };

/**
 * Registers `fn` to run when the current owner is disposed or its computation re-runs.
 * Without an owner it is never called (there is nothing that could dispose it).
 *
 * @example effect(() => { const id = setInterval(tick, 1000); onCleanup(() => clearInterval(id)); });
 */
export function onCleanup(fn: () => void): void {
  const owner = getOwner();
  if (owner === null) return;
  const list = owner.cleanups;
  if (list === null) owner.cleanups = fn;
  else if (typeof list === 'function') owner.cleanups = [list, fn];
  else list.push(fn);
}

/**
 * Creates a detached owner scope and runs `fn` in it. Nothing created inside is disposed until
 * the `dispose` passed to `fn` is called; the root is not disposed with the owner it was created
 * under, but it does inherit that owner's context and error handlers.
 *
 * @example const dispose = root(dispose => { effect(() => log(count())); return dispose; });
 */
export function root<T>(fn: (dispose: () => void) => T): T {
  const owner = new Owner(getOwner(), ROOT);
  return runWithOwner(owner, () => fn(() => disposeOwner(owner)));
}

/** A typed key for `provideContext` / `useContext`, with the value used when none is provided. */
export interface Context<T> {
  readonly id: symbol;
  readonly defaultValue: T;
}

/**
 * Creates a context key. `useContext` returns `defaultValue` where no ancestor provided one.
 *
 * @example const Theme = createContext<'light' | 'dark'>('light');
 */
export function createContext<T>(defaultValue: T, name?: string): Context<T>;
export function createContext<T>(): Context<T | undefined>;
export function createContext<T>(defaultValue?: T, name = 'context'): Context<T | undefined> {
  return { id: Symbol(name), defaultValue };
}

/**
 * Provides `value` for `context` to the current owner and everything created under it.
 * Throws when called outside any owner, where nothing could see the value.
 *
 * @example provideContext(Theme, 'dark');
 */
export function provideContext<T>(context: Context<T>, value: T): void {
  const owner = getOwner();
  if (owner === null) {
    throw new Error('provideContext() was called outside any owner: call it inside a component or root().');
  }
  setContextValue(owner, context.id, value);
}

/**
 * Reads the nearest value provided for `context`, or its default.
 *
 * @example const theme = useContext(Theme);
 */
export function useContext<T>(context: Context<T>): T {
  const ctx = contextOf(getOwner());
  if (ctx !== null && context.id in ctx) return ctx[context.id] as T;
  return context.defaultValue;
}

/**
 * Runs `fn` in a new owner; any error thrown by `fn` itself, or later by a memo or effect created
 * under it, is passed to `handler` with the original error. A handler that throws passes its
 * error to the next handler up.
 *
 * @example catchError(() => effect(() => risky(count())), err => setError(err));
 */
export function catchError<T>(fn: () => T, handler: (error: unknown) => void): T | undefined {
  const owner = new Owner(getOwner(), 0);
  setContextValue(owner, ERROR_HANDLER, handler);
  try {
    return runWithOwner(owner, fn);
  } catch (error) {
    handleError(error, owner);
    return undefined;
  }
}
