/**
 * Components and refs.
 */
import { untrack } from '@lepta/reactive';

/**
 * Calls a component: `Comp(props)`, untracked (a component runs once; reads in its body must not
 * subscribe whatever effect is rendering it) and under the current owner (what it creates is
 * disposed with the code that rendered it).
 */
export function createComponent<P, R>(Comp: (props: P) => R, props: P): R {
  return untrack(() => Comp(props));
}

/**
 * `ref={fn}`: calls `fn(el)` (untracked) once the element is created. A signal setter is a
 * function too, so `ref={setEl}` works. `null`/`undefined` do nothing.
 */
export function ref<E extends Element>(el: E, value: unknown): void {
  if (typeof value === 'function') untrack(() => (value as (el: E) => unknown)(el));
  else if (value != null) throw new TypeError(`ref: expected a function (a callback or a signal setter), got ${typeof value}.`);
}
