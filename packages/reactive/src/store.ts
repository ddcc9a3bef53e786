/**
 * Stores: a tree of plain objects and arrays read through read-only proxies that track each
 * property on its own, and written through one typed path setter.
 *
 * ## Design
 *
 * **One proxy per object.** The state tree stays made of the caller's own plain objects and
 * arrays (the "raw" tree); nothing is added to them. The first time a nested object is read
 * through the store it gets a `StoreHandler`, found again through a `WeakMap` keyed by the raw
 * object. The handler is also the `ProxyHandler` of that object's single proxy, so the same raw
 * object always reads back as the same proxy (identity is stable) and the traps reach their
 * bookkeeping through `this` without a lookup. When the raw object becomes unreachable, so do its
 * handler, proxy and nodes.
 *
 * **One node per read property.** A handler keeps a table of `SignalNode`s, one per property key,
 * created the first time that key is read *inside a computation* (reads elsewhere create
 * nothing). The raw object is the source of truth that reads return; the node mirrors the key's
 * value for the graph: the setter writes it (`writeSignal`, `Object.is`) when the key changes,
 * so, as with signals, a value written and written back within one batch is no change. Reading
 * `state.a.b` tracks the `a` node of the root and the `b` node of `a`, so it re-runs when either
 * link of the path changes and never for siblings. A node whose last reader has gone is dropped
 * the next time its key is written.
 *
 * **One node per object for its shape** (`self`): for a plain object it changes when a key is
 * added or deleted (`Object.keys`, `for…in`, `Object.hasOwn`); for an array, with any element or
 * the length. It holds no value (it is only marked), so it has no write-and-restore cut-off.
 * Array methods that visit every element (`map`, `forEach`, `filter`, `for…of`, spread, …)
 * track only this node instead of one node per index, so iterating 10,000 rows costs one
 * subscription: they are wrappers around the native methods that switch off per-index tracking
 * for that array and that computation while they run (callbacks still track what they read
 * elsewhere, and computations created inside them track normally).
 *
 * **Writes** go through the setter only (the proxies throw on assignment). A call walks the raw
 * path, applies the value and notifies the nodes of the keys that changed, all inside one
 * `batch`. Values written are "unwrapped" first: store proxies inside them are replaced by their
 * raw objects (in place: the store takes the new value over), so the raw tree never holds a
 * proxy.
 *
 * **reconcile(value)** diffs `value` into the current state in place instead of replacing it.
 * Objects are diffed key by key (changed keys written, missing keys deleted), recursively.
 * Arrays of objects are matched by a key field (`id` by default): equal prefixes and suffixes
 * are compared in place, the middle goes through a key → old index map; an old object whose key
 * reappears is kept (same raw object, so same proxy) and diffed recursively, wherever it now
 * sits; new keys insert the new objects; old keys that are gone are dropped. The resulting
 * element list is then written into the *same* array, notifying only the indices that now hold
 * a different element. So a re-fetched list where one row changed notifies only the readers of
 * that row's changed fields. An object met a second time in one reconcile (shared, or a cycle)
 * is not diffed again: that place takes the new value as it is.
 *
 * ## Setter semantics
 *
 * - `setState(...keys, value)`: keys are property names, or indices for arrays (up to 7 typed).
 *   Stepping through a missing or non-plain value throws, naming the path.
 * - A function as the value is an updater: called untracked with the current value as the store
 *   shows it (read-only proxies, so identities match `state`), its result is applied as below.
 *   To store a function, return it from an updater.
 * - A plain object written over a plain object is merged shallowly, at any depth (Solid's rule);
 *   everything else (arrays, primitives, class instances) replaces by reference. Store state
 *   passed as a value (a proxy) is placed by reference, never merged into another object.
 * - `setState(value)` at the top merges into the root object; for an array store it replaces the
 *   elements (the root keeps its identity). Anything else throws.
 * - On a plain object, `undefined` deletes the key (for `in`, `Object.keys`); on an array it is
 *   stored as an element (an index is never deleted; shorten an array with an updater).
 * - The key `__proto__` is refused everywhere (setter paths, merged objects, reconciled and
 *   initial data): no prototype pollution.
 * - Frozen objects and class instances (Date, Map, …) are values, not state: never wrapped,
 *   never written into.
 */
import {
  SignalNode,
  batch,
  getActiveSub,
  markChanged,
  readSignal,
  untrack,
  writeSignal,
  type Computation,
} from './graph.js';

// ---------------------------------------------------------------------------------------------
// Types

/** Values stored as they are: never wrapped in a proxy, never merged into. */
type NotWrappable = string | number | bigint | symbol | boolean | null | undefined | Function;

/** The state of a store as components see it: the same shape as the data, read-only at runtime. */
export type Store<T> = T;

/** The object part of `T` (what a path can step into). */
type Obj<T> = Exclude<T, NotWrappable>;

/** The keys the setter accepts after reaching a `T`: indices for arrays, property names otherwise. */
export type StoreKey<T> = [Obj<T>] extends [never]
  ? never
  : Obj<T> extends readonly unknown[]
    ? number
    : keyof Obj<T>;

/** The type found at key `K` of `T`. */
type At<T, K> = K extends keyof Obj<T> ? Obj<T>[K] : never;

/** What may be written over a `V`: plain objects are merged shallowly, so a part of one is enough. */
type Mergeable<V> = V extends NotWrappable ? V : V extends readonly unknown[] ? V : Partial<V>;

declare const reconciledBrand: unique symbol;

/** What `reconcile(value)` returns: a setter value that diffs a complete `T` into the state. */
export interface Reconciled<T> {
  readonly [reconciledBrand]: T;
}

/**
 * The last argument of the setter for a value of type `V`: a value, an updater that receives
 * the current value (read-only, untracked) and returns the next one, or `reconcile(value)`.
 */
export type StoreSetValue<V> = Mergeable<V> | ((prev: V) => Mergeable<V>) | Reconciled<V>;

type A1<T, K1> = At<T, K1>;
type A2<T, K1, K2> = At<A1<T, K1>, K2>;
type A3<T, K1, K2, K3> = At<A2<T, K1, K2>, K3>;
type A4<T, K1, K2, K3, K4> = At<A3<T, K1, K2, K3>, K4>;
type A5<T, K1, K2, K3, K4, K5> = At<A4<T, K1, K2, K3, K4>, K5>;
type A6<T, K1, K2, K3, K4, K5, K6> = At<A5<T, K1, K2, K3, K4, K5>, K6>;
type A7<T, K1, K2, K3, K4, K5, K6, K7> = At<A6<T, K1, K2, K3, K4, K5, K6>, K7>;

/**
 * The store's setter: `setState(...keys, value)`. Keys are checked against the state type and
 * the value against the type at the end of the path (paths of up to 7 keys).
 */
export interface StoreSetter<T> {
  (value: StoreSetValue<T>): void;
  <K1 extends StoreKey<T>>(k1: K1, value: StoreSetValue<A1<T, K1>>): void;
  <K1 extends StoreKey<T>, K2 extends StoreKey<A1<T, K1>>>(
    k1: K1,
    k2: K2,
    value: StoreSetValue<A2<T, K1, K2>>,
  ): void;
  <K1 extends StoreKey<T>, K2 extends StoreKey<A1<T, K1>>, K3 extends StoreKey<A2<T, K1, K2>>>(
    k1: K1,
    k2: K2,
    k3: K3,
    value: StoreSetValue<A3<T, K1, K2, K3>>,
  ): void;
  <
    K1 extends StoreKey<T>,
    K2 extends StoreKey<A1<T, K1>>,
    K3 extends StoreKey<A2<T, K1, K2>>,
    K4 extends StoreKey<A3<T, K1, K2, K3>>,
  >(
    k1: K1,
    k2: K2,
    k3: K3,
    k4: K4,
    value: StoreSetValue<A4<T, K1, K2, K3, K4>>,
  ): void;
  <
    K1 extends StoreKey<T>,
    K2 extends StoreKey<A1<T, K1>>,
    K3 extends StoreKey<A2<T, K1, K2>>,
    K4 extends StoreKey<A3<T, K1, K2, K3>>,
    K5 extends StoreKey<A4<T, K1, K2, K3, K4>>,
  >(
    k1: K1,
    k2: K2,
    k3: K3,
    k4: K4,
    k5: K5,
    value: StoreSetValue<A5<T, K1, K2, K3, K4, K5>>,
  ): void;
  <
    K1 extends StoreKey<T>,
    K2 extends StoreKey<A1<T, K1>>,
    K3 extends StoreKey<A2<T, K1, K2>>,
    K4 extends StoreKey<A3<T, K1, K2, K3>>,
    K5 extends StoreKey<A4<T, K1, K2, K3, K4>>,
    K6 extends StoreKey<A5<T, K1, K2, K3, K4, K5>>,
  >(
    k1: K1,
    k2: K2,
    k3: K3,
    k4: K4,
    k5: K5,
    k6: K6,
    value: StoreSetValue<A6<T, K1, K2, K3, K4, K5, K6>>,
  ): void;
  <
    K1 extends StoreKey<T>,
    K2 extends StoreKey<A1<T, K1>>,
    K3 extends StoreKey<A2<T, K1, K2>>,
    K4 extends StoreKey<A3<T, K1, K2, K3>>,
    K5 extends StoreKey<A4<T, K1, K2, K3, K4>>,
    K6 extends StoreKey<A5<T, K1, K2, K3, K4, K5>>,
    K7 extends StoreKey<A6<T, K1, K2, K3, K4, K5, K6>>,
  >(
    k1: K1,
    k2: K2,
    k3: K3,
    k4: K4,
    k5: K5,
    k6: K6,
    k7: K7,
    value: StoreSetValue<A7<T, K1, K2, K3, K4, K5, K6, K7>>,
  ): void;
}

export interface ReconcileOptions {
  /**
   * The field that identifies an object across versions (default `'id'`): array items are
   * matched by it, and an object whose key changed is replaced rather than updated. `null`:
   * match array items by position only.
   */
  key?: string | null;
  /**
   * Keep every existing object and update it in place, matching array items by position, even
   * where keys differ (default `false`: objects whose key differs are replaced, new identity).
   */
  merge?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Bookkeeping

/** Read through a proxy, returns its raw object (never tracked). */
const RAW: unique symbol = Symbol('lepta.store.raw');
/** What a property node holds while its key does not exist. */
const ABSENT: unique symbol = Symbol('lepta.store.absent');

type Raw = Record<PropertyKey, unknown>;
type NodeTable = Record<PropertyKey, SignalNode<unknown> | undefined>;

/** What `reconcile()` makes, recognised by the setter. */
class ReconcileSpec {
  constructor(
    readonly value: unknown,
    readonly key: string | null,
    readonly merge: boolean,
  ) {}
}

const isArray = Array.isArray;
const hasOwn = Object.prototype.hasOwnProperty;
const objectProto = Object.prototype;

/** raw object → its handler (and through it, its proxy and nodes). */
const handlers = new WeakMap<object, StoreHandler>();

/**
 * While an array method wrapper runs, per-index reads of `iterTarget` by `iterSub` are not
 * tracked: the wrapper tracked the array's `self` node, which covers every index and the length.
 */
let iterTarget: object | undefined = undefined;
let iterSub: Computation | undefined = undefined;

/** A shape node: value-less, every mark is a change. */
function newShapeNode(): SignalNode<undefined> {
  return new SignalNode<undefined>(undefined, false);
}

function readOnlyError(action: string, key: PropertyKey): Error {
  return new Error(
    `Cannot ${action} ${typeof key === 'symbol' ? key.toString() : JSON.stringify(key)} of a store: ` +
      'store state is read-only. Use the setter returned by store(), e.g. ' +
      "setState('path', 'to', 'key', value).",
  );
}

/**
 * The bookkeeping of one raw object, and the handler of its proxy: traps run with `this` bound
 * to it, so they reach the node table without a lookup.
 */
class StoreHandler implements ProxyHandler<Raw> {
  readonly proxy: Raw;
  /** key → node, created on the first tracked read of that key. */
  nodes: NodeTable | undefined = undefined;
  /** Shape node: key set of an object; elements and length of an array. */
  self: SignalNode<undefined> | undefined = undefined;

  constructor(target: Raw) {
    this.proxy = new Proxy(target, this);
    handlers.set(target, this);
  }

  get(target: Raw, key: PropertyKey, receiver: unknown): unknown {
    if (key === RAW) return target;
    // The receiver is the proxy, so getters see the store (their reads track too).
    const value: unknown = Reflect.get(target, key, receiver);
    if (typeof value === 'function') {
      if (!hasOwn.call(target, key)) {
        // A method from the prototype: not state. Arrays get tracking-aware iteration methods.
        if (isArray(target)) {
          const method = arrayMethods[key];
          if (method !== undefined) return method;
        }
        return value;
      }
      const sub = getActiveSub();
      if (sub !== undefined && (target !== iterTarget || sub !== iterSub)) readSignal(nodeOf(this, target, key, value));
      return value;
    }
    const sub = getActiveSub();
    if (
      sub !== undefined &&
      (target !== iterTarget || sub !== iterSub) &&
      (typeof key !== 'symbol' || hasOwn.call(target, key))
    ) {
      readSignal(nodeOf(this, target, key, value));
    }
    if (typeof value === 'object' && value !== null && key !== '__proto__') return wrap(value);
    return value;
  }

  has(target: Raw, key: PropertyKey): boolean {
    const sub = getActiveSub();
    if (sub !== undefined && typeof key !== 'symbol' && (target !== iterTarget || sub !== iterSub)) {
      readSignal(nodeOf(this, target, key, target[key]));
    }
    return key in target;
  }

  ownKeys(target: Raw): ArrayLike<string | symbol> {
    const sub = getActiveSub();
    if (sub !== undefined) readSignal((this.self ??= newShapeNode()));
    return Reflect.ownKeys(target);
  }

  getOwnPropertyDescriptor(target: Raw, key: PropertyKey): PropertyDescriptor | undefined {
    // Whether a key exists changes only with the key set: track the shape node.
    const sub = getActiveSub();
    if (sub !== undefined) readSignal((this.self ??= newShapeNode()));
    const desc = Reflect.getOwnPropertyDescriptor(target, key);
    if (desc !== undefined && desc.configurable && 'value' in desc) {
      const value = desc.value as unknown;
      if (typeof value === 'object' && value !== null) desc.value = wrap(value);
    }
    return desc;
  }

  set(_target: Raw, key: PropertyKey): boolean {
    throw readOnlyError('set', key);
  }

  deleteProperty(_target: Raw, key: PropertyKey): boolean {
    throw readOnlyError('delete', key);
  }

  defineProperty(_target: Raw, key: PropertyKey): boolean {
    throw readOnlyError('define', key);
  }

  setPrototypeOf(): boolean {
    throw readOnlyError('set the prototype', '__proto__');
  }

  preventExtensions(): boolean {
    throw new Error('Cannot freeze or seal a store: store state is read-only and stays extensible.');
  }
}

/**
 * The node of `key` in `target`, created if there is none. A node holds the key's value, or
 * `ABSENT` while the key does not exist (so `in` readers hear of a deleted `undefined`).
 */
function nodeOf(handler: StoreHandler, target: Raw, key: PropertyKey, value: unknown): SignalNode<unknown> {
  const nodes = (handler.nodes ??= Object.create(null) as NodeTable);
  let node = nodes[key];
  if (node === undefined) {
    nodes[key] = node = new SignalNode<unknown>(hasOwn.call(target, key) ? value : ABSENT, Object.is);
  }
  return node;
}

/** A plain object (Object.prototype or null prototype) or an array. */
function isPlain(value: object): boolean {
  if (isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === objectProto || proto === null) && value !== objectProto;
}

/** What the store wraps in a proxy and writes into: plain objects and arrays, not frozen. */
function canWrap(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && isPlain(value) && !Object.isFrozen(value);
}

/** The proxy of a raw value, made on first use; other values are returned as they are. */
function wrap(value: object): unknown {
  const handler = handlers.get(value);
  if (handler !== undefined) return handler.proxy;
  return canWrap(value) ? new StoreHandler(value).proxy : value;
}

function wrapValue(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? wrap(value) : value;
}

/** The raw object behind a store proxy, or the value itself. */
function rawOf(value: unknown): unknown {
  if (typeof value === 'object' && value !== null) {
    const raw = (value as Raw)[RAW];
    if (raw !== undefined) return raw;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Arrays: iteration methods that track the shape node once instead of every index

type AnyMethod = (this: unknown, ...args: unknown[]) => unknown;

const arrayMethods: Record<PropertyKey, AnyMethod | undefined> = Object.create(null);

for (const name of [
  'concat',
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flat',
  'flatMap',
  'forEach',
  'includes',
  'indexOf',
  'join',
  'lastIndexOf',
  'map',
  'reduce',
  'reduceRight',
  'slice',
  'some',
  'toLocaleString',
  'toReversed',
  'toSorted',
  'toSpliced',
  'toString',
  'with',
]) {
  const native = (Array.prototype as unknown as Record<string, AnyMethod | undefined>)[name];
  if (typeof native === 'function') arrayMethods[name] = iterating(native);
}
arrayMethods.values = arrayMethods[Symbol.iterator] = iteratorMethod(0);
arrayMethods.keys = iteratorMethod(1);
arrayMethods.entries = iteratorMethod(2);

function iterating(native: AnyMethod): AnyMethod {
  return function (this: unknown, ...args: unknown[]): unknown {
    const sub = getActiveSub();
    const raw = sub !== undefined ? rawOf(this) : undefined;
    const handler = raw !== this && raw !== undefined ? handlers.get(raw as object) : undefined;
    if (handler === undefined) return native.apply(this, args);
    readSignal((handler.self ??= newShapeNode()));
    const prevTarget = iterTarget;
    const prevSub = iterSub;
    iterTarget = raw as object;
    iterSub = sub;
    try {
      return native.apply(this, args);
    } finally {
      iterTarget = prevTarget;
      iterSub = prevSub;
    }
  };
}

const nativeIterators = [Array.prototype.values, Array.prototype.keys, Array.prototype.entries] as AnyMethod[];

function iteratorMethod(kind: 0 | 1 | 2): AnyMethod {
  return function (this: unknown): unknown {
    const raw = rawOf(this);
    if (raw === this) return nativeIterators[kind]!.call(this);
    const sub = getActiveSub();
    if (sub !== undefined) {
      const handler = handlers.get(raw as object)!;
      readSignal((handler.self ??= newShapeNode()));
    }
    return new StoreArrayIterator(raw as unknown[], kind);
  };
}

/** Iterates a store array's raw elements (wrapped), reading the length live like the native one. */
class StoreArrayIterator implements Iterator<unknown> {
  private index = 0;
  constructor(
    private array: unknown[] | undefined,
    private readonly kind: 0 | 1 | 2,
  ) {}

  next(): IteratorResult<unknown> {
    const array = this.array;
    if (array !== undefined && this.index < array.length) {
      const i = this.index++;
      const value = this.kind === 1 ? i : wrapValue(array[i]);
      return { value: this.kind === 2 ? [i, value] : value, done: false };
    }
    this.array = undefined;
    return { value: undefined, done: true };
  }

  [Symbol.iterator](): this {
    return this;
  }
}
// Inherit from %IteratorPrototype%, like the native array iterator (iterator helpers, where present).
Object.setPrototypeOf(StoreArrayIterator.prototype, Object.getPrototypeOf(Object.getPrototypeOf([].values())));

// ---------------------------------------------------------------------------------------------
// Writing

function forbiddenKey(): Error {
  return new Error('A store refuses the key "__proto__" (it would change an object\'s prototype).');
}

/**
 * Passes `key`'s new value (`ABSENT` once deleted) to its node, which marks its readers if it
 * differs (the setter's batch flushes); forgets the node if nobody reads it any more.
 */
function writeKey(handler: StoreHandler, key: PropertyKey, value: unknown): void {
  const nodes = handler.nodes;
  if (nodes === undefined) return;
  const node = nodes[key];
  if (node === undefined) return;
  if (node.subs === undefined) delete nodes[key];
  else writeSignal(node, value);
}

function markShape(handler: StoreHandler): void {
  const node = handler.self;
  if (node === undefined) return;
  if (node.subs === undefined) handler.self = undefined;
  else markChanged(node);
}

/**
 * Writes one key of a raw object and notifies. `value` must already be unwrapped. On a plain
 * object, `undefined` deletes the key; on an array it is stored.
 */
function setProperty(target: Raw, key: PropertyKey, value: unknown): void {
  if (key === '__proto__') throw forbiddenKey();
  if (isArray(target)) {
    if (key === 'length') {
      setLength(target, value as number);
      return;
    }
    const length = target.length;
    if (Object.is(target[key as number], value) && hasOwn.call(target, key)) return;
    target[key as number] = value;
    const handler = handlers.get(target);
    if (handler === undefined) return;
    writeKey(handler, key, value);
    if (target.length !== length) writeKey(handler, 'length', target.length);
    markShape(handler);
    return;
  }
  if (value === undefined) {
    if (!hasOwn.call(target, key)) return;
    delete target[key];
    const handler = handlers.get(target);
    if (handler === undefined) return;
    writeKey(handler, key, ABSENT);
    markShape(handler);
    return;
  }
  const own = hasOwn.call(target, key);
  if (own && Object.is(target[key], value)) return;
  target[key] = value;
  const handler = handlers.get(target);
  if (handler === undefined) return;
  writeKey(handler, key, value);
  if (!own) markShape(handler);
}

function setLength(target: unknown[], length: number): void {
  const prev = target.length;
  if (prev === length) return;
  target.length = length;
  const handler = handlers.get(target);
  if (handler === undefined) return;
  writeKey(handler, 'length', length);
  if (handler.nodes !== undefined) for (let i = length; i < prev; i++) writeKey(handler, i, ABSENT);
  markShape(handler);
}

/** Makes `target` hold exactly `next`'s elements, notifying only the indices that changed. */
function writeArray(target: unknown[], next: unknown[]): void {
  const prevLength = target.length;
  const length = next.length;
  const handler = handlers.get(target);
  let changed = false;
  const common = prevLength < length ? prevLength : length;
  for (let i = 0; i < common; i++) {
    const value = next[i];
    if (!Object.is(target[i], value)) {
      target[i] = value;
      changed = true;
      if (handler !== undefined) writeKey(handler, i, value);
    }
  }
  for (let i = prevLength; i < length; i++) {
    const value = next[i];
    target[i] = value;
    if (handler !== undefined) writeKey(handler, i, value);
  }
  if (length < prevLength) {
    target.length = length;
    if (handler?.nodes !== undefined) for (let i = length; i < prevLength; i++) writeKey(handler, i, ABSENT);
  }
  if (handler !== undefined && (changed || length !== prevLength)) {
    if (length !== prevLength) writeKey(handler, 'length', length);
    markShape(handler);
  }
}

/** Objects visited by the unwrapping in progress (guards against cycles). */
const unwrapping = new Set<object>();

/**
 * Prepares a value for the raw tree: a proxy becomes its raw object; a new plain object or array
 * has the proxies inside it replaced by their raw objects (in place: the store takes it over).
 * Objects the store already knows are skipped: the raw tree never holds a proxy.
 */
function unwrapDeep(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const raw = (value as Raw)[RAW];
  if (raw !== undefined) return raw;
  if (handlers.has(value) || !isPlain(value) || Object.isFrozen(value)) return value;
  try {
    unwrapInto(value as Raw);
  } finally {
    unwrapping.clear();
  }
  return value;
}

function unwrapInto(object: Raw): void {
  if (unwrapping.has(object)) return;
  unwrapping.add(object);
  if (isArray(object)) {
    for (let i = 0; i < object.length; i++) {
      const item = object[i] as unknown;
      if (typeof item === 'object' && item !== null) {
        const clean = unwrapChild(item);
        if (clean !== item) object[i] = clean;
      }
    }
    return;
  }
  for (const key of Object.keys(object)) {
    if (key === '__proto__') throw forbiddenKey();
    const item = object[key];
    if (typeof item === 'object' && item !== null) {
      const clean = unwrapChild(item);
      if (clean !== item && !Object.getOwnPropertyDescriptor(object, key)?.get) object[key] = clean;
    }
  }
}

function unwrapChild(item: object): unknown {
  const raw = (item as Raw)[RAW];
  if (raw !== undefined) return raw;
  if (!handlers.has(item) && isPlain(item) && !Object.isFrozen(item)) unwrapInto(item as Raw);
  return item;
}

/** Shallow merge: each own enumerable key of `source` is written into `target` by reference. */
function mergeInto(target: Raw, source: Raw): void {
  for (const key of Object.keys(source)) setProperty(target, key, unwrapDeep(source[key]));
}

function isPlainObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !isArray(value) && isPlain(value);
}

/** Applies the last argument of a setter call to `target[key]`. */
function applyAt(target: Raw, key: PropertyKey, value: unknown): void {
  if (key === '__proto__') throw forbiddenKey();
  if (value instanceof ReconcileSpec) {
    applyReconcile(target, key, value);
    return;
  }
  if (typeof value === 'function') {
    const updater = value as (prev: unknown) => unknown;
    const current = wrapValue(target[key]);
    value = untrack(() => updater(current));
  }
  if (typeof value === 'object' && value !== null) {
    const raw = (value as Raw)[RAW];
    if (raw !== undefined) {
      // Store state (a proxy) is placed by reference, never merged into another object.
      setProperty(target, key, raw);
      return;
    }
    const prev = target[key];
    if (isPlainObject(value) && isPlainObject(prev) && !Object.isFrozen(prev)) {
      mergeInto(prev, value);
      return;
    }
  }
  setProperty(target, key, unwrapDeep(value));
}

/** `setState(value)`: merge into the root object, or replace the elements of a root array. */
function applyRoot(root: Raw, value: unknown): void {
  if (value instanceof ReconcileSpec) {
    applyReconcile(root, undefined, value);
    return;
  }
  if (typeof value === 'function') {
    const updater = value as (prev: unknown) => unknown;
    value = untrack(() => updater(wrap(root)));
  }
  const next = rawOf(value);
  if (next === root) return;
  if (typeof next !== 'object' || next === null || isArray(next) !== isArray(root) || !isPlain(next)) {
    throw new TypeError(
      isArray(root)
        ? 'setState(value) on an array store takes an array (or an updater returning one).'
        : 'setState(value) takes a plain object to merge into the state (or an updater returning one).',
    );
  }
  if (isArray(root)) {
    const items = next as unknown[];
    const clean = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) clean[i] = unwrapDeep(items[i]);
    writeArray(root as unknown as unknown[], clean);
  } else {
    mergeInto(root, next as Raw);
  }
}

function describePath(path: readonly unknown[], end: number): string {
  return path
    .slice(0, end)
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

/** One setter call: walks the raw path, then applies the value at its end. */
function applyPath(root: Raw, args: unknown[]): void {
  const last = args.length - 1;
  if (last < 0) throw new TypeError('setState() needs a value: setState(...keys, value).');
  if (last === 0) {
    applyRoot(root, args[0]);
    return;
  }
  let target = root;
  for (let i = 0; i < last - 1; i++) {
    const key = args[i] as PropertyKey;
    if (key === '__proto__') throw forbiddenKey();
    const next = target[key];
    if (!canWrap(next)) {
      const what =
        next === null || typeof next !== 'object' ? String(next) : 'not a plain, unfrozen object or array';
      throw new TypeError(
        `setState(${args.slice(0, last).map((k) => JSON.stringify(k)).join(', ')}, …): ` +
          `cannot go through "${describePath(args, i + 1)}", which is ${what}.`,
      );
    }
    target = next;
  }
  applyAt(target, args[last - 1] as PropertyKey, args[last]);
}

// ---------------------------------------------------------------------------------------------
// Reconcile

function keyOf(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || isArray(value)) return undefined;
  return (value as Raw)[key] ?? undefined;
}

/**
 * Diffs `next` into `prev`. Returns what the parent should now hold: `prev` itself when it was
 * updated in place (its identity kept), otherwise the (unwrapped) new value.
 */
function reconcileValue(prev: unknown, next: unknown, key: string | null, merge: boolean): unknown {
  if (typeof next !== 'object' || next === null) return next;
  next = rawOf(next);
  if (prev === next) return prev;
  if (!canWrap(prev) || !isPlain(next as object)) return unwrapDeep(next);
  const prevIsArray = isArray(prev);
  if (prevIsArray !== isArray(next)) return unwrapDeep(next);
  if (!prevIsArray && !merge && key !== null && prev[key] !== (next as Raw)[key]) return unwrapDeep(next);
  // An object reached a second time (it is shared, or part of a cycle) was already made equal to
  // another part of the new value: this place gets the new value itself.
  if (reconciling.has(prev)) return unwrapDeep(next);
  reconciling.add(prev);
  if (prevIsArray) reconcileArray(prev as unknown as unknown[], next as unknown[], key, merge);
  else reconcileObject(prev, next as Raw, key, merge);
  return prev;
}

/** Objects updated in place by the reconcile in progress. */
const reconciling = new Set<object>();

/** Applies a `reconcile()` value to `target[key]`, or to the root itself when `key` is undefined. */
function applyReconcile(target: Raw, key: PropertyKey | undefined, spec: ReconcileSpec): void {
  try {
    if (key !== undefined) {
      const prev = target[key];
      const next = reconcileValue(prev, spec.value, spec.key, spec.merge);
      if (next !== prev || next === undefined) setProperty(target, key, next);
      return;
    }
    const next = rawOf(spec.value);
    if (next === target) return;
    if (typeof next !== 'object' || next === null || isArray(next) !== isArray(target) || !isPlain(next)) {
      throw new TypeError(
        `reconcile() at the root of a store needs ${isArray(target) ? 'an array' : 'a plain object'}.`,
      );
    }
    reconciling.add(target);
    if (isArray(target)) reconcileArray(target as unknown as unknown[], next as unknown[], spec.key, spec.merge);
    else reconcileObject(target, next as Raw, spec.key, spec.merge);
  } finally {
    reconciling.clear();
  }
}

function reconcileObject(prev: Raw, next: Raw, key: string | null, merge: boolean): void {
  for (const name of Object.keys(next)) {
    if (name === '__proto__') throw forbiddenKey();
    const before = prev[name];
    const after = reconcileValue(before, next[name], key, merge);
    if (after !== before || after === undefined) setProperty(prev, name, after);
  }
  for (const name of Object.keys(prev)) {
    if (!hasOwn.call(next, name)) setProperty(prev, name, undefined);
  }
}

function reconcileArray(prev: unknown[], next: unknown[], key: string | null, merge: boolean): void {
  const prevLength = prev.length;
  const length = next.length;
  const result = new Array<unknown>(length);

  if (key === null || merge) {
    // By position.
    for (let i = 0; i < length; i++) {
      result[i] = i < prevLength ? reconcileValue(prev[i], next[i], key, merge) : unwrapDeep(next[i]);
    }
    writeArray(prev, result);
    return;
  }

  // Common prefix and suffix: same key (or both unkeyed) at the same place.
  let start = 0;
  while (start < prevLength && start < length) {
    const a = prev[start];
    const b = rawOf(next[start]);
    if (keyOf(a, key) !== keyOf(b, key)) break;
    result[start] = reconcileValue(a, b, key, merge);
    start++;
  }
  let prevEnd = prevLength - 1;
  let end = length - 1;
  while (prevEnd >= start && end >= start) {
    const a = prev[prevEnd];
    const b = rawOf(next[end]);
    if (keyOf(a, key) !== keyOf(b, key)) break;
    result[end] = reconcileValue(a, b, key, merge);
    prevEnd--;
    end--;
  }

  if (start <= end) {
    if (start > prevEnd) {
      // Only insertions in the middle.
      for (let i = start; i <= end; i++) result[i] = unwrapDeep(next[i]);
    } else {
      // key → first unused old index; `chain` links old indices with the same key, in order.
      const byKey = new Map<unknown, number>();
      const chain = new Int32Array(prevEnd - start + 1);
      for (let i = prevEnd; i >= start; i--) {
        const k = keyOf(prev[i], key);
        if (k === undefined) continue;
        const head = byKey.get(k);
        chain[i - start] = head === undefined ? -1 : head;
        byKey.set(k, i);
      }
      for (let i = start; i <= end; i++) {
        const b = rawOf(next[i]);
        const k = keyOf(b, key);
        if (k !== undefined) {
          const old = byKey.get(k);
          if (old !== undefined) {
            const following = chain[old - start]!;
            if (following === -1) byKey.delete(k);
            else byKey.set(k, following);
            result[i] = reconcileValue(prev[old], b, key, merge);
          } else {
            result[i] = unwrapDeep(b);
          }
        } else if (i <= prevEnd && keyOf(prev[i], key) === undefined) {
          // Neither keyed: compare by position.
          result[i] = reconcileValue(prev[i], b, key, merge);
        } else {
          result[i] = unwrapDeep(b);
        }
      }
    }
  }
  writeArray(prev, result);
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Creates a store: a read-only proxy over `initial` that tracks each property it is read by,
 * and a setter taking a path of keys and a value (or an updater); a plain object at the end of
 * the path is merged shallowly, `undefined` deletes an object key, and each call is one batch.
 * The store takes `initial` over: do not mutate it afterwards.
 *
 * @example const [state, setState] = store({ user: { name: 'Ada' } }); setState('user', 'name', 'Grace');
 */
export function store<T extends object>(initial: T): [state: Store<T>, setState: StoreSetter<T>] {
  const root = unwrapDeep(initial);
  if (!canWrap(root)) {
    throw new TypeError('store() takes a plain object or an array (not frozen, not a class instance).');
  }
  const proxy = wrap(root) as T;
  const setState = (...args: unknown[]): void => {
    batch(() => applyPath(root, args));
  };
  return [proxy, setState as StoreSetter<T>];
}

/**
 * Makes a setter value that diffs `value` into the state in place instead of replacing it:
 * array items are matched by `options.key` (default `'id'`) and keep their identity, keys
 * missing from `value` are deleted, and only the fields that really changed notify readers.
 *
 * @example setState('items', reconcile(await fetchItems(), { key: 'id' }));
 */
export function reconcile<T>(value: T, options?: ReconcileOptions): Reconciled<T> {
  const spec = new ReconcileSpec(value, options?.key === undefined ? 'id' : options.key, options?.merge === true);
  return spec as unknown as Reconciled<T>;
}

/**
 * Returns the plain object behind store state (other values unchanged): for serializing or
 * handing to non-reactive code. Reading it tracks nothing; mutating it bypasses notifications.
 *
 * @example const snapshot = JSON.stringify(unwrap(state.items));
 */
export function unwrap<T>(value: T): T {
  return rawOf(value) as T;
}
