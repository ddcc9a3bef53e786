/**
 * `mount(fn, container)`: renders an app into a container.
 */
import { root } from '@lepta/reactive';
import { renderBinding } from '@lepta/reactive/internal';
import { holdDelegation } from './events.js';
import { isReactive, setSlot, Slot, updateSlot } from './insert.js';

/**
 * Creates a root, calls `fn()` in it (untracked) and inserts the result at the end of
 * `container`, keeping delegated event listeners installed on the container's document (or
 * shadow root) meanwhile. Returns `dispose()`: it disposes the root (every effect stops, every
 * `onCleanup` runs), removes what was inserted (nothing else in the container) and releases the
 * delegated listeners (removed when no other mount uses them). Calling it again does nothing.
 */
export function mount(fn: () => unknown, container: Node): () => void {
  const release = holdDelegation(container);
  const slot = new Slot(container, null, null);
  let disposeRoot: (() => void) | undefined;
  try {
    root((dispose) => {
      disposeRoot = dispose;
      const value = fn();
      if (isReactive(value)) {
        slot.source = value;
        renderBinding(updateSlot, slot);
      } else {
        setSlot(slot, value);
      }
    });
  } catch (error) {
    teardown(disposeRoot, slot, release);
    throw error;
  }
  // Calling it again does nothing, with no flag of its own: a disposed root is not disposed
  // again, the slot is empty, and `release` acts once.
  return () => teardown(disposeRoot, slot, release);
}

function teardown(disposeRoot: (() => void) | undefined, slot: Slot, release: () => void): void {
  try {
    disposeRoot?.();
  } finally {
    try {
      setSlot(slot, null);
    } finally {
      release();
    }
  }
}
