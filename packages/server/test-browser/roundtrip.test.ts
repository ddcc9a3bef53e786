/**
 * The escapers against Chromium's own HTML parser (happy-dom skips the input-stream
 * preprocessing that turns CR into LF, and has no scripting flag for `<noscript>`).
 * Inputs are generated and escaped in Node; the page only parses.
 */
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../../test-utils/chromium.js';
import { escapeAttr, escapeScriptText, escapeText } from '../src/index.js';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><body></body>');
});
afterAll(() => browser?.close());

const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom('&', '<', '>', '"', "'", '\r', '\n', '\r\n', '&amp;', '&#', '</div>', '</noscript>', '<img src=x>', '<!--', '-->', '</script>', '\u2028', '😀'),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 10 },
  )
  .map(parts => parts.join('').replaceAll('\u0000', ''));

it('attribute values and text parse back to the input, CR included', async () => {
  const inputs = fc.sample(fc.oneof(tricky, fc.string({ unit: 'binary' }).map(s => s.replaceAll('\u0000', ''))), 1000);
  inputs.push('a\rb', '\r\n', '"><img src=x onerror=alert(1)>');
  const html = inputs.map(s => `<div title="${escapeAttr(s)}">${escapeText(s)}</div>`);
  const parsed = await page.evaluate(list => {
    const parser = new DOMParser();
    return list.map(h => {
      const body = parser.parseFromString(`<!doctype html><body>${h}`, 'text/html').body;
      const div = body.firstElementChild!;
      return [body.childNodes.length, div.attributes.length, div.getAttribute('title'), div.textContent];
    });
  }, html);
  parsed.forEach((r, i) => expect(r, JSON.stringify(inputs[i])).toEqual([1, 1, inputs[i], inputs[i]]));
});

it('an attribute value cannot leave <noscript> when scripting is on', async () => {
  // Inside <noscript> (scripting on) the parser ignores quotes and looks only for the end tag.
  const payloads = ['</noscript><img id="pwned" src=x>', '</noscript x', '</NOSCRIPT\t'];
  const inner = payloads.map(p => `<p title="${escapeAttr(p)}" class="${escapeAttr(p)}">${escapeText(p)}</p>`);
  const result = await page.evaluate(list => {
    return list.map(h => {
      const host = document.createElement('div');
      host.innerHTML = `<noscript>${h}</noscript>`; // fragment parsing uses the scripting flag
      return [host.childNodes.length, host.firstChild!.textContent, host.querySelectorAll('img').length];
    });
  }, inner);
  result.forEach((r, i) => expect(r).toEqual([1, inner[i], 0]));
});

it('escapeScriptText keeps an inline script closed and its value intact', async () => {
  const inputs = fc.sample(tricky, 200);
  inputs.push('</script><script>window.__pwned=1</script>', '<!--<script>', '</SCRIPT >', '\u2028\u2029');
  const scripts = inputs.map((s, i) => `<script>window.__v${i}=${escapeScriptText(JSON.stringify(s))}</script>`).join('');
  await page.setContent(`<!doctype html><body>${scripts}<p id="end"></p></body>`);
  const result = await page.evaluate(n => {
    const w = window as unknown as Record<string, unknown>;
    return {
      values: Array.from({ length: n }, (_, i) => w[`__v${i}`]),
      pwned: w.__pwned,
      scripts: document.scripts.length,
      end: document.getElementById('end') !== null,
    };
  }, inputs.length);
  expect(result.pwned).toBeUndefined();
  expect(result.scripts).toBe(inputs.length);
  expect(result.end).toBe(true);
  expect(result.values).toEqual(inputs);
});
