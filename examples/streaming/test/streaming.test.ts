/**
 * The streaming example end to end: built with `vite build --app` (client in `hydrate` mode,
 * server in `ssr` mode), served by srvx, loaded in real Chromium.
 *
 * Three Suspense boundaries whose data resolves in reverse order (here 1.2 s, 0.8 s, 0.4 s). An
 * init script records, with a MutationObserver, every fallback and every content block as the
 * parser or the swap script inserts it, so the order is observed, not guessed from timing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { serve, type Server } from 'srvx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../test-utils/build-app.js';
import { launchChromium } from '../../../test-utils/chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DELAYS = '1200,800,400';

let browser: Browser;
let server: Server;
let base: string;
/** Server-side fetches per panel, for the page loads of the current test. */
let serverFetches: string[] = [];

beforeAll(async () => {
  const out = await buildApp(root, 'lepta-streaming-');
  const { createHandler } = (await import(/* @vite-ignore */ pathToFileURL(join(out, 'server', 'page.js')).href)) as typeof import('../src/page.js');
  const handler = createHandler({
    async asset(path) {
      if (path !== '/client.js') return undefined;
      return new Response(await readFile(join(out, 'client', 'client.js')), { headers: { 'content-type': 'text/javascript' } });
    },
    onFetch: (panel) => serverFetches.push(panel),
  });
  server = serve({ fetch: handler, hostname: '127.0.0.1', port: 0, silent: true });
  await server.ready();
  base = server.url!.replace(/\/$/, '');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close(true);
});

/** What the init script records in the page. */
interface Timeline {
  events: Array<{ kind: 'fallback' | 'content'; panel: string }>;
}

const RECORD = `
  window.__timeline = { events: [] };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      const found = [n, ...n.querySelectorAll('.fallback, .content')];
      for (const el of found) {
        if (!el.classList) continue;
        const panel = el.closest('.panel')?.id.slice(6) ?? '?';
        if (el.classList.contains('fallback')) window.__timeline.events.push({ kind: 'fallback', panel });
        if (el.classList.contains('content')) window.__timeline.events.push({ kind: 'content', panel });
      }
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function open(
  query: string,
  options: { javaScriptEnabled?: boolean; waitUntil?: 'load' | 'commit' } = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  if (options.javaScriptEnabled !== false) await page.addInitScript(RECORD);
  serverFetches = [];
  await page.goto(`${base}/?${query}`, { waitUntil: options.waitUntil ?? 'load' });
  return { page, problems };
}

describe('examples/streaming in Chromium', () => {
  it('out-of-order: shell and fallbacks first, boundaries in the order their data resolves, then hydration', async () => {
    const { page, problems } = await open(`delays=${DELAYS}`);
    await page.waitForFunction(() => window.__hydrated === true);
    const timeline = (await page.evaluate(() => (window as unknown as { __timeline: Timeline }).__timeline)) as Timeline;

    // The shell came with all three fallbacks, before any content (records keep DOM order).
    expect(timeline.events.slice(0, 3)).toEqual([
      { kind: 'fallback', panel: 'a' },
      { kind: 'fallback', panel: 'b' },
      { kind: 'fallback', panel: 'c' },
    ]);
    // Content arrived in the order the data resolved: c (0.4 s), b (0.8 s), a (1.2 s).
    expect(timeline.events.filter((e) => e.kind === 'content').map((e) => e.panel)).toEqual(['c', 'b', 'a']);
    expect(await page.locator('.fallback').count()).toBe(0);

    // The data crossed over intact (a Set and a Date, through seroval).
    for (const panel of ['a', 'b', 'c']) {
      expect(await page.textContent(`#panel-${panel} .content p`)).toBe(`Loaded ${panel} (2 tags, a Date)`);
    }

    // Hydrated: a button inside each boundary works, and keeps its node.
    for (const panel of ['a', 'b', 'c']) {
      const button = page.locator(`#panel-${panel} button`);
      const before = await button.elementHandle();
      await button.click();
      await button.click();
      expect(await button.textContent()).toBe('Clicked 2 times');
      expect(await page.evaluate(([b, p]) => b === document.querySelector(`#panel-${p} button`), [before, panel] as const)).toBe(true);
    }

    // Nothing was fetched twice: once per panel on the server, never in the browser.
    expect(serverFetches.sort()).toEqual(['a', 'b', 'c']);
    expect(await page.evaluate(() => window.__fetches)).toEqual([]);
    // No mismatch warnings, no errors.
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('in-order with JavaScript disabled shows the complete page', async () => {
    const { page, problems } = await open(`delays=${DELAYS}&mode=in-order`, { javaScriptEnabled: false });
    expect(await page.locator('.fallback').count()).toBe(0);
    for (const panel of ['a', 'b', 'c']) {
      expect(await page.textContent(`#panel-${panel} .content p`)).toBe(`Loaded ${panel} (2 tags, a Date)`);
      expect(await page.textContent(`#panel-${panel} button`)).toBe('Clicked 0 times');
    }
    expect(serverFetches.sort()).toEqual(['a', 'b', 'c']);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('in-order with JavaScript hydrates the same page', async () => {
    const { page, problems } = await open(`delays=${DELAYS}&mode=in-order`);
    await page.waitForFunction(() => window.__hydrated === true);
    await page.click('#panel-b button');
    expect(await page.textContent('#panel-b button')).toBe('Clicked 1 times');
    expect(await page.evaluate(() => window.__fetches)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a click before hydration is not lost', async () => {
    // Panel c's data comes at once; a and b keep the stream, and so hydration, waiting.
    const { page, problems } = await open('delays=1500,1500,0', { waitUntil: 'commit' });
    await page.waitForSelector('#panel-c button');
    expect(await page.evaluate(() => window.__hydrated)).toBeUndefined();
    await page.click('#panel-c button');
    expect(await page.textContent('#panel-c button')).toBe('Clicked 0 times');
    await page.waitForFunction(() => window.__hydrated === true);
    // Replayed once through the handler hydration attached.
    expect(await page.textContent('#panel-c button')).toBe('Clicked 1 times');
    await page.click('#panel-c button');
    expect(await page.textContent('#panel-c button')).toBe('Clicked 2 times');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
