/**
 * The cellx benchmark (as in js-reactivity-benchmark): `layers` layers of four memos, each layer
 * computed from the one before, every memo watched by its own effect; a batch writes all four
 * sources and the last layer is read before and after.
 *
 * Unlike the public benchmark, which times the first update of a freshly built graph once per
 * graph, the graph is built once per library and one sample times `reps` round trips (write
 * 4,3,2,1, then 1,2,3,4 back; every cell recomputes both ways). A first update on a fresh graph
 * after a full GC mostly measures V8 re-optimising code that the GC deoptimised ("weak
 * objects"), which swung single samples by 10x on this machine.
 */
import type { Adapter, ReadHandle, SignalHandle } from '../adapter.js';
import type { Check, Instance, Workload, WorkloadOptions } from '../workload.js';
import { scaled } from '../workload.js';

type Quad<H> = { a: H; b: H; c: H; d: H };
type Values = [number, number, number, number];

/** next layer from the previous one: (b, a - c, b + d, c) */
function simulate(layers: number, start: Values): { end: Values; changed: (from: Values) => number } {
  const run = (s: Values, visit?: (l: number, v: Values) => void): Values => {
    let [a, b, c, d] = s;
    for (let l = 0; l < layers; l++) {
      [a, b, c, d] = [b, a - c, b + d, c];
      visit?.(l, [a, b, c, d]);
    }
    return [a, b, c, d];
  };
  return {
    end: run(start),
    // number of layer cells whose value differs between the two source settings
    changed(from: Values) {
      const before: Values[] = [];
      run(from, (_l, v) => before.push(v));
      let n = 0;
      run(start, (l, v) => {
        for (let k = 0; k < 4; k++) if (v[k] !== before[l]![k]) n++;
      });
      return n;
    },
  };
}

const INITIAL: Values = [1, 2, 3, 4];
const WRITTEN: Values = [4, 3, 2, 1];

function cellx(layers: number, reps: number): Workload {
  return {
    id: `cellx/${layers % 1000 === 0 ? `${layers / 1000}k` : layers}`,
    about: `${layers} layers x 4 memos, an effect on every memo; ${2 * reps} batches of 4 writes, each followed by reads`,
    oracle(): Check {
      const before = simulate(layers, INITIAL).end;
      const after = simulate(layers, WRITTEN);
      return {
        before: before.join(','),
        after: after.end.join(','),
        effectRuns: 2 * reps * after.changed(INITIAL),
      };
    },
    setup(lib: Adapter): Instance {
      const counter = { runs: 0 };
      const built = lib.build(() => {
        const start: Quad<SignalHandle<number>> = {
          a: lib.signal(INITIAL[0]),
          b: lib.signal(INITIAL[1]),
          c: lib.signal(INITIAL[2]),
          d: lib.signal(INITIAL[3]),
        };
        let layer: Quad<ReadHandle<number>> = start;
        for (let i = layers; i > 0; i--) {
          const m = layer;
          const s: Quad<ReadHandle<number>> = {
            a: lib.computed(() => m.b.read()),
            b: lib.computed(() => m.a.read() - m.c.read()),
            c: lib.computed(() => m.b.read() + m.d.read()),
            d: lib.computed(() => m.c.read()),
          };
          lib.effect(() => {
            s.a.read();
            counter.runs++;
          });
          lib.effect(() => {
            s.b.read();
            counter.runs++;
          });
          lib.effect(() => {
            s.c.read();
            counter.runs++;
          });
          lib.effect(() => {
            s.d.read();
            counter.runs++;
          });
          layer = s;
        }
        return { start, end: layer };
      });
      const { start, end } = built.value;
      const write = (v: Values): void =>
        lib.batch(() => {
          start.a.write(v[0]);
          start.b.write(v[1]);
          start.c.write(v[2]);
          start.d.write(v[3]);
        });
      const readEnd = (): string => `${end.a.read()},${end.b.read()},${end.c.read()},${end.d.read()}`;
      return {
        sample() {
          counter.runs = 0;
          let before = '';
          let after = '';
          const t0 = performance.now();
          for (let r = 0; r < reps; r++) {
            before = readEnd();
            write(WRITTEN);
            after = readEnd();
            write(INITIAL);
          }
          const ms = performance.now() - t0;
          return { ms, check: { before, after, effectRuns: counter.runs } };
        },
        dispose: () => built.dispose(),
      };
    },
  };
}

export function workloads({ scale }: WorkloadOptions): Workload[] {
  const reps = scaled(5, scale);
  return [cellx(1000, reps), cellx(10000, reps)];
}
