/**
 * Hydration in real Chromium: the App (hydrate-app.tsx) is rendered to HTML in Node by its
 * `ssr`-compiled form, the page is loaded with that HTML and the server's hydration script, a
 * button is clicked before any app code is there, then the `hydrate`-compiled bundle hydrates:
 * the server's nodes are kept (same objects, no mutation but the replayed click's update), the
 * early click is replayed once, and the app is live.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { root } from '@lepta/reactive';
import { hydrationScript } from '@lepta/server';
import { compile } from '@lepta/compiler';
import { bundleForBrowser, launchChromium } from '../../../test-utils/chromium.js';

const here = dirname(fileURLToPath(import.meta.url));
const appFile = join(here, 'hydrate-app.tsx');

/** The App's HTML as the server renders it (`ssr`-compiled, rendered in this process). */
async function serverHtml(): Promise<string> {
  const tmp = join(here, `.tmp-hydrate-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  try {
    const { code } = compile(readFileSync(appFile, 'utf8'), { filename: appFile, mode: 'ssr', moduleName: '@lepta/server/runtime', typescript: 'strip' });
    const file = join(tmp, 'app.js');
    writeFileSync(file, code);
    const server = await import(/* @vite-ignore */ pathToFileURL(file).href);
    const runtime = await import('@lepta/server/runtime');
    return root((dispose) => {
      const html = runtime.escape(runtime.createComponent(server.App, {}));
      dispose();
      return html;
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const hydrateCompiler = {
  name: 'lepta-hydrate-test',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!id.endsWith('.tsx')) return null;
    const out = compile(code, { filename: id, mode: 'hydrate', moduleName: '@lepta/dom', typescript: 'strip' });
    return { code: out.code, map: out.map };
  },
};

let browser: Browser;
let page: Page;
let bundle: string;
let html: string;
const errors: string[] = [];
const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([n, a]) => (window as unknown as { __leptaTest: Record<string, (...x: unknown[]) => unknown> }).__leptaTest[n as string]!(...(a as unknown[])), [name, args] as const) as Promise<T>;

beforeAll(async () => {
  [html, bundle] = await Promise.all([serverHtml(), bundleForBrowser(join(here, 'hydrate-entry.ts'), { plugins: [hydrateCompiler] })]);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') errors.push(m.text());
  });
  await page.setContent(`<!doctype html><html><head>${hydrationScript()}</head><body><div id="app">${html}</div></body></html>`);
});
afterAll(() => browser?.close());

it('the server HTML has the hydration markers', () => {
  expect(html).toContain('Count: <!--[-->0<!--]-->');
  expect(html).toContain('<ul><li>a</li><li>b</li></ul>');
});

it('hydrates without touching the server nodes, replays the early click, and is live', async () => {
  // Clicked before the app's code is on the page: the hydration script captures it.
  await page.click('#inc span');
  expect(await page.textContent('#count')).toBe('Count: 0');

  await page.addScriptTag({ content: bundle });
  const nodes = await call<number>('snapshot');
  expect(nodes).toBeGreaterThan(10);
  const result = await call<{ mutations: string[]; sameNodes: boolean; captured: unknown }>('hydrateApp');
  expect(result.sameNodes).toBe(true);
  expect(result.captured).toBe(null);
  // The only change: the replayed click's count, in the server's text node.
  expect(result.mutations).toEqual(['characterData #text 1']);
  expect(await page.textContent('#count')).toBe('Count: 1');

  await page.click('#inc');
  expect(await page.textContent('#count')).toBe('Count: 2');
  await page.click('#add');
  expect(await page.$$eval('li', (lis) => lis.map((li) => li.textContent))).toEqual(['a', 'b', 'c']);
  expect(await call('listKept')).toBe(true);
  expect(errors).toEqual([]);
});
