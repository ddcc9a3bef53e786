/**
 * The plugin's options and what they resolve to once Vite's root is known.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export type SsrMode = 'out-of-order' | 'in-order' | 'async' | 'partially-blocked';

export interface LeptaPluginOptions {
  /** Which modules to compile. Default: `.tsx` and `.jsx` files outside node_modules. */
  include?: RegExp;
  /**
   * The app is rendered on the server and hydrated: modules built for the server (Vite's `ssr`
   * environment, or `transform`'s `ssr` flag) compile in `ssr` mode, browser modules in
   * `hydrate` mode. Default: `true` when the server entry exists, else `false` (browser-only
   * apps, `dom` mode).
   */
  ssr?: boolean;
  /** Where compiled browser code imports the runtime from. Default: `lepta/runtime`. */
  moduleName?: string;
  /** Where compiled server code imports the runtime from. Default: `lepta/server-runtime`. */
  serverModuleName?: string;
  /** The browser entry, relative to the root. Default `src/entry-client.tsx`. */
  clientEntry?: string;
  /**
   * The server entry (`export default createApp(…)`), relative to the root. Default
   * `src/entry-server.tsx`. When it exists (and `ssr` is not `false`) the plugin runs the app:
   * builds (`vite build` builds client and server), the dev middleware, `virtual:lepta/assets`.
   */
  serverEntry?: string;
  /** Where server functions live (`createApp`'s `prefix`, below `LEPTA_PREFIX`). */
  prefix?: string;
  /** How pages stream (`createApp`'s `ssrMode`, below `LEPTA_SSR_MODE`). */
  ssrMode?: SsrMode;
  /** The allowed origin(s) of server-function calls (`createApp`'s `origin`, below `LEPTA_ORIGIN`). */
  origin?: string | string[];
  /** Largest server-function body in bytes (`createApp`'s `bodyLimit`, below `LEPTA_BODY_LIMIT`). */
  bodyLimit?: number;
}

/** The options with Vite's root applied. */
export interface Resolved {
  root: string;
  /** Whether modules compile for SSR + hydration. */
  ssr: boolean;
  /** Whether this is a full app (a server entry): builds, dev middleware, assets. */
  app: boolean;
  clientEntry: string;
  serverEntry: string;
  /** What `createApp` takes from the plugin (APP.md §2: the assets module's `config`). */
  appConfig: Pick<LeptaPluginOptions, 'prefix' | 'ssrMode' | 'origin' | 'bodyLimit'>;
}

export function resolveOptions(options: LeptaPluginOptions, root: string): Resolved {
  const clientEntry = toPosix(options.clientEntry ?? 'src/entry-client.tsx');
  const serverEntry = toPosix(options.serverEntry ?? 'src/entry-server.tsx');
  const app = options.ssr !== false && existsSync(path.resolve(root, serverEntry));
  const appConfig: Resolved['appConfig'] = {};
  for (const key of ['prefix', 'ssrMode', 'origin', 'bodyLimit'] as const) {
    if (options[key] !== undefined) (appConfig as Record<string, unknown>)[key] = options[key];
  }
  return { root, ssr: options.ssr ?? app, app, clientEntry, serverEntry, appConfig };
}

/** Entries are written as paths relative to the root; manifests and URLs use `/`. */
function toPosix(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}
