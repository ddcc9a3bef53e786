/**
 * Two-way bindings in real Chromium: a form rendered with the runtime, driven by Playwright.
 */
import { signal, type Setter, type Accessor } from '@lepta/reactive';
import { bindChecked, bindGroup, bindValue, insert, mount, template } from '@lepta/dom';

const formTemplate = template(
  '<form>' +
    '<input id="text"><textarea id="area"></textarea><input id="num" type="number">' +
    '<select id="single"></select>' +
    '<select id="multi" multiple><option value="a">A</option><option value="b">B</option><option value="c">C</option></select>' +
    '<input id="agree" type="checkbox">' +
    '<input type="radio" name="size" value="s" id="size-s"><input type="radio" name="size" value="m" id="size-m"><input type="radio" name="size" value="l" id="size-l">' +
    '<input type="checkbox" value="red" id="c-red"><input type="checkbox" value="green" id="c-green"><input type="checkbox" value="blue" id="c-blue">' +
    '</form>',
);
const optionTemplate = template('<option></option>');

type Pair<T> = [Accessor<T>, Setter<T>];
const state: Record<string, Pair<unknown>> = {};
let dispose: (() => void) | undefined;

export function setup(): void {
  dispose?.();
  document.body.innerHTML = '';
  dispose = mount(() => {
    const form = formTemplate() as HTMLFormElement;
    const el = (id: string) => form.querySelector('#' + id)!;
    state.text = signal<unknown>('hello') as Pair<unknown>;
    state.area = signal<unknown>('line') as Pair<unknown>;
    state.num = signal<unknown>(5) as Pair<unknown>;
    state.single = signal<unknown>('two') as Pair<unknown>;
    state.multi = signal<unknown>(['b']) as Pair<unknown>;
    state.agree = signal<unknown>(false) as Pair<unknown>;
    state.size = signal<unknown>('m') as Pair<unknown>;
    state.colors = signal<unknown>(['green']) as Pair<unknown>;
    const [options] = signal(['one', 'two', 'three']);
    bindValue(el('text'), state.text);
    bindValue(el('area'), state.area);
    bindValue(el('num'), state.num);
    // The options are inserted after the binding, as compiled code may order them.
    bindValue(el('single'), state.single);
    insert(
      el('single'),
      () =>
        options().map((o) => {
          const option = optionTemplate() as HTMLOptionElement;
          option.value = o;
          option.textContent = o.toUpperCase();
          return option;
        }),
      null,
    );
    bindValue(el('multi'), state.multi);
    bindChecked(el('agree'), state.agree as Pair<boolean>);
    for (const id of ['size-s', 'size-m', 'size-l']) bindGroup(el(id), state.size);
    for (const id of ['c-red', 'c-green', 'c-blue']) bindGroup(el(id), state.colors);
    return form;
  }, document.body);
}

export function get(name: string): unknown {
  return state[name]![0]();
}

export function set(name: string, value: unknown): void {
  (state[name]![1] as (v: unknown) => void)(value);
}

/** A snapshot of the DOM side. */
export function dom() {
  const q = <T extends Element>(s: string) => document.querySelector(s) as T;
  return {
    text: q<HTMLInputElement>('#text').value,
    area: q<HTMLTextAreaElement>('#area').value,
    num: q<HTMLInputElement>('#num').value,
    single: q<HTMLSelectElement>('#single').value,
    multi: Array.from(q<HTMLSelectElement>('#multi').selectedOptions, (o) => o.value),
    agree: q<HTMLInputElement>('#agree').checked,
    size: ['s', 'm', 'l'].filter((s) => q<HTMLInputElement>('#size-' + s).checked),
    colors: ['red', 'green', 'blue'].filter((c) => q<HTMLInputElement>('#c-' + c).checked),
  };
}
