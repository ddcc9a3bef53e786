/**
 * Props objects: `mergeProps` (defaults, spreads) and `splitProps` (`{ a, ...rest }`).
 *
 * Component props are objects whose dynamic values are getters (`get title() { return
 * title(); }`): reading `props.title` inside an effect tracks whatever the getter reads. Copying
 * such an object with `{ ...props }` or destructuring it would read every getter once, outside
 * any effect, and freeze the values. These helpers build new props objects that forward reads
 * to the original getters instead, so the props stay reactive.
 *
 * Two representations:
 * - When every source is a plain object, the key set is fixed when the helper is called: the
 *   result is an ordinary object with one data property or getter per key. Reads cost a getter
 *   call, and nothing else.
 * - When a source's key set can change — a function returning an object, a store, or a result
 *   of these helpers that was itself dynamic — the result is a Proxy that looks the key up in the
 *   sources on every read (`in`, `Object.keys` and spreading it see the keys present now).
 */
import { unwrap } from './store.js';

/** A source for `mergeProps`: an object, a function returning one (read on every access), or nothing. */
export type PropsSource = object | (() => object | null | undefined | false) | null | undefined | false;

/** Results that are Proxies: a key set read through them can change. */
const dynamicResults = new WeakSet<object>();

/** Whether the keys of `source` can change after this call. */
function isDynamic(source: object): boolean {
  return typeof source === 'function' || dynamicResults.has(source) || unwrap(source) !== source;
}

function resolve(source: PropsSource): Record<PropertyKey, unknown> | null {
  const value = typeof source === 'function' ? source() : source;
  return typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>) : null;
}

/** Own enumerable keys (strings and symbols): what `{ ...object }` would copy. */
function ownKeys(object: object): PropertyKey[] {
  const keys: PropertyKey[] = Object.keys(object);
  const symbols = Object.getOwnPropertySymbols(object);
  for (let i = 0; i < symbols.length; i++) {
    if (Object.prototype.propertyIsEnumerable.call(object, symbols[i]!)) keys.push(symbols[i]!);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------
// mergeProps

/** The value of a key after merging, as a type: see `mergeProps`. */
type Resolved<S> = S extends (...args: never[]) => infer R ? Exclude<R, null | undefined | false> : Exclude<S, null | undefined | false>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** Keys of `T` whose value may be `undefined` (optional ones included). */
type MaybeUndefinedKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];
/**
 * `B` merged over `A`: a key whose value in `B` may be `undefined` falls back to `A`'s value
 * (and stays optional only if it was optional in `A`).
 */
type Override<A, B> = Omit<A, keyof B> &
  Pick<B, Exclude<keyof B, MaybeUndefinedKeys<B>>> &
  Pick<B, Exclude<MaybeUndefinedKeys<B>, keyof A>> & {
    [K in keyof Pick<A, Extract<MaybeUndefinedKeys<B>, keyof A>>]: A[K] | Exclude<B[K & keyof B], undefined>;
  };

/** The type of `mergeProps(...sources)`. */
export type MergeProps<T extends readonly unknown[], Acc = {}> = T extends readonly [infer Head, ...infer Tail]
  ? MergeProps<Tail, Override<Acc, Resolved<Head>>>
  : T extends readonly []
    ? Simplify<Acc>
    : Simplify<Acc & Resolved<T[number]>>;

/**
 * Merges props objects. Reading a key of the result reads it from the last source that has a
 * value other than `undefined` for it (`undefined` never shadows an earlier source, so defaults
 * work: `mergeProps({ size: 'md' }, props)` gives `'md'` while `props.size` is `undefined`).
 * Getters are not evaluated here: each read of the result calls them, so the result is as
 * reactive as its sources. Sources may be `null`/`undefined`/`false` (skipped) or functions
 * returning an object (called on every read, so the key set can change).
 *
 * @example
 * function Button(props: { size?: 'sm' | 'md'; label: string }) {
 *   const merged = mergeProps({ size: 'md' }, props);   // merged.size: 'sm' | 'md'
 * }
 */
export function mergeProps<T extends readonly PropsSource[]>(...sources: T): MergeProps<T> {
  const list: Exclude<PropsSource, null | undefined | false>[] = [];
  let dynamic = false;
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    if (!source) continue;
    list.push(source);
    if (!dynamic && isDynamic(source)) dynamic = true;
  }
  if (dynamic) return mergeDynamic(list) as MergeProps<T>;
  if (list.length === 1) return list[0] as MergeProps<T>;

  const result: Record<PropertyKey, unknown> = {};
  const keys = new Set<PropertyKey>();
  for (let i = 0; i < list.length; i++) {
    const own = ownKeys(list[i]!);
    for (let k = 0; k < own.length; k++) keys.add(own[k]!);
  }
  for (const key of keys) {
    // The sources that can supply `key`, last first: getters, and data values other than
    // undefined. A data value always wins when reached, so nothing before it is needed.
    let getters: (() => unknown)[] | null = null;
    let value: unknown = undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const source = list[i]!;
      const desc = Object.getOwnPropertyDescriptor(source, key);
      if (desc === undefined) continue;
      if (desc.get !== undefined) {
        (getters ??= []).push(desc.get.bind(source));
      } else if (desc.value !== undefined) {
        value = desc.value;
        break;
      }
    }
    if (getters === null) {
      result[key] = value;
    } else {
      const found = getters;
      const fallback = value;
      Object.defineProperty(result, key, {
        enumerable: true,
        configurable: true,
        get() {
          for (let i = 0; i < found.length; i++) {
            const v = found[i]!();
            if (v !== undefined) return v;
          }
          return fallback;
        },
      });
    }
  }
  return result as MergeProps<T>;
}

function mergeDynamic(list: Exclude<PropsSource, null | undefined | false>[]): object {
  const read = (key: PropertyKey): unknown => {
    for (let i = list.length - 1; i >= 0; i--) {
      const source = resolve(list[i]!);
      if (source !== null) {
        const v = source[key];
        if (v !== undefined) return v;
      }
    }
    return undefined;
  };
  const has = (key: PropertyKey): boolean => {
    for (let i = list.length - 1; i >= 0; i--) {
      const source = resolve(list[i]!);
      if (source !== null && key in source) return true;
    }
    return false;
  };
  const proxy = new Proxy(
    {},
    {
      get: (_, key) => read(key),
      has: (_, key) => has(key),
      ownKeys: () => {
        const keys = new Set<PropertyKey>();
        for (let i = 0; i < list.length; i++) {
          const source = resolve(list[i]!);
          if (source !== null) for (const key of ownKeys(source)) keys.add(key);
        }
        return [...keys] as (string | symbol)[];
      },
      getOwnPropertyDescriptor: (_, key) =>
        has(key) ? { enumerable: true, configurable: true, get: () => read(key) } : undefined,
      set: () => false,
      deleteProperty: () => false,
    },
  );
  dynamicResults.add(proxy);
  return proxy;
}

// ---------------------------------------------------------------------------------------------
// splitProps

/** The type of `splitProps(props, ...keyLists)`: one object per list, then the rest. */
export type SplitProps<T, K extends readonly (readonly PropertyKey[])[]> = [
  ...{ [I in keyof K]: Simplify<Pick<T, Extract<K[I] extends readonly (infer P)[] ? P : never, keyof T>>> },
  Simplify<Omit<T, K[number][number]>>,
];

/**
 * Splits props by key lists, keeping them reactive: returns one object per list holding the keys
 * it names (a key named by several lists goes to each), then one holding every other key. Values
 * are forwarded, not copied: getters stay getters. This is how a component takes some props for
 * itself and passes the rest on (`{ a, ...rest }` would read every getter once and lose updates).
 *
 * @example
 * function Input(props: { label: string } & JSX.HTMLAttributes<HTMLInputElement>) {
 *   const [local, rest] = splitProps(props, ['label']);
 *   return <label>{local.label}<input {...rest} /></label>;
 * }
 */
export function splitProps<T extends object, const K extends readonly (readonly (keyof T)[])[]>(
  props: T,
  ...keyLists: K
): SplitProps<T, K> {
  if (isDynamic(props)) return splitDynamic(props as Record<PropertyKey, unknown>, keyLists) as SplitProps<T, K>;
  const picked: object[] = [];
  for (let i = 0; i < keyLists.length; i++) picked.push({});
  const rest = {};
  const keys = ownKeys(props);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const desc = Object.getOwnPropertyDescriptor(props, key)!;
    let named = false;
    for (let i = 0; i < keyLists.length; i++) {
      if (keyLists[i]!.includes(key as keyof T)) {
        named = true;
        Object.defineProperty(picked[i]!, key, desc);
      }
    }
    if (!named) Object.defineProperty(rest, key, desc);
  }
  picked.push(rest);
  return picked as SplitProps<T, K>;
}

function splitDynamic(props: Record<PropertyKey, unknown>, keyLists: readonly (readonly PropertyKey[])[]): object[] {
  const view = (owns: (key: PropertyKey) => boolean): object => {
    const proxy = new Proxy(
      {},
      {
        get: (_, key) => (owns(key) ? props[key] : undefined),
        has: (_, key) => owns(key) && key in props,
        ownKeys: () => ownKeys(props).filter(owns) as (string | symbol)[],
        getOwnPropertyDescriptor: (_, key) =>
          owns(key) && key in props ? { enumerable: true, configurable: true, get: () => props[key] } : undefined,
        set: () => false,
        deleteProperty: () => false,
      },
    );
    dynamicResults.add(proxy);
    return proxy;
  };
  const named = new Set<PropertyKey>();
  const views: object[] = [];
  for (const list of keyLists) {
    const own = new Set<PropertyKey>(list);
    for (const key of list) named.add(key);
    views.push(view((key) => own.has(key)));
  }
  views.push(view((key) => !named.has(key)));
  return views;
}
