// @vitest-environment happy-dom
/**
 * Attribute effects while hydrating (hydrate-attributes.ts): on a server node the setters write
 * only what differs from the server's HTML; on nodes the client made they write as always.
 */
import { describe, expect, it } from 'vitest';
import { signal } from '@lepta/reactive';
import {
  claim,
  className,
  renderEffect,
  setAttribute,
  setAttributeNS,
  setProperty,
  setStyleProperty,
  style,
  template,
  toggleClass,
} from '../src/index.js';
import { hydrated, mutations, serverPage } from './hydration-page.js';

/**
 * Hydrates `html` (one element) with `bind(el)` run on the claimed element; returns the element
 * and the attributes hydration wrote.
 */
function hydrateElement(html: string, bind: (el: HTMLElement) => void): { el: HTMLElement; written: string[] } {
  const c = serverPage(html);
  const el = c.firstChild as HTMLElement;
  const tmpl = template(html.replace(/ [^>]*>/, '>'));
  const changes = mutations(c, () =>
    hydrated(() => {
      const node = claim(tmpl) as HTMLElement;
      bind(node);
      return node;
    }, c),
  );
  expect(c.firstChild).toBe(el);
  return { el, written: changes.map((m) => (m.startsWith('attributes ') ? m.split(' ')[2]! : m)) };
}

describe('setters on server nodes while hydrating', () => {
  it('equal values write nothing', () => {
    const { written } = hydrateElement(
      '<div title="t" class="a  b" style="color:red;top:1px" data-on="" aria-x="1"></div>',
      (el) => {
        setAttribute(el, 'title', 't');
        setAttribute(el, 'data-on', true);
        setAttribute(el, 'aria-x', 1);
        setAttribute(el, 'hidden', false);
        className(el, 'b a');
        toggleClass(el, 'a', true);
        toggleClass(el, 'z', false);
        setStyleProperty(el, 'color', 'red');
        setStyleProperty(el, 'left', null);
      },
    );
    expect(written).toEqual([]);
  });

  it('style strings and objects compare as the browser serializes them', () => {
    const { written } = hydrateElement('<p style="color:red;top:1px"></p>', (el) => {
      let state = style(el, 'color: red; top: 1px;', undefined);
      expect(state).toBe('color: red; top: 1px;');
      state = style(el, { color: 'red', top: '1px' }, undefined);
      expect(state).toEqual({ color: 'red', top: '1px' });
    });
    expect(written).toEqual([]);
  });

  it('different values are written (and only those)', () => {
    const { el, written } = hydrateElement('<div title="server" class="a" style="color:red" data-k="1"></div>', (el) => {
      setAttribute(el, 'title', 'client');
      setAttribute(el, 'data-k', '1');
      toggleClass(el, 'b', true);
      setStyleProperty(el, 'color', 'blue');
    });
    expect(written.sort()).toEqual(['class', 'style', 'title']);
    expect(el.title).toBe('client');
    expect(el.className).toBe('a b');
    expect(el.style.color).toBe('blue');
  });

  it('removals and namespaced attributes', () => {
    const { el, written } = hydrateElement('<div hidden="" lang="en"></div>', (el) => {
      setAttribute(el, 'hidden', null);
      setAttributeNS(el, 'http://www.w3.org/XML/1998/namespace', 'xml:lang', 'en');
    });
    expect(el.hasAttribute('hidden')).toBe(false);
    expect(written).toContain('hidden');
  });

  it('setProperty keeps form state and innerHTML, writes other properties that differ', () => {
    const { el } = hydrateElement('<input value="server">', (el) => {
      (el as HTMLInputElement).value = 'typed'; // the user typed before hydration
      setProperty(el, 'value', 'initial');
      setProperty(el, 'indeterminate', true);
      setProperty(el, 'title', 'x');
    });
    const input = el as HTMLInputElement;
    expect(input.value).toBe('typed');
    expect(input.indeterminate).toBe(true);
    expect(input.title).toBe('x');
  });

  it('a compiled attribute effect: first run writes nothing, updates write', () => {
    const [title, setTitle] = signal('a');
    const [on, setOn] = signal(true);
    const { el, written } = hydrateElement('<div title="a" class="x on"></div>', (el) => {
      // As compiled: the runtime's disposer-free render effect, one per element.
      renderEffect<{ a: unknown; b: unknown }>((p) => {
        const v0 = title();
        const v1 = on();
        v0 !== p!.a && setAttribute(el, 'title', (p!.a = v0));
        v1 !== p!.b && toggleClass(el, 'on', (p!.b = v1));
        return p!;
      }, { a: undefined, b: undefined });
    });
    expect(written).toEqual([]);
    setTitle('b');
    setOn(false);
    expect(el.title).toBe('b');
    expect(el.className).toBe('x');
  });

  it('nodes the client made during hydration are written as always', () => {
    const { el } = hydrateElement('<ul></ul>', (ul) => {
      const li = document.createElement('li');
      setAttribute(li, 'title', 'new');
      className(li, 'c');
      ul.appendChild(li);
    });
    expect(el.innerHTML).toBe('<li title="new" class="c"></li>');
  });
});
