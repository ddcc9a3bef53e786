/**
 * Compiled components in real Chromium: the Vite plugin below runs @lepta/compiler on .tsx
 * modules, the bundle runs against @lepta/dom. Checks what happy-dom cannot: SVG and MathML
 * namespaces (standalone roots with template flags, <a> inside <svg>, HTML inside
 * foreignObject), layout of SVG, and delegated events and bindings in a real browser.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleForBrowser, launchChromium } from '../../../test-utils/chromium.js';
import { compile } from '../src/index.js';

const leptaCompiler = {
  name: 'lepta-compiler-test',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!id.endsWith('.tsx')) return null;
    const out = compile(code, { filename: id, moduleName: '@lepta/dom', typescript: 'strip' });
    return { code: out.code, map: out.map };
  },
};

let browser: Browser;
let page: Page;
const call = <T>(name: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([n, a]) => (window as unknown as { __leptaTest: Record<string, (...x: unknown[]) => unknown> }).__leptaTest[n as string]!(...(a as unknown[])), [name, args] as const) as Promise<T>;

beforeAll(async () => {
  const code = await bundleForBrowser(new URL('./scene-entry.ts', import.meta.url).pathname, { plugins: [leptaCompiler] });
  browser = await launchChromium();
  page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: code });
  await call('start');
  expect(errors).toEqual([]);
});
afterAll(() => browser?.close());

it('creates SVG, MathML and HTML-in-SVG in the right namespaces', async () => {
  const r = await call<Record<string, unknown>>('report');
  expect(r).toMatchObject({
    circleNs: true,
    circleIsSvg: true,
    circleWidth: 20,
    aNs: true,
    useHref: '#dot',
    pNs: true,
    pText: 'x',
    miNs: true,
    miText: 'x',
    inputValue: 'x',
  });
});

it('delegated events and bind:value update the scene', async () => {
  await call('grow');
  await call('type', 'hello');
  const r = await call<Record<string, unknown>>('report');
  expect(r).toMatchObject({ radius: 15, circleWidth: 30, label: 'hello', pText: 'hello', miText: 'hello' });
});
