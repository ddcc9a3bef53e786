// @vitest-environment happy-dom
/**
 * Behaviour: compiled components evaluated against the real runtime (@lepta/dom, through the
 * '@lepta/source' condition) in happy-dom. Each module below is compiled with
 * `moduleName: '@lepta/dom'`, written to test/.tmp/ and imported, so vitest resolves its imports
 * exactly as it resolves a test's.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createComponent, mount } from '@lepta/dom';
import { compile } from '../src/index.js';

const tmp = join(dirname(fileURLToPath(import.meta.url)), '.tmp');
mkdirSync(tmp, { recursive: true });
let counter = 0;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Module = Record<string, any>;

/** Compiles `source` (TSX) for the DOM, writes it next to this test and imports it. */
async function load(source: string): Promise<Module> {
  const name = `behaviour-${process.pid}-${counter++}`;
  const { code } = compile(source, { filename: `${name}.tsx`, moduleName: '@lepta/dom', typescript: 'strip' });
  const file = join(tmp, `${name}.js`);
  writeFileSync(file, code);
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

let disposers: Array<() => void> = [];
afterEach(() => {
  for (const d of disposers) d();
  disposers = [];
  document.body.innerHTML = '';
});

/** Mounts `Comp(props)` into a fresh container and returns the container. */
function render(Comp: (props: object) => unknown, props: object = {}): HTMLElement {
  const container = document.body.appendChild(document.createElement('div'));
  disposers.push(mount(() => createComponent(Comp, props), container));
  return container;
}

const click = (el: Element): void => {
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
};

describe('the contract example', () => {
  it('renders, updates what changed, handles the delegated click', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [size, setSize] = signal(16);
      export const [color, setColor] = signal('red');
      function Icon(props: { name: string; size: number }) {
        return <i class="icon" data-name={props.name}>{props.size}</i>;
      }
      export function Counter(props: { label: string }) {
        const [count, setCount] = signal(0);
        return (
          <button class="btn" title={props.label} onClick={() => setCount(c => c + 1)}
                  class:active={count() > 3} style:color={color()}>
            Count: {count()} <Icon name="plus" size={size()} />
          </button>
        );
      }
    `);
    const { signal } = await import('@lepta/reactive');
    const [label, setLabel] = signal('Add');
    const c = render(m.Counter, { get label() { return label(); } });
    const button = c.firstChild as HTMLButtonElement;
    expect(button.outerHTML).toBe('<button class="btn" title="Add" style="color: red;">Count: 0<!----> <i class="icon" data-name="plus">16</i></button>');
    const countText = button.childNodes[1] as Text;
    for (let i = 0; i < 4; i++) click(button);
    expect(countText.data).toBe('4');
    expect(button.classList.contains('active')).toBe(true);
    setLabel('Plus');
    m.setSize(20);
    m.setColor('blue');
    expect(button.title).toBe('Plus');
    expect(button.style.color).toBe('blue');
    expect(button.querySelector('i')!.textContent).toBe('20');
    expect(button.childNodes[1]).toBe(countText); // the text node was edited, not replaced
  });
});

describe('elements', () => {
  it('static markup, entities and whitespace', async () => {
    const m = await load(`
      export const Static = () => (
        <div class="card">
          <h1>Fish &amp; chips</h1>
          <p>
            two
            lines
          </p>
          <input type="text" value="v" disabled />
        </div>
      );
    `);
    const c = render(m.Static);
    expect(c.innerHTML).toBe('<div class="card"><h1>Fish &amp; chips</h1><p>two lines</p><input type="text" value="v" disabled=""></div>');
  });

  it('dynamic children between static siblings keep their place', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [a, setA] = signal<unknown>('A');
      export const [b, setB] = signal<unknown>('B');
      export const Kids = () => (
        <p>start {a()}{b()} middle <b>bold</b>{a()}<i>i</i> end {b()}</p>
      );
    `);
    const c = render(m.Kids);
    const p = c.firstChild as HTMLElement;
    expect(p.textContent).toBe('start AB middle boldAi end B');
    m.setA(null);
    expect(p.textContent).toBe('start B middle boldi end B');
    m.setA(['x', 'y']);
    m.setB(7);
    expect(p.textContent).toBe('start xy7 middle boldxyi end 7');
  });

  it('attributes, properties, class and style update in place', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [v, setV] = signal('one');
      export const [on, setOn] = signal(false);
      export const [css, setCss] = signal<Record<string, string>>({ color: 'red', 'font-size': '10px' });
      export const Attrs = () => (
        <div>
          <input value={v()} title={v()} data-on={on()} disabled={on()} />
          <p class={v()} class:on={on()} style={css()} />
          <p class="base" class:x={on()} style:color={on() ? 'green' : undefined} />
          <div innerHTML={'<b>' + v() + '</b>'} />
        </div>
      );
    `);
    const c = render(m.Attrs);
    const input = c.querySelector('input')!;
    const [p1, p2] = c.querySelectorAll('p');
    const html = (c.firstChild as Element).lastElementChild!;
    expect(input.value).toBe('one');
    expect(input.getAttribute('title')).toBe('one');
    expect(input.getAttribute('data-on')).toBeNull(); // false removes (CONTRACT.md setAttribute)
    expect(input.hasAttribute('disabled')).toBe(false);
    expect(p1!.className).toBe('one');
    expect(p1!.style.color).toBe('red');
    expect(p2!.className).toBe('base');
    expect(html.innerHTML).toBe('<b>one</b>');
    input.value = 'typed';
    m.setV('two');
    m.setOn(true);
    m.setCss({ color: 'blue' });
    expect(input.value).toBe('two');
    expect(input.hasAttribute('disabled')).toBe(true);
    expect(p1!.classList.contains('two')).toBe(true);
    expect(p1!.classList.contains('on')).toBe(true);
    expect(p1!.style.color).toBe('blue');
    expect(p1!.style.fontSize).toBe('');
    expect(p2!.className).toBe('base x');
    expect(p2!.style.color).toBe('green');
    expect(html.innerHTML).toBe('<b>two</b>');
  });

  it('class: toggles skip the DOM for a first false, unless the template has that class', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [on, setOn] = signal(false);
      export const Toggles = () => (
        <div>
          <p class="a" class:x={on()} />
          <p class="a x" class:x={on()} />
        </div>
      );
    `);
    const calls: string[] = [];
    const tokenList = Object.getPrototypeOf(document.createElement('p').classList) as DOMTokenList;
    const toggle = tokenList.toggle;
    tokenList.toggle = function (this: DOMTokenList, token: string, force?: boolean) {
      calls.push(`${token}:${force}`);
      return toggle.call(this, token, force);
    };
    try {
      const c = render(m.Toggles);
      const [p1, p2] = Array.from(c.querySelectorAll('p'));
      // Only the element whose template already has class x needs the first `false` applied.
      expect(calls).toEqual(['x:false']);
      expect(p1!.className).toBe('a');
      expect(p2!.className).toBe('a');
      m.setOn(true);
      expect(p1!.className).toBe('a x');
      expect(p2!.className).toBe('a x');
      m.setOn(false);
      expect(p1!.className).toBe('a');
    } finally {
      tokenList.toggle = toggle;
    }
  });

  it('spreads: later attributes win, reactive sources stay reactive', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [title, setTitle] = signal('from spread');
      export const Spread = (props: { extra: Record<string, unknown> }) => (
        <div {...props.extra} id="fixed" title={title()}>child</div>
      );
    `);
    const { signal } = await import('@lepta/reactive');
    const [extra, setExtra] = signal<Record<string, unknown>>({ id: 'spread-id', 'data-a': '1' });
    const c = render(m.Spread, { get extra() { return extra(); } });
    const div = c.firstChild as HTMLElement;
    expect(div.id).toBe('fixed');
    expect(div.getAttribute('data-a')).toBe('1');
    expect(div.title).toBe('from spread');
    expect(div.textContent).toBe('child');
    m.setTitle('later');
    setExtra({ 'data-a': '2' });
    expect(div.title).toBe('later');
    expect(div.getAttribute('data-a')).toBe('2');
  });
});

describe('events', () => {
  it('delegated handlers bubble, [handler, data] passes data, native on: listeners get options', async () => {
    const m = await load(`
      export const log: string[] = [];
      const pick = (id: string, e: Event) => log.push('pick ' + id + ' ' + e.type);
      export const Events = () => (
        <div onClick={() => log.push('outer')}>
          <button id="a" onClick={() => log.push('inner')}>a</button>
          <button id="b" onClick={[pick, 'b']}>b</button>
          <button id="c" on:click={[() => log.push('once'), { once: true }]}>c</button>
          <input id="d" onChange={() => log.push('change')} on:my-event={() => log.push('custom')} />
        </div>
      );
    `);
    const c = render(m.Events);
    click(c.querySelector('#a')!);
    click(c.querySelector('#b')!);
    click(c.querySelector('#c')!);
    click(c.querySelector('#c')!);
    c.querySelector('#d')!.dispatchEvent(new Event('change'));
    c.querySelector('#d')!.dispatchEvent(new CustomEvent('my-event'));
    expect(m.log).toEqual(['inner', 'outer', 'pick b click', 'outer', 'once', 'outer', 'outer', 'change', 'custom']);
  });
});

describe('refs and bindings', () => {
  it('ref assigns let variables and calls functions and setters', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const seen: string[] = [];
      export let captured: HTMLElement | undefined;
      export const [el, setEl] = signal<HTMLElement>();
      function Field(props: { ref: (el: HTMLElement) => void }) {
        return <input ref={props.ref} />;
      }
      export function Refs() {
        let input!: HTMLInputElement;
        const out = <div>
          <input ref={input} />
          <p ref={(e) => seen.push(e.tagName)} />
          <span ref={setEl} />
          <Field ref={captured} />
        </div>;
        seen.push('local ' + input.tagName);
        return out;
      }
    `);
    render(m.Refs);
    expect(m.seen).toEqual(['P', 'local INPUT']);
    expect(m.el().tagName).toBe('SPAN');
    expect(m.captured?.tagName).toBe('INPUT');
  });

  it('bind:value, bind:checked and bind:group write both ways', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const name = signal('Ada');
      export const agree = signal(false);
      export const colors = signal<string[]>(['red']);
      export const Form = () => (
        <form>
          <input id="name" bind:value={name} />
          <input id="agree" type="checkbox" bind:checked={agree} />
          <input id="red" type="checkbox" value="red" bind:group={colors} />
          <input id="blue" type="checkbox" value="blue" bind:group={colors} />
        </form>
      );
    `);
    const c = render(m.Form);
    const input = c.querySelector<HTMLInputElement>('#name')!;
    expect(input.value).toBe('Ada');
    input.value = 'Grace';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(m.name[0]()).toBe('Grace');
    m.name[1]('Linus');
    expect(input.value).toBe('Linus');
    const agree = c.querySelector<HTMLInputElement>('#agree')!;
    agree.click();
    expect(m.agree[0]()).toBe(true);
    const red = c.querySelector<HTMLInputElement>('#red')!;
    const blue = c.querySelector<HTMLInputElement>('#blue')!;
    expect([red.checked, blue.checked]).toEqual([true, false]);
    blue.click();
    expect(m.colors[0]()).toEqual(['red', 'blue']);
  });
});

describe('components', () => {
  it('dynamic props are getters; children are lazy; function children are called', async () => {
    const m = await load(`
      import { signal, memo } from '@lepta/reactive';
      export const [items, setItems] = signal(['a', 'b']);
      export const [show, setShow] = signal(false);
      export let created = 0;
      function When(props: { when: boolean; children: unknown }) {
        return memo(() => (props.when ? props.children : null)) as unknown as Node;
      }
      function Each(props: { each: string[]; children: (item: string, i: number) => unknown }) {
        return () => props.each.map((item, i) => props.children(item, i));
      }
      function Card(props: { title: string; children: unknown }) {
        return <section><h2>{props.title}</h2>{props.children}</section>;
      }
      function Counted() {
        created++;
        return <em>counted</em>;
      }
      export const App = () => (
        <Card title={items().join(',')}>
          <When when={show()}><Counted /></When>
          <ul><Each each={items()}>{(item, i) => <li>{i}:{item}</li>}</Each></ul>
        </Card>
      );
    `);
    const c = render(m.App);
    // Children are created only when the component reads them: <When> has not yet.
    expect(m.created).toBe(0);
    expect(c.innerHTML).toBe('<section><h2>a,b</h2><ul><li>0<!---->:a</li><li>1<!---->:b</li></ul></section>');
    m.setItems(['a', 'b', 'c']);
    expect(c.querySelector('h2')!.textContent).toBe('a,b,c');
    expect(c.querySelectorAll('li').length).toBe(3);
    m.setShow(true);
    expect(c.querySelector('em')!.textContent).toBe('counted');
    expect(m.created).toBeGreaterThan(0);
    m.setShow(false);
    expect(c.querySelector('em')).toBeNull();
  });

  it('component spreads merge in order and stay reactive (mergeProps)', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [a, setA] = signal('a1');
      const Show = (props: { a: string; b: string; c: string }) => <p>{props.a}-{props.b}-{props.c}</p>;
      export const App = (props: { rest: { b: string; c: string } }) => <Show a={a()} {...props.rest} c="fixed" />;
    `);
    const { signal } = await import('@lepta/reactive');
    const [rest, setRest] = signal({ b: 'b1', c: 'c1' });
    const c = render(m.App, { get rest() { return rest(); } });
    expect(c.textContent).toBe('a1-b1-fixed');
    m.setA('a2');
    setRest({ b: 'b2', c: 'c2' });
    expect(c.textContent).toBe('a2-b2-fixed');
  });

  it('fragments render arrays, in order', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [x, setX] = signal('x');
      export const Frag = () => <><b>1</b>text{x()}<i>2</i></>;
    `);
    const c = render(m.Frag);
    expect(c.innerHTML).toBe('<b>1</b>textx<i>2</i>');
    m.setX('y');
    expect(c.innerHTML).toBe('<b>1</b>texty<i>2</i>');
  });
});

describe('destructured props stay reactive', () => {
  it('reads, defaults (undefined only) and shadowing', async () => {
    const m = await load(`
      export function Row({ label, count = 10, item: { id } }: { label: string; count?: number | null; item: { id: number } }) {
        const shadow = (label: string) => label + '!';
        return <p title={label}>{label} {count} {id} {shadow('s')}</p>;
      }
    `);
    const { signal } = await import('@lepta/reactive');
    const [label, setLabel] = signal('one');
    const [count, setCount] = signal<number | null | undefined>(undefined);
    const [item, setItem] = signal({ id: 1 });
    const c = render(m.Row, {
      get label() { return label(); },
      get count() { return count(); },
      get item() { return item(); },
    });
    const p = c.firstChild as HTMLElement;
    expect(p.textContent).toBe('one 10 1 s!');
    setLabel('two');
    setCount(3);
    setItem({ id: 2 });
    expect(p.textContent).toBe('two 3 2 s!');
    expect(p.title).toBe('two');
    setCount(null);
    expect(p.textContent).toBe('two  2 s!');
    setCount(undefined);
    expect(p.textContent).toBe('two 10 2 s!');
  });

  it('arrow components and rest props (splitProps)', async () => {
    const m = await load(`
      export const Link = ({ label, ...rest }: { label: string; href: string; title?: string }) => (
        <a {...rest}>{label}</a>
      );
    `);
    const { signal } = await import('@lepta/reactive');
    const [href, setHref] = signal('/one');
    const c = render(m.Link, { label: 'go', get href() { return href(); }, title: 't' });
    const a = c.firstChild as HTMLAnchorElement;
    expect(a.getAttribute('href')).toBe('/one');
    expect(a.hasAttribute('label')).toBe(false);
    expect(a.title).toBe('t');
    setHref('/two');
    expect(a.getAttribute('href')).toBe('/two');
  });

  it('event handlers read the latest prop', async () => {
    const m = await load(`
      export function Button({ onPick, label }: { onPick: (l: string) => void; label: string }) {
        return <button onClick={() => onPick(label)}>{label}</button>;
      }
    `);
    const { signal } = await import('@lepta/reactive');
    const picked: string[] = [];
    const [label, setLabel] = signal('a');
    const c = render(m.Button, { onPick: (l: string) => picked.push(l), get label() { return label(); } });
    click(c.firstChild as Element);
    setLabel('b');
    click(c.firstChild as Element);
    expect(picked).toEqual(['a', 'b']);
  });
});

describe('SVG and MathML', () => {
  // happy-dom parses <math> content in the HTML namespace; MathML namespaces are checked in
  // real Chromium (test-browser/scene.test.ts).
  it('creates elements in the right namespace, also for standalone SVG roots', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [r, setR] = signal(5);
      const Dot = (props: { r: number }) => <circle cx="10" cy="10" r={props.r} />;
      export const Chart = () => (
        <div>
          <svg viewBox="0 0 20 20"><g class="dots"><Dot r={r()} /></g><use xlink:href="#x" /></svg>
          <math><mi>x</mi></math>
        </div>
      );
    `);
    const c = render(m.Chart);
    const circle = c.querySelector('circle')!;
    expect(circle.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(c.querySelector('g')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(circle.getAttribute('r')).toBe('5');
    m.setR(7);
    expect(circle.getAttribute('r')).toBe('7');
  });
});

describe('lists', () => {
  it('map inside JSX re-renders the list', async () => {
    const m = await load(`
      import { signal } from '@lepta/reactive';
      export const [rows, setRows] = signal([{ id: 1, name: 'a' }]);
      export const Table = () => (
        <table>
          <tbody>{rows().map((row) => <tr><td>{row.id}</td><td>{row.name}</td></tr>)}</tbody>
        </table>
      );
    `);
    const c = render(m.Table);
    expect(c.querySelectorAll('tr').length).toBe(1);
    m.setRows([{ id: 1, name: 'a' }, { id: 2, name: 'b' }]);
    expect([...c.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1', 'a', '2', 'b']);
  });
});
