import { it, expect } from 'vitest';
import { bundleForBrowser, launchChromium } from '../../../test-utils/chromium.js';
it('probe', async () => {
  const code = await bundleForBrowser(new URL('./probe-entry.ts', import.meta.url).pathname);
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.setContent('<!doctype html><body></body>');
  await page.addScriptTag({ content: code });
  await page.click('button'); await page.click('button');
  expect(await page.textContent('button')).toBe('2');
  await browser.close();
}, 60000);
