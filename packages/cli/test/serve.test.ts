import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../src/serve.js';
import { serverTeardown } from './helpers.js';

/**
 * A built app written by hand (what `lepta build` leaves in dist/): its server entry reports the
 * LEPTA_* settings it saw at load time, streams a page slowly, and fails on /boom.
 */
const ENTRY = `
const seenAtLoad = { origin: process.env.LEPTA_ORIGIN, prefix: process.env.LEPTA_PREFIX, mode: process.env.LEPTA_SSR_MODE };
export default async function app(request) {
  const url = new URL(request.url);
  if (url.pathname === '/env') return Response.json(seenAtLoad);
  if (url.pathname === '/boom') throw new Error('boom');
  if (url.pathname === '/slow') {
    const encoder = new TextEncoder();
    const body = new ReadableStream({
      async start(controller) {
        controller.enqueue(encoder.encode('<p>first</p>'));
        await new Promise((r) => setTimeout(r, 300));
        controller.enqueue(encoder.encode('<p>second</p>'));
        controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  return new Response('page ' + url.pathname, { status: url.pathname === '/' ? 200 : 404 });
}
`;

let root: string;
let running: RunningServer;
const teardown = serverTeardown();

async function writeApp(dir: string): Promise<void> {
  await mkdir(join(dir, 'dist/server'), { recursive: true });
  await mkdir(join(dir, 'dist/client/assets'), { recursive: true });
  await writeFile(join(dir, 'dist/server/entry-server.js'), ENTRY);
  await writeFile(join(dir, 'dist/client/assets/entry-client-Ab12Cd34.js'), 'console.log(1)');
  await writeFile(join(dir, 'dist/client/favicon.ico'), 'icon');
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lepta-serve-'));
  await writeApp(root);
  // The app reads process.env, as a real one does.
  running = await serve({ root, flags: { addr: '127.0.0.1:0', prefix: '/rpc' }, handleSignals: false, log: false });
});
afterAll(() => teardown(running, root));

describe('lepta serve', () => {
  it('serves files from dist/client and everything else through the app', async () => {
    const asset = await fetch(new URL('/assets/entry-client-Ab12Cd34.js', running.url));
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');
    const icon = await fetch(new URL('/favicon.ico', running.url));
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    expect(await (await fetch(running.url)).text()).toBe('page /');
    const missing = await fetch(new URL('/assets/missing.js', running.url));
    expect([missing.status, await missing.text()]).toEqual([404, 'page /assets/missing.js']);
  });

  it('exports the settings before the app loads, with the real port in the origin', async () => {
    const seen = await (await fetch(new URL('/env', running.url))).json();
    expect(seen).toEqual({ origin: running.url.replace(/\/$/, ''), prefix: '/rpc', mode: 'out-of-order' });
    expect(running.url).not.toMatch(/:0\/$/);
  });

  it('streams responses as they are produced', async () => {
    const res = await fetch(new URL('/slow', running.url));
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('<p>first</p>');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('<p>second</p>');
  });

  it('answers 500 when the app throws', async () => {
    expect((await fetch(new URL('/boom', running.url))).status).toBe(500);
  });

  it('refuses a missing build with a clear message', async () => {
    await expect(serve({ root: tmpdir(), env: {}, handleSignals: false, log: false })).rejects.toThrow(/run `lepta build` first/);
  });

  it('lets an in-flight request finish on close, then stops accepting', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lepta-serve-close-'));
    await writeApp(dir);
    const server = await serve({ root: dir, flags: { addr: '127.0.0.1:0' }, env: {}, handleSignals: false, log: false });
    const inFlight = fetch(new URL('/slow', server.url)).then((res) => res.text());
    await new Promise((r) => setTimeout(r, 50));
    await server.close();
    expect(await inFlight).toBe('<p>first</p><p>second</p>');
    await expect(fetch(server.url)).rejects.toThrow();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('the lepta binary', () => {
  it('exits 0 on SIGTERM after the request in flight is answered', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lepta-serve-signal-'));
    await writeApp(dir);
    // The real binary: bin/lepta.js runs dist/cli.js, so this needs `tsc -b` first (npm test does it).
    const bin = fileURLToPath(new URL('../bin/lepta.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'serve', '--root', dir, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (text: string) => {
        output += text;
        const match = /listening on (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    const inFlight = fetch(new URL('/slow', url)).then((res) => res.text());
    await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(await inFlight).toBe('<p>first</p><p>second</p>');
    expect(code).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });
});
