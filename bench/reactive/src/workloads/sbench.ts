/**
 * Creation and update cases of js-reactivity-benchmark (after S.js's benchmark, COUNT = 100,000).
 * Each sample runs every sub-case once on fresh signals and adds up their times; a sub-case's
 * time covers creating its computations, running its updates and disposing the scope, as in the
 * public benchmark. Creating the input signals (and reading them 3 times) is not timed.
 */
import type { Adapter, SignalHandle } from '../adapter.js';
import type { Check, Instance, Workload, WorkloadOptions } from '../workload.js';
import { scaled } from '../workload.js';

type Kind = 'effect' | 'memo';
type Sources = SignalHandle<number>[];

interface Ctx {
  lib: Adapter;
  kind: Kind;
  /** Runs of every effect / memo body created by the sub-case. */
  runs: number;
}

/** A computation reading `body`: an effect, or a memo that is read once right after creation. */
function computation(ctx: Ctx, body: () => number): void {
  if (ctx.kind === 'effect') {
    ctx.lib.effect(() => {
      body();
      ctx.runs++;
    });
  } else {
    const m = ctx.lib.computed(() => {
      ctx.runs++;
      return body();
    });
    m.read();
  }
}

interface SubCase {
  name: string;
  /** how many computations to create / writes to make */
  n: number;
  /** how many signals it needs */
  signals: number;
  /** creates computations; returns the update to run after (or nothing) */
  run(ctx: Ctx, n: number, s: Sources): (() => void) | void;
  /** expected body runs */
  runs(n: number): number;
}

const one = (ctx: Ctx, get: () => number): void => computation(ctx, () => get());

function createCases(count: number): SubCase[] {
  const fanOut = (name: string, per: number, n: number): SubCase => ({
    name,
    n,
    signals: Math.ceil(n / per),
    run(ctx, n, s) {
      for (let i = 0; i < n / per; i++) {
        const get = s[i]!.read;
        for (let j = 0; j < per; j++) one(ctx, get);
      }
    },
    runs: (n) => Math.ceil(n / per) * per,
  });
  return [
    {
      name: '0to1',
      n: count,
      signals: 0,
      run(ctx, n) {
        for (let i = 0; i < n; i++) {
          const k = i;
          computation(ctx, () => k);
        }
      },
      runs: (n) => n,
    },
    {
      name: '1to1',
      n: count,
      signals: count,
      run(ctx, n, s) {
        for (let i = 0; i < n; i++) one(ctx, s[i]!.read);
      },
      runs: (n) => n,
    },
    {
      name: '2to1',
      n: count / 2,
      signals: count,
      run(ctx, n, s) {
        for (let i = 0; i < n; i++) {
          const a = s[i * 2]!.read;
          const b = s[i * 2 + 1]!.read;
          computation(ctx, () => a() + b());
        }
      },
      runs: (n) => n,
    },
    {
      name: '4to1',
      n: count / 4,
      signals: count,
      run(ctx, n, s) {
        for (let i = 0; i < n; i++) {
          const a = s[i * 4]!.read;
          const b = s[i * 4 + 1]!.read;
          const c = s[i * 4 + 2]!.read;
          const d = s[i * 4 + 3]!.read;
          computation(ctx, () => a() + b() + c() + d());
        }
      },
      runs: (n) => n,
    },
    {
      // only n / 100 computations of this one, as in the public benchmark
      name: '1000to1',
      n: count / 1000,
      signals: count,
      run(ctx, n, s) {
        for (let i = 0; i < n; i++) {
          const offset = i * 1000;
          computation(ctx, () => {
            let sum = 0;
            for (let k = 0; k < 1000; k++) sum += s[offset + k]!.read();
            return sum;
          });
        }
      },
      runs: (n) => n,
    },
    fanOut('1to2', 2, count),
    fanOut('1to4', 4, count),
    fanOut('1to8', 8, count),
    fanOut('1to1000', 1000, count),
  ];
}

function updateCases(count: number): SubCase[] {
  // effect(s) over the first signal(s); then `writes` batched writes to the first signal.
  // The signal starts at 0 and the first write is 0 (no change): each effect runs `writes` times.
  const update = (name: string, writes: number, inputs: number, effects: number): SubCase => ({
    name,
    n: writes,
    signals: Math.max(inputs, 1),
    run(ctx, n, s) {
      const [a, b, c, d] = [s[0]!.read, s[1]?.read, s[2]?.read, s[3]?.read];
      for (let e = 0; e < effects; e++) {
        if (inputs === 1) computation(ctx, () => a());
        else if (inputs === 2) computation(ctx, () => a() + b!());
        else if (inputs === 4) computation(ctx, () => a() + b!() + c!() + d!());
        else {
          computation(ctx, () => {
            let sum = 0;
            for (let k = 0; k < inputs; k++) sum += s[k]!.read();
            return sum;
          });
        }
      }
      const { lib } = ctx;
      const set = s[0]!.write;
      return () => {
        for (let i = 0; i < n; i++) lib.batch(() => set(i));
      };
    },
    runs: (n) => n * effects,
  });
  return [
    update('1to1', count * 4, 1, 1),
    update('2to1', count * 2, 2, 1),
    update('4to1', count, 4, 1),
    update('1000to1', count / 250, 1000, 1),
    update('1to2', count, 1, 2),
    update('1to4', count, 1, 4),
    update('1to1000', count / 10, 1, 1000),
  ];
}

function createSignalsCase(count: number): SubCase {
  return {
    name: 'signals',
    n: count,
    signals: count,
    run(ctx, n, s) {
      for (let i = 0; i < n; i++) s[i] = ctx.lib.signal(i);
    },
    runs: () => 0,
  };
}

function suite(id: string, about: string, kind: Kind, cases: SubCase[]): Workload {
  return {
    id,
    about,
    oracle(): Check {
      const out: Check = {};
      for (const c of cases) out[c.name] = Math.floor(c.runs(Math.floor(c.n)));
      return out;
    },
    setup(lib: Adapter): Instance {
      const ctx: Ctx = { lib, kind, runs: 0 };
      return {
        sample() {
          let ms = 0;
          const check: Check = {};
          for (const c of cases) {
            const n = Math.floor(c.n);
            globalThis.gc?.();
            let sources: Sources = [];
            let t0 = 0;
            ctx.runs = 0;
            const built = lib.build(() => {
              for (let i = 0; i < c.signals; i++) sources[i] = lib.signal(i);
              for (let i = 0; i < c.signals; i++) {
                sources[i]!.read();
                sources[i]!.read();
                sources[i]!.read();
              }
              t0 = performance.now();
              return c.run(ctx, n, sources);
            });
            const update = built.value;
            if (update) update();
            sources = [];
            built.dispose();
            ms += performance.now() - t0;
            check[c.name] = ctx.runs;
          }
          return { ms, check };
        },
        dispose() {},
      };
    },
  };
}

export function workloads({ scale }: WorkloadOptions): Workload[] {
  // Keep COUNT a multiple of 1000 so every sub-case's shape divides evenly.
  const count = Math.max(1000, Math.round((100_000 * scale) / 1000) * 1000);
  return [
    suite('create/signals', `create ${count} signals (and dispose the scope)`, 'effect', [createSignalsCase(count)]),
    suite(
      'create/effects',
      `create effects over ${count} signals: 0→1, 1→1, 2→1, 4→1, 1000→1, 1→2, 1→4, 1→8, 1→1000 sources→effects`,
      'effect',
      createCases(count),
    ),
    suite(
      'create/memos',
      'the same shapes with memos instead of effects, each read once after creation (not in the public suite)',
      'memo',
      createCases(count),
    ),
    suite(
      'update/signals',
      `batched writes to one signal watched by effects: 1→1 (${count * 4}), 2→1, 4→1, 1000→1, 1→2, 1→4, 1→1000 (${count / 10})`,
      'effect',
      updateCases(count),
    ),
  ];
}
