/**
 * The two JSX compilers as minimal Vite plugins (enforce: 'pre', so they see the JSX before
 * Vite's own TypeScript transform):
 * - Solid: @babel/core with babel-preset-solid `{ generate: 'dom' }` on .jsx files;
 * - Lepta: `compile(code, { filename, mode: 'dom', moduleName: 'lepta/runtime' })` from
 *   @lepta/compiler on .tsx files (the output may still hold TypeScript syntax: Vite strips it).
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

interface SourceMapLike {
  mappings: string;
}
interface BabelResult {
  code?: string | null;
  map?: SourceMapLike | null;
}
interface Babel {
  transformAsync(code: string, options: Record<string, unknown>): Promise<BabelResult | null>;
}

const cleanId = (id: string): string => id.replace(/[?#].*$/, '');

export function solidJsx(): Plugin {
  const babel = require('@babel/core') as Babel;
  const preset = require('babel-preset-solid') as unknown;
  return {
    name: 'jfb:solid-jsx',
    enforce: 'pre',
    async transform(code, id) {
      if (!cleanId(id).endsWith('.jsx')) return null;
      const out = await babel.transformAsync(code, {
        filename: cleanId(id),
        babelrc: false,
        configFile: false,
        sourceMaps: true,
        presets: [[preset, { generate: 'dom' }]],
      });
      if (!out?.code) this.error(`babel-preset-solid produced no code for ${id}`);
      return { code: out.code, map: out.map ?? null };
    },
  };
}

/** What this harness needs of @lepta/compiler (see packages/dom/CONTRACT.md). */
type CompileResult = string | { code: string; map?: SourceMapLike | string | null };
type Compile = (
  code: string,
  options: { filename: string; mode: 'dom'; moduleName: string },
) => CompileResult | Promise<CompileResult>;

export function leptaJsx(): Plugin {
  let compile: Compile | undefined;
  return {
    name: 'jfb:lepta-jsx',
    enforce: 'pre',
    async buildStart() {
      const mod = (await import('@lepta/compiler')) as unknown as { compile?: unknown };
      if (typeof mod.compile !== 'function') {
        this.error('@lepta/compiler does not export compile() yet: the Lepta app cannot be compiled');
      }
      compile = mod.compile as Compile;
    },
    async transform(code, id) {
      if (!cleanId(id).endsWith('.tsx')) return null;
      const out = await compile!(code, { filename: cleanId(id), mode: 'dom', moduleName: 'lepta/runtime' });
      if (typeof out === 'string') return { code: out, map: null };
      const map = typeof out.map === 'string' ? (JSON.parse(out.map) as SourceMapLike) : (out.map ?? null);
      return { code: out.code, map };
    },
  };
}
