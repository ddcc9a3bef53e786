/**
 * The hooks between resources and the renderers: Suspense boundaries and SSR hydration.
 *
 * Both go through context, never through module state, so that concurrent server renders (one
 * owner tree per request) cannot see each other's boundaries or serialized data.
 *
 * - `SuspenseContext` holds the nearest boundary. A resource read (`user()`) while it is loading
 *   hands the boundary a promise, once per loading period per boundary. That promise never
 *   rejects: it only says "this piece of pending work is over" (settled, superseded, cancelled
 *   or disposed); the boundary re-renders and the reads tell it whether anything is still
 *   loading.
 * - `HydrationContext` holds the per-render id allocator and the server → client data channel.
 *   Ids are allocated in creation order on both sides, so the server and the hydrating client
 *   agree on them as long as they create the same resources in the same order (or use `key`).
 */
import { createContext, type Context } from './scope.js';
import { signal, type Accessor } from './signal.js';

/** What a resource needs from the Suspense boundary around it. */
export interface SuspenseBoundary {
  /** Registers pending work; the boundary is pending until `promise` settles. Never rejects. */
  track(promise: Promise<unknown>): void;
}

/**
 * The nearest Suspense boundary, provided by the renderer's `<Suspense>`/`<Transition>`.
 *
 * @example provideContext(SuspenseContext, suspenseBoundary());
 */
export const SuspenseContext: Context<SuspenseBoundary | undefined> = createContext<SuspenseBoundary | undefined>(
  undefined,
  'SuspenseContext',
);

/** A boundary that counts its unsettled promises: what `<Suspense>` and `<Transition>` need. */
export interface CountingBoundary extends SuspenseBoundary {
  /** How many registered promises have not settled yet (tracked). */
  readonly pending: Accessor<number>;
  /** Resolves the next time nothing is pending (at once if nothing is): the server awaits this. */
  settled(): Promise<void>;
}

/**
 * Creates a boundary with a tracked pending counter: show the fallback while `pending() > 0`
 * (a Transition keeps showing its previous content instead, after the first reveal).
 *
 * @example const boundary = suspenseBoundary(); provideContext(SuspenseContext, boundary); renderEffect(() => show(boundary.pending() === 0));
 */
export function suspenseBoundary(): CountingBoundary {
  let count = 0;
  const [pending, setPending] = signal(0);
  let waiters: (() => void)[] = [];
  const done = (): void => {
    setPending(--count);
    if (count === 0 && waiters.length > 0) {
      const list = waiters;
      waiters = [];
      for (const resolve of list) resolve();
    }
  };
  return {
    pending,
    track(promise) {
      setPending(++count);
      promise.then(done, done);
    },
    settled() {
      return count === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

/** What the server hands the client for one resource: its value, or the error its fetch threw. */
export type HydrationEntry = { value: unknown } | { error: unknown };

/**
 * The per-render SSR channel. On the server the renderer implements `nextId` and `serialize`; on
 * the hydrating client, `nextId` and `take`.
 */
export interface HydrationHandle {
  /** A fresh id, in creation order: the n-th call returns the same id on server and client. */
  nextId(): string;
  /**
   * Server: the resource `id` started loading; `entry` resolves (never rejects) once its first
   * load is over, with what to send to the client, or `undefined` for nothing (the load was
   * cancelled before it produced anything). Errors are passed raw: redact them before sending.
   */
  serialize?(id: string, entry: Promise<HydrationEntry | undefined>): void;
  /** Client: the entry the server sent for `id`, if any (a resource takes it once, at creation). */
  take?(id: string): HydrationEntry | undefined;
}

/**
 * The SSR id allocator and data channel of the render in progress; none on a plain client.
 *
 * @example provideContext(HydrationContext, { nextId: () => `r${n++}`, take: (id) => data[id] });
 */
export const HydrationContext: Context<HydrationHandle | undefined> = createContext<HydrationHandle | undefined>(
  undefined,
  'HydrationContext',
);
