/**
 * Two-way bindings: `bind:value`, `bind:checked`, `bind:group`.
 *
 * A binding is `[get, set]` (a signal's pair, or any accessor and setter). A render effect
 * writes the element's property from `get()` when they differ (never writing an unchanged value,
 * which would move the caret of an input being typed in); a listener writes `set(...)` from the
 * element. Listeners are removed when the current owner is disposed.
 */
import { onCleanup, untrack } from '@lepta/reactive';
import { renderBinding } from '@lepta/reactive/internal';

export type Binding<T> = readonly [get: () => T, set: (value: T) => void];

/**
 * `bind:value`. Inputs and textareas write on `input`; selects, checkboxes and radios on
 * `change`. A number or range input bound to a number writes `valueAsNumber` (`NaN` when empty)
 * and is only rewritten when the number differs, so typing `1.` is not undone. A `<select
 * multiple>` binds an array of the selected options' values. A select re-applies the bound value
 * when its options change (options rendered after the binding, or loaded later).
 */
export function bindValue<T>(el: Element, binding: Binding<T>): void {
  if (el.localName === 'select') bindSelect(el as HTMLSelectElement, binding[0], binding[1] as (value: unknown) => void);
  else bindInputValue(el, binding);
}

/**
 * `bind:value` on an `<input>` or a `<textarea>`, as `bindValue` does it. The compiler calls this
 * for those tags, so an app that binds no `<select>` does not carry the select code.
 */
export function bindInputValue<T>(el: Element, binding: Binding<T>): void {
  const get = binding[0] as () => unknown;
  const set = binding[1] as (value: unknown) => void;
  const input = el as HTMLInputElement | HTMLTextAreaElement;
  const type = (input as HTMLInputElement).type;
  const numeric = type === 'number' || type === 'range';
  renderBinding(() => {
    const value = get();
    if (numeric && typeof value === 'number') {
      const current = (input as HTMLInputElement).valueAsNumber;
      if (current === value || (value !== value && current !== current)) return;
      input.value = value !== value ? '' : String(value);
      return;
    }
    const text = value == null ? '' : String(value);
    if (input.value !== text) input.value = text;
  });
  const event = type === 'checkbox' || type === 'radio' ? 'change' : 'input';
  listen(el, event, () => {
    set(numeric && typeof untrack(get) === 'number' ? (input as HTMLInputElement).valueAsNumber : input.value);
  });
}

function bindSelect(select: HTMLSelectElement, get: () => unknown, set: (value: unknown) => void): void {
  const apply = (value: unknown) => {
    if (select.multiple) {
      const chosen = new Set(Array.isArray(value) ? value.map(String) : value == null ? [] : [String(value)]);
      const options = select.options;
      for (let i = 0; i < options.length; i++) {
        const option = options[i]!;
        const on = chosen.has(option.value);
        if (option.selected !== on) option.selected = on;
      }
    } else {
      const text = value == null ? '' : String(value);
      if (select.value !== text) select.value = text;
    }
  };
  renderBinding(() => apply(get()));
  listen(select, 'change', () => {
    if (select.multiple) {
      const values: string[] = [];
      const options = select.options;
      for (let i = 0; i < options.length; i++) if (options[i]!.selected) values.push(options[i]!.value);
      set(values);
    } else {
      set(select.value);
    }
  });
  if (typeof MutationObserver !== 'undefined') {
    const observer = new MutationObserver(() => apply(untrack(get)));
    observer.observe(select, { childList: true, subtree: true, attributes: true, attributeFilter: ['value'] });
    onCleanup(() => observer.disconnect());
  }
}

/** `bind:checked` on a checkbox (or radio): `checked` ⇄ a boolean, written on `change`. */
export function bindChecked(el: Element, binding: Binding<boolean>): void {
  const [get, set] = binding;
  const input = el as HTMLInputElement;
  renderBinding(() => {
    const on = !!get();
    if (input.checked !== on) input.checked = on;
  });
  listen(el, 'change', () => set(input.checked));
}

/**
 * `bind:group` on radios and checkboxes sharing one value. Radios: the bound value is the
 * `value` of the checked one. Checkboxes: the bound value is an array of the checked ones'
 * values (a new array on each change). Values compare as the inputs' `value` strings.
 */
export function bindGroup<T>(el: Element, binding: Binding<T>): void {
  const get = binding[0] as () => unknown;
  const set = binding[1] as (value: unknown) => void;
  const input = el as HTMLInputElement;
  renderBinding(() => {
    const value = get();
    const mine = input.value;
    const on = Array.isArray(value) ? value.some((v) => String(v) === mine) : value != null && String(value) === mine;
    if (input.checked !== on) input.checked = on;
  });
  listen(el, 'change', () => {
    const value = untrack(get);
    const mine = input.value;
    if (Array.isArray(value)) {
      const at = value.findIndex((v) => String(v) === mine);
      if (input.checked && at < 0) set([...value, mine]);
      else if (!input.checked && at >= 0) set(value.filter((_, i) => i !== at));
    } else if (input.checked) {
      set(mine);
    }
  });
}

function listen(el: Element, type: string, fn: () => void): void {
  el.addEventListener(type, fn);
  onCleanup(() => el.removeEventListener(type, fn));
}
