/**
 * @lepta/dom/hmr — hot replacement of components, for development servers only (the Vite plugin
 * appends a call to `hotModule` to every client module in `vite dev`; production code never
 * imports this module).
 *
 * Each component registered here is replaced, for its callers, by a stable wrapper: the wrapper
 * renders the latest implementation inside a memo that also reads a per-component version
 * trigger. A hot update swaps the implementation and bumps the version, so every mounted instance
 * re-runs under a fresh owner (the memo disposes the previous run) and the `insert` that placed it
 * swaps its DOM region, like any other function child. Nothing else on the page re-renders.
 *
 * State: while an instance runs, the signals it creates are recorded in creation order (through
 * the `signal()` dev hook). When it runs again, its n-th new signal starts with the n-th old
 * signal's current value if their initial values have the same type (a reordering that changes
 * types is treated as new state). The components a re-running instance renders are new instances;
 * they find the old ones by (component id, position among the siblings of that id) and take their
 * signal values the same way, recursively, so state survives in components that did not change.
 */
import { batch, getOwner, memo, trigger, untrack } from '@lepta/reactive';
import { setSignalCreated, type Owner, type SignalNode } from '@lepta/reactive/internal';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- components take any props
type Component = (props: any) => unknown;

interface Entry {
  impl: Component;
  /** The implementation's source text: an update re-renders only components whose text changed. */
  source: string;
  track: () => void;
  bump: () => void;
  wrapper: Component;
}

/** One mounted use of a registered component. */
interface Instance {
  /** The signals its latest run created, in creation order. */
  signals: SignalNode[];
  /** Registered components created under it since its latest run started, by `id#n`. */
  children: Map<string, Instance>;
  /** The same, from the run before: where a re-created child looks for its old state. */
  previousChildren: Map<string, Instance> | undefined;
  /** How many children of each id were created in the latest run (gives `n` in `id#n`). */
  counts: Map<string, number>;
}

/** The instance whose run is on the stack, and the signals its new signals take values from. */
interface Frame {
  instance: Instance;
  previous: SignalNode[] | undefined;
}

const entries = new Map<string, Entry>();
/** The memo of each instance → the instance: how a child finds its parent through the owner tree. */
const instances = new WeakMap<Owner, Instance>();
const stack: Frame[] = [];
let installed = false;

function onSignalCreated(node: SignalNode): void {
  const frame = stack[stack.length - 1];
  if (frame === undefined) return;
  const signals = frame.instance.signals;
  const old = frame.previous?.[signals.length];
  signals.push(node);
  if (old !== undefined && typeof old.pending === typeof node.value) node.value = node.pending = old.pending;
}

function parentInstance(owner: Owner | null): Instance | undefined {
  for (; owner !== null; owner = owner.owner) {
    const instance = instances.get(owner);
    if (instance !== undefined) return instance;
  }
  return undefined;
}

function createEntry(id: string, name: string, impl: Component): Entry {
  const [track, bump] = trigger();
  const entry: Entry = { impl, source: String(impl), track, bump, wrapper: undefined! };
  const wrapper: Component = (props) => {
    const parent = parentInstance(getOwner());
    let previous: Instance | undefined;
    const instance: Instance = { signals: [], children: new Map(), previousChildren: undefined, counts: new Map() };
    if (parent !== undefined) {
      const n = parent.counts.get(id) ?? 0;
      parent.counts.set(id, n + 1);
      const key = `${id}#${n}`;
      previous = parent.previousChildren?.get(key);
      parent.children.set(key, instance);
    }
    let first = true;
    return memo(() => {
      entry.track();
      // The first run takes its state from the instance its parent's previous run created (if
      // any); later runs (hot updates of this component) from this instance's own latest run.
      const from = first ? previous : instance;
      if (first) {
        instances.set(getOwner()!, instance);
        first = false;
        previous = undefined;
      }
      const frame: Frame = { instance, previous: from?.signals };
      instance.previousChildren = from?.children;
      instance.signals = [];
      instance.children = new Map();
      instance.counts = new Map();
      stack.push(frame);
      try {
        return untrack(() => entry.impl(props));
      } finally {
        stack.pop();
      }
    });
  };
  // Keeps the name in stack traces and hydration mismatch warnings.
  Object.defineProperty(wrapper, 'name', { value: name });
  entry.wrapper = wrapper;
  entries.set(id, entry);
  return entry;
}

/**
 * Registers the components of one module (called by the module itself each time it runs, with
 * `moduleId` stable across versions) and returns their wrappers, which the module rebinds its
 * names to. The first call for an id creates the wrapper; later calls (the module re-executed by
 * a hot update) swap the implementation and re-render the mounted instances of the components
 * whose source changed, or of all of them when none did (the edit was elsewhere in the module:
 * a helper or a constant they may use).
 */
export function hotModule<T extends Record<string, unknown>>(moduleId: string, components: T): T {
  if (!installed) {
    installed = true;
    setSignalCreated(onSignalCreated);
  }
  const out: Record<string, unknown> = {};
  const changed: Entry[] = [];
  const updated: Entry[] = [];
  for (const name of Object.keys(components)) {
    const impl = components[name];
    if (typeof impl !== 'function') {
      out[name] = impl;
      continue;
    }
    const id = `${moduleId}#${name}`;
    const entry = entries.get(id);
    if (entry === undefined) {
      out[name] = createEntry(id, name, impl as Component).wrapper;
      continue;
    }
    out[name] = entry.wrapper;
    if (impl === entry.wrapper || impl === entry.impl) continue;
    const source = String(impl);
    if (source !== entry.source) changed.push(entry);
    updated.push(entry);
    entry.impl = impl as Component;
    entry.source = source;
  }
  const rerender = changed.length > 0 ? changed : updated;
  if (rerender.length > 0) batch(() => rerender.forEach((entry) => entry.bump()));
  return out as T;
}
