/**
 * Adopting a region (packages/server/CONTRACT.md §4): the insert of a dynamic child, while
 * hydrating, takes the server's nodes of its region as what it inserted, instead of creating
 * them.
 *
 * ## Algorithm
 *
 * The value is flattened as `insert` flattens it (functions called — tracked, when the insert is
 * reactive —, arrays and fragments expanded, a fresh text node per string). Claimed nodes are the
 * server's own objects; strings are compared with the server's text nodes. So the region's nodes
 * (from after the open bracket, or the parent's first child, up to the close bracket) are walked
 * alongside the value's nodes:
 *
 * - the same node: adopted;
 * - a string's text node against a server text with the same data: the server's node replaces
 *   it (an empty string has no server text: its node is inserted);
 * - a comment on the server side that the value does not hold (the brackets of fragment items,
 *   the `<!---->` between two texts): skipped, and left in place. The slot's current nodes are
 *   exactly the value's, so updates work on them as on nodes the client created (a string's text
 *   node is edited in place by the next string at its position); the reconciler never needs the
 *   nodes of a list to be adjacent, only in order, so the invisible comments in between are
 *   harmless (they go when their parent is cleared);
 * - anything else, or server nodes left over: a mismatch.
 *
 * On a mismatch the region is rendered by the client: the reconciler turns the region's server
 * nodes into the value's nodes (those that match are kept, the rest are removed or created), and
 * a warning is printed unless one was already printed for a mismatch inside the region (a failed
 * claim).
 */
import { renderBinding } from '@lepta/reactive/internal';
import { describe, enter, enteredAt, isServerNode, leave, reportedInside } from './cursor.js';
import { EMPTY, LIST, NODE, NONE, TEXT, Slot, isReactive, normalize, normalizeRun, ownText, updateSlot, type Insert } from './insert.js';
import { mismatch } from './mismatch.js';
import { reconcileNodes } from './reconcile.js';

/** The `insert` that stands in for `dom`'s while hydrating. */
export function hydratingInsert(dom: Insert): Insert {
  return (parent, value, marker = null, open) => {
    // A parent the client made (a portal's container, a clone made after a mismatch) has nothing
    // to adopt; neither has a call without a region (from code other than compiled `hydrate`
    // output). Its value is created with claims off: the nodes a function creates are the
    // client's.
    const adopting = isServerNode(parent) && (marker === null || open != null);
    const entered = enteredAt(parent, open);
    if (!entered || !adopting) enter(parent, open, adopting);
    if (adopting) {
      adoptRegion(new Slot(parent, marker, null), value, open ?? null);
      return;
    }
    try {
      dom(parent, value, marker);
    } finally {
      leave();
      if (entered) leave();
    }
  };
}

/**
 * Makes `slot` (whose marker is the region's end) adopt the region after `open` (or from the
 * parent's first child) with `value`, inside the region entered by the caller, and leaves that
 * region. A reactive value is evaluated by a render effect whose first run adopts.
 */
export function adoptRegion(slot: Slot, value: unknown, open: Node | null): void {
  if (!isReactive(value)) {
    try {
      adopt(slot, value, open);
    } finally {
      leave();
    }
    return;
  }
  slot.source = value;
  let first = true;
  try {
    renderBinding((s: Slot | undefined) => {
      if (!first) return updateSlot(s);
      first = false;
      // The function creates its nodes now: with the cursor at the region's start.
      enter(s!.parent, open);
      try {
        adopt(s!, s!.source, open);
      } finally {
        leave();
      }
      return s!;
    }, slot);
  } finally {
    leave();
  }
}

function adopt(slot: Slot, value: unknown, open: Node | null): void {
  const { parent, marker: end } = slot;
  const nodes: Node[] = [];
  normalize([value], nodes, EMPTY, slot, normalizeRun());
  const region: Node[] = [];
  for (let n = open ? open.nextSibling : parent.firstChild; n !== null && n !== end; n = n.nextSibling) region.push(n);

  let r = 0;
  let failure: string | null = null;
  for (let k = 0; k < nodes.length; k++) {
    const want = nodes[k]!;
    let have: Node | undefined = region[r];
    while (have !== undefined && have !== want && have.nodeType === 8) have = region[++r];
    if (have === want) {
      r++;
      continue;
    }
    if (want.nodeType === 3 && want.parentNode === null) {
      // A text node the client made: a string's, which adopts the server's text if equal; or
      // an empty one, which the server cannot render (a portal's marker): it goes in as is.
      const text = (want as Text).data;
      if (have !== undefined && have.nodeType === 3 && sameText((have as Text).data, text)) {
        nodes[k] = have;
        if (ownText.has(want)) ownText.add(have);
        r++;
        continue;
      }
      if (text === '') {
        parent.insertBefore(want, have ?? end);
        continue;
      }
    }
    failure = `expected ${describe(want)}, found ${describe(have ?? null)}`;
    break;
  }
  if (failure === null) {
    while (r < region.length && region[r]!.nodeType === 8) r++;
    if (r < region.length) failure = `found ${describe(region[r]!)} where the client renders nothing more`;
  }
  if (failure !== null) {
    if (!reportedInside()) mismatch(failure);
    reconcileNodes(parent, region, nodes, end);
  }
  setCurrent(slot, nodes);
}

/** Records `nodes` (in the DOM, in order, before the slot's marker) as what `slot` holds. */
function setCurrent(slot: Slot, nodes: Node[]): void {
  if (nodes.length === 0) {
    slot.kind = NONE;
    slot.current = null;
  } else if (nodes.length > 1) {
    slot.kind = LIST;
    slot.current = nodes;
  } else {
    const node = nodes[0]!;
    slot.current = node;
    // A string's text node: later strings edit its data.
    if (node.nodeType === 3 && ownText.has(node)) {
      slot.kind = TEXT;
      slot.text = (node as Text).data;
    } else slot.kind = NODE;
  }
}

/** The parser turns CR LF and CR into LF: server text may read differently and be equal. */
function sameText(server: string, client: string): boolean {
  return server === client || server === client.replace(/\r\n?/g, '\n');
}
