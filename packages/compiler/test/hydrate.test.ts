// @vitest-environment happy-dom
/**
 * Hydration, end to end in happy-dom: components compiled in `hydrate` mode (moduleName
 * '@lepta/dom') adopt server HTML — first written by hand per packages/server/CONTRACT.md §1,
 * then rendered by the same components compiled in `ssr` mode (the real round trip).
 *
 * Every test holds the server's nodes before hydrating and checks they are the very nodes the
 * app uses afterwards, and (MutationObserver) that hydrating changed nothing in them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from '@lepta/reactive';
import { createComponent } from '@lepta/dom';
import { compile } from '../src/index.js';
import { allNodes, hydrated, mutations, serverPage, warnings } from '../../dom/test/hydration-page.js';

const tmp = join(dirname(fileURLToPath(import.meta.url)), `.tmp-hydrate-${process.pid}`);
mkdirSync(tmp, { recursive: true });
let counter = 0;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- compiled test modules export anything
type Module = Record<string, any>;

/** Compiles `source` (TSX) in `mode`, writes it next to this test and imports it. */
async function load(source: string, mode: 'hydrate' | 'ssr' = 'hydrate'): Promise<Module> {
  const name = `hydrate-${mode}-${counter++}`;
  const moduleName = mode === 'ssr' ? '@lepta/server/runtime' : '@lepta/dom';
  const { code } = compile(source, { filename: `${name}.tsx`, mode, moduleName, typescript: 'strip', dev: true });
  const file = join(tmp, `${name}.js`);
  writeFileSync(file, code);
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

/**
 * Hydrates `Comp` into `container` and checks that nothing of the server's DOM was replaced or
 * mutated: the same nodes in the same places, no mutation record, no mismatch warning.
 */
function hydrateUntouched(Comp: (props: object) => unknown, container: HTMLElement, props: object = {}): void {
  const before = allNodes(container);
  const html = container.innerHTML;
  const warn = warnings();
  expect(mutations(container, () => hydrated(() => createComponent(Comp, props), container))).toEqual([]);
  expect(warn).not.toHaveBeenCalled();
  warn.mockRestore();
  expect(container.innerHTML).toBe(html);
  const after = allNodes(container);
  expect(after.length).toBe(before.length);
  for (let i = 0; i < after.length; i++) expect(after[i]).toBe(before[i]);
}

const click = (el: Element): void => {
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
};

const COUNTER = `
  import { signal } from '@lepta/reactive';
  export const [label, setLabel] = signal('items');
  export const [title, setTitle] = signal('t1');
  export const log: string[] = [];
  function Icon(props: { n: number }) {
    return <i class="icon">{props.n}</i>;
  }
  export function Counter() {
    const [count, setCount] = signal(0);
    return (
      <div class="box" title={title()} class:big={count() > 1}>
        <button onClick={() => setCount((c) => c + 1)}>+</button> Count: {count()}
        <span on:custom={() => log.push('custom')}>{label()}</span>
        <Icon n={count() * 2} />
      </div>
    );
  }
`;

describe('hydrating hand-written server HTML', () => {
  it('adopts every node unchanged; signals, delegated and native events work afterwards', async () => {
    const m = await load(COUNTER);
    const c = serverPage(
      '<div class="box" title="t1"><button>+</button> Count: <!--[-->0<!--]--><span>items</span><!--[--><i class="icon">0</i><!--]--></div>',
    );
    const div = c.firstChild as HTMLElement;
    const countText = div.childNodes[3] as Text;
    const iconText = div.querySelector('i')!.firstChild as Text;
    hydrateUntouched(m.Counter, c);

    click(div.querySelector('button')!);
    expect(countText.data).toBe('1');
    expect(iconText.data).toBe('2');
    click(div.querySelector('button')!);
    expect(div.classList.contains('big')).toBe(true);
    m.setLabel('things');
    m.setTitle('t2');
    expect(div.querySelector('span')!.textContent).toBe('things');
    expect(div.title).toBe('t2');
    div.querySelector('span')!.dispatchEvent(new Event('custom'));
    expect(m.log).toEqual(['custom']);
    expect(c.firstChild).toBe(div);
  });

  it('lists: For adopts the rows, then adds, removes and moves them', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      import { For } from 'lepta';
      export const [rows, setRows] = signal(['a', 'b', 'c']);
      export function List() {
        return <ul><For each={rows()}>{(row) => <li>{row}</li>}</For></ul>;
      }
    `);
    const c = serverPage('<ul><li>a</li><li>b</li><li>c</li></ul>');
    const [a, b, cc] = Array.from(c.querySelectorAll('li'));
    hydrateUntouched(m.List, c);
    const ul = c.firstChild as HTMLElement;
    m.setRows(['c', 'a', 'd', 'b']);
    expect(ul.innerHTML).toBe('<li>c</li><li>a</li><li>d</li><li>b</li>');
    expect(ul.children[0]).toBe(cc);
    expect(ul.children[1]).toBe(a);
    expect(ul.children[3]).toBe(b);
    m.setRows(['b']);
    expect(ul.innerHTML).toBe('<li>b</li>');
    expect(ul.firstChild).toBe(b);
  });

  it('nested components and fragments (bracketed items), Show switching afterwards', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      import { Show } from 'lepta';
      export const [on, setOn] = signal(true);
      export const [name, setName] = signal('Ada');
      function Header(props: { title: string }) {
        return <><h1>{props.title}</h1>sub {name()}<Badge /></>;
      }
      function Badge() {
        return <b>!</b>;
      }
      export function Page() {
        return (
          <main>
            <Header title="Hello" />
            <Show when={on()} fallback={<p>off</p>}><p class="on">on</p></Show>
            <footer>end</footer>
          </main>
        );
      }
    `);
    const c = serverPage(
      '<main><!--[--><h1>Hello</h1>sub <!--[-->Ada<!--]--><!--[--><b>!</b><!--]--><!--]-->' +
        '<!--[--><p class="on">on</p><!--]--><footer>end</footer></main>',
    );
    const ada = c.querySelector('h1')!.nextSibling!.nextSibling!.nextSibling as Text;
    expect(ada.data).toBe('Ada');
    const on = c.querySelector('p.on');
    hydrateUntouched(m.Page, c);
    m.setName('Grace');
    expect(ada.data).toBe('Grace');
    m.setOn(false);
    expect(c.querySelector('p.on')).toBe(null);
    expect(c.innerHTML).toContain('<!--[--><p>off</p><!--]--><footer>end</footer>');
    m.setOn(true);
    expect(c.querySelector('p.on')).not.toBe(on); // a new branch
    expect(c.querySelector('main')!.textContent).toBe('Hellosub Grace!onend');
  });

  it('strings in arrays: adopted text nodes are updated in place (the <!----> between them stays)', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [words, setWords] = signal(['a', 'b']);
      export function Words() {
        return <p>{words()}</p>;
      }
    `);
    const c = serverPage('<p>a<!---->b</p>');
    const [a, , b] = Array.from(c.firstChild!.childNodes);
    hydrateUntouched(m.Words, c);
    m.setWords(['x', 'y', 'z']);
    expect(c.firstChild!.textContent).toBe('xyz');
    expect((a as Text).data).toBe('x');
    expect((b as Text).data).toBe('y');
    m.setWords([]);
    expect(c.firstChild!.textContent).toBe('');
  });

  it('replays the events captured before hydration, once', async () => {
    const m = await load(COUNTER);
    const c = serverPage(
      '<div class="box" title="t1"><button>+</button> Count: <!--[-->0<!--]--><span>items</span><!--[--><i class="icon">0</i><!--]--></div>',
    );
    // What the server's hydration script does (CONTRACT §6).
    const page = { d: {}, e: [] as Event[] | null };
    (globalThis as { $lepta?: unknown }).$lepta = page;
    const capture = (e: Event): void => void page.e?.push(e);
    document.addEventListener('click', capture, true);
    try {
      const button = c.querySelector('button')!;
      click(button);
      click(button);
      expect(page.e!.length).toBe(2);
      expect(c.querySelector('div')!.childNodes[3]!.textContent).toBe('0');
      hydrated(() => createComponent(m.Counter, {}), c);
      expect(page.e).toBe(null);
      expect(c.querySelector('button')).toBe(button);
      expect(c.querySelector('div')!.childNodes[3]!.textContent).toBe('2');
      click(button);
      expect(c.querySelector('div')!.childNodes[3]!.textContent).toBe('3');
    } finally {
      document.removeEventListener('click', capture, true);
    }
  });

  it('takes server data for resources (ids "0", "1", …) and deletes it', async () => {
    const m = await load(`
      import { resource } from '@lepta/reactive';
      export const calls: string[] = [];
      export function Data() {
        const a = resource(() => { calls.push('a'); return Promise.resolve(1); });
        const b = resource(() => { calls.push('b'); return Promise.resolve(2); });
        return <p>{a()} and {b()}</p>;
      }
    `);
    const page = { d: { '0': { value: 10 }, '1': { value: 20 } } as Record<string, unknown>, e: null };
    (globalThis as { $lepta?: unknown }).$lepta = page;
    const c = serverPage('<p><!--[-->10<!--]--> and <!--[-->20<!--]--></p>');
    hydrateUntouched(m.Data, c);
    expect(m.calls).toEqual([]);
    expect(page.d).toEqual({});
  });
});

describe('mismatches', () => {
  it('different text: warns and renders the text on the client', async () => {
    const warn = warnings();
    const m = await load(`
      export function Clock(props: { now: string }) {
        return <p>It is {props.now}</p>;
      }
    `);
    const c = serverPage('<p>It is <!--[-->server<!--]--></p>');
    const p = c.firstChild;
    hydrated(() => createComponent(m.Clock, { now: 'client' }), c);
    expect(c.innerHTML).toBe('<p>It is <!--[-->client<!--]--></p>');
    expect(c.firstChild).toBe(p);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/Hydration mismatch in <Clock>.*expected text "client", found text "server"/);
  });

  it('a different element: warns with the JSX location, recovers the enclosing region', async () => {
    const warn = warnings();
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [n, setN] = signal(1);
      function Inner() {
        return <em>{n()}</em>;
      }
      export function Outer() {
        return <section><h2>x</h2><Inner /></section>;
      }
    `);
    const c = serverPage('<section><h2>x</h2><!--[--><strong>1</strong><!--]--></section>');
    const h2 = c.querySelector('h2');
    hydrated(() => createComponent(m.Outer, {}), c);
    expect(c.innerHTML).toBe('<section><h2>x</h2><!--[--><em>1</em><!--]--></section>');
    expect(c.querySelector('h2')).toBe(h2);
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![0]);
    expect(message).toMatch(/in <Outer> › <Inner> \(hydrate-hydrate-\d+\.tsx:5:16\): expected <em>, found <strong>/);
    m.setN(2);
    expect(c.innerHTML).toBe('<section><h2>x</h2><!--[--><em>2</em><!--]--></section>');
  });

  it('server nodes left over and a list of a different length', async () => {
    const warn = warnings();
    const m = await load(`
      import { signal } from '@lepta/reactive';
      import { For } from 'lepta';
      export const [rows, setRows] = signal(['a', 'b']);
      export function List() {
        return <ol><For each={rows()}>{(row) => <li>{row}</li>}</For></ol>;
      }
    `);
    const c = serverPage('<ol><li>a</li><li>b</li><li>c</li></ol>');
    const [a, b] = Array.from(c.querySelectorAll('li'));
    hydrated(() => createComponent(m.List, {}), c);
    expect(c.innerHTML).toBe('<ol><li>a</li><li>b</li></ol>');
    expect(c.querySelectorAll('li')[0]).toBe(a);
    expect(c.querySelectorAll('li')[1]).toBe(b);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/found <li> where the client renders nothing more/);
    m.setRows(['b', 'a', 'c']);
    expect(c.innerHTML).toBe('<ol><li>b</li><li>a</li><li>c</li></ol>');
  });

  it('a different static shape is caught by the claim, not by a walk failing', async () => {
    const warn = warnings();
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [v, setV] = signal('v');
      export function Card() {
        return <div><header>h</header><p>{v()}</p></div>;
      }
    `);
    const c = serverPage('<div><p>v</p></div>');
    hydrated(() => createComponent(m.Card, {}), c);
    expect(c.innerHTML).toBe('<div><header>h</header><p>v</p></div>');
    expect(warn).toHaveBeenCalledTimes(1);
    m.setV('w');
    expect(c.innerHTML).toBe('<div><header>h</header><p>w</p></div>');
  });

  it('attributes that differ are fixed without a warning; equal ones are not written', async () => {
    const m = await load(`
      export function Box(props: { cls: string; color: string }) {
        return <div class={props.cls} style:color={props.color} data-x={props.cls}>x</div>;
      }
    `);
    const c = serverPage('<div class="a  b" style="color:red" data-x="server">x</div>');
    const div = c.firstChild as HTMLElement;
    const observer = new MutationObserver(() => {});
    observer.observe(div, { attributes: true });
    hydrated(() => createComponent(m.Box, { cls: 'b a', color: 'red' }), c);
    const records = observer.takeRecords();
    expect(records.map((r) => r.attributeName)).toEqual(['data-x']);
    expect(div.getAttribute('data-x')).toBe('b a');
    expect(div.getAttribute('class')).toBe('a  b');
  });
});

describe('the round trip: ssr-compiled render → hydrate-compiled adoption', () => {
  async function roundTrip(source: string, name: string, props: object = {}): Promise<{ client: Module; container: HTMLElement }> {
    const server = await load(source, 'ssr');
    const runtime = await import('@lepta/server/runtime');
    const html = root((dispose) => {
      const out = runtime.escape(runtime.createComponent(server[name], props));
      dispose();
      return out;
    });
    const client = await load(source);
    const container = serverPage(html);
    hydrateUntouched(client[name], container, props);
    return { client, container };
  }

  it('Dynamic with a tag name adopts the server element', async () => {
    const source = `
      import { signal } from '@lepta/reactive';
      import { Dynamic } from 'lepta';
      export const [tag, setTag] = signal('h2');
      export const [text, setText] = signal('hello');
      export const App = () => <main><Dynamic component={tag()} class="title">{text()}</Dynamic><p>after</p></main>;
    `;
    const server = await load(source, 'ssr');
    const { renderToString } = await import('@lepta/server');
    const runtime = await import('@lepta/server/runtime');
    const html = renderToString(() => runtime.createComponent(server.App, {}), { hydrationScript: false });
    expect(html).toBe('<main><!--[--><h2 class="title">hello</h2><!--]--><p>after</p></main>');
    const client = await load(source);
    const container = serverPage(html);
    hydrateUntouched(client.App, container);
    const h2 = container.querySelector('h2')!;
    client.setText('changed');
    expect(h2.textContent).toBe('changed');
    client.setTag('h3');
    expect(container.querySelector('h3')!.textContent).toBe('changed');
    expect(container.querySelector('h2')).toBeNull();
  });

  it('the counter', async () => {
    const { client, container } = await roundTrip(COUNTER, 'Counter');
    const div = container.firstChild as HTMLElement;
    const text = div.childNodes[3] as Text;
    click(div.querySelector('button')!);
    expect(text.data).toBe('1');
    client.setLabel('more');
    expect(div.querySelector('span')!.textContent).toBe('more');
  });

  it('lists, nested components, fragments and Show', async () => {
    const source = `
      import { signal } from '@lepta/reactive';
      import { For, Show } from 'lepta';
      export const [rows, setRows] = signal([{ id: 1, name: 'one' }, { id: 2, name: 'two' }]);
      export const [open, setOpen] = signal(false);
      function Row(props: { row: { id: number; name: string } }) {
        return <><td>{props.row.id}</td><td>{props.row.name}</td>{' '}{props.row.name.length}</>;
      }
      function Title(props: { children: unknown }) {
        return <h1>Title: {props.children}</h1>;
      }
      export function Table() {
        return (
          <div>
            <Title>rows <b>{rows().length}</b></Title>
            <table><tbody>
              <For each={rows()} key={(r) => r.id}>{(row) => <tr><Row row={row} /></tr>}</For>
            </tbody></table>
            <Show when={open()} fallback={<em>closed</em>}>{() => <strong>open</strong>}</Show>
          </div>
        );
      }
    `;
    const { client, container } = await roundTrip(source, 'Table');
    const trs = Array.from(container.querySelectorAll('tr'));
    expect(trs.length).toBe(2);
    client.setRows([{ id: 2, name: 'two' }, { id: 3, name: 'three' }, { id: 1, name: 'one' }]);
    const after = Array.from(container.querySelectorAll('tr'));
    expect(after[0]).toBe(trs[1]);
    expect(after[2]).toBe(trs[0]);
    expect(after[1]!.textContent).toBe('3three 5');
    expect(container.querySelector('h1 b')!.textContent).toBe('3');
    client.setOpen(true);
    expect(container.querySelector('strong')!.textContent).toBe('open');
    expect(container.querySelector('em')).toBe(null);
  });

  it('Switch/Match (descriptors in a children array), Index, children mixing text, expressions and components', async () => {
    const source = `
      import { signal } from '@lepta/reactive';
      import { Index, Match, Switch } from 'lepta';
      export const [tab, setTab] = signal('b');
      export const [names, setNames] = signal(['x', 'y']);
      function Box(props: { children: unknown }) {
        return <section>{props.children}</section>;
      }
      function Tag() {
        return <u>tag</u>;
      }
      export function Tabs() {
        return (
          <div>
            <Switch fallback={<p>none</p>}>
              <Match when={tab() === 'a'}><p>A</p></Match>
              <Match when={tab() === 'b'}><Box>text {tab()} <Tag /> end</Box></Match>
            </Switch>
            <ol><Index each={names()}>{(name, i) => <li>{i}:{name()}</li>}</Index></ol>
          </div>
        );
      }
    `;
    const { client, container } = await roundTrip(source, 'Tabs');
    const section = container.querySelector('section')!;
    expect(section.textContent).toBe('text b tag end');
    const lis = Array.from(container.querySelectorAll('li'));
    client.setNames(['x', 'z', 'w']);
    expect(container.querySelector('ol')!.textContent).toBe('0:x1:z2:w');
    expect(container.querySelectorAll('li')[1]).toBe(lis[1]);
    client.setTab('a');
    expect(container.querySelector('section')).toBe(null);
    expect(container.querySelector('p')!.textContent).toBe('A');
    client.setTab('c');
    expect(container.querySelector('p')!.textContent).toBe('none');
  });
});
