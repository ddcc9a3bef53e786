/**
 * Actions: async operations started by the user (a save, a form submit), with their progress in
 * signals. Unlike a resource, an action does nothing until dispatched and is not keyed to a
 * source. Every dispatch runs; only the latest one's result lands in `value`/`error`/`input`,
 * while `version` counts every successful dispatch (each may have changed data on the server),
 * so resources that read it refetch after each.
 *
 * A multi-action (`multiAction`) is the same around a function whose dispatches are independent
 * (several forms submitted at once, a queue of uploads): each dispatch is a `Submission` with its
 * own pending/value/error, listed until cleared, rather than one latest result.
 */
import { batch } from './graph.js';
import type { Owner } from './owner.js';
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
  /**
   * Sets `value` (or `error`) as if a dispatch had settled with it, without running anything or
   * counting a version: how the outcome of a form posted without JavaScript (the server's flash)
   * reaches the action on the page rendered after it.
   */
  seed(outcome: Outcome<O>): void;
  /** The function the action runs (`<ActionForm>` reads a server function's endpoint from it). */
  readonly fn: (input: I) => O | PromiseLike<O>;
}

/** A settled result: a value, or the error a run threw. */
export type Outcome<O> = { value: O } | { error: unknown };

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
    return run(owner, fn, arg, (async, ok, result) => settle(id, async, ok, result), () => {
      if (disposed) return;
      inFlight++;
      batch(() => {
        setPending(true);
        setInput(() => arg);
      });
    });
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
    seed(outcome) {
      if (disposed) return;
      if ('error' in outcome) setError(() => outcome.error);
      else setValue(() => outcome.value);
    },
    fn,
  };
}

/**
 * Runs one dispatch of `fn(arg)`: untracked, under `owner`. A synchronous result (or throw) is
 * reported to `settle` at once; for a promise, `started()` is called first and `settle` once it
 * settled. The returned promise settles with this dispatch's own result.
 */
function run<I, O>(
  owner: Owner | null,
  fn: (input: I) => O | PromiseLike<O>,
  arg: I,
  settle: (async: boolean, ok: boolean, result: unknown) => void,
  started: () => void,
): Promise<O> {
  let result: O | PromiseLike<O>;
  try {
    result = runWithOwner(owner, () => fn(arg));
  } catch (e) {
    settle(false, false, e);
    return Promise.reject(e);
  }
  if (!isThenable(result)) {
    settle(false, true, result);
    return Promise.resolve(result);
  }
  started();
  return Promise.resolve(result).then(
    (v) => {
      settle(true, true, v);
      return v;
    },
    (e: unknown) => {
      settle(true, false, e);
      throw e;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Multi-actions

/** One dispatch of a multi-action, with its own progress (tracked). */
export interface Submission<I, O> {
  /** What it was dispatched with (`undefined` for a seeded outcome). */
  readonly input: I | undefined;
  /** Whether it is in flight. */
  readonly pending: Accessor<boolean>;
  /** Its output, once it succeeded. */
  readonly value: Accessor<O | undefined>;
  /** Its error, if it failed. */
  readonly error: Accessor<unknown>;
  /** Removes it from `submissions()` (one in flight still runs; its result lands nowhere). */
  clear(): void;
}

/** Independent dispatches of one function, each a `Submission`. */
export interface MultiAction<I, O> {
  /** Runs the function with `input` as a new submission; settles with its own result. */
  dispatch(input: I): Promise<O>;
  /** Every submission not cleared, oldest first (tracked). */
  readonly submissions: Accessor<readonly Submission<I, O>[]>;
  /** Whether any submission is in flight (tracked). */
  readonly pending: Accessor<boolean>;
  /** How many submissions have succeeded so far (tracked): a source for resources to refetch. */
  readonly version: Accessor<number>;
  /** Removes every settled submission. */
  clear(): void;
  /** Adds a settled submission with `outcome` (a form's flash); no version is counted. */
  seed(outcome: Outcome<O>): void;
  /** The function each submission runs. */
  readonly fn: (input: I) => O | PromiseLike<O>;
}

/**
 * Creates a multi-action around `fn`: every dispatch is its own submission, listed (oldest first)
 * with its own pending/value/error until cleared. The function runs as an action's does
 * (untracked, with the creator as owner); after the creator is disposed nothing is written.
 *
 * @example
 * const upload = multiAction(async (file: File) => api.upload(file));
 * for (const file of files) void upload.dispatch(file).catch(() => {});
 * upload.submissions().map((s) => s.pending() ? 'uploading' : s.error() ? 'failed' : 'done');
 */
export function multiAction<O>(fn: () => O | PromiseLike<O>): MultiAction<void, O>;
export function multiAction<I, O>(fn: (input: I) => O | PromiseLike<O>): MultiAction<I, O>;
export function multiAction<I, O>(fn: (input: I) => O | PromiseLike<O>): MultiAction<I, O> {
  const owner = getOwner();
  let disposed = false;
  onCleanup(() => (disposed = true));

  let inFlight = 0;
  let version = 0;
  const [submissions, setSubmissions] = signal<readonly Submission<I, O>[]>([]);
  const [pending, setPending] = signal(false);
  const [versionSig, setVersion] = signal(0);

  /** A new submission, listed; `write` sets its signals. */
  function submit(input: I | undefined): { write: (pending: boolean, ok: boolean, result: unknown) => void } {
    const [subPending, setSubPending] = signal(false);
    const [value, setValue] = signal<O | undefined>(undefined);
    const [error, setError] = signal<unknown>(undefined);
    const submission: Submission<I, O> = {
      input,
      pending: subPending,
      value,
      error,
      clear: () => {
        if (!disposed) setSubmissions((list) => list.filter((s) => s !== submission));
      },
    };
    if (!disposed) setSubmissions((list) => [...list, submission]);
    return {
      write(nowPending, ok, result) {
        batch(() => {
          setSubPending(nowPending);
          if (nowPending) return;
          if (ok) setValue(() => result as O);
          else setError(() => result);
        });
      },
    };
  }

  function dispatch(input: I): Promise<O> {
    const s = submit(input);
    return run(
      owner,
      fn,
      input,
      (async, ok, result) => {
        if (disposed) return;
        batch(() => {
          if (async && --inFlight === 0) setPending(false);
          if (ok) setVersion(++version);
          s.write(false, ok, result);
        });
      },
      () => {
        if (disposed) return;
        inFlight++;
        batch(() => {
          setPending(true);
          s.write(true, true, undefined);
        });
      },
    );
  }

  return {
    dispatch,
    submissions,
    pending,
    version: versionSig,
    clear() {
      if (!disposed) setSubmissions((list) => list.filter((s) => s.pending()));
    },
    seed(outcome) {
      if (disposed) return;
      const s = submit(undefined);
      if ('error' in outcome) s.write(false, false, outcome.error);
      else s.write(false, true, outcome.value);
    },
    fn,
  };
}

function isThenable<T>(v: T | PromiseLike<T>): v is PromiseLike<T> {
  return (
    v !== null &&
    (typeof v === 'object' || typeof v === 'function') &&
    typeof (v as { then?: unknown }).then === 'function'
  );
}
