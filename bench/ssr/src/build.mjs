/**
 * Compiles each framework's page with that framework's own compiler into dist/<variant>/, as
 * plain ES modules Node imports natively (no loader hooks, no bundler: what is timed is the
 * framework's server output and its runtime, nothing of ours in between).
 *
 * - Lepta: @lepta/compiler `compile(code, { filename, mode: 'ssr', moduleName: 'lepta/server-runtime',
 *   typescript: 'strip' })` on lepta/*.tsx (the built compiler, dist/: Node 20 cannot run the
 *   TypeScript sources).
 * - Solid: @babel/core + babel-preset-solid `{ generate: 'ssr', hydratable }` on solid/*.jsx,
 *   twice: hydratable (a hydrated app's server build) and not.
 * - Marko: @marko/compiler `compileFileSync(file, { output: 'html', optimize: true })` (the
 *   production runtime `marko/html`, minified template ids) on marko/<variant>/**\/*.marko.
 *
 * Relative imports between a framework's own files keep their source extensions in the
 * compilers' output (`./page.tsx`, `./tags/row.marko`); they are pointed at the compiled files.
 * Each framework builds on its own: one failing (Lepta's ssr generator is still being written)
 * leaves the others measurable.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const dist = join(root, 'dist');

/**
 * @typedef {{ id: string, ok: true, files: string[], streamError?: string } | { id: string, ok: false, error: string }} BuildResult
 */

/** Rewrites relative import specifiers ending in `from` to end in `to`. */
function retarget(code, from, to) {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return code.replace(new RegExp(`(from\\s*|import\\s*\\(\\s*)(["'])(\\.{1,2}/[^"']*?)${escaped}\\2`, 'g'), `$1$2$3${to}$2`);
}

function write(variant, name, code) {
  const file = join(dist, variant, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  return file;
}

function message(error) {
  if (error instanceof Error) return (error.message || String(error)).split('\n').slice(0, 12).join('\n');
  return String(error);
}

async function buildLepta() {
  const { compile } = await import('@lepta/compiler');
  const one = (name) => {
    const filename = join(root, 'lepta', name);
    const { code } = compile(readFileSync(filename, 'utf8'), {
      filename,
      mode: 'ssr',
      moduleName: 'lepta/server-runtime',
      typescript: 'strip',
      sourceMap: false,
    });
    return write('lepta', name.replace(/\.tsx$/, '.mjs'), retarget(code, '.tsx', '.mjs'));
  };
  const files = [one('page.tsx')];
  // The stream page is only needed for the TTFB part: the string benchmark runs without it.
  let streamError;
  try {
    files.push(one('stream.tsx'));
  } catch (error) {
    streamError = message(error);
  }
  return { files, streamError };
}

async function buildSolid() {
  const { transformSync } = await import('@babel/core');
  const { default: solidPreset } = await import('babel-preset-solid');
  const files = [];
  for (const hydratable of [true, false]) {
    const variant = hydratable ? 'solid-hydratable' : 'solid-static';
    for (const name of ['page.jsx', 'stream.jsx']) {
      const filename = join(root, 'solid', name);
      const out = transformSync(readFileSync(filename, 'utf8'), {
        filename,
        babelrc: false,
        configFile: false,
        presets: [[solidPreset, { generate: 'ssr', hydratable }]],
        sourceMaps: false,
        ast: false,
      });
      if (!out?.code) throw new Error(`babel-preset-solid produced no code for ${name}`);
      files.push(write(variant, name.replace(/\.jsx$/, '.mjs'), retarget(out.code, '.jsx', '.mjs')));
    }
  }
  return { files };
}

function markoFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.marko'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

async function buildMarko() {
  const compiler = await import('@marko/compiler');
  const files = [];
  for (const variant of ['resumable', 'static']) {
    const dir = join(root, 'marko', variant);
    for (const filename of markoFiles(dir)) {
      const { code } = compiler.compileFileSync(filename, {
        output: 'html',
        modules: 'esm',
        optimize: true,
        sourceMaps: false,
      });
      files.push(write(`marko-${variant}`, `${relative(dir, filename)}.mjs`, retarget(code, '.marko', '.marko.mjs')));
    }
  }
  return { files };
}

/** Builds every framework's pages; never throws for a framework's compile error. */
export async function build() {
  rmSync(dist, { recursive: true, force: true });
  /** @type {BuildResult[]} */
  const results = [];
  for (const [id, run] of /** @type {const} */ ([
    ['lepta', buildLepta],
    ['solid', buildSolid],
    ['marko', buildMarko],
  ])) {
    try {
      results.push({ id, ok: true, ...(await run()) });
    } catch (error) {
      results.push({ id, ok: false, error: message(error) });
    }
  }
  return results;
}
