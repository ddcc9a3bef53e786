// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { longestIncreasingSubsequence, reconcileNodes } from '../src/reconcile.js';
import { children, countOps, items } from './ops.js';

/** A parent holding `nodes`, optionally between static siblings and before a marker. */
function setup(nodes: Node[], context: { before?: boolean; after?: boolean; marker?: boolean } = {}) {
  const parent = document.createElement('ul');
  const before = context.before ? parent.appendChild(document.createElement('header')) : null;
  for (const n of nodes) parent.appendChild(n);
  const marker = context.marker ? parent.appendChild(document.createComment('')) : null;
  const after = context.after ? parent.appendChild(document.createElement('footer')) : null;
  const ops = countOps(parent);
  const expected = (list: Node[]) => [...(before ? [before] : []), ...list, ...(marker ? [marker] : []), ...(after ? [after] : [])];
  return { parent, marker, ops, expected };
}

describe('reconcileNodes: operation counts', () => {
  const N = 1000;

  it('create: n inserts into an empty parent', () => {
    const b = items(N);
    const { parent, ops } = setup([]);
    reconcileNodes(parent, [], b, null);
    expect(children(parent)).toEqual(b);
    expect(ops.total).toBe(N);
  });

  it('append k rows: k inserts', () => {
    const a = items(N);
    const b = [...a, ...items(10, 'new')];
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, b, null);
    expect(children(parent)).toEqual(b);
    expect({ insert: ops.insert, total: ops.total }).toEqual({ insert: 10, total: 10 });
  });

  it('prepend k rows: k inserts', () => {
    const a = items(N);
    const b = [...items(10, 'new'), ...a];
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, b, null);
    expect(children(parent)).toEqual(b);
    expect({ insert: ops.insert, total: ops.total }).toEqual({ insert: 10, total: 10 });
  });

  it('insert one row in the middle: 1 insert', () => {
    const a = items(N);
    const b = [...a.slice(0, 500), ...items(1, 'new'), ...a.slice(500)];
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, b, null);
    expect(children(parent)).toEqual(b);
    expect(ops.total).toBe(1);
  });

  it.each([0, 500, N - 1])('remove row %i: 1 removal', (at) => {
    const a = items(N);
    const b = a.filter((_, i) => i !== at);
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, b, null);
    expect(children(parent)).toEqual(b);
    expect({ remove: ops.remove, total: ops.total }).toEqual({ remove: 1, total: 1 });
  });

  it('swap rows 1 and 998: 2 inserts, same nodes', () => {
    const a = items(N);
    const b = a.slice();
    [b[1], b[998]] = [b[998]!, b[1]!];
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, b, null);
    expect(children(parent)).toEqual(b);
    expect(children(parent)[1]).toBe(a[998]);
    expect({ insert: ops.insert, total: ops.total }).toEqual({ insert: 2, total: 2 });
  });

  it('swap two adjacent rows: 1 insert', () => {
    const a = items(N);
    const b = a.slice();
    [b[10], b[11]] = [b[11]!, b[10]!];
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, b, null);
    expect(children(parent)).toEqual(b);
    expect(ops.total).toBe(1);
  });

  it('swap the first and last rows: 2 inserts', () => {
    const a = items(N);
    const b = a.slice();
    [b[0], b[N - 1]] = [b[N - 1]!, b[0]!];
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, b, null);
    expect(children(parent)).toEqual(b);
    expect(ops.total).toBe(2);
  });

  it('reverse: n - 1 inserts', () => {
    for (const n of [2, 3, 4, 5, 10, N]) {
      const a = items(n);
      const b = a.slice().reverse();
      const { parent, ops } = setup(a);
      reconcileNodes(parent, a, b, null);
      expect(children(parent)).toEqual(b);
      expect(ops.total).toBe(n - 1);
    }
  });

  it('move one row far: 1 insert', () => {
    const a = items(N);
    const b = a.slice();
    const [row] = b.splice(10, 1);
    b.splice(700, 0, row!);
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, b, null);
    expect(children(parent)).toEqual(b);
    expect(ops.total).toBe(1);
  });

  it('rotate (first row to the end, last to the front): 1 insert each', () => {
    const a = items(N);
    for (const b of [[...a.slice(1), a[0]!], [a[N - 1]!, ...a.slice(0, -1)]]) {
      const { parent, ops } = setup(a.slice());
      for (const n of a) parent.appendChild(n); // reset order
      ops.reset();
      reconcileNodes(parent, a, b, null);
      expect(children(parent)).toEqual(b);
      expect(ops.total).toBe(1);
    }
  });

  it('replace all in a parent holding only the list: textContent = "" + n inserts', () => {
    const a = items(N);
    const b = items(N, 'new');
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, b, null);
    expect(children(parent)).toEqual(b);
    expect({ clear: ops.clear, insert: ops.insert, remove: ops.remove }).toEqual({ clear: 1, insert: N, remove: 0 });
  });

  it('replace all with a marker: clear, marker back, n inserts', () => {
    const a = items(10);
    const b = items(10, 'new');
    const { parent, marker, ops, expected } = setup(a, { marker: true });
    reconcileNodes(parent, a, b, marker);
    expect(children(parent)).toEqual(expected(b));
    expect({ clear: ops.clear, insert: ops.insert, remove: ops.remove }).toEqual({ clear: 1, insert: 11, remove: 0 });
  });

  it('replace all next to static siblings: n removals + n inserts', () => {
    const a = items(10);
    const b = items(10, 'new');
    const { parent, ops, expected } = setup(a, { before: true, after: true });
    reconcileNodes(parent, a, b, parent.lastChild);
    expect(children(parent)).toEqual(expected(b));
    expect({ clear: ops.clear, insert: ops.insert, remove: ops.remove }).toEqual({ clear: 0, insert: 10, remove: 10 });
  });

  it('clear a parent holding only the list: one textContent write', () => {
    const a = items(N);
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, [], null);
    expect(children(parent)).toEqual([]);
    expect({ clear: ops.clear, total: ops.total }).toEqual({ clear: 1, total: 1 });
  });

  it('clear with a marker: textContent = "" and the marker put back', () => {
    const a = items(N);
    const { parent, marker, ops } = setup(a, { marker: true });
    reconcileNodes(parent, a, [], marker);
    expect(children(parent)).toEqual([marker]);
    expect({ clear: ops.clear, insert: ops.insert, total: ops.total }).toEqual({ clear: 1, insert: 1, total: 2 });
  });

  it('clear next to static siblings: n removals, siblings kept', () => {
    const a = items(20);
    const { parent, ops, expected } = setup(a, { before: true, after: true });
    reconcileNodes(parent, a, [], parent.lastChild);
    expect(children(parent)).toEqual(expected([]));
    expect({ remove: ops.remove, total: ops.total }).toEqual({ remove: 20, total: 20 });
  });

  it('no change: no operation', () => {
    const a = items(N);
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, a.slice(), null);
    expect(ops.total).toBe(0);
  });

  it('update every 10th row by replacement: one removal and one insert each', () => {
    const a = items(100);
    const b = a.map((n, i) => (i % 10 === 0 ? items(1, 'new')[0]! : n));
    const { parent, ops } = setup(a);
    reconcileNodes(parent, a, b, null);
    expect(children(parent)).toEqual(b);
    expect({ insert: ops.insert, remove: ops.remove }).toEqual({ insert: 10, remove: 10 });
  });
});

describe('longestIncreasingSubsequence', () => {
  /** Length of the LIS of the non-zero entries, by O(n²) dynamic programming. */
  function lisLength(seq: number[]): number {
    const best: number[] = [];
    let max = 0;
    for (let i = 0; i < seq.length; i++) {
      if (seq[i] === 0) continue;
      best[i] = 1;
      for (let j = 0; j < i; j++) if (seq[j] !== 0 && seq[j]! < seq[i]! && best[j]! + 1 > best[i]!) best[i] = best[j]! + 1;
      max = Math.max(max, best[i]!);
    }
    return max;
  }

  it('examples', () => {
    expect(Array.from(longestIncreasingSubsequence(Int32Array.from([])))).toEqual([]);
    expect(Array.from(longestIncreasingSubsequence(Int32Array.from([0, 0])))).toEqual([]);
    expect(Array.from(longestIncreasingSubsequence(Int32Array.from([3, 1, 2])))).toEqual([1, 2]);
    expect(Array.from(longestIncreasingSubsequence(Int32Array.from([5, 4, 3, 2, 1])))).toHaveLength(1);
    expect(Array.from(longestIncreasingSubsequence(Int32Array.from([1, 0, 2, 0, 3])))).toEqual([0, 2, 4]);
  });

  it('is increasing, skips zeros, and is as long as the O(n²) answer', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { maxLength: 40 }), (seq) => {
        const out = Array.from(longestIncreasingSubsequence(Int32Array.from(seq)));
        for (let k = 0; k < out.length; k++) {
          expect(seq[out[k]!]).not.toBe(0);
          if (k > 0) {
            expect(out[k]!).toBeGreaterThan(out[k - 1]!);
            expect(seq[out[k]!]!).toBeGreaterThan(seq[out[k - 1]!]!);
          }
        }
        expect(out.length).toBe(lisLength(seq));
      }),
      { numRuns: 500 },
    );
  });
});

describe('reconcileNodes: property', () => {
  /** The fewest operations any strategy needs: removals, insertions, and moves outside an LIS. */
  function minimumOps(oldKeys: number[], newKeys: number[]): number {
    const oldIndex = new Map(oldKeys.map((k, i) => [k, i + 1]));
    const newSet = new Set(newKeys);
    const removed = oldKeys.filter((k) => !newSet.has(k)).length;
    const added = newKeys.filter((k) => !oldIndex.has(k)).length;
    const common = newKeys.filter((k) => oldIndex.has(k)).map((k) => oldIndex.get(k)!);
    const stay = longestIncreasingSubsequence(Int32Array.from(common)).length;
    return removed + added + (common.length - stay);
  }

  const keys = fc.uniqueArray(fc.nat(40), { maxLength: 30 });
  /** New keys: a shuffled mix of some old keys and some fresh ones, often with little change. */
  const scenario = keys.chain((oldKeys) =>
    fc.record({
      oldKeys: fc.constant(oldKeys),
      newKeys: fc.oneof(
        fc.uniqueArray(fc.nat(40), { maxLength: 30 }),
        fc.shuffledSubarray(oldKeys),
        fc.uniqueArray(fc.constantFrom(...(oldKeys.length ? oldKeys : [0])), { maxLength: oldKeys.length }),
        fc.tuple(fc.nat(40), fc.nat(40)).map(([i, j]) => {
          const b = oldKeys.slice();
          if (b.length > 1) [b[i % b.length], b[j % b.length]] = [b[j % b.length]!, b[i % b.length]!];
          return b;
        }),
      ),
      context: fc.record({ before: fc.boolean(), after: fc.boolean(), marker: fc.boolean() }),
    }),
  );

  it('leaves exactly the new nodes, keeps survivors, and uses the minimum number of operations', () => {
    fc.assert(
      fc.property(scenario, ({ oldKeys, newKeys, context }) => {
        const nodes = new Map<number, Node>();
        const nodeFor = (k: number) => {
          let n = nodes.get(k);
          if (n === undefined) nodes.set(k, (n = document.createElement('li')));
          return n;
        };
        const a = oldKeys.map(nodeFor);
        const survivors = new Map(oldKeys.map((k) => [k, nodes.get(k)!]));
        const b = newKeys.map(nodeFor);
        const { parent, marker, ops, expected } = setup(a, context);
        reconcileNodes(parent, a, b, context.after && !marker ? parent.lastChild : marker);
        expect(children(parent)).toEqual(expected(b));
        newKeys.forEach((k, i) => {
          if (survivors.has(k)) expect(parent.contains(survivors.get(k)!) && b[i] === survivors.get(k)).toBe(true);
        });
        const min = minimumOps(oldKeys, newKeys);
        if (ops.clear === 0) expect(ops.total).toBe(min);
        else expect(ops.total).toBeLessThanOrEqual(min);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('reconcileNodes: re-entrancy', () => {
  it('a custom element reconciling another list while being connected does not disturb this one', () => {
    const other = document.createElement('ol');
    const otherA = items(6, 'o');
    for (const n of otherA) other.appendChild(n);
    const otherB = [otherA[5]!, ...items(2, 'p'), otherA[2]!, otherA[1]!, otherA[0]!];
    let ran = 0;
    class Reentrant extends HTMLElement {
      connectedCallback() {
        if (ran++ === 0) reconcileNodes(other, otherA, otherB, null);
      }
    }
    customElements.define('x-reentrant', Reentrant);
    const a = items(6);
    const parent = document.body.appendChild(document.createElement('ul'));
    for (const n of a) parent.appendChild(n);
    const b = [a[4]!, document.createElement('x-reentrant'), a[0]!, a[3]!, items(1, 'n')[0]!, a[1]!];
    reconcileNodes(parent, a, b, null);
    expect(ran).toBe(1);
    expect(children(parent)).toEqual(b);
    expect(children(other)).toEqual(otherB);
    parent.remove();
  });
});
