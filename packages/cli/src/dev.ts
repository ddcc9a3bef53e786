/**
 * `lepta dev`: Vite's dev server with the project's configuration (or `plugins: [lepta()]`). The
 * plugin renders pages through the `ssr` environment (APP.md §3); this command only starts the
 * server where the settings say, with the `LEPTA_*` settings exported first since the app reads
 * them when the runner loads it.
 */
import { resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import { exportConfig, loadConfig, type ConfigSources } from './config.js';
import { baseViteConfig } from './vite-config.js';

export interface DevOptions {
  root?: string;
  flags?: ConfigSources['flags'];
  env?: Record<string, string | undefined>;
  /** Print the URLs and bind Vite's keyboard shortcuts (default true). */
  interactive?: boolean;
}

export async function dev(options: DevOptions = {}): Promise<ViteDevServer> {
  const root = resolve(options.root ?? '.');
  const env = options.env ?? process.env;
  const config = await loadConfig({ root, flags: options.flags, env, command: 'serve', mode: 'development' });
  const { createServer } = await import('vite');
  const server = await createServer({
    ...(await baseViteConfig(root)),
    mode: 'development',
    // The port is the one asked for: another one silently chosen would not match the origin.
    server: { host: config.host, port: config.port, strictPort: config.port !== 0 },
  });
  await server.listen();
  const address = server.httpServer?.address();
  exportConfig(config, env, typeof address === 'object' && address ? address.port : config.port);
  if (options.interactive !== false) {
    server.printUrls();
    server.bindCLIShortcuts({ print: true });
  }
  return server;
}
