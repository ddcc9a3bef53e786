/**
 * `hydrate(fn, container)`: makes an app rendered by the server live in the browser, adopting
 * the server's DOM instead of creating it (packages/server/CONTRACT.md §4–§6).
 *
 * While `fn()` runs, `hydrate`-mode code claims the server's nodes (cursor.ts) and inserts adopt
 * regions (adopt.ts). The parts of the runtime that non-compiled code reaches too are replaced
 * for that time only — `insert` (Portal, `spread`'s children), the attribute setters
 * (hydrate-attributes.ts), `createComponent` (to name components in mismatch warnings) — through
 * the swaps their modules offer, so an app that only mounts carries none of this code.
 *
 * Then the events the page captured before hydration (`self.$lepta.e`, pushed by the server's
 * hydration script) are replayed through the delegated handlers, once, in order.
 */
import { provideContext } from '@lepta/reactive';
import { HydrationContext, type HydrationEntry, type HydrationHandle } from '@lepta/reactive/internal';
import { adoptRegion, hydratingInsert } from './adopt.js';
import { wrapSetters } from './attributes.js';
import { swapCreateComponent, type CreateComponent } from './component.js';
import { beginHydration, endHydration, enter } from './cursor.js';
import { replayEvent } from './events.js';
import { hydratingSetter } from './hydrate-attributes.js';
import { Slot, setSlot, swapInsert } from './insert.js';
import { components } from './mismatch.js';
import { mount } from './mount.js';

/** What the server's scripts put on the page (CONTRACT §5, §6). */
interface PageData {
  /** Resource data by hydration id. */
  d?: Record<string, HydrationEntry>;
  /** Events captured before hydration; `null` once taken (capture stops). */
  e?: Event[] | null;
}

function pageData(): PageData | undefined {
  return (globalThis as { $lepta?: PageData }).$lepta;
}

/**
 * Hydrates the server-rendered `container` with `fn()` (the same app the server rendered):
 * nodes are adopted, not created, and from then on the app is live as if `mount` had rendered
 * it. A part of the server's HTML that differs from what the client renders is reported (a
 * `console.warn` naming the components and the JSX) and rendered by the client instead.
 * Returns `dispose()`, as `mount` does: it removes the app's nodes.
 *
 * @example
 * hydrate(() => <App />, document.getElementById('app')!);
 */
export function hydrate(fn: () => unknown, container: Node): () => void {
  const slot = new Slot(container, null, null);
  // Stop capturing before the app runs: from here on the delegated listeners handle events
  // (an effect's `el.click()` during hydration must not run once live and once replayed).
  const captured = takeCapturedEvents();
  beginHydration(container);
  const restore = [swapInsert(hydratingInsert), wrapSetters(hydratingSetter), swapCreateComponent(naming)];
  let dispose: () => void;
  let hydrating = true;
  const handle = rootHandle(() => hydrating);
  try {
    // `mount` provides the root, the delegated listeners and the clean-up on failure; the
    // app's nodes are in `slot`, which adopts the container's children.
    dispose = mount(() => {
      provideContext(HydrationContext, handle);
      enter(container, null);
      adoptRegion(slot, fn(), null);
    }, container);
  } finally {
    hydrating = false;
    for (const undo of restore) undo();
    endHydration();
    components.length = 0;
  }
  replayEvents(captured);
  return () => {
    dispose();
    setSlot(slot, null);
  };
}

/**
 * The root hydration handle: ids `"0"`, `"1"`, … in creation order (as the server allocated
 * them); `take(id)` hands over the server's entry for `id` once (a Suspense boundary's scoped
 * handle inherits it, and `hydrating()`).
 */
function rootHandle(hydrating: () => boolean): HydrationHandle {
  let n = 0;
  return {
    // The handle outlives hydrate(): what is created later must render as in a mounted app.
    hydrating,
    nextId: () => String(n++),
    take: (id) => {
      const data = pageData()?.d;
      // Own keys only: an id like `constructor` must not find `Object.prototype`'s.
      if (data === undefined || !Object.prototype.hasOwnProperty.call(data, id)) return undefined;
      const entry = data[id];
      delete data[id];
      return entry;
    },
  };
}

/** `createComponent` keeping the names of the components being created, for warnings. */
function naming(plain: CreateComponent): CreateComponent {
  return (Comp, props) => {
    components.push(Comp.name || 'anonymous');
    try {
      return plain(Comp, props);
    } finally {
      components.pop();
    }
  };
}

/** Reports an error as an uncaught one (the browser's `reportError`), without throwing here. */
function report(error: unknown): void {
  if (typeof reportError === 'function') reportError(error);
  else
    queueMicrotask(() => {
      throw error;
    });
}

/** Takes the events captured before hydration and stops the capture. */
function takeCapturedEvents(): Event[] {
  const page = pageData();
  const events = page?.e;
  if (!page || !events) return [];
  page.e = null;
  return events;
}

/**
 * Runs the delegated handlers for each captured event whose target is still in the document (a
 * target in a part the client re-rendered is gone: its event is dropped). A handler that throws
 * is reported without stopping the others or `hydrate()`, as a live event's would be.
 */
function replayEvents(events: Event[]): void {
  for (const event of events) {
    const target = event.target as Node | null;
    if (target === null || !target.isConnected) continue;
    try {
      replayEvent(event);
    } catch (error) {
      report(error);
    }
  }
}
