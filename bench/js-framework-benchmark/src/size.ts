/**
 * `size`: the min+gzip size of each implementation's built JavaScript (every .js file under
 * dist/<impl>/, each gzipped with zlib level 9, summed), plus other bundles if they have been built
 * (the counter example: examples/counter/dist; more with SIZE_EXTRA=name=dir,...).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_DIR, REPO_DIR, type ImplId } from './paths.js';

/** Lepta's budget for the benchmark app (DESIGN.md §5 holds the counter example to 3 kB). */
export const LEPTA_BUDGET = 3.0 * 1024;

/** Bundles outside this package, included when present. Server bundles are skipped. */
const EXTRA_BUNDLES: Array<{ name: string; dir: string }> = [{ name: 'counter example', dir: 'examples/counter/dist' }];

export interface BundleSize {
  name: string;
  dir: string;
  files: string[];
  min: number;
  gzip: number;
}

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) {
        if (!/^(server|ssr|node_modules|\.vite)$/.test(entry)) walk(p);
      } else if (/\.m?js$/.test(entry)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function measure(name: string, dir: string): BundleSize | undefined {
  if (!existsSync(dir)) return undefined;
  const files = jsFiles(dir);
  let min = 0;
  let gzip = 0;
  for (const f of files) {
    const code = readFileSync(f);
    min += code.length;
    gzip += gzipSync(code, { level: 9 }).length;
  }
  return { name, dir, files, min, gzip };
}

export function extraBundles(env: NodeJS.ProcessEnv): Array<{ name: string; dir: string }> {
  const out = EXTRA_BUNDLES.map((b) => ({ name: b.name, dir: resolve(REPO_DIR, b.dir) }));
  for (const item of (env.SIZE_EXTRA ?? '').split(',').filter(Boolean)) {
    const [name, dir] = item.split('=');
    if (!name || !dir) throw new Error(`SIZE_EXTRA entries are name=dir, got "${item}"`);
    out.push({ name, dir: resolve(REPO_DIR, dir) });
  }
  return out;
}

const kb = (n: number): string => (n / 1024).toFixed(2) + ' kB';

export function printSizes(impls: readonly ImplId[], env: NodeJS.ProcessEnv): { missing: string[] } {
  const rows: BundleSize[] = [];
  const missing: string[] = [];
  for (const impl of impls) {
    const m = measure(impl, join(DIST_DIR, impl));
    if (m && m.files.length) rows.push(m);
    else missing.push(`${impl} (dist/${impl} not built)`);
  }
  const notes: string[] = [];
  for (const b of extraBundles(env)) {
    const m = measure(b.name, b.dir);
    if (m && m.files.length) rows.push(m);
    else notes.push(`${b.name}: ${relative(REPO_DIR, b.dir)} not built, skipped`);
  }
  const w = Math.max(16, ...rows.map((r) => r.name.length + 2));
  console.log('min+gzip of the built JavaScript (zlib level 9, per file, summed)');
  console.log('bundle'.padEnd(w) + 'min'.padStart(12) + 'min+gzip'.padStart(12) + '   files');
  for (const r of rows) {
    const files = r.files.map((f) => relative(REPO_DIR, f)).join(', ');
    console.log(r.name.padEnd(w) + `${r.min} B`.padStart(12) + `${r.gzip} B`.padStart(12) + `   ${files}`);
  }
  for (const n of notes) console.log(n);
  for (const m of missing) console.log(`MISSING ${m}`);
  const lepta = rows.find((r) => r.name === 'lepta');
  if (lepta) {
    const ok = lepta.gzip <= LEPTA_BUDGET;
    console.log(`lepta: ${kb(lepta.gzip)} min+gzip, target ≤ ${kb(LEPTA_BUDGET)}: ${ok ? 'met' : 'NOT MET'}`);
  }
  return { missing };
}
