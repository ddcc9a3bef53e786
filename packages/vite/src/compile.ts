/**
 * The compile step: every `.tsx` / `.jsx` module (and any module with `"use server"`) goes
 * through @lepta/compiler, in the mode its Vite environment needs.
 */
import type { Plugin } from 'vite';
import { compile, LeptaCompileError } from '@lepta/compiler';
import type { LeptaPluginOptions, Resolved } from './options.js';
import { addHmrFooter } from './hmr.js';

const DEFAULT_INCLUDE = /\.[jt]sx$/;
/** Other modules are compiled only when they define server functions. */
const SCRIPT = /\.[cm]?[jt]s$/;
const USE_SERVER = /(['"])use server\1/;

export function compilePlugin(options: LeptaPluginOptions, resolved: () => Resolved): Plugin {
  const include = options.include ?? DEFAULT_INCLUDE;
  let dev = true;
  let serve = false;
  return {
    name: 'lepta:compile',
    enforce: 'pre',
    config(user) {
      // Leave JSX alone (the compiler owns it); Vite still strips TypeScript from the output.
      const config: Record<string, unknown> = { oxc: { jsx: 'preserve' } };
      // No module-preload polyfill unless the user asks for one: every browser that runs the
      // output natively since 2023 preloads modules itself, older ones only preload less, and
      // the polyfill costs ~250 B min+gzip in every entry (a tenth of a small app).
      if (user.build?.modulePreload === undefined) config.build = { modulePreload: { polyfill: false } };
      return config;
    },
    configResolved(config) {
      // Development output (JSX locations in hydration mismatch warnings, readable server
      // function ids) except in production builds.
      dev = !config.isProduction;
      // Component hot replacement (hmr.ts): only where there is a dev server to send updates.
      serve = config.command === 'serve' && config.server.hmr !== false;
    },
    transform(code, id, transformOptions) {
      const file = id.split('?', 1)[0]!;
      if (file.includes('/node_modules/')) return null;
      const serverFunctions = USE_SERVER.test(code);
      if (!include.test(file) && !(serverFunctions && SCRIPT.test(file))) return null;
      const forServer = transformOptions?.ssr === true;
      const { ssr, root } = resolved();
      const mode = ssr ? (forServer ? 'ssr' : 'hydrate') : 'dom';
      let result: ReturnType<typeof compile>;
      try {
        result = compile(code, {
          filename: file,
          mode,
          // "use server" functions: kept and registered in the server build, references in the browser's.
          ...(serverFunctions ? { serverFunctions: forServer ? 'server' : 'client', root } : {}),
          moduleName: mode === 'ssr' ? (options.serverModuleName ?? 'lepta/server-runtime') : (options.moduleName ?? 'lepta/runtime'),
          typescript: 'strip',
          sourceMap: true,
          dev,
        });
      } catch (error) {
        if (error instanceof LeptaCompileError) this.error(toRollupError(error));
        throw error;
      }
      for (const warning of result.warnings) this.warn(String((warning as { message?: string }).message ?? warning));
      if (dev && serve && !forServer && include.test(file)) {
        const code = addHmrFooter(result.code, file);
        if (code !== null) return { code, map: result.map as never };
      }
      return { code: result.code, map: result.map as never };
    },
  };
}

/**
 * What Vite needs to point at the place: `loc` (Rollup's convention: 1-based line, 0-based
 * column) and the code frame, shown by the browser overlay and in the terminal. An `Error`, so
 * it carries a stack wherever Vite passes it on.
 */
export function toRollupError(error: LeptaCompileError): Error & { id: string; loc: { file: string; line: number; column: number }; frame: string; pluginCode: string } {
  return Object.assign(new Error(error.hint ? `${error.reason}\n${error.hint}` : error.reason, { cause: error }), {
    id: error.filename,
    loc: { file: error.filename, line: error.line, column: error.column - 1 },
    frame: error.frame,
    pluginCode: error.code,
  });
}
