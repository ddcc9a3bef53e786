/**
 * The compiled pages (dist/, from build.mjs) behind one interface: `render(input) → string`, and
 * for the streaming measurement `stream(input)` → whatever the framework's renderToStream returns.
 *
 * | id             | page source                | hydration markers                                  |
 * |----------------|----------------------------|----------------------------------------------------|
 * | `lepta`        | lepta/page.tsx             | Lepta's (always: brackets around dynamic regions)  |
 * | `marko`        | marko/resumable/*.marko    | Marko 6's resume comments + resume script          |
 * | `solid`        | solid/page.jsx, hydratable | Solid's `data-hk` keys                             |
 * | `marko-static` | marko/static/*.marko       | none (nothing interactive to resume)               |
 * | `solid-static` | solid/page.jsx, not hydr.  | none                                               |
 *
 * The first three are the same interactive page as each framework would server-render it for a
 * hydrated (resumed) app: the comparison the RESULT line is about. The last two show what each
 * costs without hydration, for reference.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dist } from './build.mjs';

/**
 * @typedef {object} Contestant
 * @property {string} id
 * @property {string} label          how the tables name it
 * @property {'lepta'|'marko'|'solid'} family
 * @property {(input: import('../shared/data.mjs').PageInput) => string} render
 * @property {((input: object) => unknown) | undefined} [stream]
 */

export const CONTESTANTS = /** @type {const} */ ([
  { id: 'lepta', label: 'lepta', family: 'lepta' },
  { id: 'marko', label: 'marko (resumable)', family: 'marko' },
  { id: 'solid', label: 'solid (hydratable)', family: 'solid' },
  { id: 'marko-static', label: 'marko (no resume)', family: 'marko' },
  { id: 'solid-static', label: 'solid (not hydratable)', family: 'solid' },
]);

const require = createRequire(import.meta.url);

/**
 * The installed version of a package, for the report's header: its `./package.json` export, or
 * (the workspace packages export none) the package.json found upwards from its entry point.
 */
export function versionOf(name) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    // Not exported: look upwards from the entry point.
  }
  try {
    let dir = dirname(require.resolve(name));
    for (;;) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8'));
        if (pkg.name === name) return pkg.version;
      }
      if (dirname(dir) === dir) return '?';
      dir = dirname(dir);
    }
  } catch {
    return '?';
  }
}

const load = (file) => import(pathToFileURL(join(dist, file)).href);

/**
 * Solid must run its server renderer: `solid-js/web` resolves per export condition, and only the
 * `node` (or `worker`/`deno`) condition gives web/dist/server.js; the default is the browser
 * build, whose renderToString does not exist. Checked on the module the compiled page imports.
 */
async function assertSolidServer() {
  const url = import.meta.resolve('solid-js/web');
  const web = await import(url);
  const file = fileURLToPath(url);
  if (!file.endsWith(join('web', 'dist', 'server.js')) || web.isServer !== true) {
    throw new Error(`solid-js/web resolved to ${file} (isServer = ${web.isServer}): not Solid's server renderer`);
  }
  return file;
}

/**
 * The string a render returned. Lepta's renderToString is typed to return a string; an `Html`
 * (`{ t }`) is accepted too so that a change of return type does not stop the benchmark.
 */
function asString(value) {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof value.t === 'string') return value.t;
  if (value && typeof value === 'object' && typeof value.html === 'string') return value.html;
  throw new TypeError(`render returned ${Object.prototype.toString.call(value)}, not a string`);
}

/**
 * Loads every contestant whose framework built. Returns the loaded ones and, per id, why the
 * others are missing; `solidServer` is the file Solid's renderer was loaded from.
 * @param {Map<string, import('./build.mjs').BuildResult>} builds  by framework
 */
export async function loadContestants(builds) {
  /** @type {Contestant[]} */
  const loaded = [];
  /** @type {Map<string, string>} */
  const missing = new Map();
  let solidServer;
  for (const c of CONTESTANTS) {
    const build = builds.get(c.family);
    if (!build?.ok) {
      missing.set(c.id, `build failed: ${build?.error ?? 'not built'}`);
      continue;
    }
    try {
      if (c.family === 'lepta') {
        const page = await load('lepta/page.mjs');
        // The string benchmark does not need streaming: keep it when only the stream page fails.
        let stream;
        if (build.streamError) {
          missing.set('lepta-stream', `build failed: ${build.streamError}`);
        } else {
          try {
            stream = (await load('lepta/stream.mjs')).stream;
          } catch (error) {
            missing.set('lepta-stream', `load failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        loaded.push({ ...c, render: (input) => asString(page.render(input)), stream });
      } else if (c.family === 'solid') {
        solidServer ??= await assertSolidServer();
        const dir = c.id === 'solid' ? 'solid-hydratable' : 'solid-static';
        const page = await load(`${dir}/page.mjs`);
        // Streaming is measured on the hydratable build: a streamed page is a hydrated one.
        const stream = c.id === 'solid' ? (await load(`${dir}/stream.mjs`)).stream : undefined;
        loaded.push({ ...c, render: page.render, stream });
      } else {
        const dir = c.id === 'marko' ? 'marko-resumable' : 'marko-static';
        const template = (await load(`${dir}/page.marko.mjs`)).default;
        // `toString()` is Marko's synchronous render to a string (it throws if the template
        // awaits anything, which this one does not): the counterpart of renderToString.
        loaded.push({ ...c, render: (input) => template.render(input).toString() });
      }
    } catch (error) {
      missing.set(c.id, `load failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { loaded, missing, solidServer };
}
