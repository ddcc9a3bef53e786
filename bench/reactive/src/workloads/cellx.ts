/**
 * The cellx benchmark as run by js-reactivity-benchmark: `layers` layers of four memos, each
 * layer computed from the one before, every memo watched by its own effect. One sample builds
 * a fresh graph (untimed), then times one batch writing all four sources plus reading the last
 * layer before and after; the graph is disposed (untimed).
 */
import type { Adapter, ReadHandle, SignalHandle } from '../adapter.js';
import type { Check, Instance, Workload } from '../workload.js';

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

function cellx(layers: number): Workload {
  return {
    id: `cellx/${layers >= 1000 && layers % 1000 === 0 ? `${layers / 1000}k` : layers}`,
    about: `${layers} layers x 4 memos, an effect on every memo; time one batch of 4 writes plus reads`,
    oracle(): Check {
      const before = simulate(layers, INITIAL).end;
      const after = simulate(layers, WRITTEN);
      return {
        before: before.join(','),
        after: after.end.join(','),
        effectRuns: after.changed(INITIAL),
      };
    },
    setup(lib: Adapter): Instance {
      return {
        sample() {
          let runs = 0;
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
                runs++;
              });
              lib.effect(() => {
                s.b.read();
                runs++;
              });
              lib.effect(() => {
                s.c.read();
                runs++;
              });
              lib.effect(() => {
                s.d.read();
                runs++;
              });
              layer = s;
            }
            return { start, end: layer };
          });
          const { start, end } = built.value;
          runs = 0;

          const t0 = performance.now();
          const before = [end.a.read(), end.b.read(), end.c.read(), end.d.read()];
          lib.batch(() => {
            start.a.write(WRITTEN[0]);
            start.b.write(WRITTEN[1]);
            start.c.write(WRITTEN[2]);
            start.d.write(WRITTEN[3]);
          });
          const after = [end.a.read(), end.b.read(), end.c.read(), end.d.read()];
          const ms = performance.now() - t0;

          built.dispose();
          return { ms, check: { before: before.join(','), after: after.join(','), effectRuns: runs } };
        },
        dispose() {},
      };
    },
  };
}

export function workloads(): Workload[] {
  return [cellx(1000), cellx(10000)];
}
