/**
 * @lepta/reactive — the reactive graph under every Lepta layer. No DOM, no dependencies.
 * See README.md for the semantics (timing, errors, ownership) and an example per export.
 */
export { signal, trigger, type Accessor, type Setter, type SignalOptions } from './signal.js';
export { memo, type MemoOptions } from './memo.js';
export { effect, renderEffect, watch, type WatchOptions } from './effect.js';
export { batch, untrack, type EqualsFn } from './graph.js';
export {
  root,
  getOwner,
  runWithOwner,
  onCleanup,
  createContext,
  provideContext,
  useContext,
  catchError,
  type Context,
} from './scope.js';
export type { Owner } from './owner.js';
export { selector } from './selector.js';
export { mergeProps, splitProps, type MergeProps, type SplitProps, type PropsSource } from './props.js';
export { mapArray, indexArray, type ListSource, type MapArrayOptions, type IndexArrayOptions } from './array.js';
export { isServer } from './env.js';
export {
  resource,
  type Resource,
  type InitializedResource,
  type ResourceState,
  type ResourceOptions,
  type ResourceFetcher,
  type ResourceSource,
  type ResourceUpdate,
  type FetcherInfo,
} from './resource.js';
export { action, multiAction, type Action, type MultiAction, type Submission, type Outcome } from './action.js';
export {
  store,
  reconcile,
  unwrap,
  type Store,
  type StoreSetter,
  type StoreSetValue,
  type StoreKey,
  type Reconciled,
  type ReconcileOptions,
} from './store.js';
