/**
 * Attribute effects while hydrating (packages/server/CONTRACT.md §3): a server node already
 * carries what the server rendered, so its first write must change nothing unless the client's
 * value differs.
 *
 * Each setter is run on a scratch copy of the element (its attributes only, made in an inert
 * document, so a custom element is not constructed again), then only the attributes that came
 * out different are written to the element. Equality is the browser's own: `class` compares
 * its set of names (order and spacing aside), `style` the declarations as the browser
 * serializes them (`color:red` equals `color: red;`), others their text. The setter runs
 * once, on the copy, so what it returns (`style`'s state) is right for the element as well.
 *
 * `setProperty` writes DOM properties, which the copy does not have: on a server node it writes
 * only a property whose value differs, and never the form state the user may have changed before
 * hydration (`value`, `checked`, `selected`: the server rendered their attributes) nor
 * `innerHTML` (the server rendered it; the browser's serialization would not compare equal).
 */
import type { Setter } from './attributes.js';
import { isServerNode } from './cursor.js';

/** The inert document scratch copies are made in. */
let scratchDocument: Document | null = null;

const KEPT_PROPERTIES: ReadonlySet<string> = new Set(['value', 'checked', 'selected', 'innerHTML']);

/** `set` as it behaves while hydrating (see above); `property` for `setProperty`. */
export function hydratingSetter<F extends Setter>(set: F, property: boolean): F {
  return ((el: Element, ...args: unknown[]) => {
    if (!isServerNode(el)) return set(el, ...args);
    if (property) {
      const [name, value] = args as [string, unknown];
      if (KEPT_PROPERTIES.has(name) || (el as unknown as Record<string, unknown>)[name] === value) return undefined;
      return set(el, ...args);
    }
    scratchDocument ??= document.implementation.createHTMLDocument('');
    const scratch = scratchDocument.importNode(el, false);
    const result = set(scratch, ...args);
    syncAttributes(scratch, el);
    return result;
  }) as F;
}

/** Writes to `to` the attributes of `from` that differ (and removes those `from` lacks). */
function syncAttributes(from: Element, to: Element): void {
  for (const attr of Array.from(from.attributes)) {
    const current = to.getAttributeNS(attr.namespaceURI, attr.localName);
    if (current === null || !equivalent(attr.name, current, attr.value, from, to)) to.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
  }
  for (const attr of Array.from(to.attributes)) {
    if (!from.hasAttributeNS(attr.namespaceURI, attr.localName)) to.removeAttributeNS(attr.namespaceURI, attr.localName);
  }
}

function equivalent(name: string, a: string, b: string, from: Element, to: Element): boolean {
  if (a === b) return true;
  if (name === 'class') return classNames(a) === classNames(b);
  if (name === 'style') return (from as HTMLElement).style.cssText === (to as HTMLElement).style.cssText;
  return false;
}

function classNames(value: string): string {
  return Array.from(new Set(value.split(/[ \t\n\f\r]+/).filter(Boolean))).sort().join(' ');
}
