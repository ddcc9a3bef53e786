/**
 * Components and refs.
 */
import { untrack } from '@lepta/reactive';

/** `createComponent`'s signature. */
export type CreateComponent = <P, R>(Comp: (props: P) => R, props: P) => R;

/**
 * Calls a component: `Comp(props)`, untracked (a component runs once; reads in its body must not
 * subscribe whatever effect is rendering it) and under the current owner (what it creates is
 * disposed with the code that rendered it).
 *
 * A variable so that hydration can stand in for it (`swapCreateComponent`: it keeps the stack
 * of components being created, for mismatch warnings) at no cost to apps that never hydrate.
 */
export let createComponent: CreateComponent = (Comp, props) => untrack(() => Comp(props));

/** Hydration: makes `createComponent` call `next` until the returned function restores it. */
export function swapCreateComponent(next: (plain: CreateComponent) => CreateComponent): () => void {
  const saved = createComponent;
  createComponent = next(saved);
  return () => {
    createComponent = saved;
  };
}

/**
 * `ref={fn}`: calls `fn(el)` (untracked) once the element is created. A signal setter is a
 * function too, so `ref={setEl}` works. `null`/`undefined` do nothing.
 */
export function ref<E extends Element>(el: E, value: unknown): void {
  if (typeof value === 'function') untrack(() => (value as (el: E) => unknown)(el));
  else if (value != null) throw new TypeError(`ref: expected a function (a callback or a signal setter), got ${typeof value}.`);
}
