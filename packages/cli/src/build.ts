/**
 * `lepta build`: Vite's app build (both environments the plugin configures: `client` →
 * dist/client, `ssr` → dist/server; APP.md §3), then precompression of the client files and a
 * size table.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { precompress, sizeTable, type FileSizes } from './compress.js';
import { createProgress } from './progress.js';
import { CLIENT_DIR } from './serve.js';
import { baseViteConfig } from './vite-config.js';

export interface BuildOptions {
  root?: string;
  /** Vite's mode (default `production`). */
  mode?: string;
  /** The summary table and progress (default: progress on stderr, table via `console.log`); `false` for none. */
  log?: ((line: string) => void) | false;
}

export interface BuildResult {
  /** Absolute path of the client output. */
  clientDir: string;
  files: FileSizes[];
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? '.');
  const log = options.log === false ? () => {} : (options.log ?? console.log);
  const progress = options.log === false ? undefined : createProgress();
  const { createBuilder } = await import('vite');

  // Progress comes from the build itself: each environment's start and each transformed module.
  const progressPlugin: Plugin = {
    name: 'lepta:progress',
    buildStart() {
      progress?.phase(`building ${this.environment.name}`);
    },
    transform() {
      progress?.tick();
      return null;
    },
  };
  const started = Date.now();
  let builder;
  try {
    builder = await createBuilder({
      ...(await baseViteConfig(root, [progressPlugin])),
      mode: options.mode ?? 'production',
      // Vite's per-file listing would repeat (without brotli) the table printed below.
      logLevel: 'warn',
    });
    await builder.buildApp();
    progress?.phase('compressing');
  } catch (error) {
    progress?.done();
    throw error;
  }

  const client = builder.environments.client;
  const clientDir = client ? resolve(root, client.config.build.outDir) : resolve(root, CLIENT_DIR);
  const files = await precompress(clientDir);
  progress?.done(`lepta build: done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  log(sizeTable(files));
  return { clientDir, files };
}
