/**
 * Attribute, property, class and style setters. Compiled code calls them from one render effect
 * per element, only when a value changed (it compares with the previous value itself), so these
 * do no comparison of their own unless a diff is their job (`style` with an object).
 *
 * They are variables rather than function declarations so that hydration can wrap them while it
 * runs (`wrapSetters`: on a server node they write only what differs from the server's HTML);
 * apps that never hydrate carry none of that code.
 */

/**
 * Sets attribute `name`: `null`, `undefined` and `false` remove it, `true` sets it to `""`
 * (a boolean attribute), anything else is converted with `String`.
 */
export let setAttribute = (el: Element, name: string, value: unknown): void => {
  if (value == null || value === false) el.removeAttribute(name);
  else el.setAttribute(name, value === true ? '' : String(value));
};

/**
 * As `setAttribute`, in namespace `ns` (a namespace URI, e.g. XLink's for `xlink:href`); `name`
 * is the qualified name. Removal uses the local name (the part after the prefix).
 */
export let setAttributeNS = (el: Element, ns: string, name: string, value: unknown): void => {
  if (value == null || value === false) el.removeAttributeNS(ns, name.slice(name.indexOf(':') + 1));
  else el.setAttributeNS(ns, name, value === true ? '' : String(value));
};

/** `prop:name={value}`: assigns the DOM property. */
export let setProperty = (el: Element, name: string, value: unknown): void => {
  (el as unknown as Record<string, unknown>)[name] = value;
};

/**
 * The `class` attribute. Set as an attribute, not through `className`, which is an
 * `SVGAnimatedString` on SVG elements. `null`, `undefined` and `false` remove it.
 */
export let className = (el: Element, value: unknown): void => {
  if (value == null || value === false) el.removeAttribute('class');
  else el.setAttribute('class', String(value));
};

/** `class:name={on}`: adds or removes one class, leaving the others alone. */
export let toggleClass = (el: Element, name: string, on: unknown): void => {
  el.classList.toggle(name, !!on);
};

/**
 * `style:name={value}`: one CSS property, named as in CSS (`font-size`, `--custom`).
 * `null`, `undefined` and `false` remove it.
 */
export let setStyleProperty = (el: Element, name: string, value: unknown): void => {
  const style = (el as HTMLElement).style;
  if (value == null || value === false) style.removeProperty(name);
  else style.setProperty(name, String(value));
};

/** A `style` value as `style()` remembers it between calls. */
export type StyleState = string | Record<string, unknown> | undefined;

/**
 * `style={value}`: a CSS string, or an object of CSS properties named as in CSS (`font-size`,
 * `--custom`; values `null`/`undefined`/`false` mean "not set"). Pass what the previous call
 * returned as `prev`. With objects, only properties that changed are written and properties
 * that went away are removed; the returned state is a private copy, so mutating and passing the
 * same object again still updates the element.
 */
export let style = (el: Element, value: unknown, prev?: StyleState): StyleState => {
  const css = (el as HTMLElement).style;
  if (value == null || value === false) {
    if (prev !== undefined) el.removeAttribute('style');
    return undefined;
  }
  if (typeof value !== 'object') {
    const text = String(value);
    if (text !== prev) css.cssText = text;
    return text;
  }
  const values = value as Record<string, unknown>;
  let state: Record<string, unknown>;
  if (typeof prev === 'object') {
    state = prev;
    for (const name in state) {
      const v = values[name];
      if (v == null || v === false) {
        css.removeProperty(name);
        delete state[name];
      }
    }
  } else {
    // From nothing or from a string: start from a clean attribute.
    if (prev !== undefined) css.cssText = '';
    state = {};
  }
  for (const name in values) {
    const v = values[name];
    if (v == null || v === false || state[name] === v) continue;
    css.setProperty(name, String(v));
    state[name] = v;
  }
  return state;
};

/** A setter: its first argument is the element it writes to. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each setter has its own arguments
export type Setter = (el: Element, ...args: any[]) => unknown;

/**
 * Hydration (hydrate.ts): replaces every setter `set` by `wrap(set, property)` until the returned
 * function restores them; `property` is true for `setProperty`, which writes a DOM property
 * rather than an attribute.
 */
export function wrapSetters(wrap: <F extends Setter>(set: F, property: boolean) => F): () => void {
  const saved = [setAttribute, setAttributeNS, setProperty, className, toggleClass, setStyleProperty, style] as const;
  setAttribute = wrap(setAttribute, false);
  setAttributeNS = wrap(setAttributeNS, false);
  setProperty = wrap(setProperty, true);
  className = wrap(className, false);
  toggleClass = wrap(toggleClass, false);
  setStyleProperty = wrap(setStyleProperty, false);
  style = wrap(style, false);
  return () => {
    [setAttribute, setAttributeNS, setProperty, className, toggleClass, setStyleProperty, style] = saved;
  };
}
