/**
 * The dev server (APP.md §3): pages rendered through the `ssr` environment's runner, server
 * functions answered, edits applied on the next request, compile errors located.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, copyFixture, fixtureConfig, result } from './fixture.js';

let app: { root: string; remove: () => Promise<void> };
let server: ViteDevServer;
let base: string;
const id = 'src/api.ts#greet';

beforeAll(async () => {
  app = await copyFixture();
  const { createServer } = await import('vite');
  server = await createServer({ ...fixtureConfig(app.root), server: { port: 0, host: '127.0.0.1', ws: false } });
  await server.listen();
  const address = server.httpServer!.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
}, 20_000);

afterAll(async () => {
  await server?.close();
  await app?.remove();
});

describe('vite dev', () => {
  it('renders the whole page on the server, with Vite client and the client entry', async () => {
    const response = await fetch(base + '/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html><html lang="en"><head>/);
    expect(html).toContain('<title>Fixture</title>');
    expect(html).toContain('<div id="app"><main><h1>Fixture app</h1>');
    expect(html).toContain('hello fixture');
    expect(html).toContain('<script type="module" src="/@vite/client"></script><script type="module" src="/src/entry-client.tsx"></script></body></html>');
  });

  it('links the CSS the client entry imports, before any script runs (dev-styles.css)', async () => {
    const html = await (await fetch(base + '/')).text();
    expect(html).toContain('<link rel="stylesheet" href="/@lepta/dev-styles.css">');
    const styles = await fetch(base + '/@lepta/dev-styles.css');
    expect(styles.status).toBe(200);
    expect(styles.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await styles.text()).toBe('@import url("/src/app.css");\n');
    // What the browser then asks for: a stylesheet, which Vite answers with the CSS itself.
    const css = await fetch(base + '/src/app.css', { headers: { accept: 'text/css,*/*;q=0.1' } });
    expect(await css.text()).toContain('rebeccapurple');
  });

  it('still serves modules: the client entry compiled in hydrate mode', async () => {
    const response = await fetch(base + '/src/entry-client.tsx');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('hydrate');
  });

  it('answers server functions, and an edit applies on the next call', async () => {
    const first = await fetch(call(base, id, ['dev']));
    expect(first.status).toBe(200);
    expect(await result(first)).toBe('hello dev');
    const file = join(app.root, 'src/api.ts');
    await writeFile(file, (await readFile(file, 'utf8')).replace('`hello ${name}`', '`bonjour ${name}`'));
    // The watcher tells the runner; poll briefly instead of guessing its delay.
    let text: unknown;
    for (let i = 0; i < 50 && text !== 'bonjour dev'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      text = await result(await fetch(call(base, id, ['dev'])));
    }
    expect(text).toBe('bonjour dev');
  });

  it('reports a compile error with its location and frame', async () => {
    const file = join(app.root, 'src/Broken.tsx');
    await writeFile(file, 'export const Broken = () => (\n  <div>\n    <span>\n  </div>\n);\n');
    const error = await server.environments.client.transformRequest('/src/Broken.tsx').then(
      () => undefined,
      (e: unknown) => e as { message: string; loc?: { file: string; line: number; column: number }; frame?: string },
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain("closing tag for 'span'");
    expect(error?.loc).toEqual({ file, line: expect.any(Number), column: expect.any(Number) });
    expect(error!.loc).toEqual({ file, line: 4, column: 4 });
    expect(error?.frame).toContain('|');
  });

  it('shows a server render error with its source position', async () => {
    const file = join(app.root, 'src/App.tsx');
    await writeFile(file, (await readFile(file, 'utf8')).replace('<h1>Fixture app</h1>', "<h1>{(() => { throw new Error('render failed'); })()}</h1>"));
    // The terminal gets the error too (createApp's default onError).
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let response: Response | undefined;
    for (let i = 0; i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      response = await fetch(base + '/');
      if (response.status === 500) break;
      await response.text();
    }
    expect(response?.status).toBe(500);
    const html = await response!.text();
    expect(html).toContain('render failed');
    expect(html).toMatch(/App\.tsx:\d+:\d+/);
    expect(String(logged.mock.calls.flat().find((arg) => arg instanceof Error))).toContain('render failed');
    logged.mockRestore();
  });
});
