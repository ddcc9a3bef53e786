/**
 * `Suspense`, `Transition` and `Await`: async boundaries, written once for every renderer.
 *
 * A boundary takes an id from the enclosing `HydrationContext` (so the server and the hydrating
 * client agree on it) and gives its children a scoped handle (`<id>.<n>` ids, see
 * `scopedHandle`). Then:
 *
 * - Under a renderer that provides `RendererContext` (the server), the renderer renders
 *   the boundary: to HTML, now or once its data arrived (packages/server/CONTRACT.md §5).
 * - Otherwise (the browser), the boundary is reactive: its children are created once, under a
 *   counting `SuspenseContext`, and kept alive; while any resource read inside is loading, the
 *   fallback is shown in their place. A `Transition` shows the fallback only until its children
 *   were first revealed; after that it keeps them on screen while they load again.
 *
 * `Await` is a resource over one promise: it suspends the nearest boundary like any resource
 * read, and its value is serialized on the server and taken by the hydrating client.
 */
import { memo, renderEffect, resource, runWithOwner, getOwner, signal, untrack, useContext } from '@lepta/reactive';
import {
  RendererContext,
  HydrationContext,
  Owner,
  SuspenseContext,
  scopedHandle,
  setContextValue,
  suspenseBoundary,
  type SuspenseRender,
} from '@lepta/reactive/internal';
import { resolveChildren } from './flow.js';
import type { JSX } from './jsx.js';

export interface SuspenseProps {
  /** Shown while a resource read inside is loading. */
  fallback?: JSX.Element;
  children: JSX.Element;
}

/**
 * Shows `fallback` while any resource read inside is loading, then the children. On the server
 * the fallback is what the page's shell shows; the children stream in when their data arrived
 * (or are awaited in place, depending on the stream mode).
 *
 * @example
 * <Suspense fallback={<p>Loading…</p>}><Profile /></Suspense>
 */
export function Suspense(props: SuspenseProps): JSX.Element {
  return boundary(props, false);
}

/**
 * Like `Suspense`, but once the children were shown, it keeps showing them (with their previous
 * data) while they load again, instead of going back to the fallback.
 *
 * @example
 * <Transition fallback={<p>Loading…</p>}><Results query={query()} /></Transition>
 */
export function Transition(props: SuspenseProps): JSX.Element {
  return boundary(props, true);
}

function boundary(props: SuspenseProps, transition: boolean): JSX.Element {
  const parent = useContext(HydrationContext);
  const spec: SuspenseRender = {
    id: parent?.nextId(),
    parent,
    transition,
    children: () => props.children,
    fallback: () => props.fallback,
  };
  const renderer = useContext(RendererContext);
  return (renderer !== undefined ? renderer.suspense(spec) : reactiveBoundary(spec)) as JSX.Element;
}

/** The browser's boundary: children created once and kept; the fallback shown while they load. */
function reactiveBoundary(spec: SuspenseRender): JSX.Element {
  const pending = suspenseBoundary();
  const owner = new Owner(getOwner(), 0);
  setContextValue(owner, SuspenseContext.id, pending);
  if (spec.id !== undefined) setContextValue(owner, HydrationContext.id, scopedHandle(spec.parent!, spec.id));
  const content = runWithOwner(owner, () => {
    const children = memo(spec.children);
    // Memos in what the children render (a <Show>, an <Await>) compute when read: read here,
    // under the boundary, their resource reads register with it (read by the inserting effect,
    // outside it, they would not). The resolved value goes out through a signal.
    const [resolved, setResolved] = signal<unknown>(undefined);
    renderEffect(() => {
      const value = resolveChildren(children());
      setResolved(() => value);
    });
    return resolved;
  });
  let revealed = false;
  return memo(() => {
    if (pending.pending() > 0 && !(spec.transition && revealed)) {
      // The fallback is outside the boundary's id scope and not hydrated from server data: the
      // server renders it only when it does not have the children yet, the client only while
      // loading, so resources in it would not get the same ids on both sides.
      setContextValue(getOwner()!, HydrationContext.id, undefined);
      return spec.fallback();
    }
    revealed = true;
    return content();
  }) as unknown as JSX.Element;
}

export interface AwaitProps<T> {
  /** The promise (or value) to wait for; read once. */
  future: PromiseLike<T> | T;
  /**
   * Server: the page's shell waits for it (rendered in place rather than streamed later) in the
   * `partially-blocked` stream mode.
   */
  blocking?: boolean;
  /** Renders the resolved value; called once, untracked. */
  children: (value: T) => JSX.Element;
}

/**
 * Renders `children(value)` once `future` resolved, suspending the nearest `Suspense` meanwhile.
 * A rejection is thrown to the nearest `ErrorBoundary`. On the server, the value is sent to the
 * client with the page (so `future` is not awaited again when hydrating).
 *
 * @example
 * <Suspense fallback={<p>Loading…</p>}>
 *   <Await future={fetchStats()}>{(stats) => <p>{stats.visits} visits</p>}</Await>
 * </Suspense>
 */
export function Await<T>(props: AwaitProps<T>): JSX.Element {
  const value = resource<T>(() => props.future, { blocking: props.blocking === true });
  return memo(() => {
    const v = value();
    if (value.state() === 'pending') return undefined;
    return untrack(() => props.children(v as T));
  }) as unknown as JSX.Element;
}
