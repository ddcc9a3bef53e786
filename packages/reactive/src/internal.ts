/**
 * @lepta/reactive/internal — the small interface the renderers (@lepta/dom, @lepta/server) use.
 * Not for applications: names and shapes here may change between minor versions.
 */
export { setServer } from './env.js';
export { renderBinding } from './effect.js';
export { flushSync, untrackCall, MAX_FLUSH_ROUNDS } from './graph.js';
export { setSignalCreated } from './signal.js';
export type { SignalNode } from './graph.js';
export { Owner, disposeOwner, setContextValue, lookupContext, handleError } from './owner.js';
export {
  SuspenseContext,
  HydrationContext,
  suspenseBoundary,
  scopedHandle,
  errorBoundaryChildrenScope,
  RendererContext,
  type RendererHooks,
  type SuspenseRender,
  type ErrorBoundaryRender,
  type SuspenseBoundary,
  type CountingBoundary,
  type HydrationHandle,
  type HydrationEntry,
} from './suspense.js';
