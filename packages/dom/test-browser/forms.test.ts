import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPage, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openPage(new URL('./forms-entry.ts', import.meta.url).pathname);
});
afterAll(() => h?.close());
beforeEach(() => h.call('setup'));

describe('bindings in Chromium', () => {
  it('initial values reach the DOM (a select whose options render after the binding too)', async () => {
    expect(await h.call('dom')).toEqual({
      text: 'hello',
      area: 'line',
      num: '5',
      single: 'two',
      multi: ['b'],
      agree: false,
      size: ['m'],
      colors: ['green'],
    });
  });

  it('typing in an input and a textarea writes the signal', async () => {
    await h.page.fill('#text', '');
    await h.page.type('#text', 'typed');
    await h.page.fill('#area', 'many\nlines');
    expect(await h.call('get', 'text')).toBe('typed');
    expect(await h.call('get', 'area')).toBe('many\nlines');
  });

  it('typing in the middle keeps the caret (the effect does not rewrite an equal value)', async () => {
    await h.page.click('#text');
    await h.page.keyboard.press('Home');
    await h.page.keyboard.press('ArrowRight');
    await h.page.keyboard.type('XY');
    expect(await h.call('get', 'text')).toBe('hXYello');
    expect(await h.page.$eval('#text', (el) => (el as HTMLInputElement).selectionStart)).toBe(3);
  });

  it('a number input writes numbers, and "1." is not undone while typing', async () => {
    await h.page.fill('#num', '');
    await h.page.type('#num', '1.5');
    expect(await h.call('get', 'num')).toBe(1.5);
    expect(await h.page.inputValue('#num')).toBe('1.5');
  });

  it('signal writes update the DOM', async () => {
    await h.call('set', 'text', 'from code');
    await h.call('set', 'num', 42);
    await h.call('set', 'single', 'three');
    await h.call('set', 'multi', ['a', 'c']);
    await h.call('set', 'agree', true);
    await h.call('set', 'size', 'l');
    await h.call('set', 'colors', ['red', 'blue']);
    expect(await h.call('dom')).toMatchObject({
      text: 'from code',
      num: '42',
      single: 'three',
      multi: ['a', 'c'],
      agree: true,
      size: ['l'],
      colors: ['red', 'blue'],
    });
  });

  it('selects: choosing options writes the signal', async () => {
    await h.page.selectOption('#single', 'one');
    await h.page.selectOption('#multi', ['a', 'b']);
    expect(await h.call('get', 'single')).toBe('one');
    expect(await h.call('get', 'multi')).toEqual(['a', 'b']);
  });

  it('checkbox, radio group, checkbox group: clicks write the signal', async () => {
    await h.page.click('#agree');
    await h.page.click('#size-s');
    await h.page.click('#c-blue');
    await h.page.click('#c-green');
    expect(await h.call('get', 'agree')).toBe(true);
    expect(await h.call('get', 'size')).toBe('s');
    expect(await h.call('get', 'colors')).toEqual(['blue']);
    expect(await h.call('dom')).toMatchObject({ agree: true, size: ['s'], colors: ['blue'] });
  });
});
