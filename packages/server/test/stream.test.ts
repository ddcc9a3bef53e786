/**
 * renderToStream: the four modes, what reaches the browser (a happy-dom document parsing the
 * stream's chunks and running its scripts), data sent once per resource and fetched once,
 * failures after the shell, the timeout, and cancellation.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Await, ErrorBoundary, Show, Suspense, resource, type JSX } from 'lepta';
import { renderToStream, renderToString, type StreamOptions } from '../src/index.js';
import {
  createComponent,
  deferred,
  escapeChild,
  pageData,
  readChunks,
  readText,
  ssr,
  streamInto,
  testBrowser,
  tick,
  withoutScripts,
  type Deferred,
} from './render-helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

function suspense(fallback: string, children: () => unknown): JSX.Element {
  return createComponent(Suspense, {
    get fallback() {
      return ssr(fallback);
    },
    get children() {
      return children() as JSX.Element;
    },
  });
}

function errorBoundary(children: () => unknown): JSX.Element {
  return createComponent(ErrorBoundary, {
    fallback: (error: unknown) => ssr(`<p class="error">${escapeChild((error as Error).name)}: ${escapeChild((error as Error).message)}</p>`),
    get children() {
      return children() as JSX.Element;
    },
  });
}

/** Loads the test settles by key; records calls and aborts. */
function loads() {
  const pending = new Map<string, Deferred<unknown>>();
  const calls: string[] = [];
  const aborted: string[] = [];
  return {
    calls,
    aborted,
    fetcher<T>(key: string) {
      return (_: unknown, { signal }: { signal: AbortSignal }): Promise<T> => {
        calls.push(key);
        signal.addEventListener('abort', () => aborted.push(key));
        const d = deferred<unknown>();
        pending.set(key, d);
        return d.promise as Promise<T>;
      };
    },
    resolve(key: string, value: unknown) {
      pending.get(key)!.resolve(value);
    },
    reject(key: string, error: unknown) {
      pending.get(key)!.reject(error);
    },
  };
}

/** A panel: `<section><h2>name</h2><Suspense fallback={…}><p>{data}</p></Suspense></section>`. */
function panel(name: string, load: ReturnType<typeof loads>, options: { blocking?: boolean } = {}): JSX.Element {
  return ssr(
    `<section><h2>${name}</h2>` +
      escapeChild(
        suspense(`<i>loading ${name}</i>`, () => {
          const data = resource(load.fetcher<string>(name), options);
          return ssr('<p>' + escapeChild(data()) + '</p>');
        }),
      ) +
      '</section>',
  );
}

const threePanels = (load: ReturnType<typeof loads>) => () => ssr('<main>' + escapeChild(['a', 'b', 'c'].map((n) => panel(n, load))) + '</main>');

const resolvedPage =
  '<main><section><h2>a</h2><p>A</p></section><section><h2>b</h2><p>B</p></section><section><h2>c</h2><p>C</p></section></main>';

/** Starts reading `stream` into a test browser; returns the browser and the chunks (when done). */
function open(stream: ReadableStream<Uint8Array>) {
  const browser = testBrowser();
  const chunks = streamInto(browser, stream);
  return { browser, chunks };
}

describe('out-of-order (default)', () => {
  it('sends the shell with fallbacks at once, then each boundary as it resolves, in any order', async () => {
    const load = loads();
    const stream = renderToStream(threePanels(load));
    const { browser, chunks } = open(stream);
    await expect(stream.status).resolves.toBe(200);
    await tick();
    expect(browser.app()).toBe(
      '<main><section><h2>a</h2><!--$s:0--><i>loading a</i><!--/$s--></section>' +
        '<section><h2>b</h2><!--$s:1--><i>loading b</i><!--/$s--></section>' +
        '<section><h2>c</h2><!--$s:2--><i>loading c</i><!--/$s--></section></main>',
    );
    load.resolve('c', 'C');
    await tick();
    expect(browser.app()).toContain('<h2>c</h2><p>C</p>');
    load.resolve('a', 'A');
    load.resolve('b', 'B');
    const all = await chunks;
    // after the swaps, the DOM is the in-order render: no markers, no templates, no scripts
    expect(browser.app()).toBe(resolvedPage);
    expect(all.map((c) => c.match(/<template id="ls:(\d)"/)?.[1] ?? 'shell')).toEqual(['shell', '2', '0', '1']);
    expect(browser.lepta!.d).toEqual({ '0.0': { value: 'A' }, '1.0': { value: 'B' }, '2.0': { value: 'C' } });
    expect(load.calls).toEqual(['a', 'b', 'c']);
    await browser.close();
  });

  it('streams Uint8Array chunks; the data of a resource outside the boundary comes with the boundary', async () => {
    const d = deferred<{ when: Date; tags: Set<string>; later: Promise<string> }>();
    const stream = renderToStream(() => {
      const data = resource(() => d.promise);
      return suspense('<i>…</i>', () => ssr('<p>' + escapeChild(data()?.tags.size) + '</p>'));
    });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.value).toBeInstanceOf(Uint8Array);
    d.resolve({ when: new Date(5), tags: new Set(['x', 'y']), later: Promise.resolve('p') });
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toContain('<template id="ls:1"><p>2</p></template>');
    const data = pageData(rest)['0'] as { value: { when: Date; tags: Set<string>; later: Promise<string> } };
    expect(data.value.when).toEqual(new Date(5));
    expect(data.value.tags).toEqual(new Set(['x', 'y']));
    await expect(data.value.later).resolves.toBe('p');
  });

  it('a nested boundary found in a re-render streams after its parent; its load, started by the first render, is not fetched again', async () => {
    const load = loads();
    const stream = renderToStream(() =>
      suspense('<i>outer</i>', () => {
        const a = resource(load.fetcher<string>('a'));
        return ssr(
          '<div>' +
            escapeChild(a()) +
            escapeChild(
              suspense('<i>inner</i>', () => {
                const b = resource(load.fetcher<string>('b'));
                return ssr('<b>' + escapeChild(b()) + '</b>');
              }),
            ) +
            '</div>',
        );
      }),
    );
    const { browser, chunks } = open(stream);
    await tick();
    load.resolve('a', 'A');
    await tick();
    expect(browser.app()).toBe('<div>A<!--$s:0.1--><i>inner</i><!--/$s--></div>');
    load.resolve('b', 'B');
    const all = await chunks;
    expect(browser.app()).toBe('<div>A<b>B</b></div>');
    expect(all.map((c) => c.match(/<template id="ls:([\d.]+)"/)?.[1] ?? 'shell')).toEqual(['shell', '0', '0.1']);
    expect(load.calls).toEqual(['a', 'b']);
    expect(load.aborted).toEqual([]);
    expect(browser.lepta!.d).toEqual({ '0.0': { value: 'A' }, '0.1.0': { value: 'B' } });
    // each entry sent once, though the outer boundary rendered its resources twice
    expect(all.join('').match(/\$lepta\.d\["0\.0"\]/g)).toHaveLength(1);
    await browser.close();
  });

  it('a nested boundary whose data arrived first comes in place with its parent', async () => {
    const load = loads();
    const stream = renderToStream(() =>
      suspense('<i>outer</i>', () => {
        const a = resource(load.fetcher<string>('a'));
        const inner = suspense('<i>inner</i>', () => escapeChild(resource(load.fetcher<string>('b'))()));
        return [escapeChild(a()), inner];
      }),
    );
    const chunks = readChunks(stream);
    await tick();
    load.resolve('b', 'B');
    await tick();
    load.resolve('a', 'A');
    const all = await chunks;
    expect(all).toHaveLength(2);
    expect(all[1]).toContain('<template id="ls:0">AB</template>');
    expect(load.calls).toEqual(['a', 'b']);
  });

  it('a waterfall (a resource created once another resolved) renders the boundary until nothing is pending', async () => {
    const load = loads();
    function Posts(props: { user: string }) {
      const posts = resource(() => props.user, load.fetcher<string[]>('posts'));
      return ssr('<ul>' + escapeChild(posts()?.map((p) => ssr('<li>' + escapeChild(p) + '</li>'))) + '</ul>');
    }
    const stream = renderToStream(() =>
      suspense('<i>…</i>', () => {
        const user = resource(load.fetcher<string>('user'));
        return createComponent(Show, {
          get when() {
            return user();
          },
          children: (u: () => string) => createComponent(Posts, { get user() { return u(); } }),
        });
      }),
    );
    const text = readText(stream);
    await tick();
    load.resolve('user', 'ada');
    await tick();
    expect(load.calls).toEqual(['user', 'posts']);
    load.resolve('posts', ['one', 'two']);
    const html = await text;
    expect(html).toContain('<template id="ls:0"><ul><li>one</li><li>two</li></ul></template>');
    expect(load.calls).toEqual(['user', 'posts']);
    expect(pageData(html)).toEqual({ '0.0': { value: 'ada' }, '0.1': { value: ['one', 'two'] } });
  });

  it('a boundary in a fallback streams too; what the fallback loads is not sent', async () => {
    const load = loads();
    const stream = renderToStream(() =>
      createComponent(Suspense, {
        get fallback() {
          return suspense('<i>fallback loading</i>', () => escapeChild(resource(load.fetcher<string>('tip'))()));
        },
        get children() {
          return escapeChild(resource(load.fetcher<string>('main'))());
        },
      }),
    );
    const { browser, chunks } = open(stream);
    await tick();
    expect(browser.app()).toBe('<!--$s:0--><!--$s:0f.0--><i>fallback loading</i><!--/$s--><!--/$s-->');
    load.resolve('tip', 'a tip');
    await tick();
    expect(browser.app()).toBe('<!--$s:0-->a tip<!--/$s-->');
    load.resolve('main', 'content');
    await chunks;
    expect(browser.app()).toBe('content');
    // what the fallback loaded is not hydration data: the client renders fallbacks afresh
    expect(browser.lepta!.d).toEqual({ '0.0': { value: 'content' } });
    await browser.close();
  });

  it('hostile data and text stay inert in the browser', async () => {
    const hostile = '</script><script>window.pwned = 1</script><img src=x onerror="window.pwned=2">\u2028';
    const stream = renderToStream(() =>
      suspense('<i>…</i>', () => {
        const r = resource(async () => hostile);
        return ssr('<p>' + escapeChild(r()) + '</p>');
      }),
    );
    const { browser, chunks } = open(stream);
    await chunks;
    expect((browser.window as unknown as { pwned?: number }).pwned).toBeUndefined();
    expect(browser.document.querySelector('p')!.textContent).toBe(hostile);
    expect(browser.lepta!.d['0.0']).toEqual({ value: hostile });
    await browser.close();
  });

  it('puts the nonce on every script: hydration, data, swaps', async () => {
    const load = loads();
    const stream = renderToStream(threePanels(load), { nonce: 'abc' });
    const text = readText(stream);
    await tick();
    for (const key of ['c', 'a', 'b']) load.resolve(key, key.toUpperCase());
    const html = await text;
    const tags = html.match(/<script[^>]*>/g)!;
    expect(tags.length).toBe(4); // the hydration script and three swaps (each with its data)
    expect(new Set(tags)).toEqual(new Set(['<script nonce="abc">']));
    expect(html.match(/\$lepta\.s\(/g)).toHaveLength(3);
  });

  it('the hydration script captures events until the client sets $lepta.e to null', async () => {
    const stream = renderToStream(() => ssr('<button>go</button>'));
    const { browser, chunks } = open(stream);
    await chunks;
    const button = browser.document.querySelector('button')!;
    button.dispatchEvent(new browser.window.MouseEvent('click', { bubbles: true }));
    button.dispatchEvent(new browser.window.KeyboardEvent('keydown', { bubbles: true }));
    expect(browser.lepta!.e!.map((e) => e.type)).toEqual(['click', 'keydown']);
    browser.lepta!.e = null;
    button.dispatchEvent(new browser.window.MouseEvent('click', { bubbles: true }));
    expect(browser.lepta!.e).toBeNull();
    await browser.close();
  });
});

describe('in-order', () => {
  it('streams top to bottom, pausing at each boundary: content in place, no swaps; data at the end', async () => {
    const load = loads();
    const stream = renderToStream(threePanels(load), { mode: 'in-order' });
    const chunks = readChunks(stream);
    await tick();
    load.resolve('b', 'B'); // out of order: written only after a
    await tick();
    load.resolve('c', 'C');
    await tick();
    load.resolve('a', 'A');
    const all = await chunks;
    expect(withoutScripts(all[0]!)).toBe('<main><section><h2>a</h2>');
    const html = all.join('');
    expect(withoutScripts(html)).toBe(resolvedPage);
    expect(html).not.toContain('<template');
    expect(html).not.toContain('$lepta.s(');
    expect(pageData(html)).toEqual({ '0.0': { value: 'A' }, '1.0': { value: 'B' }, '2.0': { value: 'C' } });
    // every boundary loaded from the start, in parallel
    expect(load.calls).toEqual(['a', 'b', 'c']);
    // the page works without JavaScript, and with it (scripts remove themselves)
    const browser = testBrowser();
    browser.write(html);
    expect(browser.app()).toBe(resolvedPage);
    await browser.close();
  });

  it('a nested boundary is awaited inside its parent', async () => {
    const load = loads();
    const stream = renderToStream(
      () =>
        ssr(
          '<div>' +
            escapeChild(
              suspense('<i>outer</i>', () => [
                escapeChild(resource(load.fetcher<string>('a'))()),
                suspense('<i>inner</i>', () => escapeChild(resource(load.fetcher<string>('b'))())),
              ]),
            ) +
            '</div>',
        ),
      { mode: 'in-order' },
    );
    const text = readText(stream);
    await tick();
    load.resolve('a', 'A');
    await tick();
    load.resolve('b', 'B');
    expect(withoutScripts(await text)).toBe('<div>AB</div>');
    expect(load.calls).toEqual(['a', 'b']);
  });
});

describe('async', () => {
  it('sends the complete page at once, when everything is loaded', async () => {
    const load = loads();
    const stream = renderToStream(threePanels(load), { mode: 'async' });
    let status: number | undefined;
    void stream.status.then((s) => (status = s));
    const chunks = readChunks(stream);
    await tick();
    load.resolve('a', 'A');
    load.resolve('b', 'B');
    await tick();
    expect(status).toBeUndefined();
    load.resolve('c', 'C');
    const all = await chunks;
    expect(status).toBe(200);
    expect(all).toHaveLength(1);
    expect(withoutScripts(all[0]!)).toBe(resolvedPage);
    expect(pageData(all[0]!)).toEqual({ '0.0': { value: 'A' }, '1.0': { value: 'B' }, '2.0': { value: 'C' } });
  });
});

describe('partially-blocked', () => {
  it('boundaries reading a blocking resource are in the shell; the others stream out of order', async () => {
    const load = loads();
    const stream = renderToStream(
      () =>
        ssr(
          '<main>' +
            escapeChild([
              panel('a', load),
              panel('b', load, { blocking: true }),
              suspense('<i>await</i>', () =>
                createComponent(Await<string>, {
                  get future() {
                    return load.fetcher<string>('c')(true, { signal: new AbortController().signal });
                  },
                  blocking: true,
                  children: (v: string) => ssr('<b>' + escapeChild(v) + '</b>'),
                }),
              ),
            ]) +
            '</main>',
        ),
      { mode: 'partially-blocked' },
    );
    const { browser, chunks } = open(stream);
    await tick();
    load.resolve('b', 'B');
    await tick();
    expect(browser.app()).toBe('');
    load.resolve('c', 'C');
    await tick();
    expect(browser.app()).toBe(
      '<main><section><h2>a</h2><!--$s:0--><i>loading a</i><!--/$s--></section>' +
        '<section><h2>b</h2><p>B</p></section><b>C</b></main>',
    );
    load.resolve('a', 'A');
    await chunks;
    expect(browser.app()).toBe('<main><section><h2>a</h2><p>A</p></section><section><h2>b</h2><p>B</p></section><b>C</b></main>');
    expect(browser.lepta!.d).toEqual({ '0.0': { value: 'A' }, '1.0': { value: 'B' }, '2.0': { value: 'C' } });
    await browser.close();
  });

  it('in the out-of-order mode, blocking changes nothing', async () => {
    const load = loads();
    const stream = renderToStream(() => panel('b', load, { blocking: true }));
    const chunks = readChunks(stream);
    await tick();
    load.resolve('b', 'B');
    const all = await chunks;
    expect(withoutScripts(all[0]!)).toContain('<i>loading b</i>');
  });
});

describe('failures after the shell', () => {
  it('a rejection streams the fallback of the ErrorBoundary inside the boundary; the error is sent redacted', async () => {
    const load = loads();
    const stream = renderToStream(() =>
      suspense('<i>…</i>', () => errorBoundary(() => escapeChild(resource(load.fetcher<string>('a'))()))),
    );
    const { browser, chunks } = open(stream);
    await tick();
    const error = Object.assign(new Error('db down'), { query: 'SELECT secret' });
    load.reject('a', error);
    const all = (await chunks).join('');
    expect(browser.app()).toBe('<p class="error">Error: db down</p>');
    expect(all).not.toContain('SELECT secret');
    // Inside the ErrorBoundary's children, their own scope: `<boundary 0>.e0c.0`.
    expect((browser.lepta!.d['0.e0c.0'] as { error: Error }).error.message).toBe('db down');
    await browser.close();
  });

  it('an ErrorBoundary around the boundary renders its fallback in the boundary’s place', async () => {
    const load = loads();
    const onError = vi.fn();
    const stream = renderToStream(
      () =>
        ssr(
          '<div><h1>title</h1>' +
            escapeChild(errorBoundary(() => ['before ', suspense('<i>…</i>', () => escapeChild(resource(load.fetcher<string>('a'))()))])) +
            '</div>',
        ),
      { onError },
    );
    const { browser, chunks } = open(stream);
    await tick();
    load.reject('a', new TypeError('bad'));
    await chunks;
    expect(browser.app()).toBe('<div><h1>title</h1>before <p class="error">TypeError: bad</p></div>');
    expect(onError).not.toHaveBeenCalled();
    await browser.close();
  });

  it('with no ErrorBoundary, the error is reported and the boundary keeps its fallback (out-of-order) or shows it (in-order)', async () => {
    for (const mode of ['out-of-order', 'in-order'] as const) {
      const load = loads();
      const onError = vi.fn();
      const stream = renderToStream(
        () => ssr('<div>' + escapeChild(suspense('<i>…</i>', () => escapeChild(resource(load.fetcher<string>('a'))()))) + '</div>'),
        { mode, onError },
      );
      const text = readText(stream);
      await tick();
      const error = new Error('lost');
      load.reject('a', error);
      const html = await text;
      expect(withoutScripts(html)).toBe('<div><!--$s:0--><i>…</i><!--/$s--></div>');
      expect(onError).toHaveBeenCalledWith(error);
    }
  });

  it('a resource that never settles is cut by the timeout (default 10 s): its ErrorBoundary’s fallback streams, the fetch is aborted, no timer is left', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const load = loads();
    const onError = vi.fn();
    const stream = renderToStream(
      () =>
        ssr(
          escapeChild(suspense('<i>a…</i>', () => errorBoundary(() => escapeChild(resource(load.fetcher<string>('a'))())))) +
            escapeChild(suspense('<i>b…</i>', () => escapeChild(resource(load.fetcher<string>('b'))()))),
        ),
      { onError },
    );
    const text = readText(stream);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(load.aborted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    const html = await text;
    expect(html).toContain('<template id="ls:0"><p class="error">TimeoutError: The render timed out: data still loading after 10000 ms.</p></template>');
    expect(html).not.toContain('<template id="ls:1">'); // no ErrorBoundary: the fallback stays
    expect(pageData(html)).toEqual({}); // nothing sent for what timed out: the client loads it
    expect(load.aborted.sort()).toEqual(['a', 'b']);
    expect(vi.getTimerCount()).toBe(0);
    expect(onError.mock.calls.map((c) => (c[0] as Error).name)).toEqual(['TimeoutError', 'TimeoutError']);
  });

  it('timeoutMs is configurable; Infinity sets no timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const load = loads();
    const stream = renderToStream(() => panel('a', load), { mode: 'in-order', timeoutMs: 50, onError() {} });
    const text = readText(stream);
    await vi.advanceTimersByTimeAsync(50);
    expect(withoutScripts(await text)).toBe('<section><h2>a</h2><!--$s:0--><i>loading a</i><!--/$s--></section>');

    const forever = renderToStream(() => ssr('<p>x</p>'), { timeoutMs: Infinity });
    expect(vi.getTimerCount()).toBe(0);
    await readText(forever);
  });
});

describe('cancellation', () => {
  it('cancelling the stream stops the render: fetches abort, no timer is left, nothing more is written', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const load = loads();
    const stream = renderToStream(threePanels(load));
    const reader = stream.getReader();
    await reader.read();
    expect(vi.getTimerCount()).toBe(1);
    await reader.cancel();
    expect(load.aborted.sort()).toEqual(['a', 'b', 'c']);
    expect(vi.getTimerCount()).toBe(0);
    load.resolve('a', 'A'); // too late: ignored
    await Promise.resolve();
  });

  it('the signal option aborting errors the stream with its reason and aborts the render', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const load = loads();
    const controller = new AbortController();
    const stream = renderToStream(threePanels(load), { signal: controller.signal, mode: 'async' });
    const text = readText(stream);
    const reason = new Error('client went away');
    controller.abort(reason);
    await expect(text).rejects.toBe(reason);
    await expect(stream.status).resolves.toBe(500);
    expect(load.aborted.sort()).toEqual(['a', 'b', 'c']);
    expect(vi.getTimerCount()).toBe(0);

    const already = renderToStream(threePanels(loads()), { signal: controller.signal });
    await expect(readText(already)).rejects.toBe(reason);
  });
});

describe('failure before the shell', () => {
  const failing = () => {
    resource(() => 'settled before the failure'); // its data must not follow the error page
    throw Object.assign(new Error('no db'), { detail: 'secret' });
  };

  it('the stream is a complete error document and status is 500', async () => {
    const onError = vi.fn();
    const stream = renderToStream(failing, { onError });
    await expect(stream.status).resolves.toBe(500);
    const chunks = await readChunks(stream);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatch(/^<!DOCTYPE html><html>.*500 Internal Server Error.*<\/html>$/);
    expect(chunks[0]).not.toContain('no db');
    expect(chunks[0]).not.toContain('<script');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('an error that cannot be printed still gives a complete dev error document', async () => {
    const unprintable = Object.create(null) as object;
    const stream = renderToStream(() => { throw unprintable; }, { dev: true, onError() {} });
    await expect(stream.status).resolves.toBe(500);
    expect(await readText(stream)).toMatch(/^<!DOCTYPE html>.*cannot be printed.*<\/html>$/);
  });

  it('dev shows the error; errorDocument replaces the page (and falls back to the default if it throws)', async () => {
    const options: StreamOptions = { onError() {} };
    expect(await readText(renderToStream(failing, { ...options, dev: true }))).toContain('no db');
    expect(await readText(renderToStream(failing, { ...options, errorDocument: (e) => `<p>${(e as Error).message.length}</p>` }))).toBe('<p>5</p>');
    const broken = renderToStream(failing, {
      ...options,
      errorDocument: () => {
        throw new Error('broken page');
      },
    });
    expect(await readText(broken)).toContain('500 Internal Server Error');
  });

  it('the same app renders the same HTML with renderToString and every mode once loaded', async () => {
    const app = () => ssr('<ul>' + escapeChild(['x', 'y'].map((v) => suspense('<i>…</i>', () => ssr('<li>' + escapeChild(resource(() => v)()) + '</li>')))) + '</ul>');
    const expected = '<ul><li>x</li><li>y</li></ul>';
    expect(withoutScripts(renderToString(app))).toBe(expected);
    for (const mode of ['out-of-order', 'in-order', 'async', 'partially-blocked'] as const) {
      expect(withoutScripts(await readText(renderToStream(app, { mode })))).toBe(expected);
    }
  });
});
