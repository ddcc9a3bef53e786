/**
 * `build`: each implementation is its own production Vite build (minified, one JS chunk, no
 * module-preload polyfill) from `<impl>/index.html` into `dist/<impl>/` with relative asset URLs,
 * so any static server can serve `dist/`. Workspace packages resolve to their sources through the
 * '@lepta/source' export condition.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InlineConfig, PluginOption } from 'vite';
import { BENCH_DIR, DIST_DIR, type ImplId } from './paths.js';
import { leptaJsx, solidJsx } from './plugins.js';

export interface BuildOutcome {
  impl: ImplId;
  ok: boolean;
  ms: number;
  error?: string;
}

function pluginsFor(impl: ImplId): PluginOption[] {
  if (impl === 'solid') return [solidJsx()];
  if (impl === 'lepta') return [leptaJsx()];
  return [];
}

export function viteConfig(impl: ImplId): InlineConfig {
  return {
    root: join(BENCH_DIR, impl),
    base: './',
    configFile: false,
    envDir: false,
    logLevel: 'warn',
    mode: 'production',
    // Explicitly 'production' (never solid-js's dev build), whatever NODE_ENV the process has.
    resolve: { conditions: ['@lepta/source', 'module', 'browser', 'production'] },
    define: { 'process.env.NODE_ENV': '"production"' },
    // JSX is compiled by the plugins above; Vite's own transform only strips TypeScript.
    oxc: { jsx: 'preserve' },
    plugins: pluginsFor(impl),
    build: {
      outDir: join(DIST_DIR, impl),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      copyPublicDir: false,
    },
  };
}

export async function buildImpls(impls: readonly ImplId[]): Promise<BuildOutcome[]> {
  // The module runner that loaded this harness set NODE_ENV=development; a build must not see it.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const outcomes: BuildOutcome[] = [];
  for (const impl of impls) {
    const t0 = performance.now();
    try {
      await build(viteConfig(impl));
      const html = join(DIST_DIR, impl, 'index.html');
      if (!existsSync(html)) throw new Error(`no ${html} after the build`);
      if (!/<script[^>]+src="[^"]+\.js"/.test(readFileSync(html, 'utf8'))) throw new Error(`${html} loads no script`);
      outcomes.push({ impl, ok: true, ms: performance.now() - t0 });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      outcomes.push({ impl, ok: false, ms: performance.now() - t0, error: message.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l)).slice(0, 6).join('\n') });
    }
  }
  return outcomes;
}

export function printBuildOutcomes(outcomes: readonly BuildOutcome[]): void {
  for (const o of outcomes) {
    if (o.ok) console.error(`built ${o.impl} → dist/${o.impl}/ (${Math.round(o.ms)} ms)`);
    else console.error(`BUILD FAILED ${o.impl}: ${o.error}`);
  }
}
