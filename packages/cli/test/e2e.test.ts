/**
 * End to end: `lepta new` (basic) into a temporary directory, `lepta build`, `lepta serve`, and
 * real requests. The generated project resolves this repository's packages the way an installed
 * app does, by plain package imports: its node_modules is a link to the repository's, where the
 * workspace packages are linked (their published entry points, dist/: run `tsc -b` first).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJSON } from 'seroval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.js';
import { newProject } from '../src/new.js';
import { serve, type RunningServer } from '../src/serve.js';
import { serverTeardown } from './helpers.js';

const repoModules = fileURLToPath(new URL('../../../node_modules', import.meta.url));
let parent: string;
let project: string;
let server: RunningServer | undefined;
const teardown = serverTeardown();

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'lepta-e2e-'));
  project = join(parent, 'app');
  await newProject({ dir: project, log: false });
  await symlink(repoModules, join(project, 'node_modules'), 'dir');
  // As from a shell: vitest's NODE_ENV=test would make Vite build development output (readable
  // server-function ids, dev warnings).
  process.env.NODE_ENV = 'production';
  await build({ root: project, log: false });
  server = await serve({ root: project, flags: { addr: '127.0.0.1:0' }, handleSignals: false, log: false });
}, 180_000);

afterAll(() => teardown(server, parent));

describe('lepta new → build → serve', () => {
  it('serves the complete page, rendered with the server function’s answer', async () => {
    const res = await fetch(server!.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<title>Lepta app</title>');
    expect(html).toContain('<div id="app">');
    expect(html).toContain('<h1>Lepta</h1>');
    expect(html).toMatch(/Clicked (<!--[^>]*-->)*0(<!--[^>]*-->)* (<!--[^>]*-->)*times/);
    expect(html).toContain('Hello, Lepta!');
    expect(html).toMatch(/<\/html>\s*$/);
  });

  it('links a hashed client script, served immutable and precompressed', async () => {
    const html = await (await fetch(server!.url)).text();
    const src = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
    expect(src).toMatch(/^\/assets\/.+-[\w-]{8}\.js$/);
    const plain = await fetch(new URL(src!, server!.url), { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const code = await plain.text();
    // fetch() decodes the brotli variant it asked for: the same script comes out.
    const br = await fetch(new URL(src!, server!.url), { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('accept-encoding');
    expect(await br.text()).toBe(code);
  });

  it('answers the server function over HTTP', async () => {
    // The production id: SERVER-FUNCTIONS.md §2, base36(sha256("src/api.ts#greeting")).slice(0, 12).
    const id = BigInt('0x' + createHash('sha256').update('src/api.ts#greeting').digest('hex')).toString(36).slice(0, 12);
    const args = encodeURIComponent(JSON.stringify(toJSON(['e2e'])));
    const res = await fetch(new URL(`/_server/${id}?args=${args}`, server!.url), { headers: { 'x-lepta': '1', accept: 'application/json' } });
    const text = await res.text();
    expect([res.status, text]).toEqual([200, expect.stringContaining('Hello, e2e!')]);
  });
});
