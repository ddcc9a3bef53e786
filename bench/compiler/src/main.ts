/**
 * Compiler throughput: @lepta/compiler vs @babel/core + babel-preset-solid (generate: 'dom') on
 * the same generated TSX corpus, in one process. Both keep TypeScript in the output (Babel
 * parses it with its `typescript` parser plugin; Lepta with `typescript: 'preserve'`), so both
 * do the same job: JSX → DOM code, with and without source maps.
 *
 * Each sample compiles the whole corpus once. Samples come in blocks of one compiler (after a GC
 * and a few untimed runs, so each is measured in its own steady state), and the blocks of the
 * two compilers alternate so drift in the shared machine's speed hits both alike. Prints a table and ends with `RESULT compiler <ratio>`:
 * Lepta's throughput over Babel's, with source maps (what a dev server asks for).
 */
import { transformSync } from '@babel/core';
import solidPreset from 'babel-preset-solid';
import { compile } from '@lepta/compiler';
import { generateCorpus, type CorpusFile } from './corpus.js';
import { median, spread } from '@lepta/bench-stats';

interface Options {
  /** Blocks per compiler and configuration. */
  rounds: number;
  /** Timed samples per block. */
  samples: number;
  /** Untimed runs at the start of each block. */
  warmup: number;
  minLines: number;
}

function parseOptions(): Options {
  const args = new Map(
    process.argv.slice(2).map((a) => {
      const [k, v] = a.replace(/^--/, '').split('=');
      return [k!, v ?? 'true'] as const;
    }),
  );
  const quick = args.has('quick') || process.env.BENCH_QUICK === '1';
  const num = (name: string, env: string, fallback: number): number => Number(args.get(name) ?? process.env[env] ?? fallback);
  return {
    rounds: num('rounds', 'BENCH_ROUNDS', quick ? 2 : 4),
    samples: num('samples', 'BENCH_SAMPLES', quick ? 3 : 6),
    warmup: num('warmup', 'BENCH_WARMUP', quick ? 2 : 4),
    minLines: num('lines', 'BENCH_LINES', 2400),
  };
}

type Compiler = (file: CorpusFile, maps: boolean) => number;

const lepta: Compiler = (file, maps) => {
  const out = compile(file.code, { filename: file.filename, moduleName: 'lepta/runtime', typescript: 'preserve', sourceMap: maps });
  return out.code.length;
};

const solid: Compiler = (file, maps) => {
  const out = transformSync(file.code, {
    filename: file.filename,
    babelrc: false,
    configFile: false,
    presets: [[solidPreset, { generate: 'dom' }]],
    parserOpts: { plugins: ['jsx', 'typescript'] },
    sourceMaps: maps,
    ast: false,
  });
  return out?.code?.length ?? 0;
};

function runAll(compiler: Compiler, corpus: CorpusFile[], maps: boolean): number {
  const start = performance.now();
  let size = 0;
  for (const file of corpus) size += compiler(file, maps);
  const ms = performance.now() - start;
  if (size === 0) throw new Error('compiler produced no output');
  return ms;
}

/**
 * Timed samples of one compiler, in a block: a collection first (the other compiler's garbage
 * is not collected on this one's time), `warmup` untimed runs (the heap and the JIT settle into
 * this compiler's steady state), then `samples` timed runs.
 */
function block(compiler: Compiler, corpus: CorpusFile[], maps: boolean, warmup: number, samples: number, out: number[]): void {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < warmup; i++) runAll(compiler, corpus, maps);
  for (let i = 0; i < samples; i++) out.push(runAll(compiler, corpus, maps));
}



function main(): void {
  const options = parseOptions();
  if (!(globalThis as { gc?: unknown }).gc) {
    console.error('run with node --expose-gc (npm run bench does)');
    process.exit(2);
  }
  const corpus = generateCorpus(options.minLines);
  const lines = corpus.reduce((n, f) => n + f.code.split('\n').length, 0);
  const bytes = corpus.reduce((n, f) => n + f.code.length, 0);
  console.log(`corpus: ${corpus.length} modules, ${lines} lines, ${(bytes / 1024).toFixed(1)} KiB of TSX`);
  console.log(
    `${options.rounds} rounds × ${options.samples} timed samples per compiler (each block after a GC and ${options.warmup} warm-up runs); medians\n`,
  );

  // Correctness first: every module compiles with both.
  for (const file of corpus) {
    lepta(file, true);
    solid(file, true);
  }

  const rows: Array<{ config: string; lepta: number[]; solid: number[] }> = [];
  for (const maps of [true, false]) {
    const row = { config: maps ? 'with source maps' : 'no source maps', lepta: [] as number[], solid: [] as number[] };
    // Rounds of one block per compiler, alternating which goes first, so drift in the machine's
    // speed (it is shared) hits both alike.
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 === 0 ? (['lepta', 'solid'] as const) : (['solid', 'lepta'] as const);
      for (const id of order) block(id === 'lepta' ? lepta : solid, corpus, maps, options.warmup, options.samples, row[id]);
    }
    rows.push(row);
  }

  const header = ['', 'lepta ms', 'solid ms', 'lepta lines/s', 'solid lines/s', 'lepta / solid'];
  const table = rows.map((r) => {
    const l = median(r.lepta);
    const s = median(r.solid);
    return [
      r.config,
      `${l.toFixed(2)} ±${Math.round(spread(r.lepta) * 100)}%`,
      `${s.toFixed(2)} ±${Math.round(spread(r.solid) * 100)}%`,
      Math.round((lines / l) * 1000).toLocaleString('en-US'),
      Math.round((lines / s) * 1000).toLocaleString('en-US'),
      `${(s / l).toFixed(2)}×`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(header));
  for (const row of table) console.log(fmt(row));
  const withMaps = rows[0]!;
  const ratio = median(withMaps.solid) / median(withMaps.lepta);
  console.log(`\nRESULT compiler ${ratio.toFixed(2)}`);
}

main();
