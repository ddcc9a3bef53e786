import { DIRTY, EFFECT, RENDER } from './flags.js';
import { disposeOwner } from './owner.js';
import {
  EffectQueue,
  createComputation,
  drain,
  scheduleInitialRun,
  setUserEffectScheduler,
  untrack,
  updateEffectNow,
  type Computation,
} from './graph.js';
import { isServer } from './env.js';

/**
 * Creates an effect: runs `fn` for its side effects after the current render work (in a
 * microtask), then again after each change to what it read. `fn` receives what it returned last
 * time. Never runs on the server. Returns a function that disposes it.
 *
 * @example effect(() => console.log('count is', count()));
 */
export function effect<T>(fn: (prev: T | undefined) => T): () => void {
  if (isServer()) return noop;
  setUserEffectScheduler(scheduleUserEffect);
  const node = createComputation<T | undefined>(fn, undefined, EFFECT, false);
  scheduleInitialRun(node);
  return () => disposeOwner(node);
}

/**
 * Creates a render effect: runs `fn` synchronously now, and again synchronously as soon as a
 * write that affects it completes (at the end of the outermost `batch`). The renderer binds DOM
 * nodes with these. `fn` receives what it returned last time, so it can skip unchanged values.
 *
 * @example renderEffect(prev => { const v = name(); if (v !== prev) el.title = v; return v; });
 */
export function renderEffect<T>(fn: (prev: T | undefined) => T, initial?: T): () => void {
  const node = renderBinding(fn, initial);
  return () => disposeOwner(node);
}

/**
 * Internal (renderers and compiled code): a render effect that lives exactly as long as its
 * owner, so it needs no disposer. Compiled code creates one or two per element; not allocating
 * a disposer closure for each is measurable when a list creates thousands of rows.
 */
export function renderBinding<T>(fn: (prev: T | undefined) => T, initial?: T): Computation<T | undefined> {
  const node = createComputation<T | undefined>(fn, initial, EFFECT | RENDER | DIRTY, false);
  updateEffectNow(node);
  return node;
}

export interface WatchOptions {
  /** Also call the callback with the current value right away. */
  immediate?: boolean;
}

/**
 * Watches `source`: reads it now (tracked), and calls `callback(value, prev)` in an effect each
 * time its value changes (`Object.is`). The callback itself is not tracked. Never runs on the
 * server. Returns a function that stops watching.
 *
 * @example watch(() => user().id, (id, prevId) => log(`user ${prevId} → ${id}`));
 */
export function watch<T>(
  source: () => T,
  callback: (value: T, prev: T | undefined) => void,
  options?: WatchOptions,
): () => void {
  if (isServer()) return noop;
  setUserEffectScheduler(scheduleUserEffect);
  let first = true;
  let prev: T | undefined;
  const node = createComputation<undefined>(
    () => {
      const value = source();
      if (first) {
        first = false;
        if (options?.immediate) untrack(() => callback(value, undefined));
      } else if (!Object.is(value, prev)) {
        const old = prev;
        untrack(() => callback(value, old));
      }
      prev = value;
      return undefined;
    },
    undefined,
    EFFECT | DIRTY,
    false,
  );
  updateEffectNow(node);
  return () => disposeOwner(node);
}

function noop(): void {}

// ---------------------------------------------------------------------------------------------
// The user effects' queue: here rather than in graph.ts so that only apps calling `effect` or
// `watch` carry it (they install it with `setUserEffectScheduler`).

/** User effects run in a microtask, after the render work of the current task. */
const userQueue = /* @__PURE__ */ new EffectQueue();
let userFlushScheduled = false;

function scheduleUserEffect(effect: Computation): void {
  userQueue.items[userQueue.tail++] = effect;
  if (!userFlushScheduled) {
    userFlushScheduled = true;
    queueMicrotask(flushUserQueue);
  }
}

function flushUserQueue(): void {
  userFlushScheduled = false;
  if (!userQueue.flushing) drain(userQueue);
}
