/**
 * The dev server's app middleware (APP.md §3): every request Vite itself did not answer (modules,
 * assets, public files) goes to the app's handler, loaded through the `ssr` environment's module
 * runner, so edits to server code apply on the next request without a restart.
 */
import type { Connect, Plugin, ViteDevServer } from 'vite';
import { isRunnableDevEnvironment } from 'vite';
import { NodeRequest, sendNodeResponse } from 'srvx/node';
import type { Resolved } from './options.js';
import { DEV_STYLES, devStylesMiddleware } from './dev-styles.js';

type AppHandler = (request: Request) => Response | Promise<Response>;

export function devPlugin(resolved: () => Resolved): Plugin {
  return {
    name: 'lepta:dev',
    configureServer(server) {
      if (!resolved().app) return;
      // Before Vite's own middlewares: its CSS handling would otherwise take the `.css` URL.
      server.middlewares.use(server.config.base + DEV_STYLES, devStylesMiddleware(server, '/' + resolved().clientEntry));
      // Returned: installed after Vite's own middlewares, so they serve modules and files first.
      return () => {
        server.middlewares.use(appMiddleware(server, '/' + resolved().serverEntry));
      };
    },
  };
}

export function appMiddleware(server: ViteDevServer, entry: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    void (async () => {
      let response: Response;
      try {
        const environment = server.environments.ssr;
        if (!environment || !isRunnableDevEnvironment(environment)) {
          throw new Error('lepta: the dev server needs a runnable `ssr` environment (the default one)');
        }
        // The runner caches modules and drops the ones a file change invalidated.
        const module = (await environment.runner.import(entry)) as { default?: unknown };
        if (typeof module.default !== 'function') {
          throw new TypeError(`lepta: ${entry} must \`export default createApp(…)\` (a (Request) => Response handler)`);
        }
        // srvx's request reads the Node body lazily and aborts its signal when the client goes
        // away, which stops the render and the fetches it started.
        response = await (module.default as AppHandler)(new NodeRequest({ req, res }) as unknown as Request);
      } catch (error) {
        // Source-mapped positions, then Vite's error page (overlay) and terminal log.
        if (error instanceof Error) server.ssrFixStacktrace(error);
        next(error);
        return;
      }
      // Streams the body as it comes; a client that leaves cancels it.
      await sendNodeResponse(res, response).catch((error: unknown) => {
        server.config.logger.error(`lepta: sending ${req.url ?? ''} failed: ${String(error)}`, { error: error as Error });
      });
    })();
  };
}
