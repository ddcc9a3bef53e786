/**
 * The hydration cursor: which server node the next template root claims
 * (packages/server/CONTRACT.md §1, §3). `hydrate`-mode code calls `claim`, `close`, `at` and
 * `hole`; outside `hydrate()` they clone, and cost a comparison each.
 *
 * ## The walk
 *
 * Template roots are claimed in document order: `claim` takes the element at the cursor and
 * moves the cursor to its next sibling. Inside a claimed root, compiled code reaches nodes by
 * the same `firstChild`/`nextSibling` paths as in `dom` mode; the only difference is dynamic
 * children, whose node count the compiler cannot know: the server brackets them
 * (`<!--[-->…<!--]-->`), and the node after one is found from its close bracket (`close`).
 *
 * Regions nest: before the value of a dynamic child is created, the cursor is put at the start of
 * its region (`at` for values created eagerly, `insert` itself for functions, `hole` for
 * bracketed items of a fragment), and it is put back where it was once the region has been
 * adopted — so after a root's own regions, the next claim continues at the root's next sibling.
 * Each region entry saves the state on a stack (`enter`) and its exit restores it (`leave`).
 * A throw can split a pair (`at` entered, its insert never ran): whoever catches errors while
 * claims are made puts the whole state back (`saveCursor`/`restoreCursor`).
 *
 * ## Modes
 *
 * `CLAIM`: claims read the cursor. `OFF`: claims clone — not hydrating, or the region belongs to
 * nodes the client created (a clone made after a mismatch, a portal's container): nothing there
 * came from the server. `FAILED`: a mismatch was found in this region; the rest of it clones too,
 * and the region's insert then renders it on the client (adopt.ts) — CONTRACT §4.
 *
 * ## Checking a claim
 *
 * A claimed node must have the template root's tag and the template's static shape: the same
 * elements and static text, with the server's region content skipped between brackets (an element
 * empty in the template may hold anything: it is a sole dynamic child's region, or `innerHTML`).
 * Checking the shape costs one pass over the template's nodes per claim, and guarantees that the
 * compiled walks land on the nodes they expect instead of failing on `null`.
 */
import { mismatch, mismatchCount } from './mismatch.js';

const CLAIM = 0;
const FAILED = 1;
const OFF = 2;

/** The container being hydrated, `null` when not hydrating. */
let hydrating: Node | null = null;
/** The next server node to claim. */
let cursor: Node | null = null;
let mode = OFF;

/** One region entry: the state to restore on leaving, and who entered (for `at`/`insert` pairs). */
interface Frame {
  cursor: Node | null;
  mode: number;
  parent: Node;
  open: Node | null;
  /** Mismatches reported before the region was entered: its adoption reports only the first. */
  reported: number;
}
const frames: Frame[] = [];

/** Starts hydrating `container`: claims begin at its first child. */
export function beginHydration(container: Node): void {
  if (hydrating !== null) throw new Error('hydrate() was called while another hydration is running.');
  hydrating = container;
  cursor = container.firstChild;
  mode = CLAIM;
}

/** Stops hydrating: from now on every claim clones. */
export function endHydration(): void {
  hydrating = null;
  cursor = null;
  mode = OFF;
  frames.length = 0;
}

/** Whether hydration is running and `node` came from the server (it is in the container). */
export function isServerNode(node: Node): boolean {
  return hydrating !== null && hydrating.contains(node);
}

/**
 * Enters the region of `parent` that starts after `open` (or at its first child): the cursor goes
 * to the region's first node, claiming if `claiming` (by default: if `parent` came from the
 * server).
 */
export function enter(parent: Node, open: Node | null | undefined, claiming = isServerNode(parent)): void {
  frames.push({ cursor, mode, parent, open: open ?? null, reported: mismatchCount() });
  cursor = open ? open.nextSibling : parent.firstChild;
  mode = claiming ? CLAIM : OFF;
}

/** Leaves the innermost region, putting the cursor back. */
export function leave(): void {
  const frame = frames.pop()!;
  cursor = frame.cursor;
  mode = frame.mode;
}

/**
 * Whether a mismatch was reported since the innermost region was entered (by any of the frames
 * entered for it: `at`'s, the insert's, the first evaluation's).
 */
export function reportedInside(): boolean {
  let i = frames.length - 1;
  const top = frames[i]!;
  while (i > 0 && frames[i - 1]!.parent === top.parent && frames[i - 1]!.open === top.open) i--;
  return mismatchCount() !== frames[i]!.reported;
}

/** Whether the innermost region was entered by `at(parent, open)` (its insert leaves it). */
export function enteredAt(parent: Node, open: Node | null | undefined): boolean {
  const frame = frames[frames.length - 1];
  return frame !== undefined && frame.parent === parent && frame.open === (open ?? null);
}

/**
 * Where hydration is: the region stack's depth, the cursor and its mode. Opaque to callers; see
 * `saveCursor`.
 */
export interface CursorState {
  readonly depth: number;
  readonly cursor: Node | null;
  readonly mode: number;
}

/**
 * `saveCursor()`: the hydration position, for `restoreCursor` after a throw (`undefined` when not
 * hydrating). Regions are entered and left in pairs that a throw can split: `at` enters before the
 * value is created and only the `insert` that follows leaves, so an error thrown while creating the
 * value leaves a region entered and the cursor wherever the failed code left it. Code that catches
 * errors while nodes are being claimed (an ErrorBoundary creating its children) saves the position
 * before and restores it on catch, so that what it renders instead is claimed from the same place
 * and everything after it continues where it should.
 */
export function saveCursor(): CursorState | undefined {
  return hydrating === null ? undefined : { depth: frames.length, cursor, mode };
}

/** `restoreCursor(state)`: back to a position `saveCursor` returned, dropping the regions entered since. */
export function restoreCursor(state: CursorState | undefined): void {
  if (state === undefined || hydrating === null) return;
  frames.length = state.depth;
  cursor = state.cursor;
  mode = state.mode;
}

/**
 * `at(parent, open)`: compiled code calls it right before creating the value of a region
 * eagerly (a component, JSX in an expression); the region's `insert` then leaves the region.
 * Does nothing when not hydrating.
 */
export function at(parent: Node, open?: Node | null): void {
  if (hydrating !== null) enter(parent, open);
}

/**
 * `claim(tmpl, location)`: while hydrating, the server's node at the cursor (checked against the
 * template: tag and static shape), moving the cursor past it; otherwise, or on a mismatch, a
 * clone of the template. `location` ("file:line:column" of the JSX) is for the warning.
 */
export function claim(tmpl: () => Node, location?: string): Node {
  if (mode !== CLAIM) return tmpl();
  const node = skipText(cursor);
  const model = modelOf(tmpl);
  if (node !== null && node.nodeType === 1 && sameShape(node, model)) {
    cursor = node.nextSibling;
    return node;
  }
  mode = FAILED;
  mismatch(`expected ${describe(model)}, found ${describe(node)}`, location, isPendingBoundary(node));
  return tmpl();
}

/**
 * `close(open)`: the `<!--]-->` matching the `<!--[-->` `open`, counting nested brackets among the
 * following siblings. In a cloned template that is `open.nextSibling`.
 */
export function close(open: Node): Node {
  const end = matchingClose(open);
  if (end === null) throw new Error('Hydration: a <!--[--> region of the server HTML is not closed.');
  return end;
}

/**
 * `hole(() => item)`: an item of a fragment (or `children` array) that the server bracketed (a
 * component, an expression). While hydrating, checks that the cursor is at a `<!--[-->`, creates
 * the item with the cursor inside, and moves the cursor past the matching `<!--]-->`. A function
 * result (an accessor, a memo, a render function) creates its nodes when first called: it is
 * returned wrapped so that this first call, too, happens with the cursor inside. Otherwise returns
 * `item()`.
 *
 * An item that is data rather than something to render (a plain object: `<Match>` gives its
 * `<Switch>` a descriptor) has no brackets on the server: the cursor stays where it was.
 */
export function hole(item: () => unknown): unknown {
  if (mode !== CLAIM) return item();
  const start = cursor;
  const open = skipText(start);
  const end = open !== null && isBracket(open, '[') ? matchingClose(open) : null;
  // Without brackets, nothing here is the server's: the item is created with claims off.
  cursor = end !== null ? open!.nextSibling : null;
  mode = end !== null ? CLAIM : OFF;
  let value: unknown;
  try {
    value = item();
  } finally {
    cursor = end !== null ? end.nextSibling : start;
    mode = CLAIM;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Node).nodeType === undefined) {
    cursor = start;
    return value;
  }
  if (end === null) {
    mode = FAILED;
    mismatch(`expected a component or an expression (<!--[-->), found ${describe(open)}`, undefined, isPendingBoundary(open));
    return value;
  }
  return typeof value === 'function' ? resumeIn(open!.parentNode!, open!, value as (...args: unknown[]) => unknown) : value;
}

/**
 * `fn`, whose first call while hydrating runs inside the region after `open`, and calls there the
 * functions it returns (a memo returning a thunk), so the nodes they create are claimed in place.
 */
function resumeIn(parent: Node, open: Node, fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  let first = true;
  return (...args) => {
    if (!first || hydrating === null) return fn(...args);
    first = false;
    enter(parent, open);
    try {
      let value = fn(...args);
      while (typeof value === 'function') value = (value as () => unknown)();
      return value;
    } finally {
      leave();
    }
  };
}

// ---------------------------------------------------------------------------------------------
// The server's nodes

/**
 * A Suspense boundary the server left showing its fallback (`<!--$s:ID-->`, CONTRACT §5): its
 * children load on the client, which renders the region afresh, as for a mismatch but expected,
 * so without a warning.
 */
function isPendingBoundary(node: Node | null): boolean {
  return node !== null && node.nodeType === 8 && (node as Comment).data.startsWith('$s:');
}

/** A bracket comment: `<!--[-->` or `<!--]-->`. */
function isBracket(node: Node, data: '[' | ']'): boolean {
  return node.nodeType === 8 && (node as Comment).data === data;
}

/**
 * The first node from `node` that is not text or an empty comment: a claim skips the static text
 * of a fragment (`["text", <b/>]`) and the `<!---->` between two texts, which create no node of
 * their own to claim (the region's insert checks them).
 */
function skipText(node: Node | null): Node | null {
  while (node !== null && (node.nodeType === 3 || (node.nodeType === 8 && (node as Comment).data === ''))) node = node.nextSibling;
  return node;
}

function matchingClose(open: Node): Node | null {
  let depth = 0;
  for (let n = open.nextSibling; n !== null; n = n.nextSibling) {
    if (n.nodeType !== 8) continue;
    const data = (n as Comment).data;
    if (data === '[') depth++;
    else if (data === ']' && depth-- === 0) return n;
  }
  return null;
}

/** One clone of each template, kept to check claims against. */
const models = new WeakMap<() => Node, Node>();

function modelOf(tmpl: () => Node): Node {
  let model = models.get(tmpl);
  if (model === undefined) models.set(tmpl, (model = tmpl()));
  return model;
}

/**
 * Whether the server node `s` has the static shape of the template node `t`: the same node
 * name; for text and comments the same data; for elements the same children, except that a
 * region's content (between brackets) is skipped, and an element without children in the
 * template may hold anything.
 */
function sameShape(s: Node, t: Node): boolean {
  if (s.nodeName !== t.nodeName) return false;
  if (t.nodeType !== 1) return (s as CharacterData).data === (t as CharacterData).data;
  let tc = t.firstChild;
  if (tc === null) return true;
  let sc: Node | null = s.firstChild;
  for (; tc !== null; tc = tc.nextSibling, sc = sc.nextSibling) {
    if (sc === null || !sameShape(sc, tc)) return false;
    if (isBracket(tc, '[')) {
      sc = matchingClose(sc);
      tc = tc.nextSibling!;
      if (sc === null) return false;
    }
  }
  return sc === null;
}

/** A short description of a node for warnings: `<div class="x">`, `text "…"`, `<!--[-->`. */
export function describe(node: Node | null): string {
  if (node === null) return 'nothing';
  if (node.nodeType === 3) {
    const data = (node as Text).data;
    return `text ${JSON.stringify(data.length > 40 ? data.slice(0, 40) + '…' : data)}`;
  }
  if (node.nodeType === 8) return `<!--${(node as Comment).data}-->`;
  if (node.nodeType !== 1) return node.nodeName;
  const html = (node as Element).outerHTML;
  const tag = html.slice(0, html.indexOf('>') + 1);
  return tag.length > 80 ? tag.slice(0, 79) + '…>' : tag;
}
