/**
 * Runs one workload on every library, interleaved: each round samples every library once, in an
 * order rotated every round, with a full GC before each sample. Warm-up rounds run first and are
 * neither timed nor checked. Timed samples are checked against the workload's oracle here, and
 * across libraries by the caller.
 */
import type { Adapter } from './adapter.js';
import type { Check, Instance, Workload } from './workload.js';

export interface RunOptions {
  warmup: number;
  samples: number;
}

export interface Failure {
  workload: string;
  lib: string;
  what: string;
}

export interface LibResult {
  lib: Adapter;
  times: number[];
  /** The check of the first timed sample (later samples must repeat it). */
  check?: Check;
  /** Set when the library threw or gave a wrong answer. */
  failed: boolean;
}

export interface WorkloadResult {
  id: string;
  results: LibResult[];
  failures: Failure[];
}

const collect = (): void => {
  globalThis.gc?.();
};

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

export function formatValue(v: number | string | undefined): string {
  return v === undefined ? '(missing)' : typeof v === 'string' ? v : String(v);
}

/**
 * `copies[i]` is library i's own copy of the workload (same id, separate module instance).
 */
export function runWorkload(copies: { lib: Adapter; workload: Workload }[], options: RunOptions): WorkloadResult {
  const id = copies[0]!.workload.id;
  const failures: Failure[] = [];
  const fail = (lib: Adapter, what: string): void => {
    failures.push({ workload: id, lib: lib.id, what });
  };

  const live: { lib: Adapter; workload: Workload; instance?: Instance; result: LibResult }[] = copies.map((c) => ({
    ...c,
    result: { lib: c.lib, times: [], failed: false },
  }));

  for (const l of live) {
    try {
      l.instance = l.workload.setup(l.lib);
    } catch (err) {
      l.result.failed = true;
      fail(l.lib, `setup threw ${describe(err)}`);
    }
  }

  const oracles = new Map<Adapter, Check | undefined>();
  for (const l of live) oracles.set(l.lib, l.workload.oracle?.(l.lib));

  const rounds = options.warmup + options.samples;
  for (let round = 0; round < rounds; round++) {
    const timed = round >= options.warmup;
    for (let k = 0; k < live.length; k++) {
      const l = live[(k + round) % live.length]!;
      if (l.instance === undefined || l.result.failed) continue;
      collect();
      let sample;
      try {
        sample = l.instance.sample();
      } catch (err) {
        l.result.failed = true;
        fail(l.lib, `${timed ? 'sample' : 'warm-up'} threw ${describe(err)}`);
        continue;
      }
      if (!timed) continue;
      l.result.times.push(sample.ms);
      const check = sample.check;
      if (l.result.check === undefined) {
        l.result.check = check;
        const oracle = oracles.get(l.lib);
        if (oracle) {
          for (const key of Object.keys(oracle)) {
            if (check[key] !== oracle[key]) {
              l.result.failed = true;
              fail(l.lib, `${key}: expected ${formatValue(oracle[key])}, got ${formatValue(check[key])}`);
            }
          }
        }
      } else {
        for (const key of new Set([...Object.keys(check), ...Object.keys(l.result.check)])) {
          if (check[key] !== l.result.check[key]) {
            l.result.failed = true;
            fail(l.lib, `${key} changed between samples: ${formatValue(l.result.check[key])} then ${formatValue(check[key])}`);
          }
        }
      }
    }
  }

  for (const l of live) {
    try {
      l.instance?.dispose();
    } catch (err) {
      l.result.failed = true;
      fail(l.lib, `dispose threw ${describe(err)}`);
    }
    l.instance = undefined;
  }
  collect();

  const results = live.map((l) => l.result);
  crossCheck(results, oracles, fail);
  return { id, results, failures };
}

/**
 * Fields no oracle covers: every library reporting the field must agree with the value most
 * libraries reported; on a tie every library is flagged.
 */
function crossCheck(
  results: LibResult[],
  oracles: Map<Adapter, Check | undefined>,
  fail: (lib: Adapter, what: string) => void,
): void {
  const fields = new Set<string>();
  for (const r of results) {
    if (r.check === undefined) continue;
    const oracle = oracles.get(r.lib);
    for (const key of Object.keys(r.check)) if (oracle === undefined || !(key in oracle)) fields.add(key);
  }
  for (const key of fields) {
    const votes = new Map<string, LibResult[]>();
    for (const r of results) {
      if (r.check === undefined || !(key in r.check)) continue;
      const v = formatValue(r.check[key]);
      votes.set(v, [...(votes.get(v) ?? []), r]);
    }
    if (votes.size <= 1) continue;
    const ranked = [...votes.entries()].sort((a, b) => b[1].length - a[1].length);
    const [majority, voters] = ranked[0]!;
    const tie = ranked[1]![1].length === voters.length;
    for (const [value, libs] of ranked.slice(tie ? 0 : 1)) {
      for (const r of libs) {
        r.failed = true;
        const others = ranked
          .filter(([v]) => v !== value)
          .map(([v, ls]) => `${v} (${ls.map((x) => x.lib.id).join(', ')})`)
          .join('; ');
        fail(r.lib, tie ? `${key}: libraries disagree: ${value} here, ${others}` : `${key}: expected ${majority} (as ${voters.map((x) => x.lib.id).join(', ')}), got ${value}`);
      }
    }
  }
}
