/**
 * SSR throughput: the same 1,000-row table page (shared/data.mjs) rendered to a string by Lepta,
 * Marko 6 and solid-js/web, each compiled by its own compiler (build.mjs), in one process; then
 * the time to first byte of Lepta's (and Solid's) out-of-order stream (ttfb.mjs).
 *
 * Every output is checked first (check.mjs: the same page, every row, labels escaped). A sample
 * is as many renders as fit in `sampleMs`; samples come in blocks of one contestant (a GC, then
 * untimed warm-up samples, then the timed ones), and each round runs one block per contestant,
 * the order rotating every round, so drift in the shared machine's speed hits all alike.
 * Medians over all samples, with the median absolute deviation as ±%.
 *
 * Ends with `RESULT ssr <lepta renders/s ÷ marko renders/s>` (the resumable Marko page: the
 * same interactive page as Lepta's). Exit code 0 with a RESULT line; 1 when Lepta or Marko could
 * not be built, loaded or checked (no RESULT line; the others are still measured); 2 on bad usage.
 */
// Production mode for every runtime that reads it (Lepta's safety reporter). The frameworks are
// imported dynamically, after this line has run; Marko's production runtime is chosen at compile
// time (build.mjs); Solid's server build has no development mode.
process.env.NODE_ENV ??= 'production';

import { median, spread } from '@lepta/bench-stats';
import { build } from './build.mjs';
import { checkOutput, expectedTable } from './check.mjs';
import { CONTESTANTS, loadContestants, versionOf } from './contestants.mjs';
import { measureTtfb } from './ttfb.mjs';
import { makeInput } from '../shared/data.mjs';

const HELP = `usage: node --expose-gc src/main.mjs [options]   (npm run bench:ssr [-- -- options])
  --quick            BENCH_QUICK=1        2 rounds × 3 samples of 50 ms, 20 TTFB runs
  --rounds=N         BENCH_ROUNDS         blocks per contestant (default 6)
  --samples=N        BENCH_SAMPLES        timed samples per block (default 5)
  --warmup=N         BENCH_WARMUP         untimed samples at the start of each block (default 2)
  --sample-ms=N      BENCH_SAMPLE_MS      minimum length of one sample (default 100)
  --rows=N           BENCH_ROWS           table rows (default 1000)
  --only=a,b         BENCH_ONLY           contestants: ${CONTESTANTS.map((c) => c.id).join(',')}
  --ttfb-runs=N      BENCH_TTFB_RUNS      timed streams per framework (default 60; 0 skips TTFB)
  --ttfb-delay=MS    BENCH_TTFB_DELAY     the slow resource's delay (default 50)`;

function parseOptions() {
  const args = new Map(
    process.argv.slice(2).map((a) => {
      const [k, v] = a.replace(/^--/, '').split('=');
      return [k, v ?? 'true'];
    }),
  );
  if (args.has('help') || args.has('h')) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = args.has('quick') || process.env.BENCH_QUICK === '1';
  const num = (name, env, fallback) => {
    const value = Number(args.get(name) ?? process.env[env] ?? fallback);
    if (!Number.isFinite(value) || value < 0) {
      console.error(`--${name} / ${env}: not a number ≥ 0\n\n${HELP}`);
      process.exit(2);
    }
    return value;
  };
  const only = (args.get('only') ?? process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
  const unknown = only.filter((id) => !CONTESTANTS.some((c) => c.id === id));
  if (unknown.length) {
    console.error(`unknown contestant ${unknown.join(', ')}\n\n${HELP}`);
    process.exit(2);
  }
  return {
    rounds: num('rounds', 'BENCH_ROUNDS', quick ? 2 : 6),
    samples: num('samples', 'BENCH_SAMPLES', quick ? 3 : 5),
    warmup: num('warmup', 'BENCH_WARMUP', quick ? 1 : 2),
    sampleMs: num('sample-ms', 'BENCH_SAMPLE_MS', quick ? 50 : 100),
    rows: num('rows', 'BENCH_ROWS', 1000),
    ttfbRuns: num('ttfb-runs', 'BENCH_TTFB_RUNS', quick ? 20 : 60),
    ttfbDelay: num('ttfb-delay', 'BENCH_TTFB_DELAY', 50),
    only,
  };
}

/** Keeps every rendered string's length alive, so no render can be optimized away. */
let sink = 0;

/**
 * Renders per second over one sample: as many renders as fit in `ms`.
 *
 * Each output is flattened: a string built by `+` is a rope in V8 (a tree of the concatenated
 * pieces), and turning it into one flat string is work any use of it (writing it to a socket,
 * encoding it) must do first. `charCodeAt` on a rope flattens it (a no-op on a flat string), so
 * every renderer is timed to a finished string; without it, a renderer that returns a rope
 * would skip part of its job (Marko's static page measured about 2× faster that way) while one
 * that inspects its output (Lepta, placing its hydration script) would pay for it.
 */
function sample(render, input, ms) {
  let renders = 0;
  let bytes = 0;
  const start = performance.now();
  let now;
  do {
    const html = render(input);
    bytes += html.length + html.charCodeAt(html.length >> 1);
    renders++;
    now = performance.now();
  } while (now - start < ms);
  sink = (sink + bytes) | 0;
  return (renders * 1000) / (now - start);
}

/**
 * One block of one contestant: a collection first (the previous contestant's garbage is not
 * collected on this one's time), untimed samples (the JIT and heap settle into this renderer's
 * steady state), then the timed samples.
 */
function block(contestant, input, options, out) {
  globalThis.gc();
  for (let i = 0; i < options.warmup; i++) sample(contestant.render, input, options.sampleMs);
  for (let i = 0; i < options.samples; i++) out.push(sample(contestant.render, input, options.sampleMs));
}

const int = (n) => Math.round(n).toLocaleString('en-US');
const pct = (x) => `±${Math.round(x * 100)}%`;
const kib = (bytes) => (bytes / 1024).toFixed(1);

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  console.log(fmt(header));
  for (const row of rows) console.log(fmt(row));
}

async function main() {
  const options = parseOptions();
  if (typeof globalThis.gc !== 'function') {
    console.error('run with node --expose-gc (npm run bench:ssr does)');
    process.exit(2);
  }
  const started = performance.now();

  // 1. Compile every page with its framework's compiler, load the outputs.
  const builds = await build();
  const { loaded, missing, solidServer } = await loadContestants(new Map(builds.map((b) => [b.id, b])));
  const wanted = options.only.length ? loaded.filter((c) => options.only.includes(c.id)) : loaded;

  console.log(
    `node ${process.version}; lepta ${versionOf('lepta')} (@lepta/compiler ${versionOf('@lepta/compiler')}), ` +
      `marko ${versionOf('marko')} (@marko/compiler ${versionOf('@marko/compiler')}), ` +
      `solid-js ${versionOf('solid-js')} (babel-preset-solid ${versionOf('babel-preset-solid')})`,
  );
  if (solidServer) console.log(`solid-js/web → ${solidServer.slice(solidServer.lastIndexOf('node_modules'))} (isServer: true)`);

  // 2. Every output must be the page (check.mjs); sizes and hydration overhead.
  const input = makeInput(options.rows);
  const expected = expectedTable(input);
  const sizes = [];
  const measured = [];
  for (const c of wanted) {
    let html;
    try {
      html = c.render(input);
    } catch (error) {
      missing.set(c.id, `render threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      continue;
    }
    const { problems, markerBytes } = checkOutput(html, expected, input);
    if (problems.length) {
      missing.set(c.id, `wrong output:\n    ${problems.join('\n    ')}`);
      continue;
    }
    const bytes = Buffer.byteLength(html);
    sizes.push({ id: c.id, bytes, overhead: markerBytes });
    measured.push(c);
  }
  const expectedBytes = Buffer.byteLength(expected);
  console.log(`\npage: a ${options.rows.toLocaleString('en-US')}-row table, a component per row; the canonical markup (check.mjs) is ${kib(expectedBytes)} KiB`);
  for (const [id, why] of missing) if (!id.endsWith('-stream')) console.log(`  ${id}: NOT MEASURED — ${why}`);

  // 3. Renders per second, in rotating rounds.
  /** @type {Map<string, number[]>} */
  const rates = new Map(measured.map((c) => [c.id, []]));
  console.log(
    `\n${options.rounds} rounds × ${options.samples} samples of ≥ ${options.sampleMs} ms per contestant ` +
      `(each block after a GC and ${options.warmup} warm-up samples; order rotates per round); medians`,
  );
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < measured.length; i++) {
      const c = measured[(i + round) % measured.length];
      block(c, input, options, rates.get(c.id));
    }
    process.stderr.write(`round ${round + 1}/${options.rounds}: ${measured.map((c) => `${c.id} ${int(median(rates.get(c.id)))}/s`).join('  ')}\n`);
  }
  const lepta = rates.get('lepta');
  const leptaRate = lepta ? median(lepta) : NaN;
  const table = measured.map((c) => {
    const r = rates.get(c.id);
    const m = median(r);
    const size = sizes.find((s) => s.id === c.id);
    return [
      c.label,
      `${int(m)} ${pct(spread(r))}`,
      (1000 / m).toFixed(3),
      kib(size.bytes),
      kib(size.overhead),
      Number.isNaN(leptaRate) ? '–' : `${(leptaRate / m).toFixed(2)}×`,
    ];
  });
  console.log();
  printTable(['', 'renders/s', 'ms/render', 'HTML KiB', 'markers KiB', 'lepta ÷ it'], table);
  console.log('(markers: the bytes of inline scripts, comments and data-hk keys — hydration and resume data)');

  // 4. Time to first byte of the out-of-order stream.
  const streams = measured.filter((c) => c.stream && (c.id === 'lepta' || c.id === 'solid'));
  if (missing.has('lepta-stream')) console.log(`\nlepta stream page: NOT MEASURED — ${missing.get('lepta-stream')}`);
  if (options.ttfbRuns > 0 && streams.length) {
    const ttfb = await measureTtfb(streams, { ...input, delay: options.ttfbDelay }, { runs: options.ttfbRuns, warmup: Math.min(5, options.ttfbRuns) });
    console.log(
      `\nout-of-order stream: the table in the shell + a <Suspense> around a ${options.ttfbDelay} ms resource; ` +
        `${options.ttfbRuns} runs per framework, alternating, each after a GC; medians, ms from the renderToStream call`,
    );
    const rows = ttfb.map((t) =>
      t.problems.length
        ? [t.id === 'solid' ? 'solid (hydratable)' : t.id, `WRONG: ${t.problems.join('; ')}`, '', '', '']
        : [
            t.id === 'solid' ? 'solid (hydratable)' : t.id,
            `${t.first.median.toFixed(2)} ${pct(t.first.spread)}`,
            `${t.shell.median.toFixed(2)} ${pct(t.shell.spread)}`,
            `${t.end.median.toFixed(2)} ${pct(t.end.spread)}`,
            kib(t.bytes),
          ],
    );
    printTable(['', 'first byte', 'shell done', 'stream end', 'KiB'], rows);
    for (const t of ttfb) {
      if (!t.problems.length && t.inlined > 0) {
        console.log(`  ${t.id}: in ${t.inlined} of ${t.runs} runs the resource settled before the shell was sent (content inlined)`);
      }
    }
  }

  // 5. The ratios the targets are about, then the RESULT line.
  const ratio = (id) => (rates.has(id) && lepta ? leptaRate / median(rates.get(id)) : NaN);
  const show = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(2)}×`);
  console.log(`\nlepta ÷ marko (resumable):      ${show(ratio('marko'))}   (target ≥ 1.0)`);
  console.log(`lepta ÷ solid (hydratable):     ${show(ratio('solid'))}   (target ≥ 3)`);
  console.log(`lepta ÷ marko (no resume):      ${show(ratio('marko-static'))}`);
  console.log(`lepta ÷ solid (not hydratable): ${show(ratio('solid-static'))}`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s; checksum ${sink})`);
  if (Number.isNaN(ratio('marko'))) {
    console.log('\nno RESULT: lepta and marko (resumable) must both be measured');
    process.exitCode = 1;
    return;
  }
  console.log(`\nRESULT ssr ${ratio('marko').toFixed(2)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
