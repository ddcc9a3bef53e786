// @vitest-environment happy-dom
/**
 * The `ssr` mode end to end: components compiled with `mode: 'ssr'` (helpers from
 * `@lepta/server/runtime`), written to test/.tmp-ssr/ and imported, rendered inside a root with
 * `escapeChild(createComponent(App, props))`, and the exact HTML checked (packages/server/
 * CONTRACT.md §1–2). Property tests check the invariant that matters for hydration: the server's
 * HTML, parsed, is the DOM the `dom` mode builds for the same component and values.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { root } from '@lepta/reactive';
import { setServer } from '@lepta/reactive/internal';
import { createComponent as domComponent, mount } from '@lepta/dom';
import { createComponent, escape, setSafetyReporter, type SafetyIssue, type SafetyReporter } from '@lepta/server/runtime';
import { compile, LeptaCompileError, originalPositionFor } from '../src/index.js';

const tmp = join(dirname(fileURLToPath(import.meta.url)), '.tmp-ssr');
mkdirSync(tmp, { recursive: true });
let counter = 0;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Module = Record<string, any>;
type Mode = 'ssr' | 'dom';

/** Compiles `source` (TSX) in `mode`, writes it next to this test and imports it. */
async function load(source: string, mode: Mode = 'ssr'): Promise<Module> {
  const name = `ssr-${mode}-${process.pid}-${counter++}`;
  const moduleName = mode === 'ssr' ? '@lepta/server/runtime' : '@lepta/dom';
  const { code } = compile(source, { filename: `${name}.tsx`, mode, moduleName, typescript: 'strip' });
  const file = join(tmp, `${name}.js`);
  writeFileSync(file, code);
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

/** Renders `Comp(props)` to HTML as the server does: in a root, effects off. */
function render(Comp: (props: never) => unknown, props: object = {}): string {
  setServer(true);
  try {
    return root((dispose) => {
      try {
        return escape(createComponent(Comp as (props: object) => unknown, props));
      } finally {
        dispose();
      }
    });
  } finally {
    setServer(false);
  }
}

let issues: SafetyIssue[];
let previousReporter: SafetyReporter | undefined;
beforeEach(() => {
  issues = [];
  previousReporter = setSafetyReporter((issue) => issues.push(issue));
});
afterEach(() => {
  setSafetyReporter(previousReporter);
});

describe('the contract examples', () => {
  it('renders §2: static markup, an attribute, a sole child, bracketed regions', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      const [count] = signal(3);
      const Icon = () => <i>+</i>;
      export const Row = (props: { title: string; label: string }) => (
        <div class="row" title={props.title}><span>{props.label}</span> x {count()}<Icon/></div>
      );
    `);
    expect(render(m.Row, { title: 'T', label: 'L' })).toBe(
      '<div class="row" title="T"><span>L</span> x <!--[-->3<!--]--><!--[--><i>+</i><!--]--></div>',
    );
  });

  it('renders the dom contract example (packages/dom/CONTRACT.md) with the values of the moment', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      const [n, setN] = signal(4);
      const Icon = (props: { size: number }) => <i data-size={props.size} />;
      export const Counter = (props: { label: string }) => (
        <button class="btn" title={props.label} onClick={() => setN(n() + 1)} class:active={n() > 3} style:color={'red'}>
          Count: {n()} <Icon size={n() * 4} />
        </button>
      );
    `);
    expect(render(m.Counter, { label: 'Add' })).toBe(
      '<button class="btn active" title="Add" style="color:red;">Count: <!--[-->4<!--]--> <!--[--><i data-size="16"></i><!--]--></button>',
    );
  });
});

describe('escaping', () => {
  const hostile = '"><script>alert(1)</script>&amp;';
  it('escapes dynamic text and attribute values; static text and attributes are escaped at compile time', async () => {
    const m = await load(`
      export const App = (props: { v: string }) => (
        <p title={props.v} data-static="a &quot;b&quot; <c>">{props.v} &lt;static&gt; {"<lit>"}</p>
      );
    `);
    expect(render(m.App, { v: hostile })).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;" data-static="a &quot;b&quot; &lt;c&gt;">' +
        '<!--[-->"&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;<!--]--> &lt;static&gt; &lt;lit&gt;</p>',
    );
  });

  it('blocks javascript: URLs in dynamic URL attributes and reports them', async () => {
    const m = await load(`
      export const App = (props: { href: string }) => <a href={props.href}>x</a>;
      export const Svg = (props: { href: string }) => <svg><use xlink:href={props.href} /></svg>;
    `);
    expect(render(m.App, { href: ' JaVaScRiPt:alert(1)' })).toBe('<a href="about:blank#blocked">x</a>');
    expect(render(m.Svg, { href: 'javascript:alert(1)' })).toBe('<svg><use xlink:href="about:blank#blocked"></use></svg>');
    expect(render(m.App, { href: '/ok?a=1&b=2' })).toBe('<a href="/ok?a=1&amp;b=2">x</a>');
    expect(issues.map((i) => i.kind)).toEqual(['blocked-url', 'blocked-url']);
  });

  it('renders null, undefined, booleans as nothing, numbers as text, and rejects plain objects', async () => {
    const m = await load(`
      export const App = (props: { v: unknown }) => <p data-v={props.v}>{props.v}</p>;
    `);
    expect(render(m.App, { v: null })).toBe('<p></p>');
    expect(render(m.App, { v: undefined })).toBe('<p></p>');
    expect(render(m.App, { v: false })).toBe('<p></p>');
    expect(render(m.App, { v: true })).toBe('<p data-v></p>');
    expect(render(m.App, { v: 0 })).toBe('<p data-v="0">0</p>');
    expect(() => render(m.App, { v: { a: 1 } })).toThrow(TypeError);
  });
});

describe('hydration markers (CONTRACT §1)', () => {
  it('brackets dynamic children except a sole child; arrays separate adjacent texts', async () => {
    const m = await load(`
      export const App = (props: { a: string; list: unknown[] }) => (
        <div>
          <p>{props.a}</p>
          <p>{props.a}{props.a}</p>
          <p>{props.list}</p>
          <p>x{props.list}</p>
        </div>
      );
    `);
    expect(render(m.App, { a: 'A', list: ['x', 'y', 1, null, 'z'] })).toBe(
      '<div><p>A</p><p><!--[-->A<!--]--><!--[-->A<!--]--></p><p>x<!---->y<!---->1<!---->z</p><p>x<!--[-->x<!---->y<!---->1<!---->z<!--]--></p></div>',
    );
  });

  it('brackets components and expressions in fragments, with separators between static texts', async () => {
    const m = await load(`
      const C = () => <b>c</b>;
      export const App = (props: { a: string }) => <><i>e</i>text{"more"}{props.a}<C/>tail</>;
    `);
    expect(render(m.App, { a: 'A' })).toBe('<i>e</i>text<!---->more<!--[-->A<!--]--><!--[--><b>c</b><!--]-->tail');
  });

  it('brackets the components and expressions of a children array', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      const [n] = signal(2);
      const Box = (props: { children?: unknown }) => <section>{props.children}</section>;
      const C = () => <b>c</b>;
      export const App = () => <Box><i>e</i>text {n()}<C/>{"x"}</Box>;
    `);
    expect(render(m.App)).toBe('<section><i>e</i>text <!--[-->2<!--]--><!--[--><b>c</b><!--]-->x</section>');
  });
});

describe('attributes', () => {
  it('merges a static class, class={…} and class:x toggles into one attribute', async () => {
    const m = await load(`
      export const App = (props: { c: string | null; on: boolean; off: boolean }) => (
        <div>
          <p class="a" class:b={props.on} class:c={props.off}>1</p>
          <p class:b={props.on}>2</p>
          <p class:b={props.off}>3</p>
          <p class={props.c} class:b={props.on} class:x={props.off}>4</p>
          <p class="a b" class:a={props.off}>5</p>
          <p class="a" class:z>6</p>
        </div>
      );
    `);
    expect(render(m.App, { c: 'x  y', on: true, off: false })).toBe(
      '<div><p class="a b">1</p><p class="b">2</p><p>3</p><p class="y b">4</p><p class="b">5</p><p class="a z">6</p></div>',
    );
    expect(render(m.App, { c: null, on: false, off: false })).toBe(
      '<div><p class="a">1</p><p>2</p><p>3</p><p>4</p><p class="b">5</p><p class="a z">6</p></div>',
    );
  });

  it('merges style={…} and style:x into one attribute', async () => {
    const m = await load(`
      export const App = (props: { s: unknown; c: string | null }) => (
        <div>
          <p style={props.s} style:color={props.c}>1</p>
          <p style="margin: 0" style:color={props.c} style:width="2px">2</p>
          <p style:color={props.c}>3</p>
        </div>
      );
    `);
    expect(render(m.App, { s: { 'font-size': '12px', top: null, 'bad;name': 1 }, c: 'red' })).toBe(
      '<div><p style="font-size:12px;color:red;">1</p><p style="margin: 0;color:red;width:2px;">2</p><p style="color:red;">3</p></div>',
    );
    expect(render(m.App, { s: 'a:b', c: null })).toBe('<div><p style="a:b">1</p><p style="margin: 0;width:2px;">2</p><p>3</p></div>');
    expect(issues.map((i) => i.kind)).toEqual(['invalid-style-property']);
  });

  it('renders form state from values and bindings', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export function Form(props: { v: string; on: unknown }) {
        const text = signal('typed "x"');
        const agree = signal(true);
        const color = signal('b');
        const colors = signal(['r', 'g']);
        return (
          <form>
            <input value={props.v} checked={props.on} />
            <input prop:value={props.v} prop:checked={props.on} />
            <input bind:value={text} />
            <input type="checkbox" bind:checked={agree} />
            <input type="radio" value="a" bind:group={color} />
            <input type="radio" value={props.v} bind:group={color} />
            <input type="checkbox" value="g" bind:group={colors} />
            <input type="checkbox" value="b" bind:group={colors} />
            <option selected={props.on}>o</option>
            <video muted={props.on} />
          </form>
        );
      }
    `);
    expect(render(m.Form, { v: 'b', on: 1 })).toBe(
      '<form><input value="b" checked><input value="b" checked><input value="typed &quot;x&quot;"><input type="checkbox" checked>' +
        '<input type="radio" value="a"><input type="radio" value="b" checked><input type="checkbox" value="g" checked>' +
        '<input type="checkbox" value="b"><option selected>o</option><video muted></video></form>',
    );
    expect(render(m.Form, { v: 'c', on: 0 })).toContain('<input value="c"><input value="c">');
  });

  it('renders a textarea value as its content and marks the options a select value selects', async () => {
    const m = await load(`
      import { For } from 'lepta';
      export const App = (props: { v: unknown; items: string[] }) => (
        <div>
          <textarea value={props.v as string} />
          <select value={props.v}>
            <option value="a">A</option>
            <option>  b  </option>
            <For each={props.items}>{(i) => <option value={i}>{i}</option>}</For>
          </select>
          <select multiple value={props.v}><option>a</option><option value="c">c</option><option>d</option></select>
        </div>
      );
    `);
    expect(render(m.App, { v: '\nb', items: [] })).toBe(
      '<div><textarea>\n\nb</textarea><select><option value="a">A</option><option>  b  </option><!--[--><!--]--></select>' +
        '<select multiple><option>a</option><option value="c">c</option><option>d</option></select></div>',
    );
    expect(render(m.App, { v: 'b', items: ['x"y'] })).toContain('<option selected>  b  </option>');
    expect(render(m.App, { v: 'x"y', items: ['x"y'] })).toContain('<option selected value="x&quot;y">x"y</option>');
    expect(render(m.App, { v: ['a', 'c'], items: [] })).toContain('<select multiple><option selected>a</option><option selected value="c">c</option><option>d</option></select>');
  });

  it('renders innerHTML raw and textContent escaped', async () => {
    const m = await load(`
      export const App = (props: { h: string }) => <div><p innerHTML={props.h} /><p textContent={props.h} /><p innerHTML="<b>lit</b>" /></div>;
    `);
    expect(render(m.App, { h: '<i>x</i>' })).toBe('<div><p><i>x</i></p><p>&lt;i&gt;x&lt;/i&gt;</p><p><b>lit</b></p></div>');
  });

  it('does not evaluate events, refs and prop: directives', async () => {
    const m = await load(`
      const boom = (): never => { throw new Error('evaluated'); };
      export const App = () => (
        <div onClick={boom()} on:scroll={boom()} ref={boom()} prop:thing={boom()} onMouseEnter={[boom(), 1]}>
          <input prop:indeterminate={boom()} />
          <p {...{ a: 1 }} onClick={boom()} ref={boom()} on:x={boom()} prop:y={boom()}>x</p>
        </div>
      );
    `);
    expect(render(m.App)).toBe('<div><input><p a="1">x</p></div>');
  });
});

describe('spreads', () => {
  it('validates names from spread objects: hostile keys never reach the HTML', async () => {
    const m = await load(`
      export const App = (props: { rest: Record<string, unknown> }) => <div {...props.rest} id="fixed" />;
    `);
    const rest = {
      onclick: 'alert(1)',
      ONMOUSEOVER: 'alert(2)',
      'a b': 'x',
      '"x': 'y',
      'x><script>': 'z',
      title: '"><script>',
      href: 'javascript:alert(3)',
      class: 'k',
      'class:on': true,
      style: { color: 'red' },
      'style:top': '1px',
      children: '<b>text</b>',
      'data-ok': 1,
      ref: () => {},
    };
    expect(render(m.App, { rest })).toBe(
      '<div title="&quot;&gt;&lt;script&gt;" href="about:blank#blocked" data-ok="1" id="fixed" class="k on" style="color:red;top:1px;">&lt;b&gt;text&lt;/b&gt;</div>',
    );
    expect(issues.map((i) => `${i.kind} ${i.name}`)).toEqual([
      'invalid-attribute-name a b',
      'invalid-attribute-name "x',
      'invalid-attribute-name x><script>',
      'blocked-url href',
    ]);
  });

  it('lets JSX children win over a children key, and renders bindings and SVG spreads', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      const v = signal('bound');
      export const App = (props: { rest: Record<string, unknown> }) => (
        <div {...props.rest}>jsx
          <input {...{ 'bind:value': v, type: 'text', checked: 0, 'prop:selected': 1 }} />
          <svg {...{ viewBox: '0 0 1 1', checked: true }}><rect {...props.rest} /></svg>
        </div>
      );
    `);
    expect(render(m.App, { rest: { children: 'spread', innerHTML: '<b/>' } })).toBe(
      '<div>jsx<input type="text" selected value="bound"><svg viewBox="0 0 1 1" checked><rect><b/></rect></svg></div>',
    );
  });
});

describe('components', () => {
  it('evaluates props at the call on the server; JSX props stay lazy for control flow', async () => {
    const m = await load(`
      export const reads: string[] = [];
      const read = (name: string) => (reads.push(name), name);
      const Unused = (props: { a: string; b: unknown }) => <i>{props.a}</i>;
      export const App = () => <div><Unused a={read('a')} b={<b>{read('jsx')}</b>} /></div>;
    `);
    expect(render(m.App)).toBe('<div><i>a</i></div>');
    // \`a\` was read at the call (a plain value); the JSX prop was never read, so never rendered.
    expect(m.reads).toEqual(['a']);
  });

  it("keeps lepta's Await's props lazy, under any local name, and only Await's", () => {
    const aliased = compile(`import { Await as Later } from 'lepta';\nexport const A = () => <Later future={load()}>{(v) => v}</Later>;`, { filename: 'a.tsx', mode: 'ssr', sourceMap: false }).code;
    expect(aliased).toContain('get future() { return load(); }');
    const own = compile(`function Await(props) { return props.future; }\nexport const A = () => <Await future={load()} />;`, { filename: 'a.tsx', mode: 'ssr', sourceMap: false }).code;
    expect(own).toContain('future: load()');
  });

  it('passes props that read the current values', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [name, setName] = signal('a');
      const Child = (props: { name: string; n: number }) => <i>{props.name}{props.n}</i>;
      function Rest({ skip, ...rest }: { skip: string; [k: string]: unknown }) {
        return <p data-skip={skip} {...rest} />;
      }
      export const App = () => <div><Child name={name()} n={1} /><Rest skip="s" title={name()} id="i" /></div>;
    `);
    m.setName('first');
    expect(render(m.App)).toBe('<div><!--[--><i><!--[-->first<!--]--><!--[-->1<!--]--></i><!--]--><!--[--><p data-skip="s" title="first" id="i"></p><!--]--></div>');
    m.setName('second');
    expect(render(m.App)).toContain('second');
  });

  it('renders Show, For, Index, Switch/Match from lepta with the current values', async () => {
    const m = await load(`
      import { Show, For, Index, Switch, Match, signal } from 'lepta';
      export const [items, setItems] = signal(['a', 'b<']);
      export const [user, setUser] = signal<{ name: string } | null>(null);
      export const App = () => (
        <main>
          <Show when={user()} fallback={<p>Sign in</p>}>{(u) => <p>Hi {u().name}</p>}</Show>
          <ul><For each={items()} fallback={<li>none</li>}>{(item, i) => <li>{i()}: {item}</li>}</For></ul>
          <ol><Index each={items()}>{(item) => <li>{item()}</li>}</Index></ol>
          <Switch fallback={<b>zero</b>}>
            <Match when={items().length === 1}>one</Match>
            <Match when={items().length > 1}><b>many</b></Match>
          </Switch>
        </main>
      );
    `);
    expect(render(m.App)).toBe(
      '<main><!--[--><p>Sign in</p><!--]--><ul><li><!--[-->0<!--]-->: <!--[-->a<!--]--></li><li><!--[-->1<!--]-->: <!--[-->b&lt;<!--]--></li></ul>' +
        '<ol><li>a</li><li>b&lt;</li></ol><!--[--><b>many</b><!--]--></main>',
    );
    m.setItems([]);
    m.setUser({ name: 'Ann' });
    expect(render(m.App)).toBe('<main><!--[--><p>Hi <!--[-->Ann<!--]--></p><!--]--><ul><li>none</li></ul><ol></ol><!--[--><b>zero</b><!--]--></main>');
  });

  it('propagates an error thrown while rendering', async () => {
    const m = await load(`
      const Boom = (): never => { throw new Error('boom'); };
      export const App = () => <div><p>before</p><Boom /></div>;
      export const InProp = (props: { f: () => string }) => <div title={props.f()} />;
    `);
    expect(() => render(m.App)).toThrow('boom');
    expect(() =>
      render(m.InProp, {
        f: () => {
          throw new RangeError('attr');
        },
      }),
    ).toThrow(RangeError);
  });
});

describe('elements', () => {
  it('void, raw-text, newline-dropping, SVG, MathML and document elements', async () => {
    const m = await load(`
      export const Page = (props: { title: string; data: object; css: string; pre: string }) => (
        <html lang="en">
          <head>
            <title>{props.title} - site</title>
            <style>{props.css}</style>
            <script type="application/json">{JSON.stringify(props.data)}</script>
          </head>
          <body>
            <img src="/a.png" alt={props.title} /><br />
            <pre>{props.pre}</pre>
            <svg viewBox="0 0 2 2"><circle cx={1} r="1" class:on /><foreignObject><p>{props.title}</p></foreignObject></svg>
            <math><mi>{props.title}</mi></math>
          </body>
        </html>
      );
    `);
    expect(render(m.Page, { title: 'A & B', data: { html: '</script><b>' }, css: 'a > b {}', pre: '\nindented' })).toBe(
      '<html lang="en"><head><title>A &amp; B - site</title><style>a > b {}</style>' +
        '<script type="application/json">{"html":"\\u003c/script>\\u003cb>"}</script></head>' +
        '<body><img src="/a.png" alt="A &amp; B"><br><pre>\n\nindented</pre>' +
        '<svg viewBox="0 0 2 2"><circle cx="1" r="1" class="on"></circle><foreignObject><p>A &amp; B</p></foreignObject></svg>' +
        '<math><mi>A &amp; B</mi></math></body></html>',
    );
  });
});

describe('compile errors', () => {
  const error = (source: string): LeptaCompileError => {
    try {
      compile(source, { filename: 'App.tsx', mode: 'ssr' });
    } catch (e) {
      if (e instanceof LeptaCompileError) return e;
      throw e;
    }
    throw new Error('expected a compile error');
  };

  it('a textarea with a value and children', () => {
    const e = error('const A = (p) => (\n  <textarea value={p.v}>text</textarea>\n);');
    expect(e.code).toBe('LEPTA_SSR_VALUE_AND_CHILDREN');
    expect([e.line, e.column]).toEqual([2, 13]);
    expect(e.message).toContain('App.tsx:2:13');
  });

  it('content inside a void element', () => {
    expect(error('const A = (p) => <input>{p.v}</input>;').code).toBe('LEPTA_SSR_VOID_CONTENT');
    const e = error('const A = (p) => <br innerHTML={p.v} />;');
    expect([e.code, e.line, e.column]).toEqual(['LEPTA_SSR_VOID_CONTENT', 1, 22]);
  });
});

describe('source maps', () => {
  it('map user expressions in ssr output back to where they are written', () => {
    const input = [
      'export const App = (props: { a: string; on: boolean }) => (',
      '  <p title={props.a} class:x={props.on}>',
      '    {props.a.toUpperCase()} <Comp v={props.on} />',
      '  </p>',
      ');',
    ].join('\n');
    for (const typescript of ['preserve', 'strip'] as const) {
      const { code, map } = compile(input, { filename: 'App.tsx', mode: 'ssr', typescript });
      const at = (text: string, needle: string, nth: number): { line: number; column: number } => {
        let i = -1;
        for (let n = 0; n <= nth; n++) i = text.indexOf(needle, i + 1);
        const before = text.slice(0, i);
        return { line: before.split('\n').length - 1, column: i - (before.lastIndexOf('\n') + 1) };
      };
      for (const [needle, nth] of [['toUpperCase', 0], ['props.on', 0], ['props.on', 1]] as const) {
        const generated = at(code, needle, nth);
        expect(originalPositionFor(map!, generated.line, generated.column), `${typescript} ${needle}`).toEqual(at(input, needle, nth));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Server and client agree

/** Parses server HTML the way a browser would receive it, in a <body>. */
function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body;
}

/** Mounts `Comp(props)` with the `dom` runtime and returns the container. */
function mountDom(Comp: (props: never) => unknown, props: object): HTMLElement {
  const container = document.createElement('div');
  const dispose = mount(() => domComponent(Comp as (props: object) => unknown, props), container);
  disposers.push(dispose);
  return container;
}
let disposers: Array<() => void> = [];
afterEach(() => {
  for (const d of disposers) d();
  disposers = [];
});

/**
 * A DOM as tokens: elements with their attributes (sorted; class tokens sorted), adjacent text
 * merged, comments dropped. What a user sees, independent of how regions were marked.
 */
function tokens(node: Node, out: string[] = []): string[] {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      let data = (c as Text).data;
      // Browsers drop a newline right after <pre>/<textarea>; happy-dom's parser keeps it.
      if (c === node.firstChild && (node as Element).localName === 'pre' && data.startsWith('\n') && node.ownerDocument !== document) data = data.slice(1);
      if (data === '') continue;
      const last = out[out.length - 1];
      if (last !== undefined && last.startsWith('#')) out[out.length - 1] = last + data;
      else out.push(`#${data}`);
    } else if (c.nodeType === 1) {
      const el = c as Element;
      if (el.localName === 'textarea') {
        // Its value: the server writes it as content, the client sets the property.
        const value = (el as HTMLTextAreaElement).value;
        out.push(`<textarea value=${el.ownerDocument !== document && value.startsWith('\n') ? value.slice(1) : value}>`);
        continue;
      }
      // Classes as a set; styles as the CSSOM serializes them (the server writes `color:red;`).
      const value = (a: Attr): string =>
        a.name === 'class' ? a.value.split(/\s+/).filter(Boolean).sort().join(' ') : a.name === 'style' ? (el as HTMLElement).style.cssText : a.value;
      const attrs = [...el.attributes].map((a) => `${a.name}=${value(a)}`).sort();
      out.push(`<${el.localName} ${attrs.join(' ')}>`);
      tokens(el, out);
      out.push(`</${el.localName}>`);
    }
  }
  return out;
}

/** Checks that the bracket comments of every element's children are balanced. */
function balanced(node: Node): boolean {
  let depth = 0;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 8) {
      const data = (c as Comment).data;
      if (data === '[') depth++;
      else if (data === ']' && --depth < 0) return false;
    } else if (c.nodeType === 1 && !balanced(c)) return false;
  }
  return depth === 0;
}

/** Strings made of what matters to an HTML tokenizer, mixed with arbitrary text (no NUL, no CR). */
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom('&', '<', '>', '"', "'", '=', '/', '\n', '\t', ' ', '&amp;', '&lt;', '&#x41;', '<script>', '</p>', '<!--', '-->', '<!---->', '<!--[-->', 'é', '😀', '\u00a0'),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join('').replace(/[\0\r]/g, ''));

describe('server HTML parses to the DOM the dom mode renders', () => {
  const source = `
    const Item = (props: { v: unknown }) => <em title={props.v as string}>{props.v}</em>;
    export const App = (props: { a: string; b: string; c: string; color: string | null; list: string[] }) => (
      <div title={props.a} data-b={props.b} class:on={!!props.a} class="k" style:color={props.color}>
        {props.a}
        <p>{props.b}</p>
        <p>{props.a} and {props.b}</p>
        <>{props.c}{props.a}</>
        {props.list}
        <Item v={props.c} />
        {props.list.map((s) => <i data-s={s}>{s}</i>)}
        <textarea value={props.a} />
        <pre>{props.b}</pre>
      </div>
    );
  `;
  it('for random text and attribute values', async () => {
    const ssr = await load(source, 'ssr');
    const dom = await load(source, 'dom');
    fc.assert(
      fc.property(tricky, tricky, tricky, fc.constantFrom('red', '', null, 'rgb(1, 2, 3)'), fc.array(tricky, { maxLength: 4 }), (a, b, c, color, list) => {
        const props = { a, b, c, color, list };
        const server = parse(render(ssr.App, props));
        const client = mountDom(dom.App, props);
        expect(tokens(server)).toEqual(tokens(client));
        expect(balanced(server)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

/** Random JSX: elements, text, expressions, components with children, fragments, conditionals. */
type T =
  | { k: 'el'; tag: string; cls: boolean; children: T[] }
  | { k: 'text'; value: string }
  | { k: 'expr'; i: number }
  | { k: 'comp'; children: T[] }
  | { k: 'frag'; children: T[] }
  | { k: 'when'; i: number; then: T };

const node = fc.letrec<{ node: T; el: T }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ k: fc.constant('text' as const), value: fc.stringMatching(/^[a-z<&"]{1,4}$/) }),
    fc.record({ k: fc.constant('expr' as const), i: fc.nat(3) }),
    tie('el'),
    fc.record({ k: fc.constant('comp' as const), children: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ k: fc.constant('frag' as const), children: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ k: fc.constant('when' as const), i: fc.nat(3), then: tie('el') }),
  ),
  el: fc.record({ k: fc.constant('el' as const), tag: fc.constantFrom('div', 'span', 'b'), cls: fc.boolean(), children: fc.array(tie('node'), { maxLength: 4 }) }),
})).el;

function source(t: T): string {
  const list = (items: T[]): string => items.map((c, i) => (c.k === 'text' && items[i - 1]?.k === 'text' ? '{/**/}' : '') + source(c)).join('');
  switch (t.k) {
    case 'el':
      return `<${t.tag}${t.cls ? ' class:x={!!v[0]}' : ''}>${list(t.children)}</${t.tag}>`;
    case 'text':
      return t.value.replace(/[<&"]/g, (ch) => `{${JSON.stringify(ch)}}`);
    case 'expr':
      return `{v[${t.i}]}`;
    case 'comp':
      return `<Box>${list(t.children)}</Box>`;
    case 'frag':
      return `<>${list(t.children)}</>`;
    case 'when':
      return `{v[${t.i}] ? ${source(t.then)} : null}`;
  }
}

describe('random JSX trees: server HTML parses to the dom render', () => {
  it('with balanced brackets', async () => {
    const values = fc.array(fc.oneof(tricky, fc.constantFrom(null, 0, 7, false, '')), { minLength: 4, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(node, values, async (tree, v) => {
        const code = `
          const Box = (props: { children?: unknown }) => <span class="box">{props.children}</span>;
          export const App = (props: { v: unknown[] }) => { const v = props.v; return ${source(tree)}; };
        `;
        const ssr = await load(code, 'ssr');
        const dom = await load(code, 'dom');
        const server = parse(render(ssr.App, { v }));
        expect(tokens(server)).toEqual(tokens(mountDom(dom.App, { v })));
        expect(balanced(server)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
