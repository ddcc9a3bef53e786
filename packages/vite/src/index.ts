/**
 * @lepta/vite — the Vite plugin. Today it does one job: every `.tsx` / `.jsx` module is compiled
 * ahead of time by @lepta/compiler, with a source map, and Vite's own JSX handling is switched
 * off so it never sees JSX. The compile mode follows the Vite environment: with `ssr: true`,
 * server modules compile in `ssr` mode and browser modules in `hydrate` mode; otherwise `dom`.
 * Dev-server SSR middleware, server functions and HMR join later.
 */
import type { Plugin } from 'vite';
import { compile } from '@lepta/compiler';

export interface LeptaPluginOptions {
  /** Which modules to compile. Default: `.tsx` and `.jsx` files outside node_modules. */
  include?: RegExp;
  /**
   * The app is rendered on the server and hydrated: modules built for the server (Vite's `ssr`
   * environment, or `transform`'s `ssr` flag) compile in `ssr` mode, browser modules in
   * `hydrate` mode. Default `false`: browser-only apps, `dom` mode.
   */
  ssr?: boolean;
  /** Where compiled browser code imports the runtime from. Default: `lepta/runtime`. */
  moduleName?: string;
  /** Where compiled server code imports the runtime from. Default: `lepta/server-runtime`. */
  serverModuleName?: string;
}

const DEFAULT_INCLUDE = /\.[jt]sx$/;
/** Other modules are compiled only when they define server functions. */
const SCRIPT = /\.[cm]?[jt]s$/;
const USE_SERVER = /(['"])use server\1/;

/** The Lepta plugin for `vite.config.ts`: `plugins: [lepta()]`. */
export function lepta(options: LeptaPluginOptions = {}): Plugin {
  const include = options.include ?? DEFAULT_INCLUDE;
  let dev = true;
  let root: string | undefined;
  return {
    name: 'lepta',
    enforce: 'pre',
    configResolved(config) {
      // Development output (JSX locations in hydration mismatch warnings, readable server
      // function ids) except in production builds.
      dev = !config.isProduction;
      root = config.root;
    },
    config() {
      // Leave JSX alone (the compiler owns it); Vite still strips TypeScript from the output.
      return { oxc: { jsx: 'preserve' } } as Record<string, unknown>;
    },
    transform(code, id, transformOptions) {
      const file = id.split('?', 1)[0]!;
      if (file.includes('/node_modules/')) return null;
      const serverFunctions = USE_SERVER.test(code);
      if (!include.test(file) && !(serverFunctions && SCRIPT.test(file))) return null;
      const forServer = transformOptions?.ssr === true;
      const mode = options.ssr ? (forServer ? 'ssr' : 'hydrate') : 'dom';
      const result = compile(code, {
        filename: file,
        mode,
        // "use server" functions: kept and registered in the server build, references in the browser's.
        ...(serverFunctions ? { serverFunctions: forServer ? 'server' : 'client', root } : {}),
        moduleName: mode === 'ssr' ? (options.serverModuleName ?? 'lepta/server-runtime') : (options.moduleName ?? 'lepta/runtime'),
        typescript: 'strip',
        sourceMap: true,
        dev,
      });
      for (const warning of result.warnings) this.warn(String((warning as { message?: string }).message ?? warning));
      return { code: result.code, map: result.map as never };
    },
  };
}

export default lepta;
