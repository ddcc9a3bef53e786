// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batch, catchError, onCleanup, root, signal } from '@lepta/reactive';
import { insert } from '../src/index.js';
import { children, countOps, items } from './ops.js';

function div(html = ''): HTMLDivElement {
  const d = document.createElement('div');
  d.innerHTML = html;
  return d;
}

/** Runs `fn` in a root and returns the root's disposer. */
function inRoot(fn: () => void): () => void {
  return root((dispose) => {
    fn();
    return dispose;
  });
}

describe('insert: static values', () => {
  it('string and number become one text node', () => {
    const d = div();
    insert(d, 'hello');
    insert(d, 42);
    insert(d, 0n);
    expect(d.childNodes.length).toBe(3);
    expect(d.textContent).toBe('hello420');
  });

  it('inserts before the marker, or at the end', () => {
    const d = div('<b></b><!----><i></i>');
    const marker = d.childNodes[1]!;
    insert(d, 'x', marker);
    insert(d, 'y');
    insert(d, 'z', null);
    expect(d.innerHTML).toBe('<b></b>x<!----><i></i>yz');
  });

  it('a node is inserted as is', () => {
    const d = div();
    const span = document.createElement('span');
    insert(d, span);
    expect(d.firstChild).toBe(span);
  });

  it('null, undefined, true, false insert nothing', () => {
    const d = div();
    for (const v of [null, undefined, true, false]) insert(d, v);
    expect(d.childNodes.length).toBe(0);
  });

  it('arrays are flattened: nested arrays, strings, numbers, nodes, holes', () => {
    const d = div();
    const span = document.createElement('span');
    insert(d, ['a', [1, [span, null, false]], undefined, 'b']);
    expect(d.innerHTML).toBe('a1<span></span>b');
  });

  it('a fragment inserts its children', () => {
    const d = div();
    const f = document.createDocumentFragment();
    f.append('a', document.createElement('i'), 'b');
    insert(d, f);
    expect(d.innerHTML).toBe('a<i></i>b');
    const g = document.createDocumentFragment();
    g.append('c', 'd');
    insert(d, [g, 'e']);
    expect(d.innerHTML).toBe('a<i></i>bcde');
  });

  it('refuses values that cannot be rendered, naming the type', () => {
    expect(() => insert(div(), { a: 1 })).toThrow(/type Object/);
    expect(() => insert(div(), Symbol('s'))).toThrow(/type symbol/);
    expect(() => insert(div(), [new Date()])).toThrow(/type Date/);
  });
});

describe('insert: reactive values', () => {
  it('reactive text edits the same text node in place', () => {
    const d = div();
    const [text, setText] = signal<string | number>('a');
    inRoot(() => insert(d, () => text()));
    const node = d.firstChild as Text;
    expect(node.data).toBe('a');
    const ops = countOps(d);
    setText('b');
    setText(3);
    expect(d.firstChild).toBe(node);
    expect(node.data).toBe('3');
    expect(ops.total).toBe(0);
  });

  it('does not write data that did not change', () => {
    const d = div();
    const [n, setN] = signal<number | string>(1);
    inRoot(() => insert(d, () => n()));
    const node = d.firstChild as Text;
    let writes = 0;
    const data = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(node)), 'data')!;
    Object.defineProperty(node, 'data', {
      get: () => data.get!.call(node),
      set: (v) => {
        writes++;
        data.set!.call(node, v);
      },
    });
    setN('1'); // same text
    expect(writes).toBe(0);
    setN(2);
    expect(writes).toBe(1);
  });

  it('switches between every kind, before the marker', () => {
    const d = div('<b></b><!----><i></i>');
    const marker = d.childNodes[1]!;
    const span = document.createElement('span');
    const em = document.createElement('em');
    const [v, setV] = signal<unknown>('text');
    inRoot(() => insert(d, () => v(), marker));
    const at = () => d.innerHTML;
    expect(at()).toBe('<b></b>text<!----><i></i>');
    setV(() => span);
    expect(at()).toBe('<b></b><span></span><!----><i></i>');
    setV(() => em);
    expect(at()).toBe('<b></b><em></em><!----><i></i>');
    setV(() => ['x', em, 'y']);
    expect(at()).toBe('<b></b>x<em></em>y<!----><i></i>');
    setV(() => null);
    expect(at()).toBe('<b></b><!----><i></i>');
    setV(() => [span]);
    expect(at()).toBe('<b></b><span></span><!----><i></i>');
    setV(() => 7);
    expect(at()).toBe('<b></b>7<!----><i></i>');
    setV(() => []);
    expect(at()).toBe('<b></b><!----><i></i>');
    setV(() => false);
    expect(at()).toBe('<b></b><!----><i></i>');
    setV(() => em);
    setV(() => undefined);
    expect(at()).toBe('<b></b><!----><i></i>');
  });

  it('replacing one node with another is one replaceChild', () => {
    const d = div();
    const [v, setV] = signal<Node>(document.createElement('a'));
    inRoot(() => insert(d, () => v()));
    const ops = countOps(d);
    setV(document.createElement('b'));
    expect(d.innerHTML).toBe('<b></b>');
    expect({ replace: ops.replace, total: ops.total }).toEqual({ replace: 1, total: 1 });
  });

  it('the same node again does nothing', () => {
    const d = div();
    const node = document.createElement('a');
    const [v, setV] = signal<unknown>(node, { equals: false });
    inRoot(() => insert(d, () => v()));
    const ops = countOps(d);
    setV(() => node);
    expect(ops.total).toBe(0);
  });

  it('a node moved elsewhere meanwhile is not removed from its new place', () => {
    const d = div();
    const other = div();
    const node = document.createElement('a');
    const [v, setV] = signal<unknown>(node);
    inRoot(() => insert(d, () => v()));
    other.appendChild(node);
    setV('text');
    expect(other.firstChild).toBe(node);
    expect(d.textContent).toBe('text');
  });

  it('functions returning functions are unwrapped', () => {
    const d = div();
    const [n, setN] = signal(1);
    inRoot(() => insert(d, () => () => () => n()));
    expect(d.textContent).toBe('1');
    setN(2);
    expect(d.textContent).toBe('2');
  });

  it('arrays containing functions are tracked; text nodes keep their identity', () => {
    const d = div();
    const [name, setName] = signal('Ada');
    inRoot(() => insert(d, ['Hello ', () => name(), '!']));
    const before = children(d);
    expect(d.textContent).toBe('Hello Ada!');
    const ops = countOps(d);
    setName('Grace');
    expect(d.textContent).toBe('Hello Grace!');
    expect(children(d)).toEqual(before);
    expect(ops.total).toBe(0);
  });

  it('a caller\'s text node inside an array is never rewritten', () => {
    const d = div();
    const mine = document.createTextNode('mine');
    const [v, setV] = signal<unknown[]>([mine]);
    inRoot(() => insert(d, () => v()));
    setV(['other', mine]);
    expect(mine.data).toBe('mine');
    expect(d.textContent).toBe('othermine');
  });

  it('keyed arrays of nodes reconcile by identity', () => {
    const d = div();
    const rows = items(5);
    const [list, setList] = signal(rows);
    inRoot(() => insert(d, () => list()));
    const ops = countOps(d);
    setList([rows[4]!, rows[1]!, rows[2]!, rows[3]!, rows[0]!]);
    expect(children(d)).toEqual([rows[4], rows[1], rows[2], rows[3], rows[0]]);
    expect(ops.total).toBe(2);
    ops.reset();
    setList([]);
    expect({ clear: ops.clear, total: ops.total }).toEqual({ clear: 1, total: 1 });
  });

  it('an emptied list next to siblings removes only its nodes', () => {
    const d = div('<b></b><!----><i></i>');
    const marker = d.childNodes[1]!;
    const rows = items(3);
    const [list, setList] = signal<Node[]>(rows);
    inRoot(() => insert(d, () => list(), marker));
    expect(d.childNodes.length).toBe(6);
    setList([]);
    expect(d.innerHTML).toBe('<b></b><!----><i></i>');
    setList(rows);
    expect(children(d)).toEqual([d.firstChild, ...rows, marker, d.lastChild]);
  });

  it('a node listed twice is rendered once, at its first place', () => {
    const d = div();
    const [x, y] = items(2);
    const [list, setList] = signal<unknown>([x!, x!, y!]);
    inRoot(() => insert(d, () => list()));
    expect(children(d)).toEqual([x, y]);
    setList([y!, [x!, y!]]);
    expect(children(d)).toEqual([y, x]);
    setList(y!);
    expect(children(d)).toEqual([y]);
    setList([x!, y!, x!]);
    expect(children(d)).toEqual([x, y]);
  });

  it('batched writes render once', () => {
    const d = div();
    const [a, setA] = signal('a');
    const [b, setB] = signal('b');
    let runs = 0;
    inRoot(() =>
      insert(d, () => {
        runs++;
        return a() + b();
      }),
    );
    batch(() => {
      setA('x');
      setB('y');
    });
    expect(d.textContent).toBe('xy');
    expect(runs).toBe(2);
  });

  it('owns what it creates: re-running disposes the previous run\'s children', () => {
    const d = div();
    const [n, setN] = signal(0);
    const cleaned: number[] = [];
    inRoot(() =>
      insert(d, () => {
        const v = n();
        onCleanup(() => cleaned.push(v));
        return v;
      }),
    );
    setN(1);
    setN(2);
    expect(cleaned).toEqual([0, 1]);
  });

  it('stops updating when its owner is disposed', () => {
    const d = div();
    const [n, setN] = signal(0);
    const dispose = inRoot(() => insert(d, () => n()));
    dispose();
    setN(1);
    expect(d.textContent).toBe('0');
  });

  it('errors go to the nearest catchError', () => {
    const d = div();
    const [n, setN] = signal(0);
    const errors: unknown[] = [];
    inRoot(() =>
      catchError(
        () =>
          insert(d, () => {
            if (n() === 1) throw new Error('boom');
            return n();
          }),
        (e) => errors.push(e),
      ),
    );
    setN(1);
    expect((errors[0] as Error).message).toBe('boom');
    expect(d.textContent).toBe('0');
    setN(2);
    expect(d.textContent).toBe('2');
  });

  it('a rendering error without handler is thrown to the caller, and the slot is unchanged', () => {
    const d = div();
    const [v, setV] = signal<unknown>('ok');
    inRoot(() => insert(d, () => v()));
    expect(() => setV({})).toThrow(TypeError);
    expect(d.textContent).toBe('ok');
    // The type is named; development builds (this test) also say what can be rendered.
    expect(() => setV(Symbol('s'))).toThrow(/^insert\(\): cannot render a value of type symbol as a child\. Children may be/);
    expect(d.textContent).toBe('ok');
    setV('fine');
    expect(d.textContent).toBe('fine');
  });

  it('property: any sequence of values renders what a fresh insert would', () => {
    const pool = items(6);
    const value = fc.oneof(
      fc.constantFrom<unknown>(null, undefined, true, false, '', 0, 'txt', 12),
      fc.constantFrom(...pool),
      // A node appears at most once in an array (the DOM can only hold it once).
      fc.array(fc.oneof(fc.constantFrom<unknown>(...pool), fc.string({ maxLength: 2 }), fc.constant(null)), { maxLength: 6 })
        .map((list) => list.filter((x, i) => !(x instanceof Node) || list.indexOf(x) === i)),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), fc.boolean(), (values, withMarker) => {
        const d = div('<b></b><!---->');
        const marker = withMarker ? d.lastChild : null;
        const [v, setV] = signal<unknown>(values[0], { equals: false });
        const dispose = inRoot(() => insert(d, () => v(), marker));
        for (const next of values) {
          setV(() => next);
          // Expected: the same value inserted into a fresh copy of the static markup.
          const fresh = div('<b></b><!---->');
          const clone = Array.isArray(next) ? next.map((x) => (x instanceof Node ? x.cloneNode(true) : x)) : next instanceof Node ? next.cloneNode(true) : next;
          insert(fresh, clone, withMarker ? fresh.lastChild : null);
          expect(d.innerHTML).toBe(fresh.innerHTML);
        }
        dispose();
      }),
      { numRuns: 300 },
    );
  });
});
