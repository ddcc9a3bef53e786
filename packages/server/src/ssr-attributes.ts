/**
 * Attribute helpers of compiled `ssr` code (packages/server/CONTRACT.md §2): one dynamic
 * attribute, the merged `class` and `style` attributes, and the `checked` state of a
 * `bind:group` input.
 *
 * The compiler folds what it knows into string literals (static attributes, a static class with
 * `class:x` toggles whose names it lacks), so these run only for the parts known at run time.
 * Attribute names passed here come from the compiled template: they are valid by construction
 * and not checked again (names from spreads go through `ssrSpread`, which checks them).
 */
import { renderAttribute, renderStyleObject } from './attribute.js';
import { escapeAttr } from './escape.js';
import { isValidStyleProperty } from './names.js';
import { isUrlAttribute } from './url.js';

/**
 * `name={value}` → ` name="value"` or `''`, as `renderAttribute` (the DOM renderer's
 * `setAttribute` rules): `null`/`undefined`/`false`/functions omit it, `true` is a boolean
 * attribute, URL attributes are sanitized, a `style` object becomes CSS. Strings and numbers,
 * nearly every value, take the short path: no name check (the compiler wrote the name).
 */
export function attr(name: string, value: unknown): string {
  if (typeof value === 'string') {
    if (isUrlAttribute(name)) return renderAttribute(name, value);
    return ' ' + name + '="' + escapeAttr(value) + '"';
  }
  if (typeof value === 'number') return ' ' + name + '="' + value + '"';
  return renderAttribute(name, value);
}

/**
 * The merged `class` attribute: `base` (a static class, `class={…}`, or `null` for none) with the
 * `class:name={on}` toggles applied in order. `toggles` is flat: `[name, on, name, on, …]`.
 *
 * The result is what the DOM renderer leaves on the element: `className(base)` then
 * `classList.toggle(name, !!on)` for each toggle. A toggle that changes nothing changes nothing
 * (the attribute keeps its spelling, and stays absent when there was none); one that adds or
 * removes a class rewrites the attribute as `classList` serializes it: its distinct classes
 * joined by single spaces.
 */
export function ssrClass(base: unknown, toggles?: readonly unknown[]): string {
  let value: string | null = base == null || base === false ? null : typeof base === 'string' ? base : String(base);
  if (toggles !== undefined && toggles.length > 0) value = applyToggles(value, toggles);
  return value === null ? '' : ' class="' + escapeAttr(value) + '"';
}

/**
 * Applies `[name, on, …]` to the class list `value` (`null`: no class attribute). Allocates
 * only when a toggle changes something: membership is first checked on the string itself.
 */
function applyToggles(value: string | null, toggles: readonly unknown[]): string | null {
  let tokens: string[] | null = null;
  for (let i = 0; i + 1 < toggles.length; i += 2) {
    const name = toggles[i] as string;
    const on = !!toggles[i + 1];
    // `classList.toggle` throws for an empty name or one with whitespace: such a toggle is ignored.
    if (name === '' || indexOfWhitespace(name, 0) !== -1) continue;
    if (tokens === null) {
      if ((value !== null && hasToken(value, name)) === on) continue;
      tokens = value === null ? [] : splitTokens(value);
    }
    const at = tokens.indexOf(name);
    if (on && at === -1) tokens.push(name);
    else if (!on && at !== -1) tokens.splice(at, 1);
  }
  return tokens === null ? value : tokens.join(' ');
}

/** ASCII whitespace as the DOM splits class lists (and strips option text) on it: space, tab, LF, FF, CR. */
export function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function indexOfWhitespace(s: string, from: number): number {
  for (let i = from; i < s.length; i++) if (isWhitespace(s.charCodeAt(i))) return i;
  return -1;
}

/** Whether the class list `value` contains `name` as a whole token. */
function hasToken(value: string, name: string): boolean {
  for (let at = value.indexOf(name); at !== -1; at = value.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || isWhitespace(value.charCodeAt(at - 1))) && (end === value.length || isWhitespace(value.charCodeAt(end)))) return true;
  }
  return false;
}

/** The distinct tokens of a class list, in order (the DOM's ordered set parser). */
function splitTokens(value: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && isWhitespace(value.charCodeAt(i))) i++;
    if (i === value.length) break;
    let end = indexOfWhitespace(value, i);
    if (end === -1) end = value.length;
    const token = value.slice(i, end);
    if (tokens.indexOf(token) === -1) tokens.push(token);
    i = end;
  }
  return tokens;
}

/**
 * The merged `style` attribute: `base` (a static style, or `style={…}`: a CSS string or an object
 * of CSS properties) followed by the `style:name={value}` properties, `[name, value, …]`.
 * `null`/`undefined`/`false` values are left out; a later declaration of a property overrides an
 * earlier one in CSS, as `setStyleProperty` after `style()` does in the DOM. No attribute when
 * nothing is left.
 */
export function ssrStyle(base: unknown, properties?: readonly unknown[]): string {
  let css =
    base == null || base === false || typeof base === 'function'
      ? ''
      : typeof base === 'object'
        ? renderStyleObject(base as Record<string, unknown>)
        : escapeAttr(typeof base === 'string' ? base : String(base));
  if (properties !== undefined) css = appendStyleProperties(css, properties);
  return css === '' ? '' : ' style="' + css + '"';
}

/** `css` (escaped) followed by `name:value;` for each pair with a value; invalid names dropped. */
function appendStyleProperties(css: string, properties: readonly unknown[]): string {
  for (let i = 0; i + 1 < properties.length; i += 2) {
    const value = properties[i + 1];
    // '' removes the property in the DOM (`style.setProperty(name, '')`).
    if (value == null || value === false || value === '' || typeof value === 'function') continue;
    const name = properties[i] as string;
    if (!isValidStyleProperty(name)) continue;
    if (css !== '' && !endsDeclaration(css)) css += ';';
    css += name + ':' + (typeof value === 'number' ? '' + value : escapeAttr(value)) + ';';
  }
  return css;
}

/** Whether the last character of `css` other than whitespace is `;` (or there is none). */
function endsDeclaration(css: string): boolean {
  for (let i = css.length - 1; i >= 0; i--) {
    const c = css.charCodeAt(i);
    if (!isWhitespace(c)) return c === 59;
  }
  return true;
}

/**
 * ` checked` when a `bind:group` input whose value is `mine` is checked by the bound `value`: equal
 * to it (radios), or in it when it is an array (checkboxes). Values compare as strings, as the DOM
 * renderer's `bindGroup` compares them with the input's `value`.
 */
export function groupChecked(mine: unknown, value: unknown): string {
  const own = mine == null ? '' : String(mine);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (String(value[i]) === own) return ' checked';
    return '';
  }
  return value != null && String(value) === own ? ' checked' : '';
}

/**
 * `value={v}` on a `bind:group` input: the `value` attribute followed by ` checked` when the
 * bound value selects it (`v` is read once for both).
 */
export function groupValue(value: unknown, bound: unknown): string {
  return attr('value', value) + groupChecked(value, bound);
}
