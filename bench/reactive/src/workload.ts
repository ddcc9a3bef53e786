import type { Adapter } from './adapter.js';

/** What one library produced in one timed sample. */
export interface Sample {
  /** Milliseconds of the measured region only (set-up and tear-down are outside unless stated). */
  ms: number;
  /**
   * Observable results that every correct library must agree on: final values, effect run
   * counts, wrong reads. Compared against the workload's oracle and across libraries.
   */
  check: Check;
}

export type Check = Record<string, number | string>;

/** A library's live copy of a workload: its graph and its sampling function. */
export interface Instance {
  sample(): Sample;
  dispose(): void;
}

export interface Workload {
  /** Unique id, `group/name`, e.g. `kairo/deep`. */
  id: string;
  /** One line for `--list` and the README. */
  about: string;
  /** Prepare `lib` for sampling (untimed). */
  setup(lib: Adapter): Instance;
  /**
   * Expected check values computed without any reactive library (closed form or a plain
   * simulation). Fields not given here are compared across libraries instead.
   */
  oracle?(lib: Adapter): Check;
}

export interface WorkloadOptions {
  /** Multiplies the iteration counts (1 = the public benchmark's counts). */
  scale: number;
}

/** Every workload module exports this; main.ts loads one copy of each module per library. */
export type WorkloadModule = { workloads(options: WorkloadOptions): Workload[] };

export const scaled = (n: number, scale: number, min = 1): number =>
  Math.max(min, Math.round(n * scale));

/** Collects wrong reads inside a sample without throwing from the hot loop. */
export class Tally {
  runs = 0;
  wrong = 0;
  first = '';
  miss(what: string, expected: number, actual: unknown): void {
    if (this.wrong++ === 0) this.first = `${what}: expected ${expected}, got ${String(actual)}`;
  }
  reset(): void {
    this.runs = 0;
    this.wrong = 0;
    this.first = '';
  }
  /** The check fields for this tally: effect runs, and the first wrong read if any. */
  fields(): Check {
    return this.wrong === 0
      ? { runs: this.runs, wrong: 0 }
      : { runs: this.runs, wrong: `${this.wrong} (first: ${this.first})` };
  }
}
