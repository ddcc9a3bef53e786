/**
 * The nine CPU operations of the keyed js-framework-benchmark, with the public benchmark's
 * preparation (warm-up) steps and CPU slow-down factors, and a model of the app's state that every
 * step is applied to, so the runner knows the exact table each implementation must show.
 */
import { labelSource } from '../shared/labels.js';

export interface ModelRow {
  id: number;
  label: string;
}

/** What the table must show: the same generator, ids and rules as the three apps. */
export class Model {
  rows: ModelRow[] = [];
  selectedId: number | null = null;
  private nextId = 1;
  private readonly nextLabel = labelSource();

  private build(count: number): ModelRow[] {
    const out: ModelRow[] = [];
    for (let i = 0; i < count; i++) out.push({ id: this.nextId++, label: this.nextLabel() });
    return out;
  }
  run(): void {
    this.rows = this.build(1000);
  }
  runLots(): void {
    this.rows = this.build(10000);
  }
  add(): void {
    this.rows = this.rows.concat(this.build(1000));
  }
  update(): void {
    for (let i = 0; i < this.rows.length; i += 10) this.rows[i]!.label += ' !!!';
  }
  clear(): void {
    this.rows = [];
  }
  swap(): void {
    if (this.rows.length > 998) {
      const a = this.rows[1]!;
      this.rows[1] = this.rows[998]!;
      this.rows[998] = a;
    }
  }
  /** Row `n` is 1-based, as in CSS :nth-of-type. */
  select(n: number): void {
    this.selectedId = this.row(n).id;
  }
  remove(n: number): void {
    this.row(n);
    this.rows.splice(n - 1, 1);
  }
  private row(n: number): ModelRow {
    const r = this.rows[n - 1];
    if (r === undefined) throw new Error(`the model has no row ${n} (${this.rows.length} rows)`);
    return r;
  }
}

/** One click: the element to click and what it does to the model. */
export interface Step {
  what: string;
  selector: string;
  apply(model: Model): void;
}

const btn = (id: string, apply: (m: Model) => void): Step => ({ what: `#${id}`, selector: `#${id}`, apply });
const RUN = btn('run', (m) => m.run());
const RUNLOTS = btn('runlots', (m) => m.runLots());
const ADD = btn('add', (m) => m.add());
const UPDATE = btn('update', (m) => m.update());
const CLEAR = btn('clear', (m) => m.clear());
const SWAP = btn('swaprows', (m) => m.swap());
const selectRow = (n: number): Step => ({
  what: `select row ${n}`,
  selector: `tbody>tr:nth-of-type(${n})>td:nth-of-type(2)>a`,
  apply: (m) => m.select(n),
});
const removeRow = (n: number): Step => ({
  what: `remove row ${n}`,
  selector: `tbody>tr:nth-of-type(${n})>td:nth-of-type(3)>a>span`,
  apply: (m) => m.remove(n),
});
const times = (n: number, steps: Step[]): Step[] => Array.from({ length: n }, () => steps).flat();

export interface Op {
  /** The public benchmark's id. */
  id: string;
  label: string;
  /** Untimed steps on the fresh page, each checked. */
  prepare: Step[];
  /** The timed click. */
  timed: Step;
  /** Emulation.setCPUThrottlingRate during the timed click (the public benchmark's factors). */
  slowdown: number;
}

// Warm-up counts: 5 for every operation except partial update (3), as in the public benchmark.
export const OPS: Op[] = [
  { id: '01_run1k', label: 'create 1,000 rows', prepare: times(5, [RUN, CLEAR]), timed: RUN, slowdown: 1 },
  { id: '02_replace1k', label: 'replace 1,000 rows', prepare: times(5, [RUN]), timed: RUN, slowdown: 1 },
  { id: '03_update10th1k_x16', label: 'partial update (every 10th of 1,000)', prepare: [RUN, ...times(3, [UPDATE])], timed: UPDATE, slowdown: 4 },
  { id: '04_select1k', label: 'select row', prepare: [RUN, selectRow(5)], timed: selectRow(2), slowdown: 4 },
  // 6 swaps (warm-up count + 1): the order is back to the original before the timed swap.
  { id: '05_swap1k', label: 'swap rows 2 and 999', prepare: [RUN, ...times(6, [SWAP])], timed: SWAP, slowdown: 4 },
  {
    id: '06_remove-one-1k',
    label: 'remove one row',
    prepare: [RUN, removeRow(9), removeRow(8), removeRow(7), removeRow(6), removeRow(5), removeRow(6)],
    timed: removeRow(4),
    slowdown: 2,
  },
  { id: '07_create10k', label: 'create 10,000 rows', prepare: times(5, [RUN, CLEAR]), timed: RUNLOTS, slowdown: 1 },
  { id: '08_create1k-after1k_x2', label: 'append 1,000 to 1,000 rows', prepare: [...times(5, [RUN, CLEAR]), RUN], timed: ADD, slowdown: 1 },
  { id: '09_clear1k_x8', label: 'clear 1,000 rows', prepare: [...times(5, [RUN, CLEAR]), RUN], timed: CLEAR, slowdown: 4 },
];

/** `--ops=01,swap,create10k`: ids that start with, or labels/ids that contain, a pattern. */
export function selectOps(patterns: string[]): Op[] {
  if (patterns.length === 0) return OPS;
  const hit = (op: Op, p: string): boolean => op.id.startsWith(p) || op.id.includes(p) || op.label.includes(p);
  const out = OPS.filter((op) => patterns.some((p) => hit(op, p)));
  const unmatched = patterns.filter((p) => !OPS.some((op) => hit(op, p)));
  if (unmatched.length) throw new Error(`no operation matches ${unmatched.join(', ')}; ids: ${OPS.map((o) => o.id).join(', ')}`);
  return out;
}
