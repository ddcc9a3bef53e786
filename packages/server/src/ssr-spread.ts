/**
 * `{...props}` on an element in compiled `ssr` code, and elements whose tag is a value
 * (`<Dynamic component="h2">` on the server).
 *
 * Keys are read as the DOM renderer's `spread` reads them (packages/dom/src/spread.ts), and only
 * what has an HTML form is written. Unlike compiled attributes, keys are data: every name goes
 * through `renderAttribute` (`isValidAttributeName`), and every key starting with `on` is
 * skipped, whatever its value, so a spread object can never write an inline event handler
 * (`onclick="…"`) into the page.
 */
import { renderAttribute } from './attribute.js';
import { escapeText } from './escape.js';
import { Html, escapeChild } from './html.js';
import { isValidTagName } from './names.js';
import { attr, groupChecked, ssrClass, ssrStyle } from './ssr-attributes.js';
import { raw } from './ssr-content.js';

type Props = Record<string, unknown>;

/** Properties whose value is a boolean state: written as a boolean attribute when truthy. */
const BOOLEAN_PROPERTIES: ReadonlySet<string> = new Set(['checked', 'selected', 'muted']);

/**
 * The rest of an element's open tag for `props`: its attributes, `>`, and — unless
 * `skipContent` (the element has JSX children, or is void) — its content from the `children`,
 * `innerHTML`, `textContent` or `innerText` key.
 *
 * | key | HTML |
 * |---|---|
 * | `class` / `className`, `class:x` | one `class` attribute (toggles applied in order, `ssrClass`) |
 * | `style`, `style:x` | one `style` attribute (`ssrStyle`) |
 * | `attr:x`, `xlink:x`, `xml:x`, other names | the attribute (`renderAttribute`; `htmlFor` → `for`) |
 * | `value`; `checked`, `selected`, `muted` (HTML) | the attribute; the booleans when truthy |
 * | `prop:value`, `prop:checked`, `prop:selected` | as without `prop:` |
 * | `bind:value`, `bind:checked`, `bind:group` | the attribute from the binding's current value |
 * | `on…`, `ref`, other `prop:x` | nothing (not read) |
 *
 * Not handled here, unlike compiled attributes: a `value` key on `<textarea>` or `<select>`
 * (the tag is not known) renders a plain `value` attribute.
 */
/** `on…` in any letter case: an inline event handler attribute (its value would be run as code). */
function isHandlerName(name: string): boolean {
  return (name.charCodeAt(0) | 32) === 111 && (name.charCodeAt(1) | 32) === 110;
}

export function ssrSpread(props: unknown, isSVG: boolean, skipContent: boolean): string {
  const p = (typeof props === 'function' ? (props as () => unknown)() : props) as Props | null | undefined;
  if (p == null || typeof p !== 'object') return '>';
  let out = '';
  let classBase: unknown = null;
  let toggles: unknown[] | undefined;
  let styleBase: unknown = null;
  let styleProps: unknown[] | undefined;
  let content = '';
  let value: unknown;
  let hasValue = false;
  let group: unknown;
  let hasGroup = false;
  const keys = Object.keys(p);
  for (let i = 0; i < keys.length; i++) {
    const own = keys[i]!;
    let key = own;
    // Events (`onClick`, `on:click`, and any data key spelled like a handler attribute) and refs.
    if (key === 'ref' || isHandlerName(key)) continue;
    const colon = key.indexOf(':');
    if (colon > 0) {
      const ns = key.slice(0, colon);
      const name = key.slice(colon + 1);
      if (ns === 'class') {
        (toggles ??= []).push(name, p[key]);
        continue;
      }
      if (ns === 'style') {
        (styleProps ??= []).push(name, p[key]);
        continue;
      }
      if (ns === 'bind') {
        const binding = p[key] as readonly [() => unknown] | null | undefined;
        const current = binding == null ? undefined : binding[0]();
        if (name === 'group') {
          hasGroup = true;
          group = current;
        } else if (name === 'value') {
          value = current;
          hasValue = true;
        } else if (name === 'checked') out += current ? ' checked' : '';
        continue;
      }
      if (ns === 'prop') {
        if (name !== 'value' && !BOOLEAN_PROPERTIES.has(name)) continue;
        key = name;
      } else if (ns === 'attr') {
        // `attr:onclick` is a handler attribute too: never written from a spread.
        if (!isHandlerName(name)) out += renderAttribute(name, p[key]);
        continue;
      }
    }
    switch (key) {
      case 'children':
        if (!skipContent) content = escapeChild(p.children);
        continue;
      case 'innerHTML':
        if (!skipContent) content = raw(p.innerHTML);
        continue;
      case 'textContent':
      case 'innerText':
        if (!skipContent) content = escapeText(p[key]);
        continue;
      case 'class':
      case 'className':
        classBase = p[key];
        continue;
      case 'style':
        styleBase = p.style;
        continue;
      case 'value':
        value = p[own];
        hasValue = true;
        continue;
      case 'htmlFor':
        out += renderAttribute('for', p.htmlFor);
        continue;
    }
    if (!isSVG && BOOLEAN_PROPERTIES.has(key)) out += p[own] ? ' ' + key : '';
    else out += renderAttribute(key, p[own]);
  }
  if (hasValue) out += attr('value', value);
  if (hasGroup) out += groupChecked(hasValue ? value : 'on', group);
  return out + ssrClass(classBase, toggles) + ssrStyle(styleBase, styleProps) + '>' + content;
}

/** Elements with no end tag (HTML). */
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen',
]);

/**
 * An element whose tag name is a value, with `props` as a spread (`children` as its content):
 * what `<Dynamic component="h2" …>` renders on the server. An invalid tag name throws, as
 * `document.createElement` does in the browser (it could otherwise end the tag early).
 */
export function ssrElement(tag: string, props: unknown, isSVG = false): Html {
  if (!isValidTagName(tag)) throw new TypeError(`Invalid tag name ${JSON.stringify(tag)}: it cannot be rendered as an element.`);
  if (!isSVG && VOID_ELEMENTS.has(tag.toLowerCase())) return new Html('<' + tag + ssrSpread(props, false, true));
  return new Html('<' + tag + ssrSpread(props, isSVG, false) + '</' + tag + '>');
}
