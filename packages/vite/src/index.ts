/**
 * @lepta/vite — the Vite plugin. This first version does one job: every `.tsx` / `.jsx` module
 * is compiled ahead of time by @lepta/compiler (`dom` mode), with a source map, and Vite's own
 * JSX handling is switched off so it never sees JSX. SSR, server functions and HMR join later.
 */
import type { Plugin } from 'vite';
import { compile } from '@lepta/compiler';

export interface LeptaPluginOptions {
  /** Which modules to compile. Default: `.tsx` and `.jsx` files outside node_modules. */
  include?: RegExp;
  /** Where compiled code imports the runtime from. Default: `lepta/runtime`. */
  moduleName?: string;
}

const DEFAULT_INCLUDE = /\.[jt]sx$/;

/** The Lepta plugin for `vite.config.ts`: `plugins: [lepta()]`. */
export function lepta(options: LeptaPluginOptions = {}): Plugin {
  const include = options.include ?? DEFAULT_INCLUDE;
  return {
    name: 'lepta',
    enforce: 'pre',
    config() {
      // Leave JSX alone (the compiler owns it); Vite still strips TypeScript from the output.
      return { oxc: { jsx: 'preserve' } } as Record<string, unknown>;
    },
    transform(code, id) {
      const file = id.split('?', 1)[0]!;
      if (!include.test(file) || file.includes('/node_modules/')) return null;
      const result = compile(code, {
        filename: file,
        mode: 'dom',
        moduleName: options.moduleName ?? 'lepta/runtime',
        typescript: 'strip',
        sourceMap: true,
      });
      for (const warning of result.warnings) this.warn(String((warning as { message?: string }).message ?? warning));
      return { code: result.code, map: result.map as never };
    },
  };
}

export default lepta;
