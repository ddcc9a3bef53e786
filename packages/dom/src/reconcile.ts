/**
 * Keyed reconciliation of a run of sibling nodes: turns the nodes `a` (in the DOM now) into the
 * nodes `b` (wanted), with the fewest DOM operations, keeping every node that appears in both.
 *
 * ## Algorithm
 *
 * `a` is contiguous in `parent`, immediately before `marker` (`null`: at the end). Nodes are
 * compared by identity; a node should be in a list at most once (one listed twice ends up in one
 * of its places, and nothing breaks).
 *
 * 1. **Trim.** Skip the common prefix and the common suffix: they stay where they are. Appending,
 *    prepending, and removing or inserting one block all end here with nothing left on one side,
 *    so the rest is a plain run of inserts (before the first node of the suffix) or removals.
 * 2. **Swapped ends.** If the first old node is the last new one and the last old node the first
 *    new one, and some node between them stays put, both must move whatever else happens: two
 *    `insertBefore`s, then trim again. This is js-framework-benchmark's "swap rows" in O(1)
 *    instead of a pass over the whole middle.
 * 3. **Middle.** Index the new middle by node (a `Map`), then walk the old middle: a node not in
 *    the map is removed; for the others, `sources[newIndex] = oldIndex + 1` (0 = a new node).
 *    If the old indices of the survivors already increase in new order, nothing moves. Otherwise
 *    the longest increasing subsequence of `sources` is the largest set of survivors already in
 *    the right relative order: they stay, and every other survivor is moved exactly once. That
 *    is the minimum number of moves. The new middle is then walked backwards, inserting each
 *    new or moved node before the node that follows it (already final).
 * 4. **Clearing.** When the list is removed entirely, or replaced by nodes none of which it had,
 *    and it is all `parent` holds (apart from the marker), `parent.textContent = ''` drops every
 *    node in one operation (and the marker is put back).
 *
 * Everything is computed before the first DOM operation: a DOM operation can run user code
 * synchronously (custom elements' connected/disconnected callbacks), which may reconcile
 * another list and reuse the shared index map.
 *
 * Resulting operation counts (n rows, k changed): append/prepend k → k inserts; remove k → k
 * removals; swap two rows → 2 inserts (1 when adjacent); reverse → n−1 inserts; replace all →
 * 1 `textContent` + n inserts; clear → 1 `textContent`.
 */

/** Reused by every reconcile; always left empty (see "computed before the first DOM operation"). */
const indexOf = new Map<Node, number>();

export function reconcileNodes(parent: Node, a: Node[], b: Node[], marker: Node | null): void {
  let aStart = 0;
  let bStart = 0;
  let aEnd = a.length;
  let bEnd = b.length;

  for (;;) {
    while (aStart < aEnd && bStart < bEnd && a[aStart] === b[bStart]) {
      aStart++;
      bStart++;
    }
    while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] === b[bEnd - 1]) {
      aEnd--;
      bEnd--;
    }
    if (aStart === aEnd || bStart === bEnd) break;
    const first = a[aStart]!;
    const last = a[aEnd - 1]!;
    // Ends swapped around a node that stays: both ends must move (see step 2). Two adjacent nodes
    // trading places are left to the general case, which moves one.
    if (first !== b[bEnd - 1] || last !== b[bStart] || a[aStart + 1] !== b[bStart + 1]) break;
    const after = last.nextSibling;
    parent.insertBefore(last, first);
    parent.insertBefore(first, after);
    aStart++;
    bStart++;
    aEnd--;
    bEnd--;
  }

  // The node the middle of `b` must end up before: the first of the settled suffix.
  const after = bEnd < b.length ? b[bEnd]! : marker;

  if (aStart === aEnd) {
    while (bStart < bEnd) parent.insertBefore(b[bStart++]!, after);
    return;
  }
  if (bStart === bEnd) {
    // Only removals: of the whole list when `b` is empty, which may clear the parent at once.
    if (b.length !== 0 || !clear(parent, a, marker)) while (aStart < aEnd) remove(parent, a[aStart++]!);
    return;
  }

  // General case. Phase 1: pure computation.
  const bLen = bEnd - bStart;
  for (let j = bStart; j < bEnd; j++) indexOf.set(b[j]!, j);
  const sources = new Int32Array(bLen);
  const gone: Node[] = [];
  let moved = false;
  let maxIndex = -1;
  for (let i = aStart; i < aEnd; i++) {
    const node = a[i]!;
    const j = indexOf.get(node);
    if (j === undefined) {
      gone.push(node);
    } else {
      sources[j - bStart] = i + 1;
      if (j < maxIndex) moved = true;
      else maxIndex = j;
    }
  }
  indexOf.clear();

  // Phase 2: DOM operations.
  if (gone.length === a.length && bLen === b.length && clear(parent, a, marker)) {
    // Replaced everything: one operation removed the old list.
    for (let j = 0; j < bLen; j++) parent.insertBefore(b[j]!, marker);
    return;
  }
  for (const node of gone) remove(parent, node);
  // The survivors that stay put: all of them when they are in order, else a longest increasing
  // subsequence. Every other node of the new middle goes in, walking backwards, before the node
  // that follows it (already final).
  const stay = moved ? longestIncreasingSubsequence(sources) : null;
  let s = stay === null ? 0 : stay.length - 1;
  let ref = after;
  for (let j = bLen - 1; j >= 0; j--) {
    const node = b[bStart + j]!;
    if (stay === null ? sources[j] !== 0 : s >= 0 && stay[s] === j) s--;
    else parent.insertBefore(node, ref);
    ref = node;
  }
}

/**
 * If `a` (contiguous, just before `marker`) and the marker are all `parent` holds, removes `a`
 * with one operation (`textContent`, then the marker is put back) and returns true. With a
 * marker that costs two operations: worth it from three nodes.
 */
function clear(parent: Node, a: Node[], marker: Node | null): boolean {
  const n = a.length;
  if (n <= (marker === null ? 1 : 2) || parent.firstChild !== a[0] || parent.lastChild !== (marker ?? a[n - 1])) return false;
  parent.textContent = '';
  if (marker !== null) parent.appendChild(marker);
  return true;
}

/**
 * Removes `node` if it is still a child of `parent`. It may not be if the caller listed it twice
 * (a node can only be in one place: the DOM holds it once) or moved it elsewhere meanwhile.
 */
function remove(parent: Node, node: Node): void {
  if (node.parentNode === parent) parent.removeChild(node);
}

/**
 * The positions, ascending, of one longest strictly increasing subsequence of the non-zero
 * entries of `seq` (zeros are skipped: they stand for new nodes).
 *
 * Patience sorting, O(n log n): `tails[k]` is the position of the smallest value that ends an
 * increasing subsequence of length k + 1 found so far (those values increase with k, so a binary
 * search finds where each value goes); `prev[i]` is the position before `i` in the subsequence
 * `i` ends, from which the answer is read backwards.
 */
export function longestIncreasingSubsequence(seq: Int32Array): Int32Array {
  const n = seq.length;
  const tails = new Int32Array(n);
  const prev = new Int32Array(n);
  let len = 0;
  for (let i = 0; i < n; i++) {
    const v = seq[i]!;
    if (v === 0) continue;
    let lo = 0;
    if (len > 0 && seq[tails[len - 1]!]! < v) {
      lo = len; // extends the longest: the common case for a list that mostly keeps its order
    } else {
      let hi = len;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (seq[tails[mid]!]! < v) lo = mid + 1;
        else hi = mid;
      }
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
    if (lo === len) len++;
  }
  const out = new Int32Array(len);
  let i = len > 0 ? tails[len - 1]! : -1;
  for (let k = len - 1; k >= 0; k--) {
    out[k] = i;
    i = prev[i]!;
  }
  return out;
}
