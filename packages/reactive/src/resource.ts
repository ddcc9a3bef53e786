/**
 * Resources: async values in the reactive graph.
 *
 * ## Lifecycle
 *
 * A resource owns a small scope (a child of the owner it was created under) holding:
 * - a *tracker*, a render effect that reads the source (tracked) and starts a fetch whenever the
 *   source's value changes (`Object.is`). A source returning `false`, `null` or `undefined` is
 *   "not ready": nothing is fetched, and a fetch in flight is cancelled. Readers bring the
 *   tracker up to date before answering (as `selector` does), so inside a batch, right after the
 *   source was written, `loading()` is already true;
 * - one child scope per fetch, in which the fetcher runs, untracked, with the resource's context
 *   visible. Starting the next fetch, cancelling, or disposing the resource disposes that scope:
 *   its `onCleanup`s run and, if the fetch is still in flight, its AbortSignal is aborted and its
 *   result will be ignored. Only the latest fetch can ever write: stale responses are dropped.
 *
 * States: `unresolved` (no value yet, nothing loading) → `pending` (first load) → `ready` |
 * `errored`; a load started while a value is held (a refetch, an `initialValue`, a `mutate`) is
 * `refreshing`. A fetcher returning a plain value (or throwing) settles synchronously, with no
 * loading state in between. Disposal stops everything: no signal is written afterwards.
 *
 * A *loading period* runs from the moment a fetch goes in flight to the moment nothing is in
 * flight any more (superseded fetches do not end it). Its promise never rejects.
 *
 * ## Hooks (see suspense.ts)
 *
 * - Suspense: reading the value (`user()`, not `latest()`) while loading registers the loading
 *   period's promise with the nearest `SuspenseContext` boundary, once per period per boundary.
 * - Hydration: under a `HydrationContext`, a resource gets an id (`key` or `nextId()`).
 *   `take(id)` returning an entry makes the resource start `ready` (or `errored`) without calling
 *   the fetcher; later source changes fetch normally. On the client the entry is what the server
 *   sent. On the server it is what an earlier render of the same Suspense boundary loaded (the
 *   server renders a boundary again once its data arrived), and `adopt(id)` hands over such a
 *   load still in flight, so a boundary rendered again never fetches anything twice. Otherwise,
 *   on the server, the first load is handed to `serialize(id, entry)`. With `ssr: 'client'` the
 *   server never fetches it and the client never takes data for it; hydrating, its first load
 *   does not suspend (the server's HTML was rendered without it), the value arriving as an update.
 * - Blocking: `blocking: true` tells the boundary a read registers with that the server must
 *   have this value before it sends the page's shell (the `partially-blocked` stream mode).
 */
import { DIRTY, DISPOSED, EFFECT, PENDING, RENDER } from './flags.js';
import { batch, createComputation, getOwner, runWithOwner, updateEffectNow, type Computation } from './graph.js';
import { Owner, disposeOwner, handleError } from './owner.js';
import { onCleanup, useContext } from './scope.js';
import { signal, type Accessor } from './signal.js';
import { isServer } from './env.js';
import { HydrationContext, SuspenseContext, type HydrationEntry, type SuspenseBoundary } from './suspense.js';

/** Where a resource is in its lifecycle. */
export type ResourceState = 'unresolved' | 'pending' | 'ready' | 'refreshing' | 'errored';

/** The second argument of a fetcher. */
export interface FetcherInfo<T> {
  /** Aborted if this fetch is superseded by a newer one, cancelled, or its resource disposed. */
  readonly signal: AbortSignal;
  /** True when `refetch()` started this fetch, false when the source (or creation) did. */
  readonly refetching: boolean;
  /** The resource's latest value when the fetch started. */
  readonly value: T | undefined;
}

/**
 * Loads the value for a source value; may return the value itself or a promise of it.
 *
 * `V` (the type of `info.value`) is a separate parameter so that `T` is always inferred from the
 * fetcher's return type: when a fetcher uses `info` and has no return type annotation, TypeScript
 * must fix `info`'s type before it sees the return, and `V` then falls back to `unknown`.
 * Annotate the return type (or pass type arguments) to type `info.value`.
 */
export type ResourceFetcher<S, T, V = T> = (source: S, info: FetcherInfo<V>) => T | PromiseLike<T>;

/** What a source may return: a value to fetch for, or `false`/`null`/`undefined` for "not ready". */
export type ResourceSource<S> = () => S | false | null | undefined;

export interface ResourceOptions<T> {
  /** The value before the first load completes (the resource starts `ready`). */
  initialValue?: T;
  /** A stable id for SSR serialization, instead of the next allocated one. */
  key?: string;
  /**
   * `'serialize'` (default): fetched on the server, its result sent to the client, which does not
   * fetch again. `'client'`: never fetched on the server; the client fetches it.
   */
  ssr?: 'serialize' | 'client';
  /**
   * Server: the page's shell waits for this resource (a Suspense boundary reading it renders in
   * place instead of streaming later) in the `partially-blocked` stream mode. Use it for data
   * the head or the first paint needs (titles, meta tags, above-the-fold content).
   */
  blocking?: boolean;
}

/** The new value for `mutate`: a value, or a function from the previous value. */
export type ResourceUpdate<T> = Exclude<T, Function> | undefined | ((prev: T | undefined) => T | undefined);

/** An async value: call it to read the value (tracked), with its loading state alongside. */
export interface Resource<T> {
  /** The value (tracked). Throws the error if the last fetch failed; suspends while loading. */
  (): T | undefined;
  /** Whether a fetch is in flight (tracked). */
  readonly loading: Accessor<boolean>;
  /** The error of the last settled fetch, or `undefined` (tracked). Never throws. */
  readonly error: Accessor<unknown>;
  /** The last successful (or mutated) value, even while refetching or errored (tracked). Never throws, never suspends. */
  readonly latest: Accessor<T | undefined>;
  /** The lifecycle state (tracked). */
  readonly state: Accessor<ResourceState>;
  /** Fetches again for the current source value; resolves with `latest()` once loading is over. Never rejects. */
  refetch(): Promise<T | undefined>;
  /** Sets the value locally (an optimistic update): no fetch; a fetch in flight still lands. */
  mutate(value: ResourceUpdate<T>): void;
}

/** A resource created with an `initialValue`: its value is never `undefined`. */
export interface InitializedResource<T> extends Resource<T> {
  (): T;
  readonly latest: Accessor<T>;
  refetch(): Promise<T>;
}

/** One call of the fetcher. */
interface Fetch {
  owner: Owner;
  controller: AbortController;
  /** Settled, superseded, cancelled or disposed: its result, if any comes, is ignored. */
  done: boolean;
}

/** From the first fetch in flight to the moment nothing is in flight. */
interface Period {
  promise: Promise<void>;
  resolve: () => void;
  boundaries: SuspenseBoundary[] | undefined;
}

/**
 * Creates a resource: `fetcher(source())` loaded whenever the tracked source changes.
 *
 * @example const user = resource(() => userId(), (id, { signal }) => fetchUser(id, { signal }));
 */
export function resource<T, S, V = T>(
  source: ResourceSource<S>,
  fetcher: ResourceFetcher<S, T, V>,
  options: ResourceOptions<T> & { initialValue: T },
): InitializedResource<T>;
export function resource<T, S, V = T>(
  source: ResourceSource<S>,
  fetcher: ResourceFetcher<S, T, V>,
  options?: ResourceOptions<T>,
): Resource<T>;
export function resource<T, V = T>(
  fetcher: ResourceFetcher<true, T, V>,
  options: ResourceOptions<T> & { initialValue: T },
): InitializedResource<T>;
export function resource<T, V = T>(fetcher: ResourceFetcher<true, T, V>, options?: ResourceOptions<T>): Resource<T>;
export function resource<T, S>(
  first: ResourceSource<S> | ResourceFetcher<true, T>,
  second?: ResourceFetcher<S, T> | ResourceOptions<T>,
  third?: ResourceOptions<T>,
): Resource<T> {
  let source: ResourceSource<S>;
  let fetcher: ResourceFetcher<S, T>;
  let options: ResourceOptions<T> | undefined;
  if (typeof second === 'function') {
    source = first as ResourceSource<S>;
    fetcher = second;
    options = third;
  } else {
    source = alwaysReady as ResourceSource<S>;
    fetcher = first as ResourceFetcher<S, T>;
    options = second;
  }

  // ---- State: plain mirrors (read internally, untracked) and the signals readers track.
  const hasInitial = options !== undefined && 'initialValue' in options;
  let value: T | undefined = hasInitial ? options!.initialValue : undefined;
  let hasValue = hasInitial;
  let failed = false;
  let error: unknown = undefined;
  let initialStatus: ResourceState = hasInitial ? 'ready' : 'unresolved';
  let disposed = false;
  let lastFetch: Fetch | undefined;
  let period: Period | undefined;
  let lastSource: S | false | null | undefined;
  let sourceSeen = false;

  // ---- Hydration.
  const server = isServer();
  const clientOnly = options?.ssr === 'client';
  const hydration = useContext(HydrationContext);
  /** On the server, a client-only resource never fetches. */
  const neverFetch = server && clientOnly;
  let serializeId: string | undefined;
  /** Server: an earlier render's first load of this id, still in flight; the first fetch waits for it. */
  let adopted: Promise<HydrationEntry | undefined> | undefined;
  /** Hydrated from server data: the tracker's first run records the source but does not fetch. */
  let hydrated = false;
  /**
   * Client, hydrating a client-only resource: its first load does not suspend. The server
   * rendered the page without the value (it never fetches it), so hydration must see the same
   * and adopt that HTML; the value then arrives as an update. Later loads suspend as usual, and
   * so does a first load made once the page is hydrated (the handle is still provided then).
   */
  let quietFirstLoad = !server && clientOnly && hydration !== undefined;
  let quietPeriod: Period | undefined;
  if (hydration !== undefined) {
    const id = options?.key ?? hydration.nextId();
    if (!clientOnly) {
      const entry = hydration.take?.(id);
      if (entry !== undefined) {
        hydrated = true;
        if ('error' in entry) {
          failed = true;
          error = entry.error;
          initialStatus = 'errored';
        } else {
          value = entry.value as T;
          hasValue = true;
          initialStatus = 'ready';
        }
      } else if (server) {
        adopted = hydration.adopt?.(id);
        if (hydration.serialize !== undefined) serializeId = id;
      }
    }
  }
  const blocking = options?.blocking === true;

  const [valueSig, setValueSig] = signal<T | undefined>(value);
  const [errorSig, setErrorSig] = signal<unknown>(error);
  const [stateSig, setStateSig] = signal<ResourceState>(initialStatus);
  const [loadingSig, setLoadingSig] = signal(false);

  const scope = new Owner(getOwner(), 0);

  function setStatus(next: ResourceState): void {
    batch(() => {
      setStateSig(next);
      setLoadingSig(next === 'pending' || next === 'refreshing');
    });
  }

  function idleStatus(): ResourceState {
    return failed ? 'errored' : hasValue ? 'ready' : 'unresolved';
  }

  function endPeriod(): void {
    const p = period;
    if (p !== undefined) {
      period = undefined;
      p.resolve();
    }
  }

  function inFlight(): boolean {
    return lastFetch !== undefined && !lastFetch.done;
  }

  /** The outcome of a fetch, if it is still the latest one. */
  function finish(f: Fetch, ok: boolean, result: unknown): void {
    if (f.done) return;
    f.done = true;
    if (ok) {
      value = result as T;
      hasValue = true;
      failed = false;
      error = undefined;
    } else {
      failed = true;
      error = result;
    }
    // The flush at the end of the batch may throw (a reader without an error handler): the
    // period must end regardless, or its boundaries would wait forever.
    try {
      batch(() => {
        if (ok) {
          setValueSig(() => result as T);
          setErrorSig(undefined);
        } else {
          setErrorSig(() => result);
        }
        setStatus(idleStatus());
      });
    } finally {
      endPeriod();
    }
  }

  /** Hands the server's first load to the serializer. */
  function serializeFirst(settledNow: boolean): void {
    const id = serializeId;
    if (id === undefined) return;
    serializeId = undefined;
    const entry = (): HydrationEntry | undefined =>
      failed ? { error } : hasValue ? { value } : undefined;
    hydration!.serialize!(id, settledNow ? entry() : period!.promise.then(entry));
  }

  function load(s: S, refetching: boolean): Promise<T | undefined> {
    const prev = lastFetch;
    lastFetch = undefined;
    // Ends the previous fetch's scope: runs its cleanups and, if still in flight, aborts it.
    // A cleanup that throws must not stop the new fetch (the loading period would never end).
    let cleanupError: unknown = NO_ERROR;
    if (prev !== undefined) {
      try {
        disposeOwner(prev.owner);
      } catch (e) {
        cleanupError = e;
      }
    }
    try {
      return start(s, refetching);
    } finally {
      if (cleanupError !== NO_ERROR) handleError(cleanupError, scope);
    }
  }

  function start(s: S, refetching: boolean): Promise<T | undefined> {
    if (disposed) return Promise.resolve(value);
    const f: Fetch = { owner: new Owner(scope, 0), controller: new AbortController(), done: false };
    lastFetch = f;
    let result: T | PromiseLike<T>;
    let ok = true;
    try {
      result = runWithOwner(f.owner, () => {
        onCleanup(() => {
          if (!f.done) {
            f.done = true;
            f.controller.abort();
          }
        });
        const info: FetcherInfo<T> = { signal: f.controller.signal, refetching, value };
        const earlier = adopted;
        if (earlier === undefined) return fetcher(s, info);
        adopted = undefined;
        return earlier.then((entry) => {
          if (entry === undefined) return f.done ? (undefined as T) : runWithOwner(f.owner, () => fetcher(s, info));
          if ('error' in entry) throw entry.error;
          return entry.value as T;
        });
      });
    } catch (e) {
      result = e as T;
      ok = false;
    }
    if (!ok || !isThenable(result)) {
      try {
        finish(f, ok, result);
      } finally {
        serializeFirst(true);
      }
      return Promise.resolve(value);
    }
    if (f.done) return Promise.resolve(value); // the fetcher disposed or superseded itself
    if (period === undefined) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      period = { promise, resolve, boundaries: undefined };
    }
    // A later load joining the quiet period (a refetch before the first value) ends its quiet.
    quietPeriod = quietFirstLoad && hydration!.hydrating?.() !== false ? period : undefined;
    quietFirstLoad = false;
    const done = period.promise.then(() => value);
    // Bookkeeping first: the status write below flushes effects, which may throw.
    Promise.resolve(result).then(
      (v) => finish(f, true, v),
      (e) => finish(f, false, e),
    );
    serializeFirst(false);
    setStatus(hasValue ? 'refreshing' : 'pending');
    return done;
  }

  /** The source moved to "not ready": drop the current fetch. */
  function cancel(): void {
    const f = lastFetch;
    if (f === undefined) return;
    lastFetch = undefined;
    const wasInFlight = !f.done;
    try {
      disposeOwner(f.owner);
    } finally {
      if (wasInFlight) {
        try {
          setStatus(idleStatus());
        } finally {
          endPeriod();
        }
      }
    }
  }

  const tracker: Computation<undefined> = runWithOwner(scope, () => {
    onCleanup(() => {
      disposed = true;
      lastFetch = undefined;
      endPeriod();
    });
    return createComputation<undefined>(
      () => {
        const s = source();
        if (sourceSeen && Object.is(s, lastSource)) return undefined;
        sourceSeen = true;
        lastSource = s;
        if (neverFetch) return undefined;
        if (hydrated) {
          hydrated = false;
          return undefined;
        }
        if (isReady(s)) load(s, false);
        else cancel();
        return undefined;
      },
      undefined,
      EFFECT | RENDER | DIRTY,
      false,
    );
  });
  updateEffectNow(tracker);

  /** Pull: if the source changed and the tracker has not run yet, run it first. */
  function sync(): void {
    const flags = tracker.flags;
    if (flags & (DIRTY | PENDING) && (flags & DISPOSED) === 0) updateEffectNow(tracker);
  }

  function suspend(): void {
    const p = period;
    if (p === undefined || p === quietPeriod) return;
    const boundary = useContext(SuspenseContext);
    if (boundary === undefined) return;
    if (p.boundaries === undefined) p.boundaries = [boundary];
    else if (p.boundaries.includes(boundary)) return;
    else p.boundaries.push(boundary);
    boundary.track(p.promise, blocking);
  }

  const read = (): T | undefined => {
    sync();
    const s = stateSig();
    if (s === 'errored') {
      errorSig();
      throw error;
    }
    if (s === 'pending' || s === 'refreshing') suspend();
    return valueSig();
  };

  return Object.assign(read, {
    loading: (): boolean => {
      sync();
      return loadingSig();
    },
    error: (): unknown => {
      sync();
      return errorSig();
    },
    latest: (): T | undefined => {
      sync();
      return valueSig();
    },
    state: (): ResourceState => {
      sync();
      return stateSig();
    },
    refetch: (): Promise<T | undefined> => {
      sync();
      if (disposed || neverFetch || !sourceSeen || !isReady(lastSource)) {
        return Promise.resolve(value);
      }
      return load(lastSource, true);
    },
    mutate: (update: ResourceUpdate<T>): void => {
      sync();
      if (disposed) return;
      const next =
        typeof update === 'function' ? (update as (prev: T | undefined) => T | undefined)(value) : update;
      batch(() => {
        value = next;
        hasValue = true;
        failed = false;
        error = undefined;
        setValueSig(() => next);
        setErrorSig(undefined);
        setStatus(inFlight() ? 'refreshing' : 'ready');
      });
    },
  });
}

const NO_ERROR = Symbol();

function alwaysReady(): true {
  return true;
}

function isReady<S>(s: S | false | null | undefined): s is S {
  return s !== false && s !== null && s !== undefined;
}

function isThenable<T>(v: T | PromiseLike<T>): v is PromiseLike<T> {
  return (
    v !== null &&
    (typeof v === 'object' || typeof v === 'function') &&
    typeof (v as { then?: unknown }).then === 'function'
  );
}
