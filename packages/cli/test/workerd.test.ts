/**
 * The server bundle on an edge runtime: `lepta new` (basic) → `lepta build`, then the very same
 * `dist/server/entry-server.js` (the app's `createApp` handler, a Fetch-API function) runs in
 * Cloudflare's workerd through Miniflare, listening on loopback.
 *
 * workerd resolves no packages: a Worker is one module (plus Node's built-ins, which the
 * `nodejs_compat` flag provides as `node:*`). The server bundle leaves the app's npm dependencies
 * external (APP.md §3: seroval, …), so a second, tiny build inlines them: its entry is the
 * wrapper below, which imports the built server bundle unchanged. Nothing of the app is rebuilt.
 *
 * Needs `tsc -b`, as e2e.test.ts: the generated project imports the workspace packages' dist/.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { toJSON } from 'seroval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { newProject } from '../src/new.js';
import { SERVER_ENTRY } from '../src/serve.js';
import { serverTeardown } from './helpers.js';

const repoModules = fileURLToPath(new URL('../../../node_modules', import.meta.url));
/** The whole deployment-specific code: a Worker's module shape around the app's handler. */
const WRAPPER = `import handler from './${SERVER_ENTRY}';\nexport default { fetch: (request) => handler(request) };\n`;
/** Package export conditions a Worker bundle is resolved with (the first that a package offers wins). */
const WORKER_CONDITIONS = ['workerd', 'worker', 'browser', 'import', 'default'];
/** The site's origin, as a Worker variable: `nodejs_compat` exposes text variables as `process.env`. */
const ORIGIN = 'https://app.example';

let parent: string;
let project: string;
let mf: Miniflare | undefined;
const teardown = serverTeardown();

/** Bare (package) specifiers imported by an ES module's top-level `import … from`. */
function bareImports(code: string): string[] {
  const specifiers = [...code.matchAll(/^\s*import\s[^;]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]!);
  return specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('/'));
}

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'lepta-workerd-'));
  project = join(parent, 'app');
  await newProject({ dir: project, log: false });
  await symlink(repoModules, join(project, 'node_modules'), 'dir');
  process.env.NODE_ENV = 'production';
  await build({ root: project, log: false });

  await writeFile(join(project, 'worker.js'), WRAPPER);
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    root: project,
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    // Every package inlined; `node:*` stays an import (nodejs_compat). Not `ssr.target:
    // 'webworker'`: Vite then replaces `process.env` with `{}`, and createApp could not read
    // LEPTA_* from the Worker's variables.
    ssr: { noExternal: true, resolve: { conditions: WORKER_CONDITIONS, externalConditions: WORKER_CONDITIONS } },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      ssr: 'worker.js',
      outDir: 'dist/worker',
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { external: [/^node:/], output: { entryFileNames: 'worker.js' } },
    },
  });

  mf = new Miniflare({
    modules: true,
    scriptPath: join(project, 'dist/worker/worker.js'),
    // Module names are paths relative to this (default: the working directory, outside the temp dir).
    modulesRoot: join(project, 'dist/worker'),
    compatibilityDate: '2026-04-26',
    compatibilityFlags: ['nodejs_compat'],
    bindings: { LEPTA_ORIGIN: ORIGIN },
    host: '127.0.0.1',
    port: 0,
  });
  await mf.ready;
}, 120_000);

afterAll(async () => {
  await mf?.dispose();
  await teardown(undefined, parent);
});

/** The production id of `greeting` (SERVER-FUNCTIONS.md §2), as e2e.test.ts computes it. */
function greetingUrl(name: string): string {
  const id = BigInt('0x' + createHash('sha256').update('src/api.ts#greeting').digest('hex')).toString(36).slice(0, 12);
  return `${ORIGIN}/_server/${id}?args=${encodeURIComponent(JSON.stringify(toJSON([name])))}`;
}

describe('the server bundle on workerd (Miniflare)', () => {
  it('needs bundling only for its npm dependencies: the Worker imports nothing but node:*', async () => {
    const server = await readFile(join(project, SERVER_ENTRY), 'utf8');
    const external = bareImports(server);
    expect(external.filter((s) => !s.startsWith('node:')).length).toBeGreaterThan(0);
    const worker = await readFile(join(project, 'dist/worker/worker.js'), 'utf8');
    expect(bareImports(worker).every((s) => s.startsWith('node:'))).toBe(true);
  });

  it('streams the complete page, with the server function’s answer swapped in', async () => {
    const res = await mf!.dispatchFetch(`${ORIGIN}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<title>Lepta app</title>');
    expect(html).toContain('<div id="app">');
    expect(html).toContain('<h1>Lepta</h1>');
    expect(html).toMatch(/Clicked (<!--[^>]*-->)*0(<!--[^>]*-->)* (<!--[^>]*-->)*times/);
    // Out of order: the fallback first, then the resolved boundary and the script that swaps it.
    expect(html).toContain('<p>Asking the server…</p>');
    expect(html).toMatch(/<template id="ls:1"><p id="greeting">Hello, Lepta! /);
    expect(html).toMatch(/<script type="module" src="\/assets\/entry-client-[\w-]{8}\.js"><\/script><\/body><\/html>\s*$/);
  });

  it('answers the server function for the configured origin (LEPTA_ORIGIN from the Worker’s variables)', async () => {
    const res = await mf!.dispatchFetch(greetingUrl('edge'), { headers: { 'x-lepta': '1', accept: 'application/json', origin: ORIGIN } });
    const text = await res.text();
    expect([res.status, text]).toEqual([200, expect.stringContaining('Hello, edge!')]);
  });

  it('refuses a cross-site call', async () => {
    const res = await mf!.dispatchFetch(greetingUrl('edge'), { headers: { 'x-lepta': '1', accept: 'application/json', origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    await res.arrayBuffer();
  });
});
