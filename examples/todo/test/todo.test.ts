/**
 * The todo app end to end: built with Vite (`createBuilder().buildApp()`, the app's own config),
 * its server entry served on a free port with a fresh database file, driven in real Chromium with
 * JavaScript on and off. The database file is then read directly to check what was stored.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { serve, type Server } from 'srvx';
import { useFastResponses } from '@lepta/server/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../test-utils/chromium.js';
import { buildApp } from '../../../test-utils/build-app.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The server functions' artificial delay: long enough to see pending additions and streaming. */
const DELAY_MS = 400;

let browser: Browser;
let server: Server;
let base: string;
let out: string;
let dataDir: string;
let dbFile: string;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

beforeAll(async () => {
  // Inside the project (not the OS temp dir): the server bundle imports @libsql/client at run
  // time, which Node resolves from the node_modules above the bundle.
  out = await buildApp(root, '.test-', root);

  dataDir = await mkdtemp(join(tmpdir(), 'lepta-todo-'));
  dbFile = join(dataDir, 'todos.db');
  process.env.LEPTA_TODO_DB = dbFile;
  process.env.LEPTA_TODO_DELAY_MS = String(DELAY_MS);

  // The origin the app accepts server-function calls from is only known once the port is: listen
  // first, load the app (which reads LEPTA_ORIGIN) after.
  let app: ((request: Request) => Promise<Response>) | undefined;
  server = serve({
    hostname: '127.0.0.1',
    port: 0,
    silent: true,
    // What `lepta serve` does: files of the client build, everything else to the app.
    async fetch(request) {
      const file = await clientFile(new URL(request.url).pathname);
      if (file) return new Response(await readFile(file), { headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' } });
      return app!(request);
    },
  });
  await server.ready();
  base = server.url!.replace(/\/$/, '');
  process.env.LEPTA_ORIGIN = base;
  const entry = pathToFileURL(join(out, 'server', 'entry-server.js')).href;
  // As `lepta serve` runs it: server-function answers as srvx FastResponses, which the bundle's
  // own copy of @lepta/server picks up (a global under a registered symbol).
  useFastResponses();
  app = ((await import(/* @vite-ignore */ entry)) as { default: (request: Request) => Promise<Response> }).default;
  const { FastResponse } = await import('srvx');
  expect(await app(new Request(`${base}/_server/no-such-function`, { method: 'POST' }))).toBeInstanceOf(FastResponse);
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close(true);
  if (out) await rm(out, { recursive: true, force: true });
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A file of the client build for a request path, if there is one. */
async function clientFile(pathname: string): Promise<string | undefined> {
  if (!extname(pathname)) return undefined;
  const dir = join(out, 'client');
  const file = normalize(join(dir, decodeURIComponent(pathname)));
  if (!file.startsWith(dir + sep)) return undefined;
  return (await stat(file).catch(() => undefined))?.isFile() ? file : undefined;
}

/** Records, in the page, every list fallback and list as the parser or a swap inserts it. */
const RECORD = `
  window.__timeline = [];
  // The callback runs after the parser went on, so an ancestor's record can already hold the
  // list: each element is counted once, when first seen.
  const seen = new WeakSet();
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      for (const el of [n, ...n.querySelectorAll('.loading, #todos')]) {
        if (seen.has(el)) continue;
        seen.add(el);
        if (el.matches('.loading')) window.__timeline.push('fallback');
        if (el.matches('#todos')) window.__timeline.push('list');
      }
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function open(javaScriptEnabled: boolean): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A refused addition (400) is logged by the browser as a failed resource: expected here.
    if (m.type() === 'warning' || (m.type() === 'error' && !m.text().includes('Failed to load resource'))) problems.push(`${m.type()}: ${m.text()}`);
  });
  if (javaScriptEnabled) await page.addInitScript(RECORD);
  return { page, problems };
}

const titles = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (els) => els.map((el) => el.textContent ?? ''));
const row = (page: Page, title: string): Locator => page.locator('#todos li.todo:not(.pending)', { has: page.locator('.title', { hasText: title }) });

async function storedTodos(): Promise<Array<{ title: string; completed: number }>> {
  const { createClient } = await import('@libsql/client');
  const client = createClient({ url: 'file:' + dbFile });
  try {
    const result = await client.execute('SELECT title, completed FROM todos ORDER BY id');
    return result.rows.map((r) => ({ title: String(r.title), completed: Number(r.completed) }));
  } finally {
    client.close();
  }
}

describe('examples/todo in Chromium', () => {
  it('with JavaScript: the list streams in, additions show at once, toggle, delete, a refused title', async () => {
    const { page, problems } = await open(true);
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
    expect(page.url()).toBe(`${base}/`);
    // Out of order: the shell came with the fallback; the list arrived after it, swapped in.
    expect(await page.evaluate(() => (window as unknown as { __timeline: string[] }).__timeline)).toEqual(['fallback', 'list']);
    expect(await page.locator('.loading').count()).toBe(0);
    expect(await page.textContent('.empty')).toBe('Nothing to do.');

    // Two additions in flight at once: both listed, marked pending, before the server answered.
    const input = page.locator('#add input[name=title]');
    await input.fill('first');
    await page.click('#add button[type=submit]');
    expect(await input.inputValue()).toBe(''); // reset at once, ready for the next one
    await input.fill('second');
    await page.click('#add button[type=submit]');
    expect(await titles(page, '#todos li.pending .title')).toEqual(['first', 'second']);
    expect(await page.locator('#todos li.todo:not(.pending)').count()).toBe(0);
    // Then they are in the refetched list, and nothing is pending any more.
    await page.waitForFunction(() => document.querySelectorAll('#todos li.todo:not(.pending)').length === 2 && !document.querySelector('#todos li.pending'));
    expect(await titles(page, '#todos li.todo .title')).toEqual(['first', 'second']);
    expect(await page.textContent('.count')).toBe('2 left');

    // Toggle the first.
    await row(page, 'first').locator('.toggle button').click();
    await page.waitForSelector('#todos li.done');
    expect(await titles(page, '#todos li.done .title')).toEqual(['first']);
    expect(await page.textContent('.count')).toBe('1 left');

    // Delete the second.
    await row(page, 'second').locator('.delete button').click();
    await page.waitForFunction(() => document.querySelectorAll('#todos li.todo').length === 1);
    expect(await titles(page, '#todos li.todo .title')).toEqual(['first']);

    // A blank title and an overlong one: refused by the server, the message shown.
    await input.fill('   ');
    await page.click('#add button[type=submit]');
    await page.waitForSelector('.add-error');
    expect(await titles(page, '.add-error')).toEqual(['A title is required']);
    await input.fill('x'.repeat(201));
    await page.click('#add button[type=submit]');
    await page.waitForFunction(() => document.querySelector('.add-error')?.textContent?.includes('at most'));
    expect(await titles(page, '.add-error')).toEqual(['A title is at most 200 characters']);
    expect(await page.locator('#todos li.pending').count()).toBe(0);
    expect(await titles(page, '#todos li.todo .title')).toEqual(['first']);

    expect(await storedTodos()).toEqual([{ title: 'first', completed: 1 }]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript: every form posts and comes back to the page showing the new state', async () => {
    const { page, problems } = await open(false);
    // The out-of-order page sends a browser without JavaScript to the in-order one.
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/?nojs=1`, { waitUntil: 'load' });
    expect(await page.locator('.loading').count()).toBe(0);
    expect(await titles(page, '#todos li.todo .title')).toEqual(['first']);
    expect(await titles(page, '#todos li.done .title')).toEqual(['first']);

    /** Submits with a click, then waits for the page the server redirected back to. */
    const submit = async (button: Locator): Promise<void> => {
      const navigated = page.waitForEvent('framenavigated');
      await button.click();
      await navigated;
      await page.waitForLoadState('load');
      expect(page.url()).toBe(`${base}/?nojs=1`);
    };

    await page.fill('#add input[name=title]', 'third');
    await submit(page.locator('#add button[type=submit]'));
    expect(await titles(page, '#todos li.todo .title')).toEqual(['first', 'third']);
    expect(await page.locator('.add-error').count()).toBe(0);

    await submit(row(page, 'third').locator('.toggle button'));
    expect(await titles(page, '#todos li.done .title')).toEqual(['first', 'third']);

    await submit(row(page, 'first').locator('.delete button'));
    expect(await titles(page, '#todos li.todo .title')).toEqual(['third']);

    await page.fill('#add input[name=title]', '');
    await submit(page.locator('#add button[type=submit]'));
    expect(await titles(page, '.add-error')).toEqual(['A title is required']);
    expect(await titles(page, '#todos li.todo .title')).toEqual(['third']);

    expect(await storedTodos()).toEqual([{ title: 'third', completed: 1 }]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
