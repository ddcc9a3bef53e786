import { SignalNode, notify, readSignal, writeSignal, type EqualsFn } from './graph.js';

/** Reads a reactive value; inside a computation, the read is tracked. */
export type Accessor<T> = () => T;
/** Writes a signal: a value, or a function from the previous value to the next. */
export type Setter<T> = (value: Exclude<T, Function> | ((prev: T) => T)) => void;

export interface SignalOptions<T> {
  /** When a write counts as a change. Default `Object.is`; `false` makes every write notify. */
  equals?: false | EqualsFn<T>;
}

/**
 * Creates a signal: a value, a getter that tracks, and a setter that notifies readers when the
 * value changes. To store a function, pass an updater: `setFn(() => myFunction)`.
 *
 * @example const [count, setCount] = signal(0); setCount(c => c + 1);
 */
export function signal<T>(value: T, options?: SignalOptions<T>): [get: Accessor<T>, set: Setter<T>];
export function signal<T>(): [get: Accessor<T | undefined>, set: Setter<T | undefined>];
export function signal<T>(value?: T, options?: SignalOptions<T>): [Accessor<T>, Setter<T>] {
  const node = new SignalNode<T>(value as T, options?.equals ?? Object.is);
  // The hook is read first so that `process` is only touched once a dev tool installed it (plain
  // browsers have no `process`); bundlers replace `process.env.NODE_ENV`, so production builds
  // fold the test to `false` and drop it, and the hook with it.
  if (signalCreated !== undefined && process.env.NODE_ENV !== 'production') signalCreated(node);
  // The setter is `setSignal` bound to the node: a bound function is one allocation where a
  // closure is two (function + context), and creating signals is mostly allocation. The getter
  // stays a closure, which V8 inlines at hot read sites more readily than a bound function.
  return [() => readSignal(node), (setSignal as (this: SignalNode<T>, next: unknown) => void).bind(node) as Setter<T>];
}

function setSignal<T>(this: SignalNode<T>, next: T | ((prev: T) => T)): void {
  writeSignal(this, typeof next === 'function' ? (next as (prev: T) => T)(this.pending) : next);
}

/**
 * Development only (HMR, @lepta/dom/hmr): called with every signal `signal()` creates, before it
 * is returned; it may replace the initial value (`value` and `pending`) to carry state across a
 * hot update. `undefined` (the default) costs one comparison, and nothing in production builds.
 */
let signalCreated: ((node: SignalNode) => void) | undefined;

/** Installs (or, with `undefined`, removes) the development hook on signal creation. */
export function setSignalCreated(hook: ((node: SignalNode) => void) | undefined): void {
  signalCreated = hook;
}

declare const process: { env: { NODE_ENV?: string } };

/**
 * Creates a trigger: a signal without a value, for state kept outside the graph.
 * `track()` subscribes the running computation; `notify()` re-runs its subscribers.
 *
 * @example const [track, notify] = trigger(); memo(() => { track(); return list.length; });
 */
export function trigger(): [track: () => void, notify: () => void] {
  const node = new SignalNode<undefined>(undefined, false);
  return [() => void readSignal(node), () => notify(node)];
}
