/**
 * Real Chromium for browser tests: finds the binary, launches it with the flags this sandboxed
 * environment needs, and bundles test entry points for the page.
 *
 * Binary resolution: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else the binary shipped
 * inside the npm package `@sparticuz/chromium` (extracted on first use), so `npm install` is all
 * a fresh machine needs.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export async function chromiumPath(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return sparticuz.executablePath();
}

/** Flags for headless Chromium as root in a sandbox with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
}

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bundles a TypeScript/JavaScript entry (and the workspace packages it imports, from source) into
 * one classic script for `page.addScriptTag({ content })`. `transform`, if given, is a Vite
 * plugin transform hook run on every module first (the compiler plugs in here).
 */
export async function bundleForBrowser(
  entry: string,
  options: { plugins?: import('vite').PluginOption[] } = {},
): Promise<string> {
  const { build } = await import('vite');
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['@lepta/source', 'browser', 'module', 'import', 'default'] },
    plugins: options.plugins ?? [],
    build: {
      write: false,
      minify: false,
      sourcemap: 'inline',
      lib: { entry, formats: ['iife'], name: '__leptaTest' },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if ('output' in out) {
      const chunk = out.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error(`bundleForBrowser: no output for ${entry}`);
}
