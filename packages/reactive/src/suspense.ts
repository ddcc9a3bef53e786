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
 *   A Suspense boundary scopes them (`scopedHandle`): its children's ids are `<boundary id>.<n>`,
 *   counted afresh on each render of the boundary, so the server's renders of a boundary (before
 *   and after its data arrived) and the client's one render agree. An ErrorBoundary's fallback
 *   has a scope of its own too (`ErrorBoundaryRender.id`).
 * - `RendererContext` holds the renderer's own way of rendering boundaries (Suspense,
 *   ErrorBoundary) where it differs from the shared components' reactive behaviour: the server's.
 */
import { createContext, type Context } from './scope.js';
import { signal, type Accessor } from './signal.js';

/** What a resource needs from the Suspense boundary around it. */
export interface SuspenseBoundary {
  /**
   * Registers pending work; the boundary is pending until `promise` settles. Never rejects.
   * `blocking` marks work the server must finish before it sends the page's shell (a resource
   * or `<Await>` created with `blocking: true`; see the `partially-blocked` stream mode).
   */
  track(promise: Promise<unknown>, blocking?: boolean): void;
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
 * The per-render SSR channel. On the server the renderer implements `nextId`, `serialize`, and
 * (for boundaries it renders again once their data arrived) `take` and `adopt`; on the hydrating
 * client, `nextId` and `take`.
 */
export interface HydrationHandle {
  /** A fresh id, in creation order: the n-th call returns the same id on server and client. */
  nextId(): string;
  /**
   * What every id of this scope starts with: `<boundary id>.` for a `scopedHandle`, nothing (or
   * `''`) at the root. Ids made other than by `nextId` (an ErrorBoundary's) start with it too, so
   * they are unique across scopes.
   */
  readonly prefix?: string;
  /**
   * Server: the resource `id` loaded for the first time. `entry` is what to send to the client,
   * or `undefined` for nothing (the load was cancelled before it produced anything): given as is
   * when the load settled synchronously, else as a promise that resolves (never rejects) once the
   * load is over. Errors are passed raw: redact them before sending.
   */
  serialize?(id: string, entry: HydrationEntry | undefined | Promise<HydrationEntry | undefined>): void;
  /**
   * The settled entry for `id`, if any; a resource that gets one starts `ready` (or `errored`)
   * without fetching and is not serialized. Client: what the server sent (a resource takes it
   * once, at creation). Server: what an earlier render of the same boundary loaded for `id`.
   */
  take?(id: string): HydrationEntry | undefined;
  /**
   * Server: the first load of `id` started by an earlier render of the same boundary is still in
   * flight; the resource waits for it instead of fetching again (and fetches after all if it
   * resolves to `undefined`: that load was cancelled).
   */
  adopt?(id: string): Promise<HydrationEntry | undefined> | undefined;
  /**
   * Client: whether the page is still being hydrated. The handle stays provided for the app's
   * life, so a component created later sees it too; a handle without this method counts as
   * hydrating.
   */
  hydrating?(): boolean;
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

/**
 * The handle a Suspense boundary provides to one render of its children: ids `<id>.0`,
 * `<id>.1`, … counted from zero on every call, so each render of the boundary (the server
 * renders a boundary again once its data arrived; the hydrating client renders it once)
 * allocates the same ids. `take`, `adopt` and `serialize` are the parent's.
 *
 * @example provideContext(HydrationContext, scopedHandle(parent, id));
 */
export function scopedHandle(parent: HydrationHandle, id: string): HydrationHandle {
  let n = 0;
  const prefix = id + '.';
  const handle: HydrationHandle = { nextId: () => prefix + n++, prefix };
  if (parent.take !== undefined) handle.take = parent.take.bind(parent);
  if (parent.adopt !== undefined) handle.adopt = parent.adopt.bind(parent);
  if (parent.serialize !== undefined) handle.serialize = parent.serialize.bind(parent);
  if (parent.hydrating !== undefined) handle.hydrating = parent.hydrating.bind(parent);
  return handle;
}

/**
 * The scope of an ErrorBoundary's children (its fallback's is `scopedHandle(parent, id)`): ids
 * `<id>c.<n>`. Scoped so that children failing on one side only (a throw in the browser that the
 * server did not have) cannot shift the ids of what follows the ErrorBoundary.
 */
export function errorBoundaryChildrenScope(parent: HydrationHandle, id: string): HydrationHandle {
  return scopedHandle(parent, id + 'c');
}

// ---------------------------------------------------------------------------------------------
// Renderer hooks

/** One Suspense or Transition boundary, as the shared component hands it to a renderer. */
export interface SuspenseRender {
  /** The boundary's id (from the enclosing `HydrationContext`), or `undefined` outside one. */
  readonly id: string | undefined;
  /** The enclosing hydration handle, from which `scopedHandle(parent, id)` derives the children's. */
  readonly parent: HydrationHandle | undefined;
  /** True for `<Transition>`: after the first reveal, keep the content while loading again. */
  readonly transition: boolean;
  /** Reads the children (creating them). */
  children(): unknown;
  /** Reads the fallback (creating it). */
  fallback(): unknown;
}

/** One ErrorBoundary, as the shared component hands it to a renderer. */
export interface ErrorBoundaryRender {
  /**
   * The boundary's id in the enclosing `HydrationContext` (`<prefix>e<n>`: the n-th ErrorBoundary
   * of that scope, counted apart from `nextId`), or `undefined` outside one. Its children are
   * rendered in `errorBoundaryChildrenScope(parent, id)`, its fallback in `scopedHandle(parent,
   * id)` (and sent: the client renders it in the same scope).
   */
  readonly id?: string | undefined;
  /** The enclosing hydration handle. */
  readonly parent?: HydrationHandle | undefined;
  /** Reads the children (creating them). */
  children(): unknown;
  /** Creates the fallback for `error`. */
  fallback(error: unknown): unknown;
}

/**
 * How a renderer renders what differs from the behaviour the shared components implement (which
 * is the browser renderer's). The server renderer provides these: it renders a boundary to HTML
 * once, or again when its data arrived, instead of keeping a live view; it writes a `Dynamic`
 * element as HTML; a `Portal` renders nothing in the page (the browser renders it). Components
 * consult them through `RendererContext`, so no shared code asks which renderer it runs under.
 */
export interface RendererHooks {
  suspense(boundary: SuspenseRender): unknown;
  errorBoundary(boundary: ErrorBoundaryRender): unknown;
  /** `<Dynamic component="tag" {...props}>`: the element for a tag name. */
  element(tag: string, props: Record<string, unknown>, isSVG: boolean): unknown;
  /** `<Portal>`: what renders in the Portal's place. */
  portal(): unknown;
}

/**
 * The renderer's hooks; none (the shared components' own behaviour) in the browser.
 *
 * @example provideContext(RendererContext, serverBoundaries);
 */
export const RendererContext: Context<RendererHooks | undefined> = createContext<RendererHooks | undefined>(
  undefined,
  'RendererContext',
);
