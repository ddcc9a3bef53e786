/**
 * The helpers compiled `ssr` code calls (`@lepta/server/runtime`, CONTRACT.md §2), one by one.
 * The compiler's test/ssr.test.ts checks them through compiled components.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memo, onCleanup, root, signal } from '@lepta/reactive';
import {
  Html,
  attr,
  createComponent,
  escape,
  escapeScript,
  groupChecked,
  groupValue,
  mergeProps,
  raw,
  setSafetyReporter,
  splitProps,
  ssr,
  ssrClass,
  ssrElement,
  ssrHole,
  ssrSelect,
  ssrSpread,
  ssrStyle,
  type SafetyIssue,
  type SafetyReporter,
} from '../src/runtime.js';

let issues: SafetyIssue[];
let previous: SafetyReporter | undefined;
beforeEach(() => {
  issues = [];
  previous = setSafetyReporter((issue) => issues.push(issue));
});
afterEach(() => {
  setSafetyReporter(previous);
});

describe('attr', () => {
  it('writes strings escaped and numbers as they are', () => {
    expect(attr('title', 'a "b" <c> & d')).toBe(' title="a &quot;b&quot; &lt;c&gt; &amp; d"');
    expect(attr('tabindex', -1)).toBe(' tabindex="-1"');
    expect(attr('data-n', 10n)).toBe(' data-n="10"');
  });

  it('omits null, undefined, false and functions; true is a boolean attribute', () => {
    expect(attr('title', null)).toBe('');
    expect(attr('title', undefined)).toBe('');
    expect(attr('title', false)).toBe('');
    expect(attr('title', () => 'x')).toBe('');
    expect(attr('hidden', true)).toBe(' hidden');
  });

  it('sanitizes URL attributes, whatever their case', () => {
    expect(attr('href', 'javascript:alert(1)')).toBe(' href="about:blank#blocked"');
    expect(attr('formAction', 'vbscript:x')).toBe(' formAction="about:blank#blocked"');
    expect(attr('src', 'data:image/png;base64,AA==')).toBe(' src="data:image/png;base64,AA=="');
    expect(issues.map((i) => i.name)).toEqual(['href', 'formAction']);
  });

  it('renders a style object as CSS', () => {
    expect(attr('style', { color: 'red', top: null })).toBe(' style="color:red;"');
  });
});

describe('ssrClass', () => {
  it('writes the base as the DOM className does', () => {
    expect(ssrClass('a  b')).toBe(' class="a  b"');
    expect(ssrClass('')).toBe(' class=""');
    expect(ssrClass(null)).toBe('');
    expect(ssrClass(undefined)).toBe('');
    expect(ssrClass(false)).toBe('');
    expect(ssrClass(7)).toBe(' class="7"');
    expect(ssrClass('"x"<y>')).toBe(' class="&quot;x&quot;&lt;y&gt;"');
  });

  it('applies toggles in order as classList.toggle', () => {
    expect(ssrClass('a', ['b', true, 'c', 1])).toBe(' class="a b c"');
    expect(ssrClass('a b a', ['a', false])).toBe(' class="b"');
    expect(ssrClass('a', ['a', false])).toBe(' class=""');
    expect(ssrClass(null, ['a', true, 'b', 0, 'a', false])).toBe(' class=""');
    expect(ssrClass(null, ['a', false])).toBe('');
    expect(ssrClass('x\ty', ['x', true])).toBe(' class="x\ty"');
    expect(ssrClass('x\ty', ['z', true])).toBe(' class="x y z"');
    expect(ssrClass('xa', ['a', true])).toBe(' class="xa a"');
  });

  it('ignores toggles with names the DOM rejects', () => {
    expect(ssrClass('a', ['', true, 'b c', true])).toBe(' class="a"');
  });
});

describe('ssrStyle', () => {
  it('writes a string base escaped, and an object as declarations', () => {
    expect(ssrStyle('color: red')).toBe(' style="color: red"');
    expect(ssrStyle({ color: 'red', 'font-size': 12, top: undefined, left: false })).toBe(' style="color:red;font-size:12;"');
    expect(ssrStyle('a:"<b>"')).toBe(' style="a:&quot;&lt;b&gt;&quot;"');
    expect(ssrStyle(null)).toBe('');
    expect(ssrStyle({})).toBe('');
  });

  it('appends style:x properties, separating declarations', () => {
    expect(ssrStyle('color: red', ['top', '1px'])).toBe(' style="color: red;top:1px;"');
    expect(ssrStyle('color: red; ', ['top', 0])).toBe(' style="color: red; top:0;"');
    expect(ssrStyle(null, ['top', null, 'left', '', 'right', false, 'width', '"x"'])).toBe(' style="width:&quot;x&quot;;"');
    expect(ssrStyle(null, ['top', null])).toBe('');
  });

  it('drops properties with invalid names', () => {
    expect(ssrStyle(null, ['a;b', 'x', '--ok', 'y'])).toBe(' style="--ok:y;"');
    expect(ssrStyle({ 'x:y': 1 })).toBe('');
    expect(issues.map((i) => i.kind)).toEqual(['invalid-style-property']);
  });
});

describe('bind:group', () => {
  it('checks a radio whose value is the bound value, a checkbox whose value is in the bound array', () => {
    expect(groupChecked('a', 'a')).toBe(' checked');
    expect(groupChecked('a', 'b')).toBe('');
    expect(groupChecked('1', 1)).toBe(' checked');
    expect(groupChecked('a', null)).toBe('');
    expect(groupChecked('b', ['a', 'b'])).toBe(' checked');
    expect(groupChecked('c', ['a', 'b'])).toBe('');
    expect(groupValue(2, [2])).toBe(' value="2" checked');
    expect(groupValue('x"', 'y')).toBe(' value="x&quot;"');
  });
});

describe('ssrSelect', () => {
  const options = '<option value="a">A</option><optgroup label="g"><option value="b&amp;">B</option></optgroup><option> c  d </option><option><!--[-->e<!--]--></option>';
  it('marks the first option whose value (attribute, or text) is the value', () => {
    expect(ssrSelect('a', options)).toBe(options.replace('<option value="a"', '<option selected value="a"'));
    expect(ssrSelect('b&', options)).toContain('<option selected value="b&amp;">');
    expect(ssrSelect('c d', options)).toContain('<option selected> c  d </option>');
    expect(ssrSelect('e', options)).toContain('<option selected><!--[-->e<!--]--></option>');
    expect(ssrSelect('<none>', options)).toBe(options);
    expect(ssrSelect('a', '<option value="a">1</option><option value="a">2</option>')).toBe('<option selected value="a">1</option><option value="a">2</option>');
  });

  it('marks every option in an array (multiple)', () => {
    expect(ssrSelect(['a', 'c d'], options)).toBe(
      options.replace('<option value="a"', '<option selected value="a"').replace('<option> c', '<option selected> c'),
    );
  });

  it('compares numbers and null as the DOM does (String, null as empty)', () => {
    expect(ssrSelect(1, '<option value="1">x</option>')).toBe('<option selected value="1">x</option>');
    expect(ssrSelect(null, '<option value="">none</option>')).toBe('<option selected value="">none</option>');
  });
});

describe('ssrHole', () => {
  it('brackets what it renders', () => {
    expect((ssrHole('a<') as Html).t).toBe('<!--[-->a&lt;<!--]-->');
    expect((ssrHole(ssr('<b></b>')) as Html).t).toBe('<!--[--><b></b><!--]-->');
    expect((ssrHole(null) as Html).t).toBe('<!--[--><!--]-->');
    expect((ssrHole(['a', 'b']) as Html).t).toBe('<!--[-->a<!---->b<!--]-->');
  });

  it('keeps functions functions (called with their arguments when rendered) and data objects as they are', () => {
    const fn = ssrHole((x?: string) => `v${x ?? ''}`) as (x?: string) => unknown;
    expect(typeof fn).toBe('function');
    expect(escape(fn)).toBe('<!--[-->v<!--]-->');
    expect((fn('1') as Html).t).toBe('<!--[-->v1<!--]-->');
    const data = { match: true };
    expect(ssrHole(data)).toBe(data);
  });
});

describe('content helpers', () => {
  it('raw writes markup as given', () => {
    expect(raw('<b>x</b>')).toBe('<b>x</b>');
    expect(raw(null)).toBe('');
    expect(raw(undefined)).toBe('');
    expect(raw(1)).toBe('1');
  });

  it('escapeScript keeps a script body from ending its element', () => {
    expect(escapeScript('{"a":"</script><!--"}')).toBe('{"a":"\\u003c/script>\\u003c!--"}');
    expect(escapeScript(() => 'x<')).toBe('x\\u003c');
    expect(escapeScript(null)).toBe('');
    expect(escapeScript(false)).toBe('');
    expect(escapeScript(2)).toBe('2');
  });
});

describe('createComponent', () => {
  it('calls the component untracked, under the current owner', () => {
    const [count, setCount] = signal(0);
    let runs = 0;
    let cleaned = 0;
    const Comp = (props: { n: number }) => {
      onCleanup(() => cleaned++);
      return `${count()}:${props.n}`;
    };
    root((dispose) => {
      const view = memo(() => {
        runs++;
        return createComponent(Comp, { n: 1 });
      });
      expect(view()).toBe('0:1');
      setCount(1);
      expect(view()).toBe('0:1');
      expect(runs).toBe(1);
      dispose();
    });
    expect(cleaned).toBe(1);
  });

  it('lets errors propagate', () => {
    expect(() =>
      createComponent(() => {
        throw new Error('boom');
      }, {}),
    ).toThrow('boom');
  });

  it('re-exports mergeProps and splitProps', () => {
    const merged = mergeProps({ a: 1, b: 2 }, { b: 3 });
    expect(merged).toEqual({ a: 1, b: 3 });
    const [local, rest] = splitProps({ a: 1, b: 2 }, ['a']);
    expect(local).toEqual({ a: 1 });
    expect(rest).toEqual({ b: 2 });
  });
});

describe('ssrSpread', () => {
  it('never writes an inline handler attribute from data (onclick, ONerror, attr:onclick)', () => {
    const hostile = JSON.parse('{"onclick":"a()","ONerror":"b()","attr:onclick":"c()","attr:ONload":"d()","title":"kept"}');
    expect(ssrSpread(hostile, false, true)).toBe(' title="kept">');
  });

  it('writes attributes, closes the tag and writes the content from the props', () => {
    expect(ssrSpread({ id: 'x', title: 'a"b', children: 'c<d' }, false, false)).toBe(' id="x" title="a&quot;b">c&lt;d');
    expect(ssrSpread({ id: 'x', children: 'ignored' }, false, true)).toBe(' id="x">');
    expect(ssrSpread({ innerHTML: '<b>x</b>' }, false, false)).toBe('><b>x</b>');
    expect(ssrSpread({ textContent: '<b>x</b>' }, false, false)).toBe('>&lt;b&gt;x&lt;/b&gt;');
    expect(ssrSpread(null, false, false)).toBe('>');
    expect(ssrSpread(() => ({ id: 'f' }), false, false)).toBe(' id="f">');
  });

  it('never writes event handlers, refs or invalid names, and does not read them', () => {
    const props = {
      get onClick(): never {
        throw new Error('read');
      },
      get 'on:x'(): never {
        throw new Error('read');
      },
      get ref(): never {
        throw new Error('read');
      },
      get 'prop:thing'(): never {
        throw new Error('read');
      },
      onclick: 'alert(1)',
      OnLoad: 'alert(2)',
      'a b': 1,
      '"x': 1,
      'y=z': 1,
      'ok-name': 'v',
    };
    expect(ssrSpread(props, false, false)).toBe(' ok-name="v">');
    expect(issues.map((i) => i.name)).toEqual(['a b', '"x', 'y=z']);
  });

  it('merges class, className and class:x, style and style:x', () => {
    expect(ssrSpread({ 'class:b': true, className: 'a', style: { color: 'red' }, 'style:top': '1px', 'class:a': false }, false, false)).toBe(
      ' class="b" style="color:red;top:1px;">',
    );
  });

  it('renders values, boolean properties, bindings, attr:, namespaced names and htmlFor', () => {
    expect(
      ssrSpread(
        {
          value: 'v',
          checked: 0,
          selected: 'yes',
          'prop:muted': true,
          'attr:data-x': 1,
          'xlink:href': 'javascript:x',
          htmlFor: 'id',
          'bind:checked': [() => true],
        },
        false,
        true,
      ),
    ).toBe(' selected muted data-x="1" xlink:href="about:blank#blocked" for="id" checked value="v">');
    expect(ssrSpread({ 'bind:value': [() => 'b'], type: 'text' }, false, true)).toBe(' type="text" value="b">');
    expect(ssrSpread({ value: 'a', 'bind:group': [() => ['a']] }, false, true)).toBe(' value="a" checked>');
    expect(ssrSpread({ 'bind:group': [() => 'on'] }, false, true)).toBe(' checked>');
    expect(ssrSpread({ checked: true }, true, true)).toBe(' checked>');
  });
});

describe('ssrElement', () => {
  it('renders a tag chosen at run time with its props', () => {
    expect(ssrElement('h2', { class: 'x', children: 'a&b' }).t).toBe('<h2 class="x">a&amp;b</h2>');
    expect(ssrElement('input', { value: 'v', children: 'no' }).t).toBe('<input value="v">');
    expect(ssrElement('circle', { r: 1 }, true).t).toBe('<circle r="1"></circle>');
    expect(ssrElement('my-el', null).t).toBe('<my-el></my-el>');
  });

  it('throws for a tag name that could end the tag', () => {
    expect(() => ssrElement('img src=x onerror=alert(1)', {})).toThrow(TypeError);
    expect(() => ssrElement('a/b', {})).toThrow(TypeError);
  });
});
