/**
 * The value a component returns on the server: trusted HTML.
 *
 * Compiled `ssr` code builds a template root's markup by string concatenation and wraps it once
 * in an `Html`, so a parent can tell rendered markup (inserted as is) from a user string
 * (escaped). Everything that reaches HTML as a child goes through `escapeChild`.
 */
import { escapeText } from './escape.js';

/** Markup produced by the renderer (compiled templates, components, boundaries): never escaped again. */
export class Html {
  constructor(
    /** The markup. */
    readonly t: string,
  ) {}
  toString(): string {
    return this.t;
  }
}

/** Wraps markup the renderer produced (compiled code's template roots). */
export function ssr(markup: string): Html {
  return new Html(markup);
}

/**
 * A child value as HTML, with the DOM renderer's `insert` rules: strings are escaped; numbers
 * and bigints printed; `null`, `undefined` and booleans render nothing; `Html` as is; arrays
 * flattened (concatenated); functions (accessors, memos, control flow) are called and their
 * result rendered. Anything else (a plain object, a symbol) is a `TypeError`, as in the browser.
 *
 * In an array, two text items in a row are separated by an empty comment `<!---->`: the browser
 * would parse them as one text node, while the client renders one per item, and hydration adopts
 * text nodes one for one (packages/server/CONTRACT.md).
 */
export function escapeChild(value: unknown): string {
  // Most children are strings (escaped) or rendered markup: test those first.
  if (typeof value === 'string') return escapeText(value);
  if (value instanceof Html) return value.t;
  if (typeof value === 'function') return escapeChild(value());
  if (typeof value === 'number' || typeof value === 'bigint') return '' + value;
  if (value == null || typeof value === 'boolean') return '';
  if (Array.isArray(value)) return escapeArray(value);
  throw new TypeError(`Cannot render ${describe(value)} as a child: render its fields, or convert it to a string.`);
}

function escapeArray(items: readonly unknown[]): string {
  let out = '';
  let textBefore = false;
  for (let i = 0; i < items.length; i++) {
    let item = items[i];
    // Rendered markup (a list's rows) first: nothing else to decide.
    if (item instanceof Html) {
      out += item.t;
      textBefore = false;
      continue;
    }
    while (typeof item === 'function') item = item();
    const text = typeof item === 'string' || typeof item === 'number' || typeof item === 'bigint';
    const html = escapeChild(item);
    if (html === '' && !text) continue;
    if (text && textBefore) out += '<!---->';
    out += html;
    // A nested array or markup may end in text too; only plain values are known to be text.
    textBefore = text;
  }
  return out;
}

function describe(value: unknown): string {
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'object') return `an object (${Object.prototype.toString.call(value)})`;
  return typeof value;
}
