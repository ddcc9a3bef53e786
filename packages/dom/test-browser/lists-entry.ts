/**
 * Keyed list moves in real Chromium: rows rendered through `insert` from a signal, each update
 * measured two ways — calls to the parent's DOM methods, and MutationObserver records.
 */
import { root, signal, type Setter } from '@lepta/reactive';
import { insert, template } from '@lepta/dom';

const rowTemplate = template('<tr><td class="id"></td><td><a></a></td></tr>');

let rows: HTMLElement[] = [];
let setRows: Setter<HTMLElement[]>;
let tbody: HTMLTableSectionElement;
let dispose: (() => void) | undefined;
let nextId = 1;

function makeRow(): HTMLElement {
  const tr = rowTemplate() as HTMLElement;
  const id = nextId++;
  tr.firstChild!.textContent = String(id);
  tr.dataset.id = String(id);
  return tr;
}

export interface Counts {
  insertBefore: number;
  appendChild: number;
  removeChild: number;
  textContent: number;
  /** MutationObserver: records, nodes added, nodes removed. */
  records: number;
  added: number;
  removed: number;
}

let counts: Counts;

/** Renders `n` rows into a fresh `<tbody>` (alone in it, or after a static row). */
export function setup(n: number, withSibling = false): void {
  dispose?.();
  document.body.innerHTML = '<table><tbody></tbody></table>';
  tbody = document.querySelector('tbody')!;
  if (withSibling) tbody.innerHTML = '<tr id="static"><td>static</td></tr>';
  rows = Array.from({ length: n }, makeRow);
  dispose = root((d) => {
    const [list, set] = signal(rows);
    setRows = set;
    insert(tbody, () => list(), null);
    return d;
  });
  instrument();
}

function instrument(): void {
  counts = { insertBefore: 0, appendChild: 0, removeChild: 0, textContent: 0, records: 0, added: 0, removed: 0 };
  const t = tbody as unknown as Record<string, unknown>;
  for (const name of ['insertBefore', 'appendChild', 'removeChild'] as const) {
    const original = Node.prototype[name] as (...args: unknown[]) => unknown;
    t[name] = function (this: Node, ...args: unknown[]) {
      counts[name]++;
      return original.apply(this, args);
    };
  }
  const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
  Object.defineProperty(tbody, 'textContent', {
    configurable: true,
    get() {
      return text.get!.call(this);
    },
    set(v: string) {
      counts.textContent++;
      text.set!.call(this, v);
    },
  });
}

/** Applies `change` to the row list, and returns the DOM work it took. */
function measure(change: (list: HTMLElement[]) => HTMLElement[]): Counts & { ok: boolean; sameNodes: boolean } {
  const observer = new MutationObserver(() => {});
  observer.observe(tbody, { childList: true });
  for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] = 0;
  const next = change(rows.slice());
  setRows(next);
  for (const record of observer.takeRecords()) {
    counts.records++;
    counts.added += record.addedNodes.length;
    counts.removed += record.removedNodes.length;
  }
  observer.disconnect();
  const inDom = Array.from(tbody.children).filter((el) => el.id !== 'static');
  const ok = inDom.length === next.length && inDom.every((el, i) => el === next[i]);
  const survivors = rows.filter((r) => next.includes(r));
  const sameNodes = survivors.every((r) => r.isConnected);
  rows = next;
  return { ...counts, ok, sameNodes };
}

export const cases: Record<string, (list: HTMLElement[]) => HTMLElement[]> = {
  append: (l) => [...l, ...Array.from({ length: 10 }, makeRow)],
  prepend: (l) => [...Array.from({ length: 10 }, makeRow), ...l],
  removeOne: (l) => l.filter((_, i) => i !== 500),
  swap: (l) => {
    [l[1], l[998]] = [l[998]!, l[1]!];
    return l;
  },
  reverse: (l) => l.reverse(),
  replaceAll: (l) => Array.from({ length: l.length }, makeRow),
  clear: () => [],
  moveOne: (l) => {
    const [r] = l.splice(10, 1);
    l.splice(700, 0, r!);
    return l;
  },
};

export function run(name: string) {
  return measure(cases[name]!);
}

/** Swap, then check the two rows are the very same element objects, moved. */
export function swapIdentity(): boolean {
  const a = rows[1]!;
  const b = rows[998]!;
  measure(cases.swap!);
  return tbody.children[1] === b && tbody.children[998] === a;
}
