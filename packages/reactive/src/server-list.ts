/**
 * How `mapArray` and `indexArray` map on the server (`env.ts` installs it while server mode is
 * on). It lives apart from array.ts so that browser bundles, which never switch server mode on,
 * do not carry it: nothing there references it but `setServer`.
 */
import { untrack } from './graph.js';
import type { ListSource } from './array.js';
import type { Accessor } from './signal.js';

/**
 * A list on the server, where nothing changes after it rendered: its rows are mapped once, in
 * order, untracked, under the owner reading the list — no row owners, no index signals, nothing
 * to reconcile (a thousand-row table spent a fifth of its render time on those). Everything a
 * row creates is disposed with the render. `keyed`: `mapArray`'s `mapFn(item, index accessor)`,
 * else `indexArray`'s `mapFn(item accessor, index)`.
 */
export function serverList<T, U>(
  list: ListSource<T>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one of the two mapFn shapes, as `keyed` says
  mapFn: (item: any, index: any) => U,
  options: { fallback?: () => U } | undefined,
  keyed: boolean,
): Accessor<U[]> {
  const fallback = options?.fallback;
  let output: U[] | undefined;
  const render = (): U[] => {
    const items = list();
    if (!items || items.length === 0) return fallback ? [fallback()] : [];
    const out = new Array<U>(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      out[i] = keyed ? mapFn(item, constantIndex(i)) : mapFn(() => item, i);
    }
    return out;
  };
  return () => (output ??= untrack(render));
}

/**
 * `() => index` for a server row, shared by every list and render: the accessors never change,
 * so a thousand-row list allocates none after the first.
 */
const indexAccessors: Accessor<number>[] = [];
function constantIndex(index: number): Accessor<number> {
  let accessor = indexAccessors[index];
  if (accessor === undefined) {
    for (let i = indexAccessors.length; i <= index; i++) indexAccessors.push(() => i);
    accessor = indexAccessors[index]!;
  }
  return accessor;
}
