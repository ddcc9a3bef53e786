/**
 * Component hot replacement in `vite dev` (src/hmr.ts, @lepta/dom/hmr), in real Chromium: an
 * edit re-renders the edited component in place, without a reload, and signal values survive.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test-utils/chromium.js';
import { copyFixture, fixtureConfig } from '../test/fixture.js';

let app: { root: string; remove: () => Promise<void> };
let server: ViteDevServer;
let browser: Browser;
let page: Page;
let base: string;

const COUNTER = `import { signal } from 'lepta';

export function Counter() {
  const [count, setCount] = signal(0);
  return <button id="counter" onClick={() => setCount(count() + 1)}>Count: {count()}</button>;
}
`;

async function edit(file: string, from: string, to: string): Promise<void> {
  const path = join(app.root, file);
  const text = await readFile(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  await writeFile(path, text.replace(from, to));
}

beforeAll(async () => {
  app = await copyFixture();
  await writeFile(join(app.root, 'src/Counter.tsx'), COUNTER);
  await edit('src/App.tsx', "import './app.css';", "import './app.css';\nimport { Counter } from './Counter.js';");
  await edit('src/App.tsx', '<h1>Fixture app</h1>', '<h1>Fixture app</h1>\n      <Counter />');
  const { createServer } = await import('vite');
  server = await createServer({ ...fixtureConfig(app.root), server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  base = `http://127.0.0.1:${(server.httpServer!.address() as { port: number }).port}`;
  browser = await launchChromium();
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await app?.remove();
});

describe('hot component replacement', () => {
  it('updates an edited component in place and keeps its count; a parent edit keeps the child count', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(base + '/');
    await page.waitForFunction(() => document.querySelector('#greeting')?.textContent === 'hello fixture');
    for (let i = 0; i < 3; i++) await page.click('#counter');
    expect(await page.textContent('#counter')).toBe('Count: 3');
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));

    await edit('src/Counter.tsx', 'Count: ', 'Clicks: ');
    await page.waitForFunction(() => document.querySelector('#counter')?.textContent?.startsWith('Clicks'), undefined, { timeout: 10_000 });
    expect(await page.textContent('#counter')).toBe('Clicks: 3');
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    // The new implementation is live.
    await page.click('#counter');
    expect(await page.textContent('#counter')).toBe('Clicks: 4');

    // Editing the parent re-creates the child, which takes its old count.
    await edit('src/App.tsx', '<h1>Fixture app</h1>', '<h1>Hot fixture</h1>');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Hot fixture', undefined, { timeout: 10_000 });
    expect(await page.textContent('#counter')).toBe('Clicks: 4');
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    expect(errors).toEqual([]);
  });
});
