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
 * root inside another app's document) is dispatched by the first one only.
 *
 * Handlers run with `this` set to their element; `[handler, data]` calls `handler(data, event)`.
 */

type Handler = ((this: unknown, event: Event) => unknown) | [(this: unknown, data: unknown, event: Event) => unknown, unknown];

/** The names compiled code asked to delegate. */
const registered = new Set<string>();

/** A listening root (a Document or ShadowRoot) and what is installed on it. */
class ListeningRoot {
  holders = 0;
  /** Installed for good by `delegateEvents(names, root)`: never uninstalled. */
  pinned = false;
  installed = new Set<string>();
  constructor(public target: EventTarget) {}
}

const roots = new WeakMap<EventTarget, ListeningRoot>();
/** Roots with holders (iterable, unlike the WeakMap), to install late-registered types on. */
const held = new Set<ListeningRoot>();

/** One listener function per event type, shared by every root. */
const listeners = new Map<string, (event: Event) => void>();

/**
 * Events already dispatched by one listening root, so a second root on their path skips them.
 * Only consulted while more than one root is listening.
 */
const dispatched = new WeakSet<Event>();
/** How many roots have listeners installed. */
let listeningCount = 0;

/**
 * Delegates the events `names`: records them for every mounted app's listening root (installing
 * them now on roots already held), and, if `root` is given, installs them on it permanently.
 */
export function delegateEvents(names: readonly string[], root?: Document | ShadowRoot): void {
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (registered.has(name)) continue;
    registered.add(name);
    for (const r of held) install(r, name);
  }
  if (root !== undefined) {
    const r = rootFor(root);
    r.pinned = true;
    for (let i = 0; i < names.length; i++) install(r, names[i]!);
  }
}

/**
 * Keeps the delegated listeners installed on the listening root of `container` (its shadow root
 * if it is in one, else its document) until the returned function is called. `mount` calls this;
 * so should anything that renders delegated handlers into another root (a portal).
 */
export function holdDelegation(container: Node): () => void {
  const r = rootFor(listeningRootOf(container));
  if (r.holders++ === 0) {
    held.add(r);
    for (const name of registered) install(r, name);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--r.holders === 0) {
      held.delete(r);
      if (!r.pinned) {
        for (const name of r.installed) r.target.removeEventListener(name, listeners.get(name)!);
        if (r.installed.size !== 0) listeningCount--;
        r.installed.clear();
      }
    }
  };
}

function listeningRootOf(node: Node): Document | ShadowRoot {
  const top = node.getRootNode();
  if (top.nodeType === 9) return top as Document;
  if (top.nodeType === 11 && (top as ShadowRoot).host !== undefined) return top as ShadowRoot;
  // Detached: listen on its document, where it will most likely be attached.
  return node.ownerDocument ?? (node as Document);
}

function rootFor(target: EventTarget): ListeningRoot {
  let r = roots.get(target);
  if (r === undefined) {
    roots.set(target, (r = new ListeningRoot(target)));
  }
  return r;
}

function install(r: ListeningRoot, name: string): void {
  if (r.installed.has(name)) return;
  if (r.installed.size === 0) listeningCount++;
  r.installed.add(name);
  let listener = listeners.get(name);
  if (listener === undefined) {
    const key = '$$' + name;
    listener = (event: Event) => dispatch(event, key);
    listeners.set(name, listener);
  }
  r.target.addEventListener(name, listener);
}

// ---------------------------------------------------------------------------------------------
// Dispatch

/** The node whose handler is running, read by the `currentTarget` getter. */
let currentNode: EventTarget | null = null;
/** What `event.target` reads while handlers run, once it has been redefined. */
let seenTarget: EventTarget | null = null;

const currentTargetDescriptor: PropertyDescriptor = { configurable: true, get: () => currentNode };
const targetDescriptor: PropertyDescriptor = { configurable: true, get: () => seenTarget };

type HandlerHost = EventTarget & { [key: string]: unknown };

function dispatch(event: Event, key: string): void {
  if (listeningCount > 1) {
    if (dispatched.has(event)) return;
    dispatched.add(event);
  }
  const path = event.composedPath();
  if (path.length === 0) return;
  const origin = path[0]!;
  // Nested dispatches (a handler dispatching another event) save and restore these.
  const savedNode = currentNode;
  const savedTarget = seenTarget;
  seenTarget = origin;
  Object.defineProperty(event, 'currentTarget', currentTargetDescriptor);
  // A listener outside a shadow root sees the host as the target, where a native listener inside
  // would see the original node: the target is redefined for the walk, and moves out to each
  // host as the walk leaves the shadow root that holds it.
  let retargeted = event.target !== origin;
  if (retargeted) Object.defineProperty(event, 'target', targetDescriptor);
  try {
    for (let i = 0; i < path.length; i++) {
      const node = path[i] as HandlerHost;
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
    if (!registered.has(name)) delegateEvents([name]);
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
