/**
 * Server renders leave nothing behind: run in a forked process with --expose-gc (vitest project
 * "leaks"). Many renders of a page with resources and Suspense boundaries — streamed to the end,
 * cancelled midway, rendered to a string — then, after a macrotask and a full GC, nothing any
 * render created may be reachable, and no fetch may still be running.
 */
import { describe, expect, it } from 'vitest';
import { Suspense, resource } from 'lepta';
import { getOwner } from '@lepta/reactive';
import { renderToStream, renderToString } from '../src/index.js';
import { createComponent, escapeChild, ssr } from '../test/render-helpers.js';

declare const gc: () => void;

async function collect(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
}

/** Everything a render created that must be collected: owners and resource values. */
const refs: WeakRef<object>[] = [];
let fetchesRunning = 0;

function Panel(props: { delay: number }) {
  const data = resource(
    () => props.delay,
    (delay, { signal }) =>
      new Promise<{ big: number[] }>((resolve, reject) => {
        fetchesRunning++;
        const value = { big: new Array(1000).fill(delay) };
        refs.push(new WeakRef(value));
        const timer = setTimeout(() => {
          fetchesRunning--;
          resolve(value);
        }, delay);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          fetchesRunning--;
          reject(signal.reason);
        });
      }),
  );
  refs.push(new WeakRef(getOwner()!));
  return createComponent(Suspense, {
    get fallback() {
      return ssr('<p>loading</p>');
    },
    get children() {
      return ssr('<p>' + escapeChild(data()?.big.length) + '</p>');
    },
  });
}

const App = () => ssr('<main>' + escapeChild(createComponent(Panel, { delay: 1 })) + escapeChild(createComponent(Panel, { delay: 20 })) + '</main>');

describe('server renders', () => {
  it('streamed, cancelled and string renders keep nothing alive', { timeout: 30_000 }, async () => {
    expect(typeof gc).toBe('function');
    for (let i = 0; i < 50; i++) {
      // Streamed to the end.
      const full = renderToStream(App);
      const reader = full.getReader();
      while (!(await reader.read()).done);
      // Cancelled after the shell: the slow fetch must be aborted.
      const cancelled = renderToStream(App);
      const r2 = cancelled.getReader();
      await r2.read();
      await r2.cancel();
      // A string: boundaries show their fallback, loads are aborted when it returns.
      expect(renderToString(App, { onError: () => {} })).toContain('loading');
    }
    await collect();
    expect(fetchesRunning).toBe(0);
    expect(refs.length).toBeGreaterThan(300);
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    expect(alive).toBe(0);
  });
});
