/**
 * Test helpers for hydration (used by packages/dom/test/hydrate*.test.ts and
 * packages/compiler/test/hydrate.test.ts): a server page in happy-dom, the apps hydrated into it
 * (disposed after each test, with the page data and console spies), and what changed.
 */
import { afterEach, vi } from 'vitest';
import { hydrate } from '../src/index.js';

let disposers: Array<() => void> = [];
afterEach(() => {
  for (const d of disposers) d();
  disposers = [];
  document.body.innerHTML = '';
  delete (globalThis as { $lepta?: unknown }).$lepta;
  vi.restoreAllMocks();
});

/** A container in the document holding `html`, as the server sent it. */
export function serverPage(html: string): HTMLElement {
  const container = document.body.appendChild(document.createElement('div'));
  container.innerHTML = html;
  return container;
}

/** `hydrate(fn, container)`, disposed after the test. */
export function hydrated(fn: () => unknown, container: Node): void {
  disposers.push(hydrate(fn, container));
}

/** The mutations under `node` made while `fn` ran, as `type NODENAME[ attribute]`. */
export function mutations(node: Node, fn: () => void): string[] {
  const observer = new MutationObserver(() => {});
  observer.observe(node, { subtree: true, childList: true, attributes: true, characterData: true });
  fn();
  const records = observer.takeRecords();
  observer.disconnect();
  return records.map((r) => `${r.type} ${r.target.nodeName}${r.attributeName ? ' ' + r.attributeName : ''}`);
}

/** Every node under `root`, in document order. */
export function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c !== null; c = c.nextSibling) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** Silences `console.warn` and returns the spy. */
export function warnings() {
  return vi.spyOn(console, 'warn').mockImplementation(() => {});
}
