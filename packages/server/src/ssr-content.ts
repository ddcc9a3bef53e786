/**
 * Content helpers of compiled `ssr` code (packages/server/CONTRACT.md §2): components, bracketed
 * holes in children arrays, `innerHTML`, `<script>`/`<style>` content and the selected options
 * of a `<select value>`.
 */
import { untrackCall } from '@lepta/reactive/internal';
import { escapeAttr, escapeScriptText, escapeText } from './escape.js';
import { Html, escapeChild } from './html.js';
import { isWhitespace } from './ssr-attributes.js';

/**
 * Calls a component: `Comp(props)`, untracked (a component runs once; a memo or an accessor that
 * renders it must not subscribe to what its body reads) and under the current owner.
 */
export function createComponent<P, R>(Comp: (props: P) => R, props: P): R {
  return untrackCall(Comp, props);
}

const OPEN = '<!--[-->';
const CLOSE = '<!--]-->';

/**
 * An item of a component's `children` array that the client brackets (a component or an
 * `{expr}` among several children, CONTRACT §1): its value rendered between `<!--[-->` and
 * `<!--]-->`, as an `Html` the array keeps in place.
 *
 * - A function (an accessor, a memo, a render callback) stays a function, called when the item
 *   is rendered (with the arguments it is called with) and bracketed then.
 * - Any other object that is not markup or an array is data the component reads rather than
 *   renders (`<Match>` gives its `<Switch>` a descriptor): it is returned as is.
 */
export function ssrHole(value: unknown): unknown {
  if (value instanceof Html) return new Html(OPEN + value.t + CLOSE);
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]): unknown => ssrHole(fn(...args));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  return new Html(OPEN + escapeChild(value) + CLOSE);
}

/** `innerHTML={value}`: the markup as given (trusted, as in the DOM); `null`/`undefined` render nothing. */
export function raw(value: unknown): string {
  return value == null ? '' : typeof value === 'string' ? value : String(value);
}

/**
 * The dynamic content of a `<script>` or `<style>` element: the text with `escapeScriptText`
 * (so no `</script` or `<!--` can end or change the element). Functions are called, as an insert
 * would; `null`/`undefined`/booleans render nothing.
 */
export function escapeScript(value: unknown): string {
  while (typeof value === 'function') value = (value as () => unknown)();
  if (value == null || typeof value === 'boolean') return '';
  return escapeScriptText(typeof value === 'string' ? value : String(value));
}

/**
 * `<select value={value}>`: marks the options that `value` selects in the rendered `options`
 * markup (the select's content) with `selected`: the first option whose value equals
 * `String(value)`, or, for an array (`multiple`), every option whose value is in it. This is
 * what setting `select.value` does in the DOM; options rendered by components and lists count.
 *
 * An option's value is its `value` attribute, or else its text with whitespace stripped and
 * collapsed. The markup is the renderer's own, which the scan relies on: attribute values are
 * double-quoted with `"`, `<` and `>` escaped, so `<option` only ever starts a tag and ` value="`
 * only ever starts its value attribute. Values are compared in escaped form (the wanted value
 * escaped like the markup), so nothing is decoded.
 */
export function ssrSelect(value: unknown, options: string): string {
  const wanted = Array.isArray(value) ? value : [value];
  const asAttr: string[] = [];
  const asText: string[] = [];
  for (let i = 0; i < wanted.length; i++) {
    const v = wanted[i];
    const s = v == null ? '' : String(v);
    asAttr.push(escapeAttr(s));
    asText.push(escapeText(s));
  }
  const single = !Array.isArray(value);
  let out = '';
  let last = 0;
  for (let at = options.indexOf('<option'); at !== -1; at = options.indexOf('<option', at + 7)) {
    const nameEnd = at + 7;
    const c = options.charCodeAt(nameEnd);
    if (c !== 32 && c !== 62 && c !== 47) continue; // <optgroup, <optionx
    const tagEnd = options.indexOf('>', nameEnd);
    if (tagEnd === -1) break;
    const valueAt = options.indexOf(' value="', nameEnd);
    let matched: boolean;
    if (valueAt !== -1 && valueAt < tagEnd) {
      const start = valueAt + 8;
      matched = asAttr.includes(options.slice(start, options.indexOf('"', start)));
    } else {
      matched = asText.includes(optionText(options, tagEnd + 1));
    }
    if (!matched) continue;
    out += options.slice(last, nameEnd) + ' selected';
    last = nameEnd;
    if (single) break;
  }
  return last === 0 ? options : out + options.slice(last);
}

/**
 * The text of the option whose content starts at `from`, as `option.text` reads it (escaped
 * form): up to the next tag, skipping comments (region brackets), ASCII whitespace stripped and
 * collapsed.
 */
function optionText(html: string, from: number): string {
  let text = '';
  let i = from;
  for (;;) {
    const lt = html.indexOf('<', i);
    text += html.slice(i, lt === -1 ? html.length : lt);
    if (lt === -1 || !html.startsWith('<!--', lt)) break;
    const end = html.indexOf('-->', lt + 4);
    if (end === -1) break;
    i = end + 3;
  }
  let out = '';
  let space = false;
  for (let j = 0; j < text.length; j++) {
    if (isWhitespace(text.charCodeAt(j))) {
      space = out !== '';
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += text[j];
  }
  return out;
}
