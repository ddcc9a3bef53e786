/**
 * The reactive graph: sources, computations, the links between them, and the scheduler.
 *
 * ## Algorithm: push dirtiness, pull values
 *
 * A write *pushes*: it stores the new value as the signal's pending value, marks the signal
 * `Dirty`, and walks everything downstream marking it `Pending` (something upstream may have
 * changed). Effects reached by the walk are queued. No user code runs during this walk.
 *
 * A read *pulls*: a `Dirty` signal commits its pending value, comparing it with the committed
 * one, so a value written and written back within one batch counts as no change. A `Dirty` memo
 * recomputes; a `Pending` memo or effect first walks its own sources, depth-first, committing
 * signals and bringing `Pending` memos up to date, and recomputes only if one of them actually
 * produced a new value (the equality cut-off). A source that turns out to have changed upgrades
 * its `Pending` subscribers to `Dirty` ("shallow propagation"), so they do not need to look
 * again. Effects are run the same way when the queue is flushed.
 *
 * Together this gives the three guarantees the renderers rely on: no computation sees a mix of
 * old and new values (everything it reads is brought up to date before it runs); a memo computes
 * at most once per write or batch, and only if read or observed; and an effect runs only when a
 * value it read really changed.
 *
 * ## Links
 *
 * A dependency edge is one `Link` object that sits in two intrusive doubly linked lists: the
 * source's list of subscribers (`subs` … `subsTail`, via prevSub/nextSub) and the computation's
 * list of sources (`deps` … `depsTail`, via prevDep/nextDep). While a computation runs,
 * `depsTail` is a cursor into its previous list of sources: a read of the same source in the
 * same position (the common case: dependencies rarely change) just advances the cursor, so a
 * re-run allocates nothing. Sources left after the cursor when the run ends were not read this
 * time and are unlinked. `Link.version` records the run that created or last confirmed the link,
 * which lets a repeated read later in the same run be recognised without a search.
 *
 * Walks that can be as deep as the graph (propagation, dirty checking) use explicit stacks, not
 * recursion, so an update through a chain of 10,000 memos cannot overflow the call stack.
 */
import { DIRTY, DISPOSED, EFFECT, ERRORED, MEMO, PENDING, RENDER, ROOT, RUNNING, UNWATCHED_HOOK } from './flags.js';
import { Owner, handleError, resetOwner, setGraphDetacher } from './owner.js';

export type EqualsFn<T> = (a: T, b: T) => boolean;

/** Anything that can be read and tracked: a signal or a memo. */
export interface Source {
  subs: Link | undefined;
  subsTail: Link | undefined;
  flags: number;
}

export class Link {
  constructor(
    public dep: Source,
    public sub: Computation,
    public version: number,
    public prevDep: Link | undefined,
    public nextDep: Link | undefined,
    public prevSub: Link | undefined,
    public nextSub: Link | undefined,
  ) {}
}

/**
 * A writable source of truth. `value` is what computations have seen; `pending` is the latest
 * write, committed into `value` on the next read or check while the node is `Dirty`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- nodes of every value type share the graph
export class SignalNode<T = any> implements Source {
  subs: Link | undefined = undefined;
  subsTail: Link | undefined = undefined;
  flags = 0;
  pending: T;
  constructor(
    public value: T,
    public equals: EqualsFn<T> | false,
  ) {
    this.pending = value;
  }
}

/** A memo or an effect: an owner that runs a function and tracks what it reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the graph stores computations of every value type together
export class Computation<T = any> extends Owner implements Source {
  deps: Link | undefined = undefined;
  depsTail: Link | undefined = undefined;
  subs: Link | undefined = undefined;
  subsTail: Link | undefined = undefined;
  constructor(
    parent: Owner | null,
    flags: number,
    public fn: (prev: T) => T,
    public value: T,
    public equals: EqualsFn<T> | false,
  ) {
    super(parent, flags);
  }
}

// ---------------------------------------------------------------------------------------------
// Tracking

/** The computation whose reads are being recorded, if any. */
let activeSub: Computation | undefined = undefined;
/**
 * The owner set by `runWithOwner` / `untrack`, which applies when no computation is running.
 * While one runs, it is the owner: that way starting a computation costs no second variable
 * write, and `getOwner` is one comparison.
 */
let explicitOwner: Owner | null = null;

/** Returns the current owner, to re-enter it later with `runWithOwner` (e.g. after an await). */
export function getOwner(): Owner | null {
  return activeSub !== undefined ? activeSub : explicitOwner;
}

/**
 * Runs `fn` with `owner` as the current owner, untracked. Use it to create computations or read
 * context after an `await`, where the owner that started the work is no longer current.
 */
export function runWithOwner<T>(owner: Owner | null, fn: () => T): T {
  return runWithOwnerArgs(owner, fn, undefined, undefined);
}

/**
 * Internal: `runWithOwner(owner, () => fn(a, b))` without allocating that closure (list rows are
 * mapped through this, once per row).
 */
export function runWithOwnerArgs<A, B, T>(owner: Owner | null, fn: (a: A, b: B) => T, a: A, b: B): T {
  const prevSub = activeSub;
  const prevOwner = explicitOwner;
  activeSub = undefined;
  explicitOwner = owner;
  try {
    return fn(a, b);
  } finally {
    activeSub = prevSub;
    explicitOwner = prevOwner;
  }
}
/** The version stamped on links made or confirmed by the run in progress. */
let activeVersion = 0;
let versionCounter = 0;

export function getActiveSub(): Computation | undefined {
  return activeSub;
}

/** Records that the running computation `sub` read `dep`. */
export function track(dep: Source, sub: Computation): void {
  const cursor = sub.depsTail;
  if (cursor !== undefined && cursor.dep === dep) return; // same source read twice in a row
  const next = cursor !== undefined ? cursor.nextDep : sub.deps;
  if (next !== undefined && next.dep === dep) {
    // Same source in the same position as last run: confirm the link, allocate nothing.
    next.version = activeVersion;
    sub.depsTail = next;
    return;
  }
  const lastSub = dep.subsTail;
  if (lastSub !== undefined && lastSub.version === activeVersion && lastSub.sub === sub) {
    return; // already linked during this run, earlier in the list
  }
  const link = new Link(dep, sub, activeVersion, cursor, next, lastSub, undefined);
  if (next !== undefined) next.prevDep = link;
  if (cursor !== undefined) cursor.nextDep = link;
  else sub.deps = link;
  sub.depsTail = link;
  if (lastSub !== undefined) lastSub.nextSub = link;
  else dep.subs = link;
  dep.subsTail = link;
}

/** Runs `fn` without recording reads; what it creates still belongs to the current owner. */
export function untrack<T>(fn: () => T): T {
  if (activeSub === undefined) return fn();
  return runWithOwner(activeSub, fn);
}

/** `untrack(() => fn(arg))` without the closure: how the renderers call a component. */
export function untrackCall<A, T>(fn: (arg: A) => T, arg: A): T {
  if (activeSub === undefined) return fn(arg);
  return runWithOwnerArgs(activeSub, fn, arg, undefined);
}

// ---------------------------------------------------------------------------------------------
// Unlinking

/**
 * Unlinks `node`'s sources from `from` to the end of its list.
 *
 * A memo left with no subscribers keeps its own sources: it is still marked when they change
 * (a flag write, no computation), so when it is read again it recomputes only if a source really
 * changed. Its links go when its owner disposes it, which is what bounds their lifetime.
 */
function unlinkDeps(node: Computation, from: Link): void {
  const prev = from.prevDep;
  if (prev !== undefined) prev.nextDep = undefined;
  else node.deps = undefined;
  node.depsTail = prev;
  let link: Link | undefined = from;
  while (link !== undefined) {
    const dep = link.dep;
    const { prevSub, nextSub } = link;
    if (prevSub !== undefined) prevSub.nextSub = nextSub;
    else dep.subs = nextSub;
    if (nextSub !== undefined) nextSub.prevSub = prevSub;
    else dep.subsTail = prevSub;
    if (dep.subs === undefined && dep.flags & UNWATCHED_HOOK) (dep as SignalNode & UnwatchedHook).unwatched();
    link = link.nextDep;
  }
}

/**
 * A source flagged `UNWATCHED_HOOK` is told when its last subscriber unlinks (per-key nodes that
 * a selector drops from its map then). Only flagged nodes pay for the call.
 */
export interface UnwatchedHook {
  unwatched(): void;
}

setGraphDetacher((owner) => {
  const node = owner as Computation;
  // A computation disposed while it runs (it called its own disposer) stops tracking at once.
  if (activeSub === node) activeSub = undefined;
  if (node.deps !== undefined) unlinkDeps(node, node.deps);
  // A disposed memo keeps its last value; its subscribers simply lose it as a source.
  if (node.subs !== undefined) {
    let link: Link | undefined = node.subs;
    while (link !== undefined) {
      const next: Link | undefined = link.nextSub;
      const sub = link.sub;
      const { prevDep, nextDep } = link;
      if (prevDep !== undefined) prevDep.nextDep = nextDep;
      else sub.deps = nextDep;
      if (nextDep !== undefined) nextDep.prevDep = prevDep;
      if (sub.depsTail === link) sub.depsTail = prevDep;
      link = next;
    }
    node.subs = node.subsTail = undefined;
  }
});

// ---------------------------------------------------------------------------------------------
// Push: marking

const propagateStack: (Link | undefined)[] = [];

/**
 * Marks everything downstream of a changed source Pending and queues the effects reached. A node
 * already marked was reached before, and its subtree with it, so the walk stops there.
 *
 * Depth-first with an explicit stack of "where to continue" links. A node with a single
 * subscriber (a chain) pushes nothing: `next` keeps pointing at the sibling to resume from once
 * the chain ends. Only a fan-out pushes the pending sibling of the level it leaves.
 */
export function propagate(link: Link): void {
  let next = link.nextSub;
  const base = propagateStack.length;
  for (;;) {
    const sub = link.sub;
    const flags = sub.flags;
    if ((flags & (DIRTY | PENDING)) === 0) {
      sub.flags = flags | PENDING;
      if (flags & EFFECT) {
        schedule(sub);
      } else {
        const subSubs = sub.subs;
        if (subSubs !== undefined) {
          link = subSubs;
          if (subSubs.nextSub !== undefined) {
            propagateStack.push(next);
            next = subSubs.nextSub;
          }
          continue;
        }
      }
    }
    if (next !== undefined) {
      link = next;
      next = link.nextSub;
      continue;
    }
    for (;;) {
      if (propagateStack.length === base) return;
      const resume = propagateStack.pop();
      if (resume !== undefined) {
        link = resume;
        next = link.nextSub;
        break;
      }
    }
  }
}

/** After a source changed value: its subscribers that were only Pending are now known Dirty. */
function shallowPropagate(link: Link | undefined): void {
  while (link !== undefined) {
    const sub = link.sub;
    const flags = sub.flags;
    if ((flags & (PENDING | DIRTY)) === PENDING) sub.flags = flags | DIRTY;
    link = link.nextSub;
  }
}

// ---------------------------------------------------------------------------------------------
// Pull: bringing a computation up to date

const checkStack: Link[] = [];

/**
 * Decides whether the Pending computation `sub`, whose sources start at `link`, must re-run:
 * walks its sources depth-first, committing Dirty signals, updating Dirty memos and descending
 * into Pending ones, and stops
 * at the first source whose value really changed. Every Pending memo it finishes checking is
 * left either recomputed or clean.
 */
function checkDirty(link: Link, sub: Computation): boolean {
  const base = checkStack.length;
  for (;;) {
    const dep = link.dep;
    const depFlags = dep.flags;
    let dirty = false;
    if (sub.flags & DIRTY) {
      dirty = true;
    } else if ((depFlags & (MEMO | DIRTY)) === (MEMO | DIRTY)) {
      dirty = updateMemoFrom(dep as Computation, link);
    } else if ((depFlags & (MEMO | DIRTY)) === DIRTY) {
      dirty = commitSignal(dep as SignalNode, link);
    } else if ((depFlags & (MEMO | PENDING)) === (MEMO | PENDING)) {
      const memo = dep as Computation;
      if (memo.deps !== undefined) {
        checkStack.push(link);
        link = memo.deps;
        sub = memo;
        continue;
      }
      dirty = updateMemoFrom(memo, link);
    }
    if (!dirty && link.nextDep !== undefined) {
      link = link.nextDep;
      continue;
    }
    // `sub`'s sources are exhausted (clean) or one changed (dirty): climb back up.
    for (;;) {
      if (checkStack.length === base) return dirty;
      const parentLink = checkStack.pop()!;
      // `sub` is the memo we descended into from parentLink.
      if (dirty) dirty = updateMemoFrom(sub, parentLink);
      else sub.flags &= ~PENDING;
      sub = parentLink.sub;
      link = parentLink;
      if (dirty || sub.flags & DIRTY) {
        dirty = true;
        continue;
      }
      if (link.nextDep !== undefined) {
        link = link.nextDep;
        break;
      }
    }
  }
}

/**
 * Recomputes `memo` and returns whether its value changed. It does not tell its subscribers: a
 * caller that reached it from its only subscriber already knows that one must re-run, and the
 * others use `updateMemoAndNotify`. A computation that throws stores the error as its value:
 * readers rethrow it, and a new error always counts as a change.
 */
function updateMemo(memo: Computation): boolean {
  if (memo.firstChild !== null || memo.cleanups !== null) resetOwner(memo);
  const prevSub = activeSub;
  const prevVersion = activeVersion;
  activeSub = memo;
  activeVersion = ++versionCounter;
  memo.depsTail = undefined;
  const flags = memo.flags;
  memo.flags = (flags & ~(DIRTY | PENDING | ERRORED)) | RUNNING;
  const old = memo.value;
  let changed: boolean;
  batchDepth++; // writes made while it runs flush when it is done, never inside it
  // No `finally`: the catch takes every error, so the restore below always runs.
  try {
    const value = memo.fn(old);
    memo.value = value;
    changed = (flags & ERRORED) !== 0 || memo.equals === false || !memo.equals(old, value);
  } catch (error) {
    memo.value = error;
    memo.flags |= ERRORED;
    changed = true;
  }
  endRun(memo, prevSub, prevVersion);
  if (--batchDepth === 0) flushRenderQueue();
  return changed;
}

/** Ends a run: restores the tracking scope and unlinks the sources this run did not read. */
function endRun(node: Computation, prevSub: Computation | undefined, prevVersion: number): void {
  activeSub = prevSub;
  activeVersion = prevVersion;
  node.flags &= ~RUNNING;
  const tail = node.depsTail as Link | undefined;
  const stale = tail !== undefined ? tail.nextDep : node.deps;
  if (stale !== undefined) unlinkDeps(node, stale);
}

/** Recomputes `memo`; if it changed, upgrades its Pending subscribers to Dirty. */
function updateMemoAndNotify(memo: Computation): boolean {
  const changed = updateMemo(memo);
  if (changed && memo.subs !== undefined) shallowPropagate(memo.subs);
  return changed;
}

/**
 * As `updateMemoAndNotify`, when reached from subscriber `from`: if `from` is its only
 * subscriber, there is nobody else to tell (and `from` is known to need a re-run).
 */
function updateMemoFrom(memo: Computation, from: Link): boolean {
  const changed = updateMemo(memo);
  if (changed && (memo.subs !== from || from.nextSub !== undefined)) shallowPropagate(memo.subs);
  return changed;
}

/** Brings a memo up to date if it is stale. */
export function refreshMemo(memo: Computation): void {
  const flags = memo.flags;
  if (flags & RUNNING) {
    throw new Error(
      typeof process !== 'undefined' && process.env.NODE_ENV !== 'production'
        ? 'Cycle detected: a memo was read while it was computing (it depends on itself).'
        : 'Cycle detected',
    );
  }
  if (flags & DIRTY) updateMemoAndNotify(memo);
  else if (flags & PENDING) {
    if (checkDirty(memo.deps!, memo)) updateMemoAndNotify(memo);
    else memo.flags = flags & ~PENDING;
  }
}

/** Reads a memo: brings it up to date, tracks it, returns its value or rethrows its error. */
export function readMemo<T>(memo: Computation<T>): T {
  if ((memo.flags & (DIRTY | PENDING | RUNNING | DISPOSED | ERRORED)) === 0) {
    // Fast path: current, live, no error.
    if (activeSub !== undefined) track(memo, activeSub);
    return memo.value;
  }
  if ((memo.flags & DISPOSED) === 0) {
    refreshMemo(memo);
    if (activeSub !== undefined) track(memo, activeSub);
  }
  if (memo.flags & ERRORED) throw memo.value;
  return memo.value;
}

// ---------------------------------------------------------------------------------------------
// Writes and batching

let batchDepth = 0;

/** Reads a signal node, committing a pending write and tracking it in the running computation. */
export function readSignal<T>(node: SignalNode<T>): T {
  if (node.flags & DIRTY) commitSignal(node);
  if (activeSub !== undefined) track(node, activeSub);
  return node.value;
}

/**
 * Writes a signal: records the value as pending, marks downstream, and (outside a batch)
 * flushes. A write equal to the latest pending value is a no-op.
 */
export function writeSignal<T>(node: SignalNode<T>, value: T): void {
  if (node.equals !== false && node.equals(node.pending, value)) return;
  node.pending = value;
  if (node.subs === undefined) {
    // Nobody to tell: commit at once (a later read would do the same).
    node.value = value;
    node.flags &= ~DIRTY;
    return;
  }
  node.flags |= DIRTY;
  propagate(node.subs);
  if (batchDepth === 0) flushRenderQueue();
}

/**
 * Commits a Dirty signal's pending value; returns whether it differs from the committed one, after
 * telling its Pending subscribers. When reached from subscriber link `from` and that is the only
 * one, there is nobody else to tell (and `from` is known to need a re-run).
 */
function commitSignal(node: SignalNode, from?: Link): boolean {
  node.flags &= ~DIRTY;
  const old = node.value;
  const value = node.pending;
  node.value = value;
  const changed = node.equals === false || !node.equals(old, value);
  const subs = node.subs;
  if (changed && subs !== undefined && (subs !== from || subs.nextSub !== undefined)) shallowPropagate(subs);
  return changed;
}

/**
 * Marks a value-less source (a trigger, a store's key set, a selector's key) as changed, without
 * flushing: the caller flushes, or is running inside a flush or batch that will. `undefined`
 * (a key nobody reads) does nothing.
 */
export function markChanged(node: SignalNode | undefined): void {
  if (node?.subs !== undefined) {
    node.flags |= DIRTY;
    propagate(node.subs);
  }
}

/** Marks a value-less source as changed and (outside a batch) flushes. */
export function notify(node: SignalNode): void {
  if (node.subs !== undefined) {
    markChanged(node);
    if (batchDepth === 0) flushRenderQueue();
  }
}

/**
 * Runs `fn` with writes batched: effects run once, when the outermost batch ends. Reads inside
 * the batch see the new values (memos recompute on demand).
 *
 * @example batch(() => { setFirst('Ada'); setLast('Lovelace'); });
 */
export function batch<T>(fn: () => T): T {
  batchDepth++;
  try {
    return fn();
  } finally {
    if (--batchDepth === 0) flushRenderQueue();
  }
}

// ---------------------------------------------------------------------------------------------
// Scheduling effects

/**
 * A queue of effects to run. Slots are reused, never truncated: setting an array's length to 0
 * frees its backing store, and every flush would then allocate it again.
 */
export class EffectQueue {
  items: (Computation | undefined)[] = [];
  /** Next slot to run. */
  head = 0;
  /** Next free slot. */
  tail = 0;
  flushing = false;
}

/** Render effects run synchronously when the write (or outermost batch) completes. */
const renderQueue = new EffectQueue();

/**
 * How a user effect is queued (it runs in a microtask, after the render work of the current
 * task). `effect` and `watch` install it (effect.ts) before they create one, the only
 * computations that use it: an app that creates none carries no second queue.
 */
let scheduleUserEffect: (effect: Computation) => void;
export function setUserEffectScheduler(fn: (effect: Computation) => void): void {
  scheduleUserEffect = fn;
}

/** Rounds of effects re-triggering effects before a flush gives up as a runaway loop. */
export const MAX_FLUSH_ROUNDS = 1000;

function schedule(effect: Computation): void {
  if (effect.flags & RENDER) renderQueue.items[renderQueue.tail++] = effect;
  else scheduleUserEffect(effect);
}

/** Queues an effect's first run (it starts Dirty, so it will run). */
export function scheduleInitialRun(effect: Computation): void {
  effect.flags |= DIRTY;
  schedule(effect);
}

function flushRenderQueue(): void {
  if (renderQueue.tail !== 0 && !renderQueue.flushing) {
    // The flush itself counts as a batch: effects it runs never try to flush from inside it
    // (their writes join the queue being drained), so each run skips that check entirely.
    batchDepth++;
    try {
      drain(renderQueue);
    } finally {
      batchDepth--;
    }
  }
}

/** Flushes pending render effects now. The renderers call this; apps rarely need to. */
export function flushSync(): void {
  if (batchDepth === 0) flushRenderQueue();
}

/** How many `drain`s are running (a render flush can run inside a user effect's flush). */
let draining = 0;

/**
 * Runs queued effects in rounds: those queued while a round runs form the next round. Errors
 * without a handler do not stop the flush (effects never throw; they report): the first is
 * rethrown (several as an AggregateError) once the queue is empty, to the code whose write
 * started the flush.
 */
export function drain(queue: EffectQueue): void {
  const items = queue.items;
  let rounds = 0;
  queue.flushing = true;
  draining++;
  try {
    while (queue.head < queue.tail) {
      if (++rounds > MAX_FLUSH_ROUNDS) {
        // The explanation is for development builds; production keeps the error, not the prose
        // (nor the function that writes it).
        throw new Error(
          typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' ? runawayMessage(queue) : 'Runaway update loop',
        );
      }
      const end = queue.tail;
      while (queue.head < end) {
        const effect = items[queue.head]!;
        items[queue.head++] = undefined;
        runEffect(effect);
      }
    }
  } finally {
    // On a runaway, effects left in the queue are marked clean so later writes reach them again.
    for (let i = queue.head; i < queue.tail; i++) {
      items[i]!.flags &= ~(DIRTY | PENDING);
      items[i] = undefined;
    }
    queue.head = queue.tail = 0;
    queue.flushing = false;
    draining--;
  }
  throwUnhandled();
}

function runawayMessage(queue: EffectQueue): string {
  const names = new Set<string>();
  for (let i = queue.head; i < queue.tail && names.size < 5; i++) names.add(queue.items[i]!.fn.name || '(anonymous)');
  return (
    `Runaway update loop: effects kept re-triggering each other for ${MAX_FLUSH_ROUNDS} rounds ` +
    `(still queued: ${[...names].join(', ')}). An effect is probably writing a signal it reads; ` +
    'derive the value with memo() instead, or guard the write.'
  );
}

const ancestorStack: Computation[] = [];

/**
 * Runs a queued effect if it is still stale. Stale computations that own it run first, top
 * down: re-running an owner disposes the effect, which must then not run at all (it might read
 * state that only made sense while its parent's old result stood, like a `Show` branch).
 */
function runEffect(effect: Computation): void {
  let owner = effect.owner;
  if (owner !== null && (owner.flags & (ROOT | DIRTY | PENDING)) !== ROOT) {
    const base = ancestorStack.length;
    while (owner !== null && (owner.flags & ROOT) === 0) {
      if (owner.flags & (DIRTY | PENDING)) ancestorStack.push(owner as Computation);
      owner = owner.owner;
    }
    while (ancestorStack.length > base) {
      const ancestor = ancestorStack.pop()!;
      if (ancestor.flags & DISPOSED) continue;
      if (ancestor.flags & EFFECT) updateEffect(ancestor);
      else {
        try {
          refreshMemo(ancestor);
        } catch (error) {
          report(error, ancestor); // a cycle found while refreshing
        }
      }
    }
  }
  if ((effect.flags & DISPOSED) === 0) updateEffect(effect);
}

/**
 * Re-runs an effect if a source really changed. Its errors go to its handler; one with no
 * handler is kept for `throwUnhandled` (the flush throws it once every queued effect has run).
 */
export function updateEffect(effect: Computation): void {
  const flags = effect.flags;
  if (flags & DIRTY || (flags & PENDING && checkDirty(effect.deps!, effect))) runEffectFn(effect);
  else effect.flags = flags & ~PENDING;
}

/**
 * Runs an effect's function with tracking on, after tearing down what its last run created.
 * The dependency list is trimmed to what was read, whether or not the function threw.
 */
function runEffectFn(effect: Computation): void {
  const prevSub = activeSub;
  const prevVersion = activeVersion;
  activeSub = effect;
  activeVersion = ++versionCounter;
  effect.depsTail = undefined;
  effect.flags = (effect.flags & ~(DIRTY | PENDING)) | RUNNING;
  batchDepth++; // writes made while it runs flush when it is done, never inside it
  // No `finally`: the catch takes every error, so the restore below always runs.
  try {
    if (effect.firstChild !== null || effect.cleanups !== null) resetOwner(effect);
    effect.value = effect.fn(effect.value);
  } catch (error) {
    report(error, effect);
  }
  endRun(effect, prevSub, prevVersion);
  if (--batchDepth === 0) flushRenderQueue();
}

/** Errors no handler took, waiting to be thrown to whoever started the work. */
let unhandled: unknown[] | undefined;

/** Routes an error from `owner`'s computation to its handler, or keeps it as unhandled. */
function report(error: unknown, owner: Owner): void {
  try {
    handleError(error, owner);
  } catch (rethrown) {
    (unhandled ??= []).push(rethrown);
  }
}

/**
 * Throws the errors no handler took (several as an AggregateError). Inside a flush this waits:
 * the flush throws them once every queued effect has run.
 */
export function throwUnhandled(): void {
  if (unhandled === undefined || draining !== 0) return;
  const errors = unhandled;
  unhandled = undefined;
  throw errors.length === 1 ? errors[0] : new AggregateError(errors, `${errors.length} effects threw`);
}

/** Runs an effect now if it is stale, outside the queue (first runs, pulls), and throws what it did not handle. */
export function updateEffectNow(effect: Computation): void {
  updateEffect(effect);
  throwUnhandled();
}

/** Creates a computation owned by the current owner. */
export function createComputation<T>(
  fn: (prev: T) => T,
  value: T,
  flags: number,
  equals: EqualsFn<T> | false,
): Computation<T> {
  return new Computation(getOwner(), flags, fn, value, equals);
}

declare const process: { env: { NODE_ENV?: string } };
