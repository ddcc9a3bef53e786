/**
 * The kairo cases of the js-reactivity-benchmark (graph shapes and counts as published there),
 * plus its molBench case. One sample = `rounds` calls of the case's step function (500 at scale 1),
 * on a graph built once per library.
 */
import type { Adapter, ReadHandle } from '../adapter.js';
import { type Check, type Instance, type Workload, type WorkloadOptions, scaled, Tally } from '../workload.js';

/** Stand-in for work done inside a computation: a loop the optimiser keeps. */
let sink = 0;
function busy(): void {
  let a = 0;
  for (let i = 0; i < 100; i++) a++;
  sink ^= a;
}

function fib(n: number): number {
  return n < 2 ? 1 : fib(n - 1) + fib(n - 2);
}
const FIB16 = fib(16);
const hard = (n: number): number => n + fib(16);

interface Case {
  name: string;
  about: string;
  /** Builds the graph (inside the library's build scope) and returns one step. */
  build(lib: Adapter, t: Tally): { step: () => void; extra?: () => Check };
  /** Expected check for `rounds` steps. */
  expect(rounds: number): Check;
}

const cases: Case[] = [
  {
    name: 'avoidable',
    about: 'a chain where the 2nd memo always returns 0: the heavy memos and effect below it must not re-run',
    build(lib, t) {
      const head = lib.signal(0);
      const c1 = lib.computed(() => head.read());
      const c2 = lib.computed(() => (c1.read(), 0));
      let heavyRuns = 0;
      const c3 = lib.computed(() => {
        heavyRuns++;
        busy();
        return c2.read() + 1;
      });
      const c4 = lib.computed(() => c3.read() + 2);
      const c5 = lib.computed(() => c4.read() + 3);
      lib.effect(() => {
        c5.read();
        t.runs++;
        busy();
      });
      t.reset();
      heavyRuns = 0;
      return {
        step() {
          lib.batch(() => head.write(1));
          let v = c5.read();
          if (v !== 6) t.miss('c5 after write(1)', 6, v);
          for (let i = 0; i < 1000; i++) {
            lib.batch(() => head.write(i));
            v = c5.read();
            if (v !== 6) t.miss(`c5 after write(${i})`, 6, v);
          }
        },
        extra: () => {
          const r = { heavyRuns };
          heavyRuns = 0;
          return r;
        },
      };
    },
    expect: () => ({ runs: 0, wrong: 0, heavyRuns: 0 }),
  },
  {
    name: 'broad',
    about: 'one signal feeding 50 independent memo→memo→effect branches',
    build(lib, t) {
      const head = lib.signal(0);
      let last: ReadHandle<number> = head;
      for (let i = 0; i < 50; i++) {
        const a = lib.computed(() => head.read() + i);
        const b = lib.computed(() => a.read() + 1);
        lib.effect(() => {
          b.read();
          t.runs++;
        });
        last = b;
      }
      const end = last;
      return {
        step() {
          lib.batch(() => head.write(1));
          for (let i = 0; i < 50; i++) {
            lib.batch(() => head.write(i));
            const v = end.read();
            if (v !== i + 50) t.miss(`last branch after write(${i})`, i + 50, v);
          }
        },
      };
    },
    // every write changes the head: 51 writes x 50 effects per step
    expect: (rounds) => ({ runs: rounds * 51 * 50, wrong: 0 }),
  },
  {
    name: 'deep',
    about: 'a chain of 50 memos with one effect at the end',
    build(lib, t) {
      const head = lib.signal(0);
      let cur: ReadHandle<number> = head;
      for (let i = 0; i < 50; i++) {
        const prev = cur;
        cur = lib.computed(() => prev.read() + 1);
      }
      const end = cur;
      lib.effect(() => {
        end.read();
        t.runs++;
      });
      return {
        step() {
          lib.batch(() => head.write(1));
          for (let i = 0; i < 50; i++) {
            lib.batch(() => head.write(i));
            const v = end.read();
            if (v !== 50 + i) t.miss(`end after write(${i})`, 50 + i, v);
          }
        },
      };
    },
    expect: (rounds) => ({ runs: rounds * 51, wrong: 0 }),
  },
  {
    name: 'diamond',
    about: 'one signal, 5 memos in parallel, one memo summing them, one effect',
    build(lib, t) {
      const width = 5;
      const head = lib.signal(0);
      const mids: ReadHandle<number>[] = [];
      for (let i = 0; i < width; i++) mids.push(lib.computed(() => head.read() + 1));
      const sum = lib.computed(() => mids.map((m) => m.read()).reduce((a, b) => a + b, 0));
      lib.effect(() => {
        sum.read();
        t.runs++;
      });
      return {
        step() {
          lib.batch(() => head.write(1));
          let v = sum.read();
          if (v !== 2 * width) t.miss('sum after write(1)', 2 * width, v);
          for (let i = 0; i < 500; i++) {
            lib.batch(() => head.write(i));
            v = sum.read();
            if (v !== (i + 1) * width) t.miss(`sum after write(${i})`, (i + 1) * width, v);
          }
        },
      };
    },
    expect: (rounds) => ({ runs: rounds * 501, wrong: 0 }),
  },
  {
    name: 'triangle',
    about: 'a chain of 10 nodes, every one of them also read by a final summing memo',
    build(lib, t) {
      const width = 10;
      const head = lib.signal(0);
      let cur: ReadHandle<number> = head;
      const list: ReadHandle<number>[] = [];
      for (let i = 0; i < width; i++) {
        const prev = cur;
        list.push(cur);
        cur = lib.computed(() => prev.read() + 1);
      }
      const sum = lib.computed(() => list.map((x) => x.read()).reduce((a, b) => a + b, 0));
      lib.effect(() => {
        sum.read();
        t.runs++;
      });
      // head = h gives sum = 10h + (0 + 1 + ... + 9) = 10h + 45
      return {
        step() {
          lib.batch(() => head.write(1));
          let v = sum.read();
          if (v !== 55) t.miss('sum after write(1)', 55, v);
          for (let i = 0; i < 100; i++) {
            lib.batch(() => head.write(i));
            v = sum.read();
            if (v !== 10 * i + 45) t.miss(`sum after write(${i})`, 10 * i + 45, v);
          }
        },
      };
    },
    expect: (rounds) => ({ runs: rounds * 101, wrong: 0 }),
  },
  {
    name: 'mux',
    about: '100 signals merged into one object memo, split back into 100 memo→memo→effect branches',
    build(lib, t) {
      const heads = Array.from({ length: 100 }, () => lib.signal(0));
      const mux = lib.computed(() => Object.fromEntries(heads.map((h) => h.read()).entries()));
      const split = heads
        .map((_, index) => lib.computed(() => mux.read()[index] as number))
        .map((x) => lib.computed(() => x.read() + 1));
      for (const x of split) {
        lib.effect(() => {
          x.read();
          t.runs++;
        });
      }
      return {
        step() {
          for (let i = 0; i < 10; i++) {
            lib.batch(() => heads[i]!.write(i));
            const v = split[i]!.read();
            if (v !== i + 1) t.miss(`split[${i}] after write(${i})`, i + 1, v);
          }
          for (let i = 0; i < 10; i++) {
            lib.batch(() => heads[i]!.write(i * 2));
            const v = split[i]!.read();
            if (v !== i * 2 + 1) t.miss(`split[${i}] after write(${i * 2})`, i * 2 + 1, v);
          }
        },
      };
    },
    // heads[0] is written 0 both times (no change); heads[1..9] change twice per step
    expect: (rounds) => ({ runs: rounds * 18, wrong: 0 }),
  },
  {
    name: 'repeated',
    about: 'one memo reading the same signal 30 times, one effect',
    build(lib, t) {
      const size = 30;
      const head = lib.signal(0);
      const cur = lib.computed(() => {
        let r = 0;
        for (let i = 0; i < size; i++) r += head.read();
        return r;
      });
      lib.effect(() => {
        cur.read();
        t.runs++;
      });
      return {
        step() {
          lib.batch(() => head.write(1));
          let v = cur.read();
          if (v !== size) t.miss('memo after write(1)', size, v);
          for (let i = 0; i < 100; i++) {
            lib.batch(() => head.write(i));
            v = cur.read();
            if (v !== i * size) t.miss(`memo after write(${i})`, i * size, v);
          }
        },
      };
    },
    expect: (rounds) => ({ runs: rounds * 101, wrong: 0 }),
  },
  {
    name: 'unstable',
    about: 'a memo whose dependencies flip between two memos on every write (parity of the head)',
    build(lib, t) {
      const head = lib.signal(0);
      const double = lib.computed(() => head.read() * 2);
      const inverse = lib.computed(() => -head.read());
      const cur = lib.computed(() => {
        let r = 0;
        for (let i = 0; i < 20; i++) r += head.read() % 2 ? double.read() : inverse.read();
        return r;
      });
      lib.effect(() => {
        cur.read();
        t.runs++;
      });
      const want = (h: number): number => (h % 2 ? 40 * h : -20 * h);
      return {
        step() {
          lib.batch(() => head.write(1));
          let v = cur.read();
          if (v !== 40) t.miss('memo after write(1)', 40, v);
          for (let i = 0; i < 100; i++) {
            lib.batch(() => head.write(i));
            v = cur.read();
            if (v !== want(i)) t.miss(`memo after write(${i})`, want(i), v);
          }
        },
      };
    },
    expect: (rounds) => ({ runs: rounds * 101, wrong: 0 }),
  },
  {
    name: 'mol',
    about: "molBench: two signals, memos of mixed cost (fib(16)) and object identity, three effects",
    build(lib, t) {
      const numbers = [0, 1, 2, 3, 4];
      let pushed = 0; // sum of every value the effects push
      let jRuns = 0;
      const res: number[] = [];
      const push = (v: number): void => {
        res.push(v);
        pushed += v;
      };
      const A = lib.signal(0);
      const B = lib.signal(0);
      const C = lib.computed(() => (A.read() % 2) + (B.read() % 2));
      const D = lib.computed(() => numbers.map((i) => ({ x: i + (A.read() % 2) - (B.read() % 2) })));
      const E = lib.computed(() => hard(C.read() + A.read() + D.read()[0]!.x));
      const F = lib.computed(() => hard(D.read()[2]!.x || B.read()));
      const G = lib.computed(() => C.read() + (C.read() || E.read() % 2) + D.read()[4]!.x + F.read());
      lib.effect(() => {
        push(hard(G.read()));
        t.runs++;
      });
      lib.effect(() => {
        push(G.read());
        t.runs++;
      });
      lib.effect(() => {
        push(hard(F.read()));
        jRuns++;
      });
      t.reset();
      pushed = 0;
      jRuns = 0;
      let i = 0;
      return {
        step() {
          i++;
          res.length = 0;
          lib.batch(() => {
            B.write(1);
            A.write(1 + i * 2);
          });
          lib.batch(() => {
            A.write(2 + i * 2);
            B.write(2);
          });
        },
        extra: () => {
          const r = { pushed, jRuns };
          pushed = 0;
          jRuns = 0;
          return r;
        },
      };
    },
    // Per step G goes 1604 → 1607 → 1604 (F stays hard(2) = 1599): H and I run twice each,
    // pushing hard(1607), 1607, hard(1604), 1604; J never re-runs.
    expect: (rounds) => ({
      runs: rounds * 4,
      wrong: 0,
      pushed: rounds * (1607 + FIB16 + 1607 + 1604 + FIB16 + 1604),
      jRuns: 0,
    }),
  },
];

export function workloads({ scale }: WorkloadOptions): Workload[] {
  const rounds = scaled(500, scale);
  return cases.map(
    (c): Workload => ({
      id: `kairo/${c.name}`,
      about: c.about,
      oracle: () => c.expect(rounds),
      setup(lib): Instance {
        const t = new Tally();
        const built = lib.build(() => c.build(lib, t));
        const { step, extra } = built.value;
        return {
          sample() {
            t.reset();
            extra?.();
            const t0 = performance.now();
            for (let r = 0; r < rounds; r++) step();
            const ms = performance.now() - t0;
            const check = t.fields();
            if (extra) Object.assign(check, extra());
            if (sink === 0.5) check.sink = sink; // keeps `busy` observable
            return { ms, check };
          },
          dispose: () => built.dispose(),
        };
      },
    }),
  );
}
