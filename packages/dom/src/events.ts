/**
 * Events: delegated handlers (`el.$$click = fn`) and native listeners.
 *
 * ## Delegation
 *
 * Compiled code stores a delegated handler on the element (`el.$$click = handler`, or
 * `[handler, data]`) and calls `delegateEvents(['click', …])` once per module. Instead of a
 * listener per element, there is one listener per event type on the *listening root*: the
 * document, or the shadow root an app is mounted in. When an event reaches it, `dispatch` walks
 * the event's path from the original target outwards and calls each `$$type` handler it finds.
 *
 * Lifetime. Which types to delegate is global (`delegateEvents` records the names: modules call
 * it once, at import time, before anything is mounted). Where to listen is decided by mounts:
 * `mount` holds its container's listening root for as long as it lives (`holdDelegation`), and
 * a root's listeners are installed while at least one holder remains — one listener per type per
 * root, however many apps share it — and removed when the last one releases it. A type
 * registered later (a lazily loaded module) is installed at once on every held root.
 * `delegateEvents(names, root)` with an explicit root installs there for good, for DOM built
 * without `mount`.
 *
 * The walk follows `event.composedPath()` (the path frozen when the event was dispatched, as
 * native listeners see it), so it descends into shadow roots — open ones from the document,
 * closed ones when the app is mounted inside them, since the listener is then on that root.
 * A node with a `$$host` property (a portal's container) continues the walk at `$$host`, the
 * place the portal was rendered from, following parents (through slots and shadow hosts) from
 * there. While a handler runs, `event.currentTarget` is the element it was set on and, if the
 * event was retargeted to a shadow host, `event.target` is what a native listener on that
 * element would see; both are restored afterwards. `stopPropagation()` (`cancelBubble`) ends the
 * walk after the current handler. An event reaching several listening roots (an app in a shadow
 * root inside another app's document) is dispatched by the first one on its path only.
 *
 * Handlers run with `this` set to their element; `[handler, data]` calls `handler(data, event)`.
 */

type Handler = ((this: unknown, event: Event) => unknown) | [(this: unknown, data: unknown, event: Event) => unknown, unknown];

/** The names compiled code asked to delegate. */
const registered = new Set<string>();

/**
 * Listening roots (a Document or ShadowRoot) that mounts hold, with their number of holders.
 * Iterable, to install late-registered types on.
 */
const held = new Map<EventTarget, number>();
/** Roots given to `delegateEvents(names, root)`: their listeners are never uninstalled. */
const pinned = new WeakSet<EventTarget>();
/**
 * `'$$' + type` per event type, made once: a fresh string for every event would be hashed anew
 * for each of the path's property lookups.
 */
const handlerKeys: Record<string, string> = Object.create(null) as Record<string, string>;
/** How many roots were pinned (with `held`, whether an event can reach two listening roots). */
let pinnedCount = 0;

/**
 * The listening root that dispatched an event, so that another root on its path skips it. A root
 * listens once per type, so the same root seeing the event again means it is being dispatched
 * again (an event object can be), and it is handled again.
 */
const dispatchedBy = new WeakMap<Event, EventTarget>();

// Every type, on every root, is installed with the one listener `dispatch` (it reads the type
// from the event). The DOM ignores adding a listener that is already there, so installing is
// idempotent, and a held root listens for exactly the registered types: releasing it removes
// those, with no per-root bookkeeping.

/**
 * Delegates the events `names`: records them for every mounted app's listening root (installing
 * them now on roots already held), and, if `root` is given, installs them on it permanently.
 */
export function delegateEvents(names: readonly string[], root?: Document | ShadowRoot): void {
  for (const name of names) {
    if (!registered.has(name)) {
      registered.add(name);
      for (const target of held.keys()) target.addEventListener(name, dispatch);
    }
  }
  if (root !== undefined) {
    if (!pinned.has(root)) {
      pinned.add(root);
      pinnedCount++;
    }
    for (const name of names) root.addEventListener(name, dispatch);
  }
}

/**
 * Keeps the delegated listeners installed on the listening root of `container` (its shadow root
 * if it is in one, else its document) until the returned function is called. `mount` calls this;
 * so should anything that renders delegated handlers into another root (a portal).
 */
export function holdDelegation(container: Node): () => void {
  const target = listeningRootOf(container);
  const holders = held.get(target) ?? 0;
  held.set(target, holders + 1);
  if (holders === 0) for (const name of registered) target.addEventListener(name, dispatch);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = held.get(target)! - 1;
    if (left !== 0) {
      held.set(target, left);
      return;
    }
    held.delete(target);
    if (!pinned.has(target)) for (const name of registered) target.removeEventListener(name, dispatch);
  };
}

function listeningRootOf(node: Node): Document | ShadowRoot {
  const top = node.getRootNode();
  if (top.nodeType === 9) return top as Document;
  if (top.nodeType === 11 && (top as ShadowRoot).host !== undefined) return top as ShadowRoot;
  // Detached: listen on its document, where it will most likely be attached.
  return node.ownerDocument ?? (node as Document);
}

// ---------------------------------------------------------------------------------------------
// Dispatch

/** The node whose handler is running, read by the `currentTarget` getter. */
let currentNode: EventTarget | null = null;
/** What `event.target` reads while handlers run. */
let seenTarget: EventTarget | null = null;

const currentTargetDescriptor: PropertyDescriptor = { configurable: true, get: () => currentNode };
const targetDescriptor: PropertyDescriptor = { configurable: true, get: () => seenTarget };

type HandlerHost = EventTarget & { [key: string]: unknown };

function dispatch(event: Event): void {
  // Only with several listening roots can an event reach two (the map costs every event a lookup).
  if (held.size + pinnedCount > 1) {
    const root = event.currentTarget!;
    const by = dispatchedBy.get(event);
    if (by !== undefined && by !== root) return;
    dispatchedBy.set(event, root);
  }
  const type = event.type;
  const key = (handlerKeys[type] ??= '$$' + type);
  const path = event.composedPath();
  const origin = path[0]!;
  // Nested dispatches (a handler dispatching another event) save and restore these.
  const savedNode = currentNode;
  const savedTarget = seenTarget;
  seenTarget = origin;
  Object.defineProperty(event, 'currentTarget', currentTargetDescriptor);
  // A listener outside a shadow root sees the host as the target, where a native listener inside
  // would see the original node: the target is redefined for the walk, and moves out to each
  // host as the walk leaves the shadow root that holds it. (Redefining a property of an event
  // is slow: it is done only when the event was retargeted.)
  let retargeted = event.target !== origin;
  if (retargeted) Object.defineProperty(event, 'target', targetDescriptor);
  try {
    for (const target of path) {
      const node = target as HandlerHost;
      const handler = node[key];
      if (handler != null && run(node, handler as Handler, event)) return;
      const host = node.$$host;
      if (host != null) {
        walkFrom(host as HandlerHost, key, event);
        return;
      }
      if ((node as unknown as Node).nodeType === 11) {
        const shadowHost = (node as unknown as ShadowRoot).host;
        if (shadowHost !== undefined && (seenTarget as Node).getRootNode() === (node as unknown as Node)) {
          seenTarget = shadowHost;
          if (!retargeted) {
            retargeted = true;
            Object.defineProperty(event, 'target', targetDescriptor);
          }
        }
      }
    }
  } finally {
    currentNode = savedNode;
    seenTarget = savedTarget;
    delete (event as unknown as { currentTarget?: unknown }).currentTarget;
    if (retargeted) delete (event as unknown as { target?: unknown }).target;
  }
}

/**
 * Runs the delegated handlers of an event that was dispatched before they existed (captured
 * before hydration, packages/server/CONTRACT.md §6): walks from its target outwards as `dispatch`
 * would. Its `composedPath()` is empty once its dispatch is over, so the walk follows parents
 * (and portals' `$$host`) from the target; `currentTarget` reads as during a dispatch.
 */
export function replayEvent(event: Event): void {
  const savedNode = currentNode;
  Object.defineProperty(event, 'currentTarget', currentTargetDescriptor);
  try {
    walkFrom(event.target as HandlerHost | null, '$$' + event.type, event);
  } finally {
    currentNode = savedNode;
    delete (event as unknown as { currentTarget?: unknown }).currentTarget;
  }
}

/** After a portal: walk parents from `node` (its slot if slotted, a shadow root's host). */
function walkFrom(node: HandlerHost | null, key: string, event: Event): void {
  while (node !== null) {
    const handler = node[key];
    if (handler != null && run(node, handler as Handler, event)) return;
    const n = node as unknown as Node & { assignedSlot?: Element | null; $$host?: unknown };
    const next: unknown = n.$$host ?? n.assignedSlot ?? n.parentNode ?? (n.nodeType === 11 ? (n as unknown as ShadowRoot).host : null);
    node = (next ?? null) as HandlerHost | null;
  }
}

/** Calls one handler; returns whether propagation was stopped. */
function run(node: EventTarget, handler: Handler, event: Event): boolean {
  currentNode = node;
  if (typeof handler === 'function') handler.call(node, event);
  else handler[0].call(node, handler[1], event);
  return event.cancelBubble;
}

// ---------------------------------------------------------------------------------------------
// Native listeners

/** A listener, or `[listener, options]` for `on:x={[fn, { capture: true }]}`. */
export type ListenerValue =
  | ((event: Event) => unknown)
  | [(event: Event) => unknown, (AddEventListenerOptions | boolean)?];

/**
 * `on:name={handler}` and non-delegated `onName`: a native listener; `handler` may be
 * `[fn, options]`. With `delegate`, stores the handler for delegation instead (`el.$$name`,
 * where `[fn, data]` calls `fn(data, event)`) and registers `name` for delegation.
 */
export function addEventListener(el: Element, name: string, handler: unknown, delegate?: boolean): void {
  if (delegate) {
    (el as unknown as Record<string, unknown>)['$$' + name] = handler;
    delegateEvents([name]);
  } else if (Array.isArray(handler)) {
    el.addEventListener(name, handler[0], handler[1]);
  } else if (handler != null) {
    el.addEventListener(name, handler as EventListener);
  }
}

/** Removes what `addEventListener(el, name, handler, delegate)` added. */
export function removeEventListener(el: Element, name: string, handler: unknown, delegate?: boolean): void {
  if (delegate) (el as unknown as Record<string, unknown>)['$$' + name] = undefined;
  else if (Array.isArray(handler)) el.removeEventListener(name, handler[0], handler[1]);
  else if (handler != null) el.removeEventListener(name, handler as EventListener);
}

/** For tests: whether `name` is registered for delegation. */
export function isDelegated(name: string): boolean {
  return registered.has(name);
}
