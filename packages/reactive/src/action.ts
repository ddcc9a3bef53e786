/**
 * Actions: async operations started by the user (a save, a form submit), with their progress in
 * signals. Unlike a resource, an action does nothing until dispatched and is not keyed to a
 * source. Every dispatch runs; only the latest one's result lands in `value`/`error`/`input`,
 * while `version` counts every successful dispatch (each may have changed data on the server),
 * so resources that read it refetch after each.
 */
import { batch } from './graph.js';
import { getOwner, onCleanup, runWithOwner } from './scope.js';
import { signal, type Accessor } from './signal.js';

/** An async operation with its progress as signals. */
export interface Action<I, O> {
  /**
   * Runs the function with `input`. The promise settles with this dispatch's own result (it
   * rejects if the function fails: catch it unless you rely on `error()`).
   */
  dispatch(input: I): Promise<O>;
  /** Whether any dispatch is in flight (tracked). */
  readonly pending: Accessor<boolean>;
  /** The output of the latest dispatch that succeeded, kept while a newer one runs (tracked). */
  readonly value: Accessor<O | undefined>;
  /** The error of the latest dispatch if it failed, else `undefined` (tracked). */
  readonly error: Accessor<unknown>;
  /** The input of the latest dispatch while it is in flight, else `undefined` (tracked). */
  readonly input: Accessor<I | undefined>;
  /** How many dispatches have succeeded so far, superseded ones included (tracked). */
  readonly version: Accessor<number>;
  /** Resets `value` and `error` to `undefined`; dispatches in flight still land. */
  clear(): void;
}

/**
 * Creates an action around `fn`. The function runs untracked, with the action's creator as the
 * owner (so `useContext` works before its first `await`). After the creator is disposed,
 * dispatches still run but no signal is written.
 *
 * @example const save = action(async (todo: Todo) => api.save(todo)); save.dispatch(todo);
 */
export function action<O>(fn: () => O | PromiseLike<O>): Action<void, O>;
export function action<I, O>(fn: (input: I) => O | PromiseLike<O>): Action<I, O>;
export function action<I, O>(fn: (input: I) => O | PromiseLike<O>): Action<I, O> {
  const owner = getOwner();
  let disposed = false;
  onCleanup(() => (disposed = true));

  let inFlight = 0;
  let latest = 0;
  let version = 0;
  const [pending, setPending] = signal(false);
  const [value, setValue] = signal<O | undefined>(undefined);
  const [error, setError] = signal<unknown>(undefined);
  const [input, setInput] = signal<I | undefined>(undefined);
  const [versionSig, setVersion] = signal(0);

  /** Records the outcome of dispatch number `id`. */
  function settle(id: number, async: boolean, ok: boolean, result: unknown): void {
    if (disposed) return;
    batch(() => {
      if (async && --inFlight === 0) setPending(false);
      if (ok) setVersion(++version);
      if (id === latest) {
        if (ok) setValue(() => result as O);
        else setError(() => result);
        setInput(undefined);
      }
    });
  }

  function dispatch(arg: I): Promise<O> {
    const id = ++latest;
    if (!disposed) setError(undefined);
    let result: O | PromiseLike<O>;
    try {
      result = runWithOwner(owner, () => fn(arg));
    } catch (e) {
      settle(id, false, false, e);
      return Promise.reject(e);
    }
    if (!isThenable(result)) {
      settle(id, false, true, result);
      return Promise.resolve(result);
    }
    if (!disposed) {
      inFlight++;
      batch(() => {
        setPending(true);
        setInput(() => arg);
      });
    }
    return Promise.resolve(result).then(
      (v) => {
        settle(id, true, true, v);
        return v;
      },
      (e: unknown) => {
        settle(id, true, false, e);
        throw e;
      },
    );
  }

  return {
    dispatch,
    pending,
    value,
    error,
    input,
    version: versionSig,
    clear() {
      if (disposed) return;
      batch(() => {
        setValue(undefined);
        setError(undefined);
      });
    },
  };
}

function isThenable<T>(v: T | PromiseLike<T>): v is PromiseLike<T> {
  return (
    v !== null &&
    (typeof v === 'object' || typeof v === 'function') &&
    typeof (v as { then?: unknown }).then === 'function'
  );
}
