/**
 * @lepta/dom — the browser renderer: what the compiler's `dom` output calls (CONTRACT.md), and
 * hydration of server-rendered HTML with what its `hydrate` output calls
 * (packages/server/CONTRACT.md §3, §4). See README.md for the design of each part.
 */
export { mergeProps, splitProps } from '@lepta/reactive';
// Compiled code's bindings live as long as their owner: the disposer-free render effect.
export { renderBinding as renderEffect } from '@lepta/reactive/internal';
export { template } from './template.js';
export { insert } from './insert.js';
export {
  setAttribute,
  setAttributeNS,
  setProperty,
  className,
  toggleClass,
  setStyleProperty,
  style,
  type StyleState,
} from './attributes.js';
export { spread } from './spread.js';
export { delegateEvents, addEventListener, holdDelegation, type ListenerValue } from './events.js';
export { createComponent, ref } from './component.js';
export { bindValue, bindInputValue, bindChecked, bindGroup, type Binding } from './bind.js';
export { mount } from './mount.js';
export { hydrate } from './hydrate.js';
export { claim, close, at, hole, saveCursor, restoreCursor, type CursorState } from './cursor.js';
