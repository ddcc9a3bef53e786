/**
 * Suspense boundaries inside another boundary's fallback, streamed out of order: they stream into
 * the fallback while it is shown, and are dropped once the outer boundary's content replaced it —
 * the response is not held open for them, their loads abort, and no `<template>` of theirs is left
 * in the page (packages/server/CONTRACT.md §5).
 */
import { describe, expect, it } from 'vitest';
import { ErrorBoundary, Suspense, resource, type JSX } from 'lepta';
import { hydrationScript, renderToStream } from '../src/index.js';
import {
  createComponent,
  deferred,
  escapeChild,
  ssr,
  streamInto,
  testBrowser,
  tick,
  withoutScripts,
  type Deferred,
} from './render-helpers.js';

function suspense(fallback: () => unknown, children: () => unknown): JSX.Element {
  return createComponent(Suspense, {
    get fallback() {
      return fallback() as JSX.Element;
    },
    get children() {
      return children() as JSX.Element;
    },
  });
}

/** Loads settled by the test, by key; records which were aborted. */
function loads() {
  const pending = new Map<string, Deferred<string>>();
  const aborted: string[] = [];
  return {
    aborted,
    read(key: string): string {
      const data = resource((_: unknown, { signal }: { signal: AbortSignal }) => {
        signal.addEventListener('abort', () => aborted.push(key));
        const d = deferred<string>();
        pending.set(key, d);
        return d.promise;
      });
      return escapeChild(data()) as string;
    },
    resolve(key: string, value: string) {
      pending.get(key)!.resolve(value);
    },
    reject(key: string, error: unknown) {
      pending.get(key)!.reject(error);
    },
  };
}

/** Resolves once `promise` did, or with `'pending'` after `ms` milliseconds. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);
}

describe('a boundary inside a fallback', () => {
  it('is dropped when the outer content replaces the fallback: the stream ends, its load aborts, no template is left', async () => {
    const load = loads();
    const stream = renderToStream(
      () =>
        ssr(
          '<main>' +
            escapeChild(
              suspense(
                () => ssr('<p>loading, tip: ' + escapeChild(suspense(() => ssr('<i>…</i>'), () => load.read('tip'))) + '</p>'),
                () => load.read('main'),
              ),
            ) +
            '</main>',
        ),
      { timeoutMs: 60_000 },
    );
    const browser = testBrowser();
    const chunks = streamInto(browser, stream);
    await tick();
    expect(browser.app()).toBe('<main><!--$s:0--><p>loading, tip: <!--$s:0f.0--><i>…</i><!--/$s--></p><!--/$s--></main>');

    load.resolve('main', 'content');
    // Without waiting for the tip (whose slot is gone) or for the timeout.
    const all = await within(chunks, 200);
    expect(all).not.toBe('pending');
    expect(browser.app()).toBe('<main>content</main>');
    expect(withoutScripts((all as string[]).join(''))).not.toContain('ls:0f.0');
    expect(load.aborted).toEqual(['tip']);
    await browser.close();
  });

  it('still streams into the fallback while it is shown', async () => {
    const load = loads();
    const stream = renderToStream(() =>
      suspense(
        () => ssr('<p>tip: ' + escapeChild(suspense(() => ssr('<i>…</i>'), () => load.read('tip'))) + '</p>'),
        () => load.read('main'),
      ),
    );
    const browser = testBrowser();
    const chunks = streamInto(browser, stream);
    await tick();
    load.resolve('tip', 'stretch');
    await tick();
    await tick();
    expect(browser.app()).toBe('<!--$s:0--><p>tip: stretch</p><!--/$s-->');
    load.resolve('main', 'content');
    await chunks;
    expect(browser.app()).toBe('content');
    expect(load.aborted).toEqual([]);
    await browser.close();
  });

  it('drops what streamed into the fallback too: a boundary in the content of a boundary in the fallback', async () => {
    const load = loads();
    const stream = renderToStream(
      () =>
        suspense(
          () =>
            ssr(
              '<p>' +
                escapeChild(
                  suspense(
                    () => ssr('<i>…</i>'),
                    () => ssr(load.read('tip') + escapeChild(suspense(() => ssr('<i>more…</i>'), () => load.read('more')))),
                  ),
                ) +
                '</p>',
            ),
          () => load.read('main'),
        ),
      { timeoutMs: 60_000 },
    );
    const browser = testBrowser();
    const chunks = streamInto(browser, stream);
    await tick();
    load.resolve('tip', 'tip ');
    await tick();
    await tick();
    expect(browser.app()).toBe('<!--$s:0--><p>tip <!--$s:0f.0.1--><i>more…</i><!--/$s--></p><!--/$s-->');

    load.resolve('main', 'content');
    expect(await within(chunks, 200)).not.toBe('pending');
    expect(browser.app()).toBe('content');
    expect(load.aborted).toEqual(['more']);
    await browser.close();
  });

  it('is dropped as well when an ErrorBoundary’s fallback takes the failed outer boundary’s place', async () => {
    const load = loads();
    const stream = renderToStream(
      () =>
        createComponent(ErrorBoundary, {
          fallback: () => ssr('<p>failed</p>'),
          get children() {
            return suspense(
              () => ssr('<p>tip: ' + escapeChild(suspense(() => ssr('<i>…</i>'), () => load.read('tip'))) + '</p>'),
              () => load.read('main'),
            );
          },
        }),
      { timeoutMs: 60_000, onError() {} },
    );
    const browser = testBrowser();
    const chunks = streamInto(browser, stream);
    await tick();
    load.reject('main', new Error('down'));
    expect(await within(chunks, 200)).not.toBe('pending');
    expect(browser.app()).toBe('<p>failed</p>');
    expect(load.aborted).toEqual(['tip']);
    await browser.close();
  });
});

describe('the swap script', () => {
  it('removes a template whose slot is no longer in the page', async () => {
    const browser = testBrowser();
    browser.write(hydrationScript());
    browser.write('<main>content</main>');
    browser.write('<template id="ls:3">late</template><script>$lepta.s("3")</script>');
    expect(browser.document.querySelector('template')).toBe(null);
    expect(browser.document.querySelector('main')!.textContent).toBe('content');
    await browser.close();
  });
});
