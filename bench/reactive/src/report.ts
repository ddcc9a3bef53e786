/** Medians, spreads, ratios and the printed tables. */
import type { WorkloadResult } from './runner.js';
import { geomean, median, spread } from '@lepta/bench-stats';

export { geomean, median, spread };




const pad = (s: string, n: number): string => s.padStart(n);
const padEnd = (s: string, n: number): string => s.padEnd(n);

function ms(x: number): string {
  if (!Number.isFinite(x)) return '-';
  return x >= 100 ? x.toFixed(1) : x >= 10 ? x.toFixed(2) : x.toFixed(3);
}

/** Median ms of `lib` on a workload, or undefined if it failed or did not run. */
export function medianOf(w: WorkloadResult, lib: string): number | undefined {
  const r = w.results.find((x) => x.lib.id === lib);
  if (r === undefined || r.failed || r.times.length === 0) return undefined;
  return median(r.times);
}

export function timeTable(rows: WorkloadResult[], libs: string[]): string {
  const nameW = Math.max(8, ...rows.map((r) => r.id.length));
  const colW = 16;
  const out: string[] = [];
  out.push(padEnd('workload', nameW) + libs.map((l) => pad(l, colW)).join(''));
  for (const w of rows) {
    let line = padEnd(w.id, nameW);
    for (const lib of libs) {
      const r = w.results.find((x) => x.lib.id === lib);
      let cell: string;
      if (r === undefined) cell = '-';
      else if (r.failed) cell = r.times.length ? `${ms(median(r.times))} WRONG` : 'FAILED';
      else cell = `${ms(median(r.times))} ±${Math.round(spread(r.times) * 100)}%`;
      line += pad(cell, colW);
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Ratio of each library's median to the reference library's median, per workload and geomean. */
export function ratioTable(rows: WorkloadResult[], libs: string[], ref: string): string {
  const others = libs.filter((l) => l !== ref);
  const nameW = Math.max(8, ...rows.map((r) => r.id.length));
  const colW = 10;
  const out: string[] = [];
  out.push(padEnd('workload', nameW) + others.map((l) => pad(l, colW)).join(''));
  const logs = new Map<string, number[]>(others.map((l) => [l, []]));
  for (const w of rows) {
    const base = medianOf(w, ref);
    let line = padEnd(w.id, nameW);
    for (const lib of others) {
      const m = medianOf(w, lib);
      if (base === undefined || m === undefined) {
        line += pad('-', colW);
        continue;
      }
      logs.get(lib)!.push(m / base);
      line += pad((m / base).toFixed(3), colW);
    }
    out.push(line);
  }
  out.push(padEnd('geomean', nameW) + others.map((l) => pad(geomean(logs.get(l)!).toFixed(3), colW)).join(''));
  return out.join('\n');
}
