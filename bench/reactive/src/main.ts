/**
 * `npm run bench:reactive`: the js-reactivity-benchmark workloads on Lepta, alien-signals,
 * @preact/signals-core and solid-js in one process. Prints a table of median times, the ratios
 * to alien-signals, and ends with `RESULT reactive <geomean of lepta/alien>`.
 * Options: see README.md or `--help`.
 */
import os from 'node:os';
import type { Adapter } from './adapter.js';
import { LIBRARY_IDS, type LibraryId, loadAdapter } from './adapters/index.js';
import { conformance } from './conformance.js';
import { geomean, medianOf, ratioTable, timeTable } from './report.js';
import { type Failure, type WorkloadResult, runWorkload } from './runner.js';
import type { Workload, WorkloadModule, WorkloadOptions } from './workload.js';

const HELP = `usage: node --expose-gc dist/main.js [options]   (or: npm run bench:reactive)

  --only=a,b       run only workloads whose id equals, starts with or contains a pattern
                   (e.g. kairo, cellx/10k, dynamic, create, update/signals)       env BENCH_ONLY
  --libs=a,b       libraries to run, of ${LIBRARY_IDS.join(', ')} (default: all)      env BENCH_LIBS
  --quick          scale 0.1, 3 samples, 1 warm-up round                            env BENCH_QUICK=1
  --scale=F        multiply iteration counts by F (1 = the public benchmark's)       env BENCH_SCALE
  --samples=N      timed samples per library per workload (overrides the defaults)   env BENCH_SAMPLES
  --warmup=N       untimed warm-up rounds per workload                                env BENCH_WARMUP
  --shared-code    run every library through one copy of the workload code (like the
                   public benchmark) instead of one copy per library                  env BENCH_SHARED_CODE=1
  --list           list the workloads and exit
  --help           this text`;

interface Options {
  only: string[];
  libs: LibraryId[];
  scale: number;
  samples?: number;
  warmup?: number;
  sharedCode: boolean;
  list: boolean;
}

/**
 * Default timed samples and warm-up rounds per library, by workload group: the whole run fits in
 * under 3 minutes on 2 cores (solid-js alone takes 1.6 s per sample of dynamic/2-10x5-lazy80).
 * Dynamic workloads also run once untimed in their set-up.
 */
const DEFAULTS: Record<string, { samples: number; warmup: number }> = {
  kairo: { samples: 7, warmup: 1 },
  cellx: { samples: 7, warmup: 1 },
  dynamic: { samples: 5, warmup: 0 },
  create: { samples: 3, warmup: 1 },
  update: { samples: 3, warmup: 1 },
};
const FALLBACK = { samples: 5, warmup: 1 };

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      console.log(HELP);
      process.exit(0);
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg} (see --help)`);
    flags.set(m[1]!, m[2] ?? 'true');
  }
  const known = ['only', 'libs', 'quick', 'scale', 'samples', 'warmup', 'shared-code', 'list'];
  for (const k of flags.keys()) if (!known.includes(k)) throw new Error(`unknown option --${k} (see --help)`);
  const get = (flag: string, envName: string): string | undefined => flags.get(flag) ?? (env[envName] || undefined);
  const truthy = (v: string | undefined): boolean => v !== undefined && v !== '0' && v !== 'false';
  const num = (v: string | undefined, what: string, integer: boolean): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new Error(`bad ${what}: ${v}`);
    return n;
  };
  const list = (v: string | undefined): string[] => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

  const quick = truthy(get('quick', 'BENCH_QUICK'));
  const libs = list(get('libs', 'BENCH_LIBS'));
  for (const l of libs) {
    if (!(LIBRARY_IDS as readonly string[]).includes(l)) throw new Error(`unknown library ${l}; known: ${LIBRARY_IDS.join(', ')}`);
  }
  const warmupText = get('warmup', 'BENCH_WARMUP');
  return {
    only: list(get('only', 'BENCH_ONLY')),
    libs: libs.length ? LIBRARY_IDS.filter((l) => libs.includes(l)) : [...LIBRARY_IDS],
    scale: num(get('scale', 'BENCH_SCALE'), 'scale', false) ?? (quick ? 0.1 : 1),
    samples: num(get('samples', 'BENCH_SAMPLES'), 'samples', true) ?? (quick ? 3 : undefined),
    warmup: warmupText === '0' ? 0 : (num(warmupText, 'warmup', true) ?? (quick ? 1 : undefined)),
    sharedCode: truthy(get('shared-code', 'BENCH_SHARED_CODE')),
    list: truthy(flags.get('list')),
  };
}

const WORKLOAD_MODULES = ['kairo', 'cellx', 'dynamic', 'sbench'];

/**
 * Loads the workload modules. With `copy` set, each library gets its own module instances (a
 * distinct URL query), so the workloads' call sites only ever see that library's functions, as
 * in an application using one library; V8's inline caches are then not shared between libraries.
 */
async function loadWorkloads(copy: string | null, options: WorkloadOptions): Promise<Workload[]> {
  const out: Workload[] = [];
  for (const name of WORKLOAD_MODULES) {
    const url = new URL(`./workloads/${name}.js`, import.meta.url);
    if (copy !== null) url.search = `lib=${copy}`;
    const mod = (await import(url.href)) as WorkloadModule;
    out.push(...mod.workloads(options));
  }
  return out;
}

function selected(id: string, only: string[]): boolean {
  if (only.length === 0) return true;
  return only.some((p) => id === p || id.startsWith(`${p}/`) || id.includes(p));
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const wopts: WorkloadOptions = { scale: options.scale };

  if (options.list) {
    for (const w of await loadWorkloads(null, wopts)) console.log(`${w.id.padEnd(34)} ${w.about}`);
    return 0;
  }
  if (typeof globalThis.gc !== 'function') {
    console.error('error: run with node --expose-gc (the harness collects garbage between samples)');
    return 2;
  }

  const failures: Failure[] = [];
  const report = (f: Failure): void => {
    failures.push(f);
    console.error(`FAIL ${f.workload} [${f.lib}] ${f.what}`);
  };

  const adapters: Adapter[] = [];
  for (const id of options.libs) {
    try {
      adapters.push(await loadAdapter(id));
    } catch (err) {
      report({ workload: '(load)', lib: id, what: `cannot load: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  const wanted = (await loadWorkloads(null, wopts)).filter((w) => selected(w.id, options.only)).map((w) => w.id);
  if (wanted.length === 0) throw new Error(`no workload matches ${options.only.join(',')} (see --list)`);

  console.log('Reactive benchmark: js-reactivity-benchmark workloads, all libraries in one process');
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}`.trim());
  for (const a of adapters) console.log(`  ${a.id.padEnd(7)} ${a.label}`);
  const plan = Object.entries(DEFAULTS)
    .map(([g, d]) => `${g} ${options.samples ?? d.samples}+${options.warmup ?? d.warmup}`)
    .join(', ');
  console.log(
    `timed samples + warm-up rounds per library: ${plan}; ` +
      `libraries interleaved, GC before every sample; scale ${options.scale}; ` +
      `${options.sharedCode ? 'shared workload code' : 'one copy of the workload code per library'}`,
  );

  for (const a of adapters) {
    const bad = conformance(a);
    for (const what of bad) report({ workload: '(conformance)', lib: a.id, what });
  }
  console.log(`conformance: ${adapters.map((a) => `${a.id} ${failures.some((f) => f.lib === a.id) ? 'FAILED' : 'ok'}`).join(', ')}`);

  const copies = new Map<Adapter, Map<string, Workload>>();
  for (const a of adapters) {
    const ws = await loadWorkloads(options.sharedCode ? null : a.id, wopts);
    copies.set(a, new Map(ws.map((w) => [w.id, w])));
  }

  const rows: WorkloadResult[] = [];
  const started = performance.now();
  for (const [i, id] of wanted.entries()) {
    const group = id.split('/')[0]!;
    const t0 = performance.now();
    const result = runWorkload(
      adapters.map((lib) => ({ lib, workload: copies.get(lib)!.get(id)! })),
      {
        samples: options.samples ?? (DEFAULTS[group] ?? FALLBACK).samples,
        warmup: options.warmup ?? (DEFAULTS[group] ?? FALLBACK).warmup,
      },
    );
    result.failures.forEach(report);
    rows.push(result);
    const cells = adapters.map((a) => `${a.id} ${medianOf(result, a.id)?.toFixed(3) ?? 'FAILED'}`).join('  ');
    console.error(`[${i + 1}/${wanted.length}] ${id}  ${cells}  (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
  }

  const libs = adapters.map((a) => a.id);
  console.log('');
  console.log('median ms per sample (± median absolute deviation, % of median)');
  console.log(timeTable(rows, libs));
  if (libs.includes('alien') && libs.length > 1) {
    console.log('');
    console.log('ratio to alien-signals (median / alien median; < 1 is faster than alien)');
    console.log(ratioTable(rows, libs, 'alien'));
  }
  console.log('');
  console.log(`${rows.length} workloads in ${((performance.now() - started) / 1000).toFixed(1)}s`);

  if (failures.length > 0) {
    console.log('');
    console.log(`CORRECTNESS FAILURES (${failures.length}): no RESULT line while any library gives wrong answers`);
    for (const f of failures) console.log(`  ${f.workload} [${f.lib}] ${f.what}`);
    return 1;
  }
  if (!libs.includes('lepta') || !libs.includes('alien')) {
    console.log('(no RESULT line: it needs both lepta and alien in the run)');
    return 0;
  }
  const ratios = rows.map((w) => medianOf(w, 'lepta')! / medianOf(w, 'alien')!);
  console.log(`RESULT reactive ${geomean(ratios).toFixed(4)}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 2;
  },
);
