import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPage, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openPage(new URL('./svg-entry.ts', import.meta.url).pathname);
});
afterAll(() => h?.close());

it('templates with the SVG flag create SVG elements that render; MathML likewise', async () => {
  const r = await h.call<Record<string, unknown>>('run');
  expect(r.circleNs).toBe(r.svgNs);
  expect(r.gNs).toBe(r.svgNs);
  expect(r.rectNs).toBe(r.svgNs);
  expect(r.isSVGCircle).toBe(true);
  expect(r.circleWidth).toBe(40); // r=20: laid out as SVG, not as an unknown HTML element
  expect(r.aNsWithSvgFlag).toBe(r.svgNs); // <a> inside the SVG flag is SVG's <a>
  expect(r.mathNs).toBe(r.mathmlNs);
});

it('class, namespaced attributes and spread on SVG elements', async () => {
  const r = await h.call<Record<string, unknown>>('run');
  expect(r.className).toBe('ring');
  expect(r.classNameAnimated).toBe('ring');
  expect(r.useHref).toBe('#dot');
  expect(r.groupClass).toBe('grp');
  expect(r.groupClassAfter).toBe('grp2');
  expect(r.circleWidthAfter).toBe(60);
});
