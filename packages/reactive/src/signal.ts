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
  return [
    () => readSignal(node),
    (next) => writeSignal(node, typeof next === 'function' ? (next as (prev: T) => T)(node.pending) : (next as T)),
  ];
}

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
