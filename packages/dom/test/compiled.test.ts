// @vitest-environment happy-dom
/**
 * The runtime driven the way compiled code drives it: CONTRACT.md's worked example, written out
 * by hand exactly as the compiler emits it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { signal, type Accessor } from '@lepta/reactive';
import {
  template as _$template,
  insert as _$insert,
  renderEffect as _$renderEffect,
  setAttribute as _$setAttribute,
  toggleClass as _$toggleClass,
  setStyleProperty as _$setStyleProperty,
  createComponent as _$createComponent,
  delegateEvents as _$delegateEvents,
  mount,
} from '../src/index.js';

let size: Accessor<number>;
let setSize: (v: number) => void;
let color: Accessor<string>;
let setColor: (v: string) => void;

// function Icon(props) { return <i class="icon" data-name={props.name}>{props.size}</i>; }
const _tmpl$1 = /*#__PURE__*/ _$template(`<i class="icon"></i>`);
function Icon(props: { name: string; size: number }) {
  return (() => {
    const _el$0 = _tmpl$1() as HTMLElement;
    _$insert(_el$0, () => props.size, null);
    _$renderEffect((_p$) => {
      const _v$0 = props.name;
      _v$0 !== _p$!.a && _$setAttribute(_el$0, 'data-name', (_p$!.a = _v$0));
      return _p$!;
    }, { a: undefined as unknown });
    return _el$0;
  })();
}

const _tmpl$0 = /*#__PURE__*/ _$template(`<button class="btn">Count: <!> </button>`);
function Counter(props: { label: string }) {
  const [count, setCount] = signal(0);
  return (() => {
    const _el$0 = _tmpl$0() as HTMLElement & { $$click?: unknown };
    const _el$1 = _el$0.firstChild!.nextSibling!; // the <!> marker
    _el$0.$$click = () => setCount((c) => c + 1); // delegated
    _$insert(_el$0, () => count(), _el$1);
    _$insert(_el$0, _$createComponent(Icon, { name: 'plus', get size() { return size(); } }), null);
    _$renderEffect((_p$) => {
      const _v$0 = props.label, _v$1 = count() > 3, _v$2 = color();
      _v$0 !== _p$!.a && _$setAttribute(_el$0, 'title', (_p$!.a = _v$0));
      _v$1 !== _p$!.b && _$toggleClass(_el$0, 'active', (_p$!.b = _v$1));
      _v$2 !== _p$!.c && _$setStyleProperty(_el$0, 'color', (_p$!.c = _v$2));
      return _p$!;
    }, { a: undefined as unknown, b: undefined as unknown, c: undefined as unknown });
    return _el$0;
  })();
}
_$delegateEvents(['click']);

describe('CONTRACT.md worked example', () => {
  let dispose: () => void;
  afterEach(() => dispose?.());

  it('renders, updates exactly what changed, and handles the delegated click', () => {
    [size, setSize] = signal(16);
    [color, setColor] = signal('red');
    const [label, setLabel] = signal('Add');
    const container = document.body.appendChild(document.createElement('div'));
    dispose = mount(() => _$createComponent(Counter, { get label() { return label(); } }), container);

    const button = container.firstChild as HTMLButtonElement;
    expect(container.innerHTML).toBe(
      '<button class="btn" title="Add" style="color: red;">Count: 0<!----> <i class="icon" data-name="plus">16</i></button>',
    );
    const countText = button.childNodes[1] as Text;
    const icon = button.lastChild as HTMLElement;

    for (let i = 0; i < 4; i++) button.click();
    expect(countText.data).toBe('4');
    expect(button.childNodes[1]).toBe(countText); // edited in place
    expect(button.classList.contains('active')).toBe(true);

    setSize(24);
    expect(icon.textContent).toBe('24');
    expect(button.lastChild).toBe(icon);
    setLabel('Plus');
    setColor('blue');
    expect(button.title).toBe('Plus');
    expect(button.style.color).toBe('blue');

    dispose();
    expect(container.innerHTML).toBe('');
    setLabel('after dispose'); // nothing left to update, nothing throws
  });
});
