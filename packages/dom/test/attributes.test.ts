// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { className, setAttribute, setAttributeNS, setProperty, setStyleProperty, style, toggleClass } from '../src/index.js';

const XLINK = 'http://www.w3.org/1999/xlink';

describe('setAttribute', () => {
  it('strings, numbers, true, and removal by null/undefined/false', () => {
    const el = document.createElement('div');
    setAttribute(el, 'title', 'hi');
    expect(el.getAttribute('title')).toBe('hi');
    setAttribute(el, 'tabindex', 0);
    expect(el.getAttribute('tabindex')).toBe('0');
    setAttribute(el, 'hidden', true);
    expect(el.getAttribute('hidden')).toBe('');
    for (const v of [null, undefined, false]) {
      setAttribute(el, 'title', 'x');
      setAttribute(el, 'title', v);
      expect(el.hasAttribute('title')).toBe(false);
    }
  });
});

describe('setAttributeNS', () => {
  it('sets and removes namespaced attributes', () => {
    const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
    setAttributeNS(use, XLINK, 'xlink:href', '#icon');
    expect(use.getAttributeNS(XLINK, 'href')).toBe('#icon');
    expect(use.getAttribute('xlink:href')).toBe('#icon');
    setAttributeNS(use, XLINK, 'xlink:href', null);
    expect(use.hasAttributeNS(XLINK, 'href')).toBe(false);
    setAttributeNS(use, XLINK, 'xlink:show', true);
    expect(use.getAttributeNS(XLINK, 'show')).toBe('');
  });
});

describe('setProperty', () => {
  it('assigns the property as is', () => {
    const input = document.createElement('input');
    setProperty(input, 'value', 'typed');
    expect(input.value).toBe('typed');
    setProperty(input, 'checked', true);
    expect(input.checked).toBe(true);
    const obj = {};
    setProperty(input, 'custom', obj);
    expect((input as unknown as { custom: unknown }).custom).toBe(obj);
  });
});

describe('className', () => {
  it('sets and removes the class attribute, on HTML and SVG', () => {
    const div = document.createElement('div');
    className(div, 'a b');
    expect(div.className).toBe('a b');
    className(div, null);
    expect(div.hasAttribute('class')).toBe(false);
    const circle = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    className(circle, 'dot');
    expect(circle.getAttribute('class')).toBe('dot');
    className(circle, undefined);
    expect(circle.hasAttribute('class')).toBe(false);
  });
});

describe('toggleClass', () => {
  it('adds and removes one class, leaving the others', () => {
    const el = document.createElement('div');
    el.className = 'static';
    toggleClass(el, 'active', true);
    expect(el.className).toBe('static active');
    toggleClass(el, 'active', 1);
    expect(el.className).toBe('static active');
    toggleClass(el, 'active', false);
    expect(el.className).toBe('static');
    toggleClass(el, 'active', undefined);
    expect(el.className).toBe('static');
  });
});

describe('setStyleProperty', () => {
  it('sets and removes one property; custom properties work', () => {
    const el = document.createElement('div');
    setStyleProperty(el, 'color', 'red');
    setStyleProperty(el, '--gap', '4px');
    expect(el.style.getPropertyValue('color')).toBe('red');
    expect(el.style.getPropertyValue('--gap')).toBe('4px');
    setStyleProperty(el, 'color', null);
    setStyleProperty(el, '--gap', undefined);
    expect(el.style.getPropertyValue('color')).toBe('');
    expect(el.style.getPropertyValue('--gap')).toBe('');
  });
});

describe('style', () => {
  it('a string sets the whole style', () => {
    const el = document.createElement('div');
    const prev = style(el, 'color: red; margin: 1px');
    expect(el.style.color).toBe('red');
    expect(prev).toBe('color: red; margin: 1px');
  });

  it('objects are diffed: changed properties written, removed ones cleared', () => {
    const el = document.createElement('div');
    let prev = style(el, { color: 'red', 'font-size': '10px', '--x': 1 });
    expect(el.style.color).toBe('red');
    expect(el.style.fontSize).toBe('10px');
    expect(el.style.getPropertyValue('--x')).toBe('1');
    prev = style(el, { color: 'blue', 'font-size': null }, prev);
    expect(el.style.color).toBe('blue');
    expect(el.style.fontSize).toBe('');
    expect(el.style.getPropertyValue('--x')).toBe('');
    expect(prev).toEqual({ color: 'blue' });
  });

  it('a mutated object passed again still updates (the state is a private copy)', () => {
    const el = document.createElement('div');
    const value: Record<string, string> = { color: 'red' };
    const prev = style(el, value);
    value.color = 'green';
    style(el, value, prev);
    expect(el.style.color).toBe('green');
  });

  it('string to object to string to nothing', () => {
    const el = document.createElement('div');
    let prev = style(el, 'margin: 2px');
    prev = style(el, { color: 'red' }, prev);
    expect(el.style.margin).toBe('');
    expect(el.style.color).toBe('red');
    prev = style(el, 'padding: 1px', prev);
    expect(el.style.color).toBe('');
    expect(el.style.padding).toBe('1px');
    prev = style(el, null, prev);
    expect(prev).toBeUndefined();
    expect(el.hasAttribute('style')).toBe(false);
  });

  it('does not rewrite unchanged properties', () => {
    const el = document.createElement('div');
    const prev = style(el, { color: 'red' });
    let writes = 0;
    const css = el.style;
    const original = css.setProperty.bind(css);
    css.setProperty = (...args: Parameters<CSSStyleDeclaration['setProperty']>) => {
      writes++;
      original(...args);
    };
    style(el, { color: 'red' }, prev);
    expect(writes).toBe(0);
  });
});
