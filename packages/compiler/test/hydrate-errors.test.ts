// @vitest-environment happy-dom
/**
 * Errors while hydrating, end to end: components compiled in `ssr` mode render the page, the same
 * components compiled in `hydrate` mode adopt it (packages/server/CONTRACT.md §4, §5).
 *
 * - An error thrown while an ErrorBoundary's children are created leaves the hydration cursor
 *   where the boundary started (a region entered by `at` is left even though its `insert` never
 *   ran): the fallback is claimed from there, and what follows the boundary is adopted.
 * - An ErrorBoundary's fallback has ids of its own: wherever the server rendered it (in the shell,
 *   or streamed after it in a failed Suspense boundary's place), the client's fallback takes its
 *   data, and the resources after the boundary take theirs.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createComponent } from '@lepta/dom';
import { compile } from '../src/index.js';
import { allNodes, hydrated, serverPage, warnings } from '../../dom/test/hydration-page.js';
import { readChunks, testBrowser, tick } from '../../server/test/render-helpers.js';

const tmp = join(dirname(fileURLToPath(import.meta.url)), `.tmp-hydrate-errors-${process.pid}`);
mkdirSync(tmp, { recursive: true });
let counter = 0;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compiled test modules export anything
type Module = Record<string, any>;

/** Compiles `source` (TSX) in `mode`, writes it next to this test and imports it. */
async function load(source: string, mode: 'hydrate' | 'ssr'): Promise<Module> {
  const name = `hydrate-errors-${mode}-${counter++}`;
  const moduleName = mode === 'ssr' ? '@lepta/server/runtime' : '@lepta/dom';
  const { code } = compile(source, { filename: `${name}.tsx`, mode, moduleName, typescript: 'strip', dev: true });
  const file = join(tmp, `${name}.js`);
  writeFileSync(file, code);
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

/** A page from `renderToString`: its markup without the scripts, and the data its scripts carry. */
function splitPage(html: string): { page: string; data: Record<string, unknown> } {
  const self: { $lepta?: { d: Record<string, unknown> } } = {};
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    new Function('self', 'document', `var $lepta; ${body!}; self.$lepta = $lepta;`)(self, { currentScript: { remove() {} } });
  }
  return { page: html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ''), data: self.$lepta?.d ?? {} };
}

/** `source` rendered to a string by its `ssr` build, and its `hydrate` build. */
async function roundTrip(source: string): Promise<{ html: string; client: Module }> {
  const server = await load(source, 'ssr');
  const { renderToString } = await import('@lepta/server');
  const runtime = await import('@lepta/server/runtime');
  const html = renderToString(() => runtime.createComponent(server.App, {}), { hydrationScript: false });
  return { html, client: await load(source, 'hydrate') };
}

describe('an error while an ErrorBoundary’s children hydrate', () => {
  // `<Bad/>` is the sole child of <section>: `_$insert(el, (_$at(el), _$createComponent(Bad)))`,
  // so a throw in Bad leaves the region `at` entered without its insert.
  const SOURCE = `
    import { signal } from '@lepta/reactive';
    import { ErrorBoundary } from 'lepta';
    /** Set by the test, on the side that fails (each build is a module of its own). */
    export const fail = { v: false };
    export const [n, setN] = signal(1);
    function Bad() {
      if (fail.v) throw new Error('bad');
      return <b>ok</b>;
    }
    export const App = () => (
      <>
        <main>
          <ErrorBoundary fallback={<p>err</p>}><section><Bad /></section></ErrorBoundary>
          <footer>after</footer>
        </main>
        <aside>tail {n()}</aside>
      </>
    );
  `;

  it('client only: the fallback replaces the children (one warning), what follows is adopted', async () => {
    const { html, client } = await roundTrip(SOURCE);
    expect(html).toBe('<main><!--[--><section><b>ok</b></section><!--]--><footer>after</footer></main><aside>tail <!--[-->1<!--]--></aside>');
    client.fail.v = true;
    const c = serverPage(html);
    const footer = c.querySelector('footer');
    const aside = c.querySelector('aside');
    const warn = warnings();
    hydrated(() => createComponent(client.App, {}), c);
    expect(c.innerHTML).toBe('<main><!--[--><p>err</p><!--]--><footer>after</footer></main><aside>tail <!--[-->1<!--]--></aside>');
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringContaining('expected <p>, found <section>')]);
    expect(c.querySelector('footer')).toBe(footer);
    expect(c.querySelector('aside')).toBe(aside);
    client.setN(2);
    expect(aside!.textContent).toBe('tail 2');
  });

  it('on both sides: the server’s fallback is adopted, nothing is replaced', async () => {
    const server = await load(SOURCE, 'ssr');
    server.fail.v = true;
    const { renderToString } = await import('@lepta/server');
    const runtime = await import('@lepta/server/runtime');
    const html = renderToString(() => runtime.createComponent(server.App, {}), { hydrationScript: false });
    expect(html).toBe('<main><!--[--><p>err</p><!--]--><footer>after</footer></main><aside>tail <!--[-->1<!--]--></aside>');
    const client = await load(SOURCE, 'hydrate');
    client.fail.v = true;
    const c = serverPage(html);
    const before = allNodes(c);
    const warn = warnings();
    hydrated(() => createComponent(client.App, {}), c);
    // The children claimed their <section> before Bad threw: that claim is reported (the client
    // cannot know the server failed too); the fallback then adopts the server's <p>.
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringContaining('expected <section>, found <p>')]);
    expect(c.innerHTML).toBe(html);
    expect(allNodes(c)).toEqual(before);
    client.setN(3);
    expect(c.querySelector('aside')!.textContent).toBe('tail 3');
  });

  it('thrown deeper, inside a Show and a nested claimed element, the same', async () => {
    const { html, client } = await roundTrip(`
      import { signal } from '@lepta/reactive';
      import { ErrorBoundary, Show } from 'lepta';
      export const fail = { v: false };
      export const [n, setN] = signal(1);
      function Bad() {
        if (fail.v) throw new Error('bad');
        return <b>ok</b>;
      }
      export const App = () => (
        <>
          <div>
            <h1>title</h1>
            <ErrorBoundary fallback={<p>err</p>}>
              <Show when={n() > 0}><article><div><Bad /></div> <em>x</em></article></Show>
            </ErrorBoundary>
          </div>
          <footer>{n()}</footer>
        </>
      );
    `);
    client.fail.v = true;
    const c = serverPage(html);
    const footer = c.querySelector('footer');
    const warn = warnings();
    hydrated(() => createComponent(client.App, {}), c);
    expect(c.querySelector('p')!.textContent).toBe('err');
    expect(c.querySelector('article')).toBe(null);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(c.querySelector('footer')).toBe(footer);
    client.setN(5);
    expect(footer!.textContent).toBe('5');
  });
});

describe('the ids of an ErrorBoundary’s fallback', () => {
  const SOURCE = `
    import { ErrorBoundary, Suspense, resource } from 'lepta';
    /** Set by the test, on each side. */
    export const io = { load: (name: string): string | Promise<string> => name };
    function Uses(props: { name: string }) {
      const value = resource(() => io.load(props.name));
      return <span class={props.name}>{value()}</span>;
    }
    export const App = () => (
      <div>
        <ErrorBoundary fallback={<Uses name="fallback" />}>
          <Suspense fallback={<i>…</i>}><Uses name="main" /></Suspense>
        </ErrorBoundary>
        <Uses name="sibling" />
      </div>
    );
  `;

  /** Hydrates `html` with `data` as `$lepta.d`: what each span shows, and what the client fetched. */
  async function hydrateWith(html: string, data: Record<string, unknown>) {
    const client = await load(SOURCE, 'hydrate');
    const fetched: string[] = [];
    client.io.load = (name: string) => {
      fetched.push(name);
      return new Promise<string>(() => {});
    };
    (globalThis as { $lepta?: unknown }).$lepta = { d: data, e: null };
    const c = serverPage(html);
    const span = (name: string) => c.querySelector(`span.${name}`)?.textContent;
    hydrated(() => createComponent(client.App, {}), c);
    return { fetched, fallback: span('fallback'), sibling: span('sibling'), main: span('main') };
  }

  it('streamed after the shell in a failed boundary’s place: the fallback and the sibling each take their own data', async () => {
    const server = await load(SOURCE, 'ssr');
    let fail!: (error: Error) => void;
    server.io.load = (name: string) =>
      name === 'main' ? new Promise<string>((_, reject) => (fail = reject)) : `${name} data`;
    const { renderToStream } = await import('@lepta/server');
    const runtime = await import('@lepta/server/runtime');
    const stream = renderToStream(() => runtime.createComponent(server.App, {}), { onError() {} });
    const browser = testBrowser();
    const chunks = readChunks(stream, browser.write);
    await tick();
    fail(new Error('down'));
    await chunks;
    const html = browser.app();
    expect(html).toBe(
      '<div><!--[--><span class="fallback">fallback data</span><!--]--><!--[--><span class="sibling">sibling data</span><!--]--></div>',
    );
    const data = { ...browser.lepta!.d };
    await browser.close();

    warnings();
    expect(await hydrateWith(html, data)).toEqual({ fetched: [], fallback: 'fallback data', sibling: 'sibling data', main: undefined });
  });

  it('rendered in the shell: the same', async () => {
    const server = await load(SOURCE, 'ssr');
    server.io.load = (name: string) => {
      if (name === 'main') throw new Error('down');
      return `${name} data`;
    };
    const { renderToString } = await import('@lepta/server');
    const runtime = await import('@lepta/server/runtime');
    const { page, data } = splitPage(renderToString(() => runtime.createComponent(server.App, {}), { hydrationScript: false }));
    const warn = warnings();
    expect(await hydrateWith(page, data)).toEqual({ fetched: [], fallback: 'fallback data', sibling: 'sibling data', main: undefined });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("a client-only resource (ssr: 'client') inside Suspense", () => {
  const SOURCE = `
    import { Suspense, resource } from 'lepta';
    /** Set by the test, on each side. */
    export const io = { load: (): Promise<string> => new Promise(() => {}) };
    function Weather() {
      const forecast = resource(() => io.load(), { ssr: 'client' });
      return <p class="weather">{forecast() ?? 'no forecast yet'}</p>;
    }
    export const App = () => (
      <main><Suspense fallback={<i>loading</i>}><Weather /></Suspense></main>
    );
  `;

  it('is rendered without its value on both sides, adopted without a mismatch, then updated in place', async () => {
    const server = await load(SOURCE, 'ssr');
    let serverCalls = 0;
    server.io.load = () => (serverCalls++, Promise.resolve('server'));
    const { renderToString } = await import('@lepta/server');
    const runtime = await import('@lepta/server/runtime');
    const html = renderToString(() => runtime.createComponent(server.App, {}), { hydrationScript: false }).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    expect(serverCalls).toBe(0);
    expect(html).toContain('<p class="weather">no forecast yet</p>');

    const client = await load(SOURCE, 'hydrate');
    let answer!: (value: string) => void;
    client.io.load = () => new Promise<string>((resolve) => (answer = resolve));
    (globalThis as { $lepta?: unknown }).$lepta = { d: {}, e: null };
    const c = serverPage(html);
    const p = c.querySelector('p.weather')!;
    const warn = warnings();
    hydrated(() => createComponent(client.App, {}), c);
    expect(warn).not.toHaveBeenCalled();
    // Adopted: the server's paragraph, not a fallback.
    expect(c.querySelector('p.weather')).toBe(p);
    expect(c.querySelector('i')).toBe(null);
    answer('sunny');
    await tick();
    expect(p.textContent).toBe('sunny');
    expect(c.querySelector('p.weather')).toBe(p);
  });
});

describe('a throw on the client only, inside an ErrorBoundary', () => {
  const SOURCE = `
    import { ErrorBoundary, resource } from 'lepta';
    /** Set by the test, on each side. */
    export const io = { load: (name: string): string | Promise<string> => name, failOnClient: false };
    function Uses(props: { name: string }) {
      const value = resource(() => io.load(props.name));
      return <span class={props.name}>{value()}</span>;
    }
    function Flaky() {
      const first = resource(() => io.load('flaky1'));
      if (io.failOnClient) throw new Error('client only');
      const second = resource(() => io.load('flaky2'));
      return <b>{first()} {second()}</b>;
    }
    export const App = () => (
      <div><ErrorBoundary fallback={<i>failed</i>}><Flaky /></ErrorBoundary><Uses name="after" /></div>
    );
  `;

  it('does not shift the ids of what follows: the sibling takes its own server data', async () => {
    const server = await load(SOURCE, 'ssr');
    server.io.load = (name: string) => `${name} data`;
    const { renderToString } = await import('@lepta/server');
    const runtime = await import('@lepta/server/runtime');
    const { page, data } = splitPage(renderToString(() => runtime.createComponent(server.App, {}), { hydrationScript: false }));

    const client = await load(SOURCE, 'hydrate');
    const fetched: string[] = [];
    client.io.failOnClient = true;
    client.io.load = (name: string) => {
      fetched.push(name);
      return new Promise<string>(() => {});
    };
    (globalThis as { $lepta?: unknown }).$lepta = { d: data, e: null };
    const c = serverPage(page);
    warnings(); // the failed region is a mismatch, recovered by the client
    hydrated(() => createComponent(client.App, {}), c);
    expect(c.querySelector('i')?.textContent).toBe('failed');
    expect(c.querySelector('span.after')?.textContent).toBe('after data');
    expect(fetched).toEqual([]);
  });
});

describe("a client-only resource (ssr: 'client') created after hydration", () => {
  const SOURCE = `
    import { signal } from '@lepta/reactive';
    import { Show, Suspense, resource } from 'lepta';
    /** Set by the test, on each side. */
    export const io = { load: (): Promise<string> => new Promise(() => {}) };
    export const [open, setOpen] = signal(false);
    function Weather() {
      const forecast = resource(() => io.load(), { ssr: 'client' });
      return <p class="weather">{forecast() ?? 'no forecast yet'}</p>;
    }
    export const App = () => (
      <main><Show when={open()}><Suspense fallback={<i>loading</i>}><Weather /></Suspense></Show></main>
    );
  `;

  it('suspends on its first load as in a mounted app: only a load made while hydrating is quiet', async () => {
    const { html, client } = await roundTrip(SOURCE);
    let answer!: (value: string) => void;
    client.io.load = () => new Promise<string>((resolve) => (answer = resolve));
    (globalThis as { $lepta?: unknown }).$lepta = { d: {}, e: null };
    const c = serverPage(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, ''));
    hydrated(() => createComponent(client.App, {}), c);
    client.setOpen(true);
    await tick();
    // The page is live: the boundary shows its fallback until the value is there.
    expect(c.querySelector('i')?.textContent).toBe('loading');
    expect(c.querySelector('p.weather')).toBe(null);
    answer('sunny');
    await tick();
    await tick();
    expect(c.querySelector('p.weather')?.textContent).toBe('sunny');
    expect(c.querySelector('i')).toBe(null);
  });
});
