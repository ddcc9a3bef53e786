/**
 * The large dynamic-graph cases of js-reactivity-benchmark (from Reactively's benchmark): a
 * rectangular grid of `width` signals and `layers - 1` rows of memos, each memo summing
 * `nSources` neighbours of the row above; a fraction of them are dynamic (they skip one source
 * depending on the parity of the first). One effect reads a `readFraction` of the last row.
 * One sample = `iterations` rounds of (write one signal in a batch, read the watched leaves).
 * The graph is built once per library; shapes, seeds and counts are the published ones.
 */
import type { Adapter, ReadHandle, SignalHandle } from '../adapter.js';
import { seededRandom } from '../prng.js';
import type { Check, Instance, Workload, WorkloadOptions } from '../workload.js';
import { scaled } from '../workload.js';

interface Config {
  width: number;
  layers: number;
  staticFraction: number;
  nSources: number;
  readFraction: number;
  iterations: number;
  /** Published results for one run at the published iteration count. */
  published: { sum: number; count: number };
}

const configs: Config[] = [
  { width: 10, layers: 5, staticFraction: 1, nSources: 2, readFraction: 0.2, iterations: 600000, published: { sum: 19199968, count: 3480000 } },
  { width: 10, layers: 10, staticFraction: 3 / 4, nSources: 6, readFraction: 0.2, iterations: 15000, published: { sum: 302310782860, count: 1155000 } },
  { width: 1000, layers: 12, staticFraction: 0.95, nSources: 4, readFraction: 1, iterations: 7000, published: { sum: 29355933696000, count: 1463000 } },
  { width: 1000, layers: 5, staticFraction: 1, nSources: 25, readFraction: 1, iterations: 3000, published: { sum: 1171484375000, count: 732000 } },
  { width: 5, layers: 500, staticFraction: 1, nSources: 3, readFraction: 1, iterations: 500, published: { sum: 3.0239642676898464e241, count: 1246500 } },
  { width: 100, layers: 15, staticFraction: 0.5, nSources: 6, readFraction: 1, iterations: 2000, published: { sum: 15664996402790400, count: 1078000 } },
];

const pct = (f: number): number => Math.round(f * 100);

function title(c: Config): string {
  const dyn = c.staticFraction < 1 ? `-dyn${pct(1 - c.staticFraction)}` : '';
  const lazy = c.readFraction < 1 ? `-lazy${pct(1 - c.readFraction)}` : '';
  return `${c.nSources}-${c.width}x${c.layers}${dyn}${lazy}`;
}

/**
 * The graph's shape, independent of any library: for every memo, its sources (indices into
 * the row above) and whether it is dynamic; and which leaves the effect watches.
 */
interface Shape {
  rows: { sources: number[]; dynamic: boolean }[][];
  watched: number[];
}

function shape(c: Config): Shape {
  const random = seededRandom();
  const rows: Shape['rows'] = [];
  for (let l = 0; l < c.layers - 1; l++) {
    const row: Shape['rows'][number] = [];
    for (let i = 0; i < c.width; i++) {
      const sources: number[] = [];
      for (let k = 0; k < c.nSources; k++) sources.push((i + k) % c.width);
      row.push({ sources, dynamic: !(random() < c.staticFraction) });
    }
    rows.push(row);
  }
  // Drop leaves at random until a readFraction of them is left (order kept).
  const pick = seededRandom();
  const watched = Array.from({ length: c.width }, (_, i) => i);
  const drop = Math.round(c.width * (1 - c.readFraction));
  for (let i = 0; i < drop; i++) watched.splice(Math.floor(pick() * watched.length), 1);
  return { rows, watched };
}

/** Value of one memo from the values of the row above (the same arithmetic as the memos). */
function evaluate(node: { sources: number[]; dynamic: boolean }, above: number[]): number {
  const src = node.sources;
  if (!node.dynamic) {
    let sum = 0;
    for (let k = 0; k < src.length; k++) sum += above[src[k]!]!;
    return sum;
  }
  let sum = above[src[0]!]!;
  const tail = src.length - 1;
  const drop = sum & 1;
  const dropAt = sum % tail;
  for (let k = 0; k < tail; k++) {
    if (drop && k === dropAt) continue;
    sum += above[src[k + 1]!]!;
  }
  return sum;
}

/** The sum of the watched leaves after `iterations` rounds, computed without a library. */
function plainSum(c: Config, s: Shape, iterations: number): number {
  // Only the last value written to each signal matters: memos are pure functions of signals.
  let values = Array.from({ length: c.width }, (_, i) => i);
  for (let src = 0; src < c.width; src++) {
    let last = -1;
    for (let i = src; i < iterations; i += c.width) last = i;
    if (last >= 0) values[src] = last + src;
  }
  for (const row of s.rows) values = row.map((node) => evaluate(node, values));
  return s.watched.reduce((total, leaf) => values[leaf]! + total, 0);
}

function dynamicCase(c: Config, scale: number): Workload {
  const iterations = scaled(c.iterations, scale);
  let cachedShape: Shape | undefined;
  const getShape = (): Shape => (cachedShape ??= shape(c));
  return {
    id: `dynamic/${title(c)}`,
    about:
      `${c.width} signals, ${c.layers - 1} rows of ${c.width} memos with ${c.nSources} sources each` +
      (c.staticFraction < 1 ? `, ${pct(1 - c.staticFraction)}% dynamic` : '') +
      `, effect reads ${pct(c.readFraction)}% of the leaves; ${c.iterations} writes`,
    oracle(lib: Adapter): Check {
      const sum = plainSum(c, getShape(), iterations);
      if (iterations === c.iterations && sum !== c.published.sum) {
        throw new Error(`${title(c)}: harness graph gives sum ${sum}, published ${c.published.sum}`);
      }
      const out: Check = { sum };
      // Pull counts are only defined for lazy memos (or when every leaf is read anyway).
      if (iterations === c.iterations && (lib.lazyMemos || c.readFraction === 1)) out.count = c.published.count;
      return out;
    },
    setup(lib: Adapter): Instance {
      const s = getShape();
      const counter = { count: 0, effectRuns: 0 };
      const built = lib.build(() => {
        const sources: SignalHandle<number>[] = Array.from({ length: c.width }, (_, i) => lib.signal(i));
        let above: ReadHandle<number>[] = sources;
        for (const row of s.rows) {
          const prev = above;
          above = row.map((node): ReadHandle<number> => {
            const mine = node.sources.map((k) => prev[k]!);
            if (!node.dynamic) {
              return lib.computed(() => {
                counter.count++;
                let sum = 0;
                for (const src of mine) sum += src.read();
                return sum;
              });
            }
            const first = mine[0]!;
            const tail = mine.slice(1);
            return lib.computed(() => {
              counter.count++;
              let sum = first.read();
              const drop = sum & 1;
              const dropAt = sum % tail.length;
              for (let k = 0; k < tail.length; k++) {
                if (drop && k === dropAt) continue;
                sum += tail[k]!.read();
              }
              return sum;
            });
          });
        }
        const leaves = s.watched.map((i) => above[i]!);
        lib.effect(() => {
          for (const leaf of leaves) leaf.read();
          counter.effectRuns++;
        });
        return { sources, leaves };
      });
      const { sources, leaves } = built.value;
      const width = c.width;
      const runOnce = (): number => {
        for (let i = 0; i < iterations; i++) {
          lib.batch(() => {
            const k = i % width;
            sources[k]!.write(i + k);
          });
          for (const leaf of leaves) leaf.read();
        }
        return leaves.reduce((total, leaf) => leaf.read() + total, 0);
      };
      // One untimed run first: from the second run on, every run does the same work (the
      // published counts are for such a run).
      runOnce();
      return {
        sample() {
          counter.count = 0;
          counter.effectRuns = 0;
          const t0 = performance.now();
          const sum = runOnce();
          const ms = performance.now() - t0;
          // effectRuns has no oracle: it is compared across libraries.
          const check: Check = { sum, effectRuns: counter.effectRuns };
          if (lib.lazyMemos || c.readFraction === 1) check.count = counter.count;
          return { ms, check };
        },
        dispose: () => built.dispose(),
      };
    },
  };
}

export function workloads({ scale }: WorkloadOptions): Workload[] {
  return configs.map((c) => dynamicCase(c, scale));
}
