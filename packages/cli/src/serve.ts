/**
 * `lepta serve`: the production server of a built app (APP.md §4). Files of `dist/client` are
 * answered by the static handler; every other request goes to the app's handler, the default
 * export of `dist/server/entry-server.js`. Responses pass through as they are, so a streamed page
 * reaches the socket chunk by chunk (srvx writes Web streams with back-pressure).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve as srvxServe, type Server } from 'srvx';
import { useFastResponses } from '@lepta/server/node';
import { exportConfig, loadConfig, originFor, type ConfigSources, type ResolvedConfig } from './config.js';
import { CliError } from './errors.js';
import { createStaticHandler } from './static.js';

export type AppHandler = (request: Request) => Promise<Response>;

export interface ServeOptions {
  /** The project directory (default: the current one). */
  root?: string;
  /** Command-line settings (`addr`, `origin`, `ssr-mode`, `body-limit`, `prefix`). */
  flags?: ConfigSources['flags'];
  /** Where `LEPTA_*` are read from and written to (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Stop gracefully on SIGTERM/SIGINT and exit the process (default true; off in tests). */
  handleSignals?: boolean;
  /** How long in-flight requests get on shutdown before their connections are cut (default 10 s). */
  shutdownTimeoutMs?: number;
  /** Status lines (default `console.log`); `false` for none. */
  log?: ((line: string) => void) | false;
}

export interface RunningServer {
  /** `http://host:port/` as bound (the real port when 0 was asked for). */
  url: string;
  config: ResolvedConfig;
  server: Server;
  /** Stops accepting connections and resolves once in-flight requests have finished (or the timeout cut them). */
  close(): Promise<void>;
}

export const SERVER_ENTRY = 'dist/server/entry-server.js';
export const CLIENT_DIR = 'dist/client';

export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const root = resolve(options.root ?? '.');
  const env = options.env ?? process.env;
  const log = options.log === false ? () => {} : (options.log ?? console.log);
  const entry = join(root, SERVER_ENTRY);
  if (!existsSync(entry)) throw new CliError(`${SERVER_ENTRY} not found in ${root}: run \`lepta build\` first`);
  // The server build has source maps: errors logged by the app point at its sources.
  process.setSourceMapsEnabled(true);

  const config = await loadConfig({ root, flags: options.flags, env, command: 'serve' });
  const statics = await createStaticHandler(join(root, CLIENT_DIR));

  // The app is imported after the port is bound, because its origin default (`http://<addr>`)
  // needs the real port when 0 was asked for, and the app reads it at load time. A request
  // arriving in between waits for the import.
  let settle!: { resolve(app: AppHandler): void; reject(error: unknown): void };
  const app = new Promise<AppHandler>((resolve, reject) => (settle = { resolve, reject }));
  // A failed import is reported by serve() itself, not as an unhandled rejection.
  app.catch(() => {});
  const server = srvxServe({
    fetch: async (request) => (await statics(request)) ?? (await app)(request),
    port: config.port,
    hostname: config.host,
    silent: true,
    // Shutdown is ours (below): srvx's own does not exit the process, and is off under CI/TEST.
    gracefulShutdown: false,
    // Share the listening socket with the other workers of a `node:cluster` (srvx asks for an
    // exclusive one by default, which makes every worker but the first fail with EADDRINUSE).
    node: { exclusive: false },
    error(error) {
      console.error(error);
      return new Response('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    },
  });
  await server.ready();
  const port = (server.node!.server!.address() as { port: number }).port;
  exportConfig(config, env, port);
  if (env.NODE_ENV === undefined) env.NODE_ENV = 'production';
  try {
    // Server-function answers as srvx's FastResponse (one write, no Web stream).
    useFastResponses();
    settle.resolve(await importApp(entry));
  } catch (error) {
    settle.reject(error);
    await server.close(true);
    throw error;
  }

  const url = new URL('/', originFor({ ...config, origin: undefined }, port)).href;
  const close = closer(server, options.shutdownTimeoutMs ?? 10_000);
  log(`lepta serve: listening on ${url}${config.origin ? ` (origin ${config.origin})` : ''}`);
  if (options.handleSignals !== false) exitOnSignals(close, log);
  return { url, config, server, close };
}

async function importApp(entry: string): Promise<AppHandler> {
  const module = (await import(pathToFileURL(entry).href)) as { default?: unknown };
  if (typeof module.default !== 'function') {
    throw new TypeError(`${entry}: the default export must be the app's (request) => Response handler (createApp from 'lepta/server')`);
  }
  return module.default as AppHandler;
}

/**
 * `server.close()` stops listening and resolves once every connection is gone. Node closes the
 * connections idle at that moment only; one whose request is still in flight becomes idle (kept
 * alive) after its response and would hold the close for the keep-alive timeout, so idle
 * connections are swept until the close completes. A response that never ends (an endless
 * stream) is cut at the timeout.
 */
function closer(server: Server, timeoutMs: number): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= new Promise<void>((done, fail) => {
      const http = server.node?.server;
      const sweep = setInterval(() => http && 'closeIdleConnections' in http && http.closeIdleConnections(), 50);
      const timer = setTimeout(() => void server.close(true), timeoutMs);
      const settle = () => {
        clearInterval(sweep);
        clearTimeout(timer);
      };
      server.close().then(
        () => {
          settle();
          done();
        },
        (error: unknown) => {
          settle();
          fail(error);
        },
      );
    });
    return closing;
  };
}

function exitOnSignals(close: () => Promise<void>, log: (line: string) => void): void {
  const onSignal = (signal: NodeJS.Signals) => {
    log(`lepta serve: ${signal}, finishing in-flight requests…`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
