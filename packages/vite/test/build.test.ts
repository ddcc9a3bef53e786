/**
 * `vite build` of an app (APP.md §3): client then server; the server bundle's default export
 * is the app's handler, linking the hashed client files from the manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, copyFixture, fixtureConfig, result, serverFunctionId } from './fixture.js';

let app: { root: string; remove: () => Promise<void> };
let handler: (request: Request) => Promise<Response>;
let manifest: Record<string, { file: string; css?: string[] }>;
const origin = 'http://127.0.0.1:3000';

beforeAll(async () => {
  app = await copyFixture();
  const { createBuilder } = await import('vite');
  const builder = await createBuilder(fixtureConfig(app.root));
  await builder.buildApp();
  manifest = JSON.parse(readFileSync(join(app.root, 'dist/client/.vite/manifest.json'), 'utf8'));
  const entry = pathToFileURL(join(app.root, 'dist/server/entry-server.js')).href;
  handler = ((await import(/* @vite-ignore */ entry)) as { default: typeof handler }).default;
}, 30_000);

afterAll(() => app?.remove());

describe('vite build', () => {
  it('builds the client with a manifest and the server as dist/server/entry-server.js', () => {
    const entry = manifest['src/entry-client.tsx']!;
    expect(entry.file).toMatch(/^assets\/entry-client-[\w-]+\.js$/);
    expect(entry.css?.[0]).toMatch(/^assets\/.+\.css$/);
    expect(existsSync(join(app.root, 'dist/client', entry.file))).toBe(true);
    // Lepta is bundled into the server; other packages stay imports.
    const server = readFileSync(join(app.root, 'dist/server/entry-server.js'), 'utf8');
    expect(server).not.toMatch(/from ['"]lepta/);
    expect(server).not.toMatch(/from ['"]@lepta\//);
  });

  it('streams the whole document with the hashed assets', async () => {
    const response = await handler(new Request(origin + '/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    const entry = manifest['src/entry-client.tsx']!;
    expect(html).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport"[^>]*><title>Fixture<\/title><script/);
    expect(html).toContain(`<link rel="stylesheet" href="/${entry.css![0]}">`);
    expect(html).toContain(`<link rel="modulepreload" href="/${entry.file}">`);
    expect(html).toContain('<div id="app"><main><h1>Fixture app</h1>');
    expect(html).toContain('hello fixture');
    expect(html).toMatch(new RegExp(`</div><script type="module" src="/${entry.file}"></script></body></html>$`));
    expect(html).not.toContain('@vite/client');
  });

  it('answers server functions under /_server', async () => {
    // Readable ids unless Vite builds for production (NODE_ENV, which vitest sets to `test`).
    const id = serverFunctionId('src/api.ts', 'greet', process.env.NODE_ENV !== 'production');
    const response = await handler(call(origin, id, ['build']));
    expect(response.status).toBe(200);
    expect(await result(response)).toBe('hello build');
  });

  it('refuses a call from another origin', async () => {
    const request = call(origin, serverFunctionId('src/api.ts', 'greet', process.env.NODE_ENV !== 'production'), ['x']);
    request.headers.set('origin', 'https://evil.example');
    expect((await handler(request)).status).toBe(403);
  });
});
