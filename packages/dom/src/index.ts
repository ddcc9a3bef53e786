/**
 * @lepta/dom — the browser renderer: what the compiler's `dom` output calls (CONTRACT.md).
 * See README.md for the design of each part.
 */
export { renderEffect, mergeProps, splitProps } from '@lepta/reactive';
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
export { bindValue, bindChecked, bindGroup, type Binding } from './bind.js';
export { mount } from './mount.js';
