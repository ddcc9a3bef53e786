/** One attribute as HTML: name validation, value escaping, URL sanitizing, `style` objects. */

import { escapeAttr } from './escape.js';
import { isValidAttributeName, isValidStyleProperty } from './names.js';
import { report } from './report.js';
import { isUrlAttribute, isSafeUrl, BLOCKED_URL } from './url.js';

/**
 * Renders one attribute as ` name="value"` (with the leading space), following the DOM
 * renderer's `setAttribute` so server and client agree:
 *
 * - `null`, `undefined`, `false` → `''` (no attribute); `true` → ` name` (a boolean attribute).
 * - functions → `''`: event handlers and refs have no HTML form (and their source must not leak).
 * - an invalid name (`isValidAttributeName`) → `''`, reported in development.
 * - URL attributes (`isUrlAttribute`) with an unsafe value → `BLOCKED_URL`, reported.
 * - `style` with an object → `k:v;` pairs in key order, `null`/`undefined`/`false` values
 *   (and functions) skipped, invalid property names dropped and reported; `''` when no pair is left.
 * - anything else → `String(value)`, escaped. `class` is a string as in the DOM renderer.
 *
 * `name` is written as given: mapping JSX names (`className`, `htmlFor`) and routing `on*`,
 * `prop:`, `class:`, `style:` keys is the caller's job.
 */
export function renderAttribute(name: string, value: unknown): string {
  if (value == null || value === false || typeof value === 'function') return '';
  if (!isValidAttributeName(name)) {
    report('invalid-attribute-name', name, value);
    return '';
  }
  if (value === true) return ' ' + name;
  if (typeof value === 'number') return ' ' + name + '="' + value + '"';
  if (typeof value === 'object' && name === 'style') {
    const css = renderStyleObject(value as Record<string, unknown>);
    return css === '' ? '' : ' style="' + css + '"';
  }
  let text = typeof value === 'string' ? value : String(value);
  if (isUrlAttribute(name) && !isSafeUrl(text)) {
    report('blocked-url', name, text);
    text = BLOCKED_URL;
  }
  return ' ' + name + '="' + escapeAttr(text) + '"';
}

/** `{ color: 'red', 'font-size': 12 }` → `color:red;font-size:12;`, escaped for an attribute. */
export function renderStyleObject(values: Record<string, unknown>): string {
  let css = '';
  for (const key in values) {
    const v = values[key];
    if (v == null || v === false || typeof v === 'function') continue;
    if (!isValidStyleProperty(key)) {
      report('invalid-style-property', key, v);
      continue;
    }
    css += key + ':' + (typeof v === 'number' ? '' + v : escapeAttr(v)) + ';';
  }
  return css;
}
