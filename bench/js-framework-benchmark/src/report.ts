/** Medians, ratios and the printed table. */
import type { ImplId } from './paths.js';
import type { Op } from './ops.js';
import { geomean, median, spread } from '@lepta/bench-stats';

export { geomean, median, spread };




export interface Sample {
  total: number;
  script: number;
  paint: number;
  commits: number;
}

export interface Cell {
  samples: Sample[];
  failure?: string;
}

export type Results = Map<string, Map<ImplId, Cell>>;

export interface Medians {
  total: number;
  script: number;
  paint: number;
}

export function mediansOf(cell: Cell | undefined): Medians | undefined {
  if (cell === undefined || cell.failure !== undefined || cell.samples.length === 0) return undefined;
  return {
    total: median(cell.samples.map((s) => s.total)),
    script: median(cell.samples.map((s) => s.script)),
    paint: median(cell.samples.map((s) => s.paint)),
  };
}

/** Geometric mean over ops of impl median / reference median, or undefined if any op is missing. */
export function ratio(results: Results, ops: readonly Op[], impl: ImplId, ref: ImplId, key: 'total' | 'script'): number | undefined {
  const rs: number[] = [];
  for (const op of ops) {
    const a = mediansOf(results.get(op.id)?.get(impl));
    const b = mediansOf(results.get(op.id)?.get(ref));
    if (a === undefined || b === undefined) return undefined;
    rs.push(a[key] / b[key]);
  }
  return geomean(rs);
}

const fmt = (x: number): string => (!Number.isFinite(x) ? '-' : x >= 100 ? x.toFixed(1) : x >= 10 ? x.toFixed(2) : x.toFixed(3));
const fr = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(3));

/**
 * One line per op: per implementation the median total and script (ms, ± the total's median
 * absolute deviation in %), and for each non-reference implementation the ratios to the reference.
 */
export function table(results: Results, ops: readonly Op[], impls: readonly ImplId[], ref: ImplId | undefined): string {
  const nameW = Math.max(...ops.map((o) => `${o.id} ${o.label}`.length), 8) + 2;
  const cols: Array<{ head: string; width: number; cell: (op: Op) => string }> = [];
  for (const impl of impls) {
    cols.push({
      head: `${impl} total`,
      width: 15,
      cell: (op) => {
        const c = results.get(op.id)?.get(impl);
        if (c?.failure !== undefined) return 'FAILED';
        const m = mediansOf(c);
        return m ? `${fmt(m.total)} ±${Math.round(spread(c!.samples.map((s) => s.total)) * 100)}%` : '-';
      },
    });
    cols.push({ head: 'script', width: 9, cell: (op) => fmt(mediansOf(results.get(op.id)?.get(impl))?.script ?? NaN) });
    if (ref !== undefined && impl !== ref) {
      const r = (op: Op, key: 'total' | 'script'): string => {
        const a = mediansOf(results.get(op.id)?.get(impl));
        const b = mediansOf(results.get(op.id)?.get(ref));
        return a && b ? fr(a[key] / b[key]) : '-';
      };
      cols.push({ head: '×total', width: 8, cell: (op) => r(op, 'total') });
      cols.push({ head: '×script', width: 9, cell: (op) => r(op, 'script') });
    }
  }
  const lines: string[] = [];
  lines.push('op'.padEnd(nameW) + cols.map((c) => c.head.padStart(c.width)).join(''));
  for (const op of ops) lines.push(`${op.id} ${op.label}`.padEnd(nameW) + cols.map((c) => c.cell(op).padStart(c.width)).join(''));
  if (ref !== undefined && impls.length > 1) {
    let line = `geomean of ratios to ${ref}`.padEnd(nameW);
    for (const impl of impls) {
      line += ''.padStart(15 + 9);
      if (impl !== ref) line += fr(ratio(results, ops, impl, ref, 'total')).padStart(8) + fr(ratio(results, ops, impl, ref, 'script')).padStart(9);
    }
    lines.push(line);
  }
  return lines.join('\n');
}
