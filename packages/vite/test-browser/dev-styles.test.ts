/**
 * In real Chromium, with JavaScript switched off: a page from the dev server is styled by the CSS
 * its components import (dev-styles.ts), before (here: without) any script.
 */
import type { ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../../test-utils/chromium.js';
import { copyFixture, fixtureConfig } from '../test/fixture.js';

let app: { root: string; remove: () => Promise<void> };
let server: ViteDevServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  app = await copyFixture();
  const { createServer } = await import('vite');
  server = await createServer({ ...fixtureConfig(app.root), server: { port: 0, host: '127.0.0.1', ws: false } });
  await server.listen();
  base = `http://127.0.0.1:${(server.httpServer!.address() as { port: number }).port}`;
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await app?.remove();
});

it('styles a dev page with JavaScript off', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + '/', { waitUntil: 'load' });
  // rebeccapurple, from src/app.css (imported by App.tsx)
  expect(await page.$eval('h1', (h1) => getComputedStyle(h1).color)).toBe('rgb(102, 51, 153)');
  await context.close();
}, 30_000);
