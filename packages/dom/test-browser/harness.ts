/**
 * One Chromium page per test file, with a bundled entry loaded: the entry's exports are
 * reachable in the page as `window.__leptaTest`.
 */
import type { Browser, Page } from 'playwright-core';
import { bundleForBrowser, launchChromium } from '../../../test-utils/chromium.js';

export interface Harness {
  browser: Browser;
  page: Page;
  /** Calls the entry's export `name` in the page with JSON arguments and returns its result. */
  call<T = unknown>(name: string, ...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

export async function openPage(entry: string, html = '<!doctype html><html><body></body></html>'): Promise<Harness> {
  const code = await bundleForBrowser(entry);
  const browser = await launchChromium();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setContent(html);
  await page.addScriptTag({ content: code });
  return {
    browser,
    page,
    async call<T>(name: string, ...args: unknown[]): Promise<T> {
      if (errors.length) throw new Error(`page errors: ${errors.join('\n')}`);
      return page.evaluate(
        ([n, a]) => (window as unknown as { __leptaTest: Record<string, (...x: unknown[]) => unknown> }).__leptaTest[n as string]!(...(a as unknown[])),
        [name, args] as const,
      ) as Promise<T>;
    },
    close: () => browser.close(),
  };
}
