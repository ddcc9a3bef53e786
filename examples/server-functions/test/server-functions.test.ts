/**
 * Server functions end to end: the example built with `vite build --app`, served by srvx
 * (`serveNode`), driven in real Chromium with JavaScript on and off.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../test-utils/build-app.js';
import { launchChromium } from '../../../test-utils/chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));

let browser: Browser;
let out: string;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  out = await buildApp(root, 'lepta-server-functions-');
  const { createServer } = await import('node:http');
  // The origin is only known once the port is: take a port first, then build the handler.
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  base = `http://127.0.0.1:${port}`;
  const { createApp } = (await import(/* @vite-ignore */ pathToFileURL(join(out, 'server', 'page.js')).href)) as typeof import('../src/page.js');
  const { serveNode } = await import('@lepta/server/node');
  const handler = createApp({
    origin: base,
    async asset(path) {
      if (path !== '/client.js') return undefined;
      return new Response(await readFile(join(out, 'client', 'client.js')), { headers: { 'content-type': 'text/javascript' } });
    },
  });
  const server = await serveNode(handler, { hostname: '127.0.0.1', port, log: false });
  close = () => server.close(true);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await close?.();
});

async function open(javaScriptEnabled: boolean): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'warning' || (m.type() === 'error' && !m.text().includes('Failed to load resource'))) problems.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(`${base}/`, { waitUntil: 'load' });
  if (javaScriptEnabled) await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
  return { page, problems };
}

describe('examples/server-functions in Chromium', () => {
  it('the client bundle holds no server code', async () => {
    const client = await readFile(join(out, 'client', 'client.js'), 'utf8');
    expect(client).not.toContain('The server said no');
    expect(client).not.toContain('A title is required');
    expect(client).not.toMatch(/node:crypto|createHash/);
    expect(client).toContain('/_server');
    expect((await readdir(join(out, 'client'))).filter((f) => f.endsWith('.js'))).toEqual(['client.js']);
  });

  it('with JavaScript: rich values, an ActionForm, a streamed result, an error in an ErrorBoundary', async () => {
    const { page, problems } = await open(true);
    expect(await page.textContent('#stats')).toMatch(/^Date 2026-11-25, Map of \d+$/);
    expect(await page.textContent('#errors')).toBe('Caught: The server said no');

    // Add through the form: the action updates, the list refetches.
    await page.fill('input[name=title]', 'bread');
    await page.click('#items button[type=submit]');
    await page.waitForSelector('.added');
    expect(await page.textContent('.added')).toBe('Added bread');
    await page.waitForFunction(() => document.querySelectorAll('#list li').length >= 2);
    expect(await page.$$eval('#list li', (lis) => lis.map((li) => li.textContent))).toContain('bread');
    expect(await page.inputValue('input[name=title]')).toBe('');

    // An empty title: the function throws, the error is shown.
    await page.fill('input[name=title]', '   ');
    await page.click('#items button[type=submit]');
    await page.waitForSelector('#items .error');
    expect(await page.textContent('#items .error')).toBe('A title is required');

    // Streamed: lines arrive one by one, before the function has finished.
    await page.click('#start');
    await page.waitForSelector('#lines li');
    expect(await page.locator('#done').count()).toBe(0);
    await page.waitForSelector('#done');
    expect(await page.$$eval('#lines li', (lis) => lis.map((li) => li.textContent))).toEqual(['item 3', 'item 2', 'item 1']);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript: the form posts, the page comes back with the result or the error', async () => {
    const { page, problems } = await open(false);
    expect(await page.textContent('#stats')).toMatch(/^Date 2026-11-25, Map of \d+$/);
    await page.fill('input[name=title]', 'butter');
    await Promise.all([page.waitForURL(`${base}/`), page.click('#items button[type=submit]')]);
    await page.waitForSelector('.added');
    expect(await page.textContent('.added')).toBe('Added butter');
    expect(await page.$$eval('#list li', (lis) => lis.map((li) => li.textContent))).toContain('butter');

    await page.fill('input[name=title]', '');
    await Promise.all([page.waitForURL(`${base}/`), page.click('#items button[type=submit]')]);
    expect(await page.textContent('#items .error')).toBe('A title is required');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
