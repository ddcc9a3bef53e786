/**
 * Entry point (run by ../run.mjs through Vite's module runner):
 *   build   build the implementations into dist/<impl>/
 *   bench   build (unless --no-build), then time the nine CPU operations in Chromium
 *   size    build (unless --no-build), then print min+gzip bundle sizes
 * Exit codes: 0 ok; 1 an implementation failed to build or misbehaved (no RESULT lines);
 * 2 bad usage or a harness error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildImpls, printBuildOutcomes } from './build.js';
import { ImplError, runBench } from './bench.js';
import { selectOps } from './ops.js';
import { DIST_DIR, IMPLS, UsageError, parseImpls, type ImplId } from './paths.js';
import { ratio, table } from './report.js';
import { printSizes } from './size.js';

const HELP = `usage: node run.mjs <build|bench|size> [options]
  (npm run build:jfb | bench:dom | size from the repository root)

  --impls=a,b      implementations, of ${IMPLS.join(', ')} (default: all)       env BENCH_IMPLS
  --no-build       bench/size: use dist/ as it is                              env BENCH_NO_BUILD=1
bench only:
  --quick          3 iterations per operation instead of 10                    env BENCH_QUICK=1
  --iterations=N   iterations (fresh pages) per operation and implementation  env BENCH_ITERATIONS
  --ops=a,b        operations whose id starts with / contains a pattern
                   (e.g. 01,05 or create,swap)                                  env BENCH_OPS
  --no-throttle    skip the public benchmark's CPU slow-down (4x/2x) factors   env BENCH_THROTTLE=0
  --idle=MS        minimum ms the page is left idle after the click (100)       env BENCH_IDLE_MS
  --traces=DIR     keep every trace as DIR/<op>_<impl>_<i>.json                 env BENCH_TRACE_DIR
size only:
  SIZE_EXTRA=name=dir,...  more bundles to measure (examples/counter/dist is included when built)`;

const COMMANDS = ['build', 'bench', 'size'] as const;
const FLAGS: Record<(typeof COMMANDS)[number], string[]> = {
  build: ['impls'],
  bench: ['impls', 'no-build', 'quick', 'iterations', 'ops', 'no-throttle', 'idle', 'traces'],
  size: ['impls', 'no-build'],
};

function parse(argv: string[], env: NodeJS.ProcessEnv) {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || rest.includes('--help')) {
    console.log(HELP);
    process.exit(0);
  }
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command ${command} (see --help)`);
  const cmd = command as (typeof COMMANDS)[number];
  const flags = new Map<string, string>();
  for (const arg of rest) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !FLAGS[cmd].includes(m[1]!)) throw new UsageError(`unknown option ${arg} for ${cmd} (see --help)`);
    flags.set(m[1]!, m[2] ?? 'true');
  }
  const get = (flag: string, envName: string): string | undefined => flags.get(flag) ?? (env[envName] || undefined);
  const truthy = (v: string | undefined): boolean => v !== undefined && v !== '0' && v !== 'false';
  const int = (v: string | undefined, what: string, dflt: number): number => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`bad ${what}: ${v}`);
    return n;
  };
  const quick = truthy(get('quick', 'BENCH_QUICK'));
  const throttleEnv = env.BENCH_THROTTLE;
  return {
    command: cmd,
    impls: parseImpls(get('impls', 'BENCH_IMPLS')),
    build: !truthy(get('no-build', 'BENCH_NO_BUILD')),
    iterations: int(get('iterations', 'BENCH_ITERATIONS'), 'iterations', quick ? 3 : 10),
    ops: (get('ops', 'BENCH_OPS') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    throttle: !flags.has('no-throttle') && !(throttleEnv !== undefined && !truthy(throttleEnv)),
    idleMs: int(get('idle', 'BENCH_IDLE_MS'), 'idle ms', 100),
    traceDir: get('traces', 'BENCH_TRACE_DIR'),
  };
}

async function build(impls: ImplId[]): Promise<boolean> {
  const outcomes = await buildImpls(impls);
  printBuildOutcomes(outcomes);
  return outcomes.every((o) => o.ok);
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2), process.env);
  if (o.command === 'build') return (await build(o.impls)) ? 0 : 1;

  if (o.command === 'size') {
    // Measure whatever built; an implementation that failed to build counts as missing.
    const failed = o.build ? (await buildImpls(o.impls)).filter((x) => !x.ok) : [];
    for (const f of failed) console.error(`BUILD FAILED ${f.impl}: ${f.error}`);
    const { missing } = printSizes(o.impls.filter((i) => !failed.some((f) => f.impl === i)), process.env);
    for (const f of failed) console.log(`MISSING ${f.impl} (build failed)`);
    return missing.length || failed.length ? 1 : 0;
  }
  if (o.build && !(await build(o.impls))) {
    console.error('not all implementations built (see above); choose a subset with --impls / BENCH_IMPLS');
    return 1;
  }

  const missing = o.impls.filter((i) => !existsSync(join(DIST_DIR, i, 'index.html')));
  if (missing.length) throw new UsageError(`not built: ${missing.join(', ')} (run without --no-build)`);
  const ops = selectOps(o.ops);
  const t0 = Date.now();
  const run = await runBench({
    impls: o.impls,
    ops,
    iterations: o.iterations,
    throttle: o.throttle,
    idleMs: o.idleMs,
    ...(o.traceDir ? { traceDir: o.traceDir } : {}),
  });
  const ref: ImplId | undefined = o.impls.includes('vanilla') ? 'vanilla' : undefined;
  console.log(
    `js-framework-benchmark (keyed), Chromium ${run.browserVersion}, ${o.iterations} fresh pages per operation and implementation, ` +
      `CPU slow-down ${o.throttle ? 'as in the public benchmark' : 'off'}; ${Math.round((Date.now() - t0) / 1000)} s`,
  );
  console.log('median ms: total = click to end of the next frame commit, script = JS in that window; ×: median / vanilla median');
  console.log(table(run.results, ops, o.impls, ref));
  if (run.failures.length) {
    console.log('\nCORRECTNESS FAILURES');
    for (const f of run.failures) console.log(`  ${f}`);
    return 1;
  }
  if (ref === undefined) return 0;
  const line = (impl: ImplId): string =>
    `${impl} / vanilla (geomean over ${ops.length} ops): total ${ratio(run.results, ops, impl, ref, 'total')!.toFixed(3)}, ` +
    `script ${ratio(run.results, ops, impl, ref, 'script')!.toFixed(3)}`;
  console.log('');
  if (o.impls.includes('solid')) console.log(line('solid'));
  if (o.impls.includes('lepta')) {
    console.log(line('lepta') + '   (targets: total ≤ 1.03, script ≤ 1.10, both below solid)');
    const script = ratio(run.results, ops, 'lepta', ref, 'script')!;
    const total = ratio(run.results, ops, 'lepta', ref, 'total')!;
    console.log(`RESULT dom-script ${script.toFixed(4)}`);
    console.log(`RESULT dom ${total.toFixed(4)}`);
  } else {
    console.log('(lepta not in this run: no RESULT lines)');
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  if (err instanceof UsageError) console.error(`error: ${err.message}`);
  else if (err instanceof ImplError) console.error(`FAIL: ${err.message}`);
  else console.error(err);
  process.exitCode = err instanceof ImplError ? 1 : 2;
}
