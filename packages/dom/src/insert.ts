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

/** The set `setList` uses to drop repeated nodes, when no other normalization is using it. */
let spareSet: Set<Node> | null = new Set();

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
  if (typeof value === 'function' || (Array.isArray(value) && hasFunction(value))) {
    renderBinding(updateSlot, new Slot(parent, marker, value));
    return;
  }
  // Static values: inserted once. The common ones skip the slot. Text going into an empty parent
  // at its end is one `textContent` write instead of creating and inserting a node.
  if (typeof value === 'string' || typeof value === 'number') {
    const text = typeof value === 'string' ? value : String(value);
    if (marker === null && parent.firstChild === null && text !== '') parent.textContent = text;
    else parent.insertBefore(documentOf(parent).createTextNode(text), marker);
  } else if (typeof value === 'object' && value !== null && (value as Node).nodeType !== undefined && (value as Node).nodeType !== 11) {
    parent.insertBefore(value as Node, marker);
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

/** Whether `value` must be tracked: a function, or an array holding one at any depth. */
export function isReactive(value: unknown): boolean {
  return typeof value === 'function' || (Array.isArray(value) && hasFunction(value));
}

function hasFunction(items: readonly unknown[]): boolean {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'function' || (Array.isArray(item) && hasFunction(item))) return true;
  }
  return false;
}

/** The render effect of a reactive insert (shared by all of them: no closure per insert). */
export function updateSlot(slot: Slot | undefined): Slot {
  setSlot(slot!, slot!.source);
  return slot!;
}

/** Makes `slot` hold `value` (functions are called, tracked by the running effect). */
export function setSlot(slot: Slot, value: unknown): void {
  while (typeof value === 'function') value = value();
  switch (typeof value) {
    case 'string':
      setText(slot, value);
      return;
    case 'number':
    case 'bigint':
      setText(slot, '' + value);
      return;
    case 'undefined':
    case 'boolean':
      if (slot.kind !== NONE) replaceWith(slot, null);
      return;
    case 'object':
      if (value === null) {
        if (slot.kind !== NONE) replaceWith(slot, null);
        return;
      }
      if (Array.isArray(value)) {
        setList(slot, value);
        return;
      }
      switch ((value as Node).nodeType) {
        case undefined:
          break;
        case 11: // a DocumentFragment: what it holds, since inserting it empties it
          setList(slot, Array.prototype.slice.call((value as Node).childNodes));
          return;
        default:
          replaceWith(slot, value as Node);
          return;
      }
  }
  throw invalidChild(value);
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
  const { parent, marker } = slot;
  const current = slot.current;
  switch (slot.kind) {
    case NONE:
      if (node !== null) parent.insertBefore(node, marker);
      break;
    case TEXT:
    case NODE:
      if (current === node) break;
      // A caller's node may have been moved elsewhere since (e.g. rendered in a second place).
      if ((current as Node).parentNode === parent) {
        if (node !== null) parent.replaceChild(node, current as Node);
        else parent.removeChild(current as Node);
      } else if (node !== null) {
        parent.insertBefore(node, marker);
      }
      break;
    default:
      reconcileNodes(parent, current as Node[], node === null ? EMPTY : [node], marker);
  }
  slot.current = node;
  slot.kind = node === null ? NONE : NODE;
}

function setList(slot: Slot, items: readonly unknown[]): void {
  const { parent, marker } = slot;
  const kind = slot.kind;
  const nodes: Node[] = [];
  // A set of the nodes seen so far, to drop repeats: a node can be in one place only, and the
  // reconciliation relies on each node appearing once. The set is reused unless this
  // normalization runs inside another one (a function in the array rendering a list of its own).
  const seen = spareSet ?? new Set<Node>();
  spareSet = null;
  try {
    normalize(items, nodes, kind === LIST ? (slot.current as Node[]) : EMPTY, slot, seen);
  } finally {
    seen.clear();
    spareSet = seen;
  }
  if (nodes.length === 0) {
    if (kind !== NONE) replaceWith(slot, null);
    return;
  }
  if (kind === LIST) {
    reconcileNodes(parent, slot.current as Node[], nodes, marker);
  } else if (kind === NONE || (slot.current as Node).parentNode !== parent) {
    for (let i = 0; i < nodes.length; i++) parent.insertBefore(nodes[i]!, marker);
  } else {
    reconcileNodes(parent, [slot.current as Node], nodes, marker);
  }
  slot.current = nodes;
  slot.kind = LIST;
}

/**
 * Flattens `items` into `out`: nested arrays in order, functions called (tracked), fragments
 * replaced by their children, strings and numbers turned into text nodes, a node listed again
 * dropped (it renders at its first place). A string at the same
 * position as a text node this code created last time reuses that node (editing its `data`), so
 * `[a, ' and ', b]` re-rendered keeps its text nodes.
 */
export function normalize(items: readonly unknown[], out: Node[], prev: Node[], slot: Slot, seen: Set<Node>): void {
  for (let i = 0, n = items.length; i < n; i++) {
    let item = items[i];
    while (typeof item === 'function') item = item();
    if (typeof item === 'object') {
      if (item === null) continue;
      const type = (item as Node).nodeType;
      if (type !== undefined) {
        if (type !== 11) {
          if (!seen.has(item as Node)) {
            seen.add(item as Node);
            out.push(item as Node);
          }
        } else {
          const children = (item as Node).childNodes;
          for (let k = 0; k < children.length; k++) {
            const child = children[k]!;
            if (!seen.has(child)) {
              seen.add(child);
              out.push(child);
            }
          }
        }
      } else if (Array.isArray(item)) {
        normalize(item, out, prev, slot, seen);
      } else {
        throw invalidChild(item);
      }
    } else if (typeof item === 'string') {
      out.push(textAt(out.length, item, prev, slot));
    } else if (typeof item === 'number' || typeof item === 'bigint') {
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
    `insert(): cannot render a value of type ${what} as a child. Children may be strings, numbers, ` +
      'DOM nodes, arrays of those, functions returning those, or null/undefined/booleans (nothing).',
  );
}
