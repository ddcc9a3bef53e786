/**
 * `spread(el, props, isSVG, skipChildren)`: `{...props}` on an element.
 *
 * One render effect reads every key of `props` (so getters and `mergeProps` sources are
 * tracked), applies the values that changed since the last run, and undoes the keys that went
 * away. Keys are interpreted as the compiler interprets JSX attributes:
 *
 * | key | effect |
 * |---|---|
 * | `class` / `className` | the class attribute |
 * | `style` | `style()` (string or object, diffed) |
 * | `class:x`, `style:x`, `prop:x`, `attr:x` | `toggleClass`, `setStyleProperty`, `setProperty`, `setAttribute` |
 * | `on:x` | native listener (`[fn, options]` allowed) |
 * | `onX` with a function or array | delegated if `x` is one of the delegated types, else native; any other value for an `on…` key (and `attr:on…`) is ignored: never an inline handler attribute |
 * | `xlink:x`, `xml:x` | namespaced attribute |
 * | `value`, `checked`, `selected`, … | DOM property (HTML elements) |
 * | anything else | attribute (`htmlFor` → `for`) |
 * | `children` | inserted by its own effect, unless `skipChildren` (the element has JSX children) |
 * | `ref`, `bind:*` | applied once, when the element is created |
 *
 * `ref` and bindings are applied once, outside the effect: they create listeners and effects that
 * must not be torn down each time an unrelated prop changes.
 */
import { untrack } from '@lepta/reactive';
import { renderBinding } from '@lepta/reactive/internal';
import { bindChecked, bindGroup, bindValue, type Binding } from './bind.js';
import { className, setAttribute, setAttributeNS, setProperty, setStyleProperty, style, toggleClass, type StyleState } from './attributes.js';
import { addEventListener, removeEventListener } from './events.js';
import { ref } from './component.js';
import { insert } from './insert.js';

type Props = Record<string, unknown>;

/** The event types compiled code delegates (CONTRACT.md); `onX` props of other types are native. */
export const DELEGATED_EVENTS: ReadonlySet<string> = new Set([
  'click', 'dblclick', 'contextmenu', 'input', 'beforeinput', 'keydown', 'keyup', 'focusin', 'focusout',
  'pointerdown', 'pointerup', 'pointermove', 'pointerover', 'pointerout',
  'mousedown', 'mouseup', 'mousemove', 'mouseover', 'mouseout',
  'touchstart', 'touchend', 'touchmove',
]);

/** Names set as DOM properties rather than attributes on HTML elements. */
const PROPERTIES: ReadonlySet<string> = new Set([
  'value', 'checked', 'selected', 'muted', 'multiple', 'indeterminate',
  'defaultValue', 'defaultChecked', 'innerHTML', 'textContent', 'innerText',
]);

const NAMESPACES: Record<string, string> = {
  xlink: 'http://www.w3.org/1999/xlink',
  xml: 'http://www.w3.org/XML/1998/namespace',
};

export function spread(el: Element, props: Props | (() => Props), isSVG = false, skipChildren = false): void {
  const read = typeof props === 'function' ? props : () => props;
  if (!skipChildren) insert(el, () => read().children);
  untrack(() => {
    const p = read();
    if ('ref' in p) ref(el, p.ref);
    for (const key of Object.keys(p)) {
      if (key.startsWith('bind:')) bind(el, key.slice(5), p[key] as Binding<unknown>);
    }
  });
  renderBinding<Props>((prev) => applyProps(el, read(), prev!, isSVG), Object.create(null) as Props);
}

function bind(el: Element, what: string, binding: Binding<unknown>): void {
  if (what === 'value') bindValue(el, binding);
  else if (what === 'checked') bindChecked(el, binding as Binding<boolean>);
  else if (what === 'group') bindGroup(el, binding);
  else throw new Error(`spread: unknown binding bind:${what} (expected bind:value, bind:checked or bind:group).`);
}

function applyProps(el: Element, props: Props, prev: Props, isSVG: boolean): Props {
  const next = Object.create(null) as Props;
  const keys = Object.keys(props);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === 'children' || key === 'ref' || key.startsWith('bind:')) continue;
    const value = props[key];
    if (key === 'style') {
      next.style = style(el, value, prev.style as StyleState);
      continue;
    }
    next[key] = value;
    if (value !== prev[key]) assign(el, key, value, prev[key], isSVG);
  }
  for (const key in prev) {
    if (key in next) continue;
    if (key === 'style') style(el, undefined, prev.style as StyleState);
    else if (prev[key] !== undefined) assign(el, key, undefined, prev[key], isSVG);
  }
  return next;
}

/** Applies one prop (see the table above); `prev` is its previous value. */
export function assign(el: Element, key: string, value: unknown, prev: unknown, isSVG: boolean): void {
  const colon = key.indexOf(':');
  if (colon > 0) {
    const name = key.slice(colon + 1);
    switch (key.slice(0, colon)) {
      case 'class':
        return toggleClass(el, name, value);
      case 'style':
        return setStyleProperty(el, name, value);
      case 'prop':
        return setProperty(el, name, value);
      case 'attr':
        // Never an inline handler attribute (`attr:onclick="…"` would run its value as code).
        return isHandlerName(name) ? undefined : setAttribute(el, name, value);
      case 'on':
        removeEventListener(el, name, prev);
        return addEventListener(el, name, value);
      case 'xlink':
        return setAttributeNS(el, NAMESPACES.xlink!, key, value);
      case 'xml':
        return setAttributeNS(el, NAMESPACES.xml!, key, value);
    }
  }
  if (key === 'class' || key === 'className') return className(el, value);
  if (isHandlerName(key)) {
    // A function (or `[handler, data]`) is a listener; any other value for an `on…` key is
    // ignored: written as an attribute, a string from data would run as code.
    if (key.length > 2 && (isHandler(value) || isHandler(prev))) {
      const name = key.slice(2).toLowerCase();
      const delegate = DELEGATED_EVENTS.has(name);
      if (!delegate) removeEventListener(el, name, prev);
      if (value != null || delegate) addEventListener(el, name, value, delegate);
    }
    return;
  }
  if (!isSVG && PROPERTIES.has(key)) {
    const target = el as unknown as Props;
    // Removing a property-backed prop resets it (`value = undefined` would show "undefined").
    target[key] = value != null ? value : typeof target[key] === 'boolean' ? false : '';
    return;
  }
  setAttribute(el, key === 'htmlFor' ? 'for' : key, value);
}

/** `on…` in any letter case: an event handler prop, or an inline handler attribute name. */
function isHandlerName(name: string): boolean {
  return (name.charCodeAt(0) | 32) === 111 && (name.charCodeAt(1) | 32) === 110;
}

function isHandler(value: unknown): boolean {
  return typeof value === 'function' || Array.isArray(value);
}
