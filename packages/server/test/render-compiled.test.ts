/**
 * Real TSX compiled in `ssr` mode (moduleName '@lepta/server/runtime') rendered by every mode:
 * once everything loaded, each gives the same page, and the out-of-order stream, after its
 * swaps in a browser, is that page too. Each module is compiled to test/.tmp-render/ and
 * imported, so vitest resolves its imports as it resolves a test's.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '@lepta/compiler';
// The compiled modules import '@lepta/server/runtime': the renderer must be the same module
// instance as theirs (the package's, not '../src/…', which vitest loads as another instance).
import { renderToStream, renderToString, type StreamMode } from '@lepta/server';
import { createComponent, pageData, readText, streamInto, testBrowser, withoutScripts } from './render-helpers.js';

const tmp = join(dirname(fileURLToPath(import.meta.url)), '.tmp-render');
mkdirSync(tmp, { recursive: true });
let counter = 0;
afterAll(() => process.env.KEEP_TMP || rmSync(tmp, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Module = Record<string, any>;

async function load(source: string): Promise<Module> {
  const name = `render-${process.pid}-${counter++}`;
  const { code } = compile(source, { filename: `${name}.tsx`, mode: 'ssr', moduleName: '@lepta/server/runtime', typescript: 'strip' });
  const file = join(tmp, `${name}.js`);
  writeFileSync(file, code);
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

const page = await load(`
  import { ErrorBoundary, For, Show, Suspense, resource } from 'lepta';

  const wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => { const t = setTimeout(resolve, ms); signal.addEventListener('abort', () => clearTimeout(t)); });

  export const fetched: string[] = [];

  function Panel(props: { name: string; delay: number; fail?: boolean }) {
    // created outside the boundary, read inside it (the streaming example's shape)
    const data = resource(() => props.name, async (name, { signal }) => {
      fetched.push(name);
      await wait(props.delay, signal);
      if (props.fail) throw new Error('no ' + name);
      return { name, when: new Date(0), tags: new Set([name, 'x']) };
    });
    return (
      <section id={'panel-' + props.name}>
        <h2>Panel {props.name}</h2>
        <ErrorBoundary fallback={(e) => <p class="error">{(e as Error).message}</p>}>
          <Suspense fallback={<p class="fallback">Loading {props.name}…</p>}>
            <Show when={data()} fallback={<p>none</p>}>
              {(d) => (
                <div class="content" data-panel={d().name}>
                  <p>{d().tags.size} tags, {d().when instanceof Date ? 'a Date' : 'not a Date'}</p>
                  <Comments panel={d().name} />
                </div>
              )}
            </Show>
          </Suspense>
        </ErrorBoundary>
      </section>
    );
  }

  function Comments(props: { panel: string }) {
    const comments = resource(() => props.panel, async (panel, { signal }) => {
      fetched.push('comments ' + panel);
      await wait(1, signal);
      return [panel + '1', panel + '2'];
    });
    return (
      <Suspense fallback={<span>…</span>}>
        <ul><For each={comments()}>{(c) => <li>{c}</li>}</For></ul>
      </Suspense>
    );
  }

  export function App(props: { delays: number[] }) {
    return (
      <main>
        <h1>Streaming</h1>
        <Panel name="a" delay={props.delays[0]} />
        <Panel name="b" delay={props.delays[1]} />
        <Panel name="c" delay={props.delays[2]} fail />
      </main>
    );
  }
`);

const app = () => createComponent(page.App, { delays: [6, 3, 1] });

describe('compiled ssr components', () => {
  it('every mode renders the same page once loaded; the streamed ones get there by swaps', async () => {
    const expectedFetches = ['a', 'b', 'c', 'comments a', 'comments b'];
    page.fetched.length = 0;
    const expected = withoutScripts(await readText(renderToStream(app, { mode: 'in-order' })));
    // each resource fetched once, though boundaries rendered again when their data arrived
    expect([...page.fetched].sort()).toEqual(expectedFetches);
    expect(expected).toContain('<div class="content" data-panel="a"><p><!--[-->2<!--]--> tags, <!--[-->a Date<!--]--></p>');
    expect(expected).toContain('<li>a1</li><li>a2</li>');
    expect(expected).toContain('<p class="error">no c</p>');
    expect(expected).not.toContain('$s:');
    page.fetched.length = 0;
    expect(withoutScripts(await readText(renderToStream(app, { mode: 'async' })))).toBe(expected);

    for (const mode of ['out-of-order', 'partially-blocked'] as StreamMode[]) {
      page.fetched.length = 0;
      const browser = testBrowser();
      const chunks = await streamInto(browser, renderToStream(app, { mode }));
      expect(chunks.length).toBeGreaterThan(2);
      expect(browser.app()).toBe(expected);
      expect([...page.fetched].sort()).toEqual(expectedFetches);
      const data = browser.lepta!.d;
      const tags = (data['0'] as { value: { tags: Set<string> } }).value.tags; // (a Set of the page's realm)
      expect([tags.constructor.name, [...tags]]).toEqual(['Set', ['a', 'x']]);
      // The panels' resources are 0, 1, 2: what each ErrorBoundary holds has ids of its own scope.
      expect((data['2'] as { error: Error }).error.message).toBe('no c');
      await browser.close();
    }
  });

  it('renderToString shows the fallbacks in their slot markers', () => {
    const html = renderToString(app);
    expect(withoutScripts(html)).toContain('<!--$s:e0c.0--><p class="fallback">Loading <!--[-->a<!--]-->…</p><!--/$s-->');
    expect(pageData(html)).toEqual({});
  });
});

describe('Dynamic and Portal on the server', () => {
  it('renders a Dynamic tag as HTML (validated, escaped) and a Portal as nothing in place', async () => {
    const m = await load(`
      import { Dynamic, Portal } from 'lepta';
      const Label = (props: { text: string }) => <b>{props.text}</b>;
      export const App = (props: { tag: string }) => (
        <main>
          <Dynamic component={props.tag} class="title" title={'a"b'}>Hello <i>you</i></Dynamic>
          <Dynamic component={Label} text="<x>" />
          <Dynamic component="input" value="v" />
          <Portal><p>elsewhere</p></Portal>
          <p>after</p>
        </main>
      );
    `);
    const html = renderToString(() => createComponent(m.App, { tag: 'h2' }), { hydrationScript: false });
    expect(html).toBe(
      '<main><!--[--><h2 title="a&quot;b" class="title">Hello <i>you</i></h2><!--]--><!--[--><b>&lt;x&gt;</b><!--]-->' +
        '<!--[--><input value="v"><!--]--><!--[--><!--]--><p>after</p></main>',
    );
    expect(() => renderToString(() => createComponent(m.App, { tag: 'h2 onclick=x' }), { hydrationScript: false, onError: () => {} })).toThrow(
      /Invalid tag name/,
    );
  });
});

describe('Await on the server', () => {
  it('<Await future={load()}> starts its work once per request, not once per render of its boundary', async () => {
    const m = await load(`
      import { Await, Suspense } from 'lepta';
      export let calls = 0;
      let release: (v: string) => void = () => {};
      export const go = (v: string) => release(v);
      const fetchValue = () => {
        calls++;
        return calls === 1 ? new Promise<string>((r) => (release = r)) : Promise.reject(new Error('fetched again'));
      };
      export const App = () => (
        <Suspense fallback={<i>…</i>}>
          <Await future={fetchValue()}>{(v) => <b>{v}</b>}</Await>
        </Suspense>
      );
    `);
    const rejections: unknown[] = [];
    const onRejection = (e: unknown): void => void rejections.push(e);
    process.on('unhandledRejection', onRejection);
    try {
      const text = readText(renderToStream(() => createComponent(m.App, {}), { hydrationScript: false }));
      await new Promise((r) => setTimeout(r, 5));
      m.go('v');
      expect(await text).toContain('<b>v</b>');
      await new Promise((r) => setTimeout(r, 20));
      expect({ calls: m.calls, rejections: rejections.length }).toEqual({ calls: 1, rejections: 0 });
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
