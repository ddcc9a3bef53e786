// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { root, signal } from '@lepta/reactive';
import { bindChecked, bindGroup, bindInputValue, bindValue } from '../src/index.js';

function inRoot(fn: () => void): () => void {
  return root((dispose) => {
    fn();
    return dispose;
  });
}

function typeInto(el: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('bindValue', () => {
  it('text input: signal → value, input event → signal', () => {
    const input = document.createElement('input');
    const [v, setV] = signal('a');
    inRoot(() => bindValue(input, [v, setV]));
    expect(input.value).toBe('a');
    typeInto(input, 'typed');
    expect(v()).toBe('typed');
    setV('set');
    expect(input.value).toBe('set');
    setV(null as unknown as string);
    expect(input.value).toBe('');
  });

  it('textarea', () => {
    const ta = document.createElement('textarea');
    const [v, setV] = signal('one');
    inRoot(() => bindValue(ta, [v, setV]));
    expect(ta.value).toBe('one');
    typeInto(ta, 'two');
    expect(v()).toBe('two');
  });

  it('bindInputValue (what compiled code calls on <input> and <textarea>) binds as bindValue does', () => {
    const input = document.createElement('input');
    input.type = 'number';
    const [n, setN] = signal(1);
    const ta = document.createElement('textarea');
    const [t, setT] = signal('one');
    inRoot(() => {
      bindInputValue(input, [n, setN]);
      bindInputValue(ta, [t, setT]);
    });
    expect(input.value).toBe('1');
    typeInto(input, '7');
    expect(n()).toBe(7);
    expect(ta.value).toBe('one');
    typeInto(ta, 'two');
    expect(t()).toBe('two');
    setT('three');
    expect(ta.value).toBe('three');
  });

  it('does not rewrite an unchanged value', () => {
    const input = document.createElement('input');
    const [v, setV] = signal('a');
    inRoot(() => bindValue(input, [v, setV]));
    let writes = 0;
    const desc = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!;
    Object.defineProperty(input, 'value', {
      get: () => desc.get!.call(input),
      set: (x) => {
        writes++;
        desc.set!.call(input, x);
      },
    });
    typeInto(input, 'ab'); // one write by the "user"
    expect(v()).toBe('ab');
    expect(writes).toBe(1); // the effect saw the same value and did not write
  });

  it('number input bound to a number writes numbers', () => {
    const input = document.createElement('input');
    input.type = 'number';
    const [v, setV] = signal(1);
    inRoot(() => bindValue(input, [v, setV]));
    expect(input.value).toBe('1');
    typeInto(input, '12.5');
    expect(v()).toBe(12.5);
    setV(3);
    expect(input.value).toBe('3');
  });

  it('select: change → signal, signal → selection', () => {
    const select = document.createElement('select');
    select.innerHTML = '<option value="a">A</option><option value="b">B</option>';
    const [v, setV] = signal('b');
    inRoot(() => bindValue(select, [v, setV]));
    expect(select.value).toBe('b');
    select.value = 'a';
    select.dispatchEvent(new Event('change'));
    expect(v()).toBe('a');
    setV('b');
    expect(select.value).toBe('b');
  });

  it('select whose options arrive after the binding re-applies the value', async () => {
    const select = document.createElement('select');
    const [v, setV] = signal('c');
    inRoot(() => bindValue(select, [v, setV]));
    select.innerHTML = '<option value="a">A</option><option value="c">C</option>';
    await new Promise((r) => setTimeout(r, 0));
    expect(select.value).toBe('c');
  });

  it('select multiple binds an array', () => {
    const select = document.createElement('select');
    select.multiple = true;
    select.innerHTML = '<option value="a">A</option><option value="b">B</option><option value="c">C</option>';
    const [v, setV] = signal<string[]>(['a', 'c']);
    inRoot(() => bindValue(select, [v, setV]));
    expect(Array.from(select.options, (o) => o.selected)).toEqual([true, false, true]);
    select.options[0]!.selected = false;
    select.options[1]!.selected = true;
    select.dispatchEvent(new Event('change'));
    expect(v()).toEqual(['b', 'c']);
  });

  it('listeners are removed when the owner is disposed', () => {
    const input = document.createElement('input');
    const [v, setV] = signal('a');
    const dispose = inRoot(() => bindValue(input, [v, setV]));
    dispose();
    typeInto(input, 'after');
    expect(v()).toBe('a');
  });
});

describe('bindChecked', () => {
  it('checkbox ⇄ boolean', () => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    const [on, setOn] = signal(true);
    inRoot(() => bindChecked(box, [on, setOn]));
    expect(box.checked).toBe(true);
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    expect(on()).toBe(false);
    setOn(true);
    expect(box.checked).toBe(true);
  });
});

describe('bindGroup', () => {
  function group(type: 'radio' | 'checkbox', values: string[]) {
    return values.map((value) => {
      const input = document.createElement('input');
      input.type = type;
      input.name = 'g';
      input.value = value;
      return input;
    });
  }

  it('radios: the checked one\'s value', () => {
    const radios = group('radio', ['a', 'b', 'c']);
    const [v, setV] = signal('b');
    inRoot(() => radios.forEach((r) => bindGroup(r, [v, setV])));
    expect(radios.map((r) => r.checked)).toEqual([false, true, false]);
    radios[2]!.checked = true;
    radios[2]!.dispatchEvent(new Event('change'));
    expect(v()).toBe('c');
    setV('a');
    expect(radios.map((r) => r.checked)).toEqual([true, false, false]);
  });

  it('checkboxes: an array of the checked values', () => {
    const boxes = group('checkbox', ['a', 'b', 'c']);
    const [v, setV] = signal<string[]>(['a']);
    inRoot(() => boxes.forEach((b) => bindGroup(b, [v, setV])));
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false]);
    boxes[2]!.checked = true;
    boxes[2]!.dispatchEvent(new Event('change'));
    expect(v()).toEqual(['a', 'c']);
    boxes[0]!.checked = false;
    boxes[0]!.dispatchEvent(new Event('change'));
    expect(v()).toEqual(['c']);
    setV(['b']);
    expect(boxes.map((b) => b.checked)).toEqual([false, true, false]);
  });
});
