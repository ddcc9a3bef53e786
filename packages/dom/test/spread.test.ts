// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { root, signal } from '@lepta/reactive';
import { holdDelegation, spread } from '../src/index.js';

function inRoot<T>(fn: () => T): T {
  return root(() => fn());
}

describe('spread', () => {
  it('never writes an inline handler attribute from data (onclick, ONmouseover, attr:onfocus)', () => {
    const el = document.createElement('div');
    const hostile = JSON.parse('{"onclick":"alert(1)","ONmouseover":"alert(2)","attr:onfocus":"alert(3)","attr:ONerror":"x","title":"kept"}');
    inRoot(() => spread(el, hostile));
    expect(el.outerHTML).toBe('<div title="kept"></div>');
  });

  it('applies attributes, class, style, properties, directives', () => {
    const el = document.createElement('input');
    inRoot(() =>
      spread(el, {
        id: 'x',
        class: 'a b',
        style: { color: 'red' },
        'class:on': true,
        'style:margin': '1px',
        'prop:custom': 5,
        'attr:value': 'attr-value',
        value: 'prop-value',
        htmlFor: 'label',
        'aria-label': 'L',
        disabled: true,
        title: false,
      }),
    );
    expect(el.id).toBe('x');
    expect(el.className).toBe('a b on');
    expect(el.style.color).toBe('red');
    expect(el.style.margin).toBe('1px');
    expect((el as unknown as { custom: number }).custom).toBe(5);
    expect(el.getAttribute('value')).toBe('attr-value');
    expect(el.value).toBe('prop-value');
    expect(el.getAttribute('for')).toBe('label');
    expect(el.getAttribute('aria-label')).toBe('L');
    expect(el.getAttribute('disabled')).toBe('');
    expect(el.hasAttribute('title')).toBe(false);
  });

  it('is reactive through getters; removed keys are undone', () => {
    const el = document.createElement('div');
    const [props, setProps] = signal<Record<string, unknown>>({ title: 't', 'class:x': true, style: { color: 'red' } });
    inRoot(() => spread(el, () => props(), false, true));
    expect(el.title).toBe('t');
    expect(el.classList.contains('x')).toBe(true);
    setProps({ 'data-n': 1 });
    expect(el.hasAttribute('title')).toBe(false);
    expect(el.classList.contains('x')).toBe(false);
    expect(el.style.color).toBe('');
    expect(el.getAttribute('data-n')).toBe('1');
  });

  it('getters on a props object are tracked individually', () => {
    const el = document.createElement('div');
    const [title, setTitle] = signal('a');
    inRoot(() =>
      spread(el, {
        get title() {
          return title();
        },
      }),
    );
    setTitle('b');
    expect(el.title).toBe('b');
  });

  it('children are inserted unless skipChildren', () => {
    const a = document.createElement('div');
    const [text, setText] = signal('hi');
    inRoot(() =>
      spread(a, {
        get children() {
          return text();
        },
      }),
    );
    expect(a.textContent).toBe('hi');
    setText('bye');
    expect(a.textContent).toBe('bye');
    const b = document.createElement('div');
    b.textContent = 'static';
    inRoot(() => spread(b, { children: 'ignored' }, false, true));
    expect(b.textContent).toBe('static');
  });

  it('events: on:x native, onX delegated when the type is, native otherwise; replaced and removed', () => {
    const release = holdDelegation(document.body);
    const el = document.createElement('div') as HTMLDivElement & Record<string, unknown>;
    document.body.appendChild(el);
    const click1 = vi.fn();
    const click2 = vi.fn();
    const custom = vi.fn();
    const scroll = vi.fn();
    const [props, setProps] = signal<Record<string, unknown>>({ onClick: click1, 'on:custom': custom, onScroll: scroll });
    inRoot(() => spread(el, () => props(), false, true));
    expect(el.$$click).toBe(click1);
    el.click();
    el.dispatchEvent(new Event('custom'));
    el.dispatchEvent(new Event('scroll'));
    expect([click1.mock.calls.length, custom.mock.calls.length, scroll.mock.calls.length]).toEqual([1, 1, 1]);
    setProps({ onClick: click2 });
    el.click();
    el.dispatchEvent(new Event('custom'));
    el.dispatchEvent(new Event('scroll'));
    expect([click1.mock.calls.length, click2.mock.calls.length, custom.mock.calls.length, scroll.mock.calls.length]).toEqual([1, 1, 1, 1]);
    setProps({});
    el.click();
    expect(click2).toHaveBeenCalledTimes(1);
    release();
    el.remove();
  });

  it('on:x with [fn, options]', () => {
    const el = document.createElement('div');
    const fn = vi.fn();
    inRoot(() => spread(el, { 'on:ping': [fn, { once: true }] }));
    el.dispatchEvent(new Event('ping'));
    el.dispatchEvent(new Event('ping'));
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('ref and bindings are applied once', () => {
    const el = document.createElement('input');
    const refFn = vi.fn();
    const [value, setValue] = signal('v');
    const [title, setTitle] = signal('t');
    inRoot(() =>
      spread(el, {
        ref: refFn,
        'bind:value': [value, setValue],
        get title() {
          return title();
        },
      }),
    );
    expect(el.value).toBe('v');
    setTitle('t2');
    expect(refFn).toHaveBeenCalledTimes(1);
    el.value = 'typed';
    el.dispatchEvent(new Event('input'));
    expect(value()).toBe('typed');
    setValue('from signal');
    expect(el.value).toBe('from signal');
  });

  it('unknown bindings are an error', () => {
    expect(() => inRoot(() => spread(document.createElement('div'), { 'bind:nope': [() => 1, () => {}] }))).toThrow(/bind:nope/);
  });

  it('SVG: attributes, never properties; xlink namespaced', () => {
    const el = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    inRoot(() => spread(el, { class: 'icon', 'xlink:href': '#a', value: 'attr' }, true));
    expect(el.getAttribute('class')).toBe('icon');
    expect(el.getAttributeNS('http://www.w3.org/1999/xlink', 'href')).toBe('#a');
    expect(el.getAttribute('value')).toBe('attr');
  });

  it('removing a property-backed prop resets it', () => {
    const el = document.createElement('input');
    const [props, setProps] = signal<Record<string, unknown>>({ value: 'x', checked: true });
    inRoot(() => spread(el, () => props(), false, true));
    setProps({});
    expect(el.value).toBe('');
    expect(el.checked).toBe(false);
  });

  it('a key named __proto__ is an ordinary key, not a prototype write', () => {
    const el = document.createElement('div');
    const [props, setProps] = signal(JSON.parse('{"__proto__": "x", "title": "ok"}') as Record<string, unknown>);
    inRoot(() => spread(el, () => props(), false, true));
    expect(el.getAttribute('__proto__')).toBe('x');
    setProps({ title: 'ok' });
    expect(el.hasAttribute('__proto__')).toBe(false);
    expect(el.title).toBe('ok');
  });
});
