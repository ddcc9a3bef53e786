/**
 * Hydration in Chromium: the page holds the server's HTML (and the server's hydration script,
 * which captures events until hydration); `hydrateApp` hydrates it with the `hydrate`-compiled
 * App and reports what changed.
 */
import { createComponent, hydrate } from '@lepta/dom';
import { App } from './hydrate-app.js';

let before: Node[] = [];
let observer: MutationObserver | null = null;

function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) out.push(n);
  return out;
}

/** Remembers the server's nodes and starts recording mutations. */
export function snapshot(): number {
  const app = document.getElementById('app')!;
  before = allNodes(app);
  observer = new MutationObserver(() => {});
  observer.observe(app, { subtree: true, childList: true, attributes: true, characterData: true });
  return before.length;
}

/** Hydrates; returns the mutations hydration made and whether every server node is still in place. */
export function hydrateApp(): { mutations: string[]; sameNodes: boolean; captured: unknown } {
  const app = document.getElementById('app')!;
  hydrate(() => createComponent(App, {}), app);
  const mutations = observer!.takeRecords().map((r) => `${r.type} ${r.target.nodeName} ${r.target.textContent}`);
  observer!.disconnect();
  const after = allNodes(app);
  const sameNodes = after.length === before.length && after.every((n, i) => n === before[i]);
  return { mutations, sameNodes, captured: (self as unknown as { $lepta: { e: unknown } }).$lepta.e };
}

/** Whether the current `<li>` elements include the server's first two, in place. */
export function listKept(): boolean {
  const lis = Array.from(document.querySelectorAll('li'));
  const server = before.filter((n) => n.nodeName === 'LI');
  return lis[0] === server[0] && lis[1] === server[1];
}
