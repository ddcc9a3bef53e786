/**
 * The counter example, built with Vite and clicked through in real Chromium.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test-utils/chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let outDir: string;
let server: Server;
let browser: Browser;
let url: string;

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

beforeAll(async () => {
  const { build } = await import('vite');
  outDir = await mkdtemp(join(tmpdir(), 'lepta-counter-'));
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForSelector('#count');
  return { page, errors };
}

describe('examples/counter in Chromium', () => {
  it('counts up and down, and derives double', async () => {
    const { page, errors } = await open();
    const count = page.locator('#count');
    const countNode = await count.elementHandle();
    await page.click('#increment');
    await page.click('#increment');
    await page.click('#increment');
    await page.click('#decrement');
    expect(await count.textContent()).toBe('2');
    expect(await page.textContent('#double')).toBe('4');
    // The component ran once: the same <output> element is still there.
    expect(await page.evaluate((n) => n === document.getElementById('count'), countNode)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('binds the input both ways, adds and removes list items', async () => {
    const { page, errors } = await open();
    expect(await page.isDisabled('#add')).toBe(true);
    await page.fill('#draft', 'milk');
    expect(await page.textContent('#preview')).toBe('Typing: milk');
    expect(await page.isDisabled('#add')).toBe(false);
    await page.click('#add');
    expect(await page.inputValue('#draft')).toBe(''); // the signal was cleared: the input follows
    await page.fill('#draft', 'eggs');
    await page.click('#add');
    await page.fill('#draft', 'bread');
    await page.click('#add');
    expect(await page.locator('#list .text').allTextContents()).toEqual(['milk', 'eggs', 'bread']);
    const breadRow = await page.locator('#list li').nth(2).elementHandle();
    await page.locator('#list li').nth(1).locator('.remove').click();
    expect(await page.locator('#list .text').allTextContents()).toEqual(['milk', 'bread']);
    // The surviving row was moved, not re-created.
    expect(await page.evaluate((n) => n === document.querySelectorAll('#list li')[1], breadRow)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
