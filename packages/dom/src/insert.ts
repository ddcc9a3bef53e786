/**
 * `insert`: puts a child value of any kind into the DOM before a marker, and keeps it up to date
 * when the value is reactive.
 *
 * Each reactive insert owns one `Slot`: where it inserts (parent, marker) and what it inserted
 * last (`current`, described by `kind`). The slot is the render effect's value, and the effect's
 * function is the module-level `updateSlot`, so an update allocates no closure and every slot has
 * the same shape. What an update does depends on the old and new kinds:
 *
 * - text → text: edit the existing text node's `data` (only if the string differs);
 * - node → node: `replaceChild` (nothing if it is the same node);
 * - list → list (or anything ↔ list): keyed reconciliation by node identity (reconcile.ts);
 * - anything → nothing: remove what was there (a whole-parent list is cleared in one operation).
 *
 * The nodes of one insert are always contiguous and immediately before its marker (`null`: at
 * the end of the parent): the compiler gives every dynamic child its own marker, so no
 * placeholder nodes are ever needed to remember a position.
 */
import { renderBinding } from '@lepta/reactive/internal';
import { reconcileNodes } from './reconcile.js';

/** What a slot currently holds. */
export const NONE = 0;
/** A text node this slot created; `text` is its data. */
export const TEXT = 1;
/** One node given by the caller. */
export const NODE = 2;
/** An array of nodes (at least one). */
export const LIST = 3;

export const EMPTY: Node[] = [];

/**
 * Repeated nodes are dropped by marking each node a normalization takes with that run's number
 * (an expando, `$$seen`): a store per node, where a `Set` costs a hash insert per node and was a
 * third of the script time of removing a row from a 1,000-row list. Each run takes a new number,
 * so marks left by earlier runs never match.
 */
let lastRun = 0;
type Marked = Node & { $$seen?: number };

/** A number no earlier normalization used (`normalize`'s `run`). */
export function normalizeRun(): number {
  return ++lastRun;
}

/** Text nodes created for strings inside arrays: the only text nodes an update may rewrite. */
export const ownText = new WeakSet<Node>();

export class Slot {
  kind = NONE;
  current: Node | Node[] | null = null;
  text = '';
  constructor(
    public parent: Node,
    public marker: Node | null,
    /** The reactive value (a function, or an array containing functions). */
    public source: unknown,
  ) {}
}

/** `insert`'s signature: `open` is the region's open bracket in `hydrate`-mode code (ignored here). */
export type Insert = (parent: Node, value: unknown, marker?: Node | null, open?: Node | null) => void;

/**
 * Inserts `value` into `parent` before `marker` (`null` or omitted: at the end) and keeps it up
 * to date if it is reactive. Values: a string or number becomes one text node; a node is
 * inserted as is (a fragment's children are); an array is flattened (nested arrays, functions
 * called); a function is called in a render effect and its result inserted again whenever what
 * it read changes; `null`, `undefined`, `true`, `false` insert nothing.
 *
 * A variable rather than a function declaration so that hydration can stand in for it while it
 * runs (`swapInsert`): apps that never hydrate carry none of that code.
 */
export let insert: Insert = (parent: Node, value: unknown, marker: Node | null = null): void => {
  if (isReactive(value)) {
    renderBinding(updateSlot, new Slot(parent, marker, value));
    return;
  }
  // Static values: inserted once. The common ones skip the slot. Text going into an empty parent
  // at its end is one `textContent` write instead of creating and inserting a node.
  if (isText(value)) {
    const text = '' + value;
    if (marker === null && parent.firstChild === null && text !== '') parent.textContent = text;
    else parent.insertBefore(documentOf(parent).createTextNode(text), marker);
  } else if (isNode(value)) {
    parent.insertBefore(value, marker);
  } else {
    setSlot(new Slot(parent, marker, null), value);
  }
};

/** Hydration (adopt.ts): makes `insert` call `next` until the returned function restores it. */
export function swapInsert(next: (dom: Insert) => Insert): () => void {
  const saved = insert;
  insert = next(saved);
  return () => {
    insert = saved;
  };
}

/** Whether `value` is a node other than a fragment (a fragment stands for its children). */
function isNode(value: unknown): value is Node {
  const type = (value as Node | null | undefined)?.nodeType;
  return type !== undefined && type !== 11;
}

/** Whether `value` must be tracked: a function, or an array holding one at any depth. */
export function isReactive(value: unknown): boolean {
  return typeof value === 'function' || (Array.isArray(value) && value.some(isReactive));
}

/** Whether `value` renders as text: a string, or a number or bigint written in decimal. */
function isText(value: unknown): value is string | number | bigint {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
}

/** The render effect of a reactive insert (shared by all of them: no closure per insert). */
export function updateSlot(slot: Slot | undefined): Slot {
  setSlot(slot!, slot!.source);
  return slot!;
}

/** Makes `slot` hold `value` (functions are called, tracked by the running effect). */
export function setSlot(slot: Slot, value: unknown): void {
  while (typeof value === 'function') value = value();
  if (isText(value)) setText(slot, '' + value);
  else if (value == null || typeof value === 'boolean') replaceWith(slot, null);
  else if (isNode(value)) replaceWith(slot, value);
  // Arrays, and fragments (what they hold, since inserting one empties it); `normalize` throws
  // for anything else (plain objects, symbols).
  else setList(slot, Array.isArray(value) ? value : [value]);
}

function setText(slot: Slot, text: string): void {
  if (slot.kind === TEXT) {
    if (slot.text !== text) {
      slot.text = text;
      (slot.current as Text).data = text;
    }
    return;
  }
  replaceWith(slot, documentOf(slot.parent).createTextNode(text));
  slot.kind = TEXT;
  slot.text = text;
}

/** Replaces what `slot` holds with `node` (or with nothing). */
function replaceWith(slot: Slot, node: Node | null): void {
  const { parent, marker, current } = slot;
  if (slot.kind === LIST) {
    reconcileNodes(parent, current as Node[], node === null ? EMPTY : [node], marker);
  } else if (current !== node) {
    // A caller's node may have been moved elsewhere since (e.g. rendered in a second place).
    if (current !== null && (current as Node).parentNode === parent) {
      if (node !== null) parent.replaceChild(node, current as Node);
      else parent.removeChild(current as Node);
    } else if (node !== null) {
      parent.insertBefore(node, marker);
    }
  }
  slot.current = node;
  slot.kind = node === null ? NONE : NODE;
}

function setList(slot: Slot, items: readonly unknown[]): void {
  const { parent, marker, current, kind } = slot;
  const nodes: Node[] = [];
  // Repeats are dropped (a node can be in one place only, and the reconciliation relies on each
  // node appearing once). A normalization running inside this one (a function in the array
  // rendering a list of its own) takes its own number.
  normalize(items, nodes, kind === LIST ? (current as Node[]) : EMPTY, slot, normalizeRun());
  // What the new nodes replace: the slot's list, or its one node if that is still in place.
  const old = kind === LIST ? (current as Node[]) : current !== null && (current as Node).parentNode === parent ? [current as Node] : EMPTY;
  reconcileNodes(parent, old, nodes, marker);
  const empty = nodes.length === 0;
  slot.current = empty ? null : nodes;
  slot.kind = empty ? NONE : LIST;
}

/**
 * Flattens `items` into `out`: nested arrays in order, functions called (tracked), fragments
 * replaced by their children, strings and numbers turned into text nodes, a node listed again
 * dropped (it renders at its first place). A string at the same
 * position as a text node this code created last time reuses that node (editing its `data`), so
 * `[a, ' and ', b]` re-rendered keeps its text nodes.
 */
export function normalize(items: readonly unknown[], out: Node[], prev: Node[], slot: Slot, run: number): void {
  for (let i = 0, n = items.length; i < n; i++) {
    let item = items[i];
    while (typeof item === 'function') item = item();
    if (typeof item === 'object') {
      if (item === null) continue;
      const type = (item as Node).nodeType;
      if (type !== undefined) {
        if (type === 11) {
          // A fragment: its children (a NodeList indexes like an array; none is a fragment).
          normalize((item as Node).childNodes as unknown as readonly unknown[], out, prev, slot, run);
        } else if ((item as Marked).$$seen !== run) {
          (item as Marked).$$seen = run;
          out.push(item as Node);
        }
      } else if (Array.isArray(item)) {
        normalize(item, out, prev, slot, run);
      } else {
        throw invalidChild(item);
      }
    } else if (isText(item)) {
      out.push(textAt(out.length, '' + item, prev, slot));
    } else if (item !== undefined && typeof item !== 'boolean') {
      throw invalidChild(item);
    }
  }
}

function textAt(index: number, text: string, prev: Node[], slot: Slot): Node {
  const old = index < prev.length ? prev[index]! : null;
  if (old !== null && ownText.has(old)) {
    if ((old as Text).data !== text) (old as Text).data = text;
    return old;
  }
  const node = documentOf(slot.parent).createTextNode(text);
  ownText.add(node);
  return node;
}

export function documentOf(node: Node): Document {
  return node.ownerDocument ?? (node as Document);
}

function invalidChild(value: unknown): TypeError {
  let what: string = typeof value;
  if (what === 'object') what = Object.prototype.toString.call(value).slice(8, -1);
  return new TypeError(
    `insert(): cannot render a value of type ${what} as a child` +
      (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' ? '. Children may be strings, numbers, DOM nodes, arrays of those, functions returning those, or null/undefined/booleans (nothing).' : ''),
  );
}

declare const process: { env: { NODE_ENV?: string } };
