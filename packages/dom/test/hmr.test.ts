// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { signal, type Setter } from '@lepta/reactive';
import { createComponent, insert, mount } from '../src/index.js';
import { hotModule } from '../src/hmr.js';

// Hand-written stand-ins for compiled components: an element with a reactive text child.
function box(tag: string, ...children: unknown[]): HTMLElement {
  const el = document.createElement(tag);
  for (const child of children) insert(el, child);
  return el;
}

let moduleCount = 0;
/** A fresh module id per test: the registry is global, like the page's. */
const moduleId = () => `/src/m${++moduleCount}.tsx`;

describe('hotModule', () => {
  it('re-renders a mounted instance with the new implementation, keeping its signal values', () => {
    const id = moduleId();
    let set!: Setter<number>;
    const { Counter } = hotModule(id, {
      Counter: () => {
        const [count, setCount] = signal(0);
        set = setCount;
        return box('button', 'old ', () => count());
      },
    });
    const container = document.createElement('div');
    const dispose = mount(() => createComponent(Counter, {}), container);
    set(3);
    expect(container.innerHTML).toBe('<button>old 3</button>');

    const same = hotModule(id, {
      Counter: () => {
        const [count] = signal(0);
        return box('p', 'new ', () => count());
      },
    });
    expect(same.Counter).toBe(Counter);
    expect(container.innerHTML).toBe('<p>new 3</p>');
    dispose();
    expect(container.innerHTML).toBe('');
  });

  it('does not carry a value into a signal whose initial value has another type', () => {
    const id = moduleId();
    let set!: Setter<number>;
    const { C } = hotModule(id, {
      C: () => {
        const [n, setN] = signal(0);
        set = setN;
        return box('b', () => String(n()));
      },
    });
    const container = document.createElement('div');
    mount(() => createComponent(C, {}), container);
    set(7);
    hotModule(id, {
      C: () => {
        const [s] = signal('text');
        return box('i', () => s());
      },
    });
    expect(container.innerHTML).toBe('<i>text</i>');
  });

  it("keeps a child's signal values when its parent is updated", () => {
    const childModule = moduleId();
    const parentModule = moduleId();
    const sets: Setter<number>[] = [];
    const { Child } = hotModule(childModule, {
      Child: (props: { label: string }) => {
        const [n, setN] = signal(0);
        sets.push(setN);
        return box('span', props.label, ':', () => n());
      },
    });
    const { Parent } = hotModule(parentModule, {
      Parent: () => box('div', 'v1 ', createComponent(Child, { label: 'a' }), createComponent(Child, { label: 'b' })),
    });
    const container = document.createElement('div');
    mount(() => createComponent(Parent, {}), container);
    sets[0]!(1);
    sets[1]!(2);
    expect(container.innerHTML).toBe('<div>v1 <span>a:1</span><span>b:2</span></div>');

    hotModule(parentModule, {
      Parent: () => box('section', 'v2 ', createComponent(Child, { label: 'a' }), createComponent(Child, { label: 'b' })),
    });
    expect(container.innerHTML).toBe('<section>v2 <span>a:1</span><span>b:2</span></section>');
    // The new instances are live: their setters are the latest ones.
    sets[3]!(5);
    expect(container.innerHTML).toBe('<section>v2 <span>a:1</span><span>b:5</span></section>');

    // And a second update of the parent still finds them.
    hotModule(parentModule, {
      Parent: () => box('article', createComponent(Child, { label: 'a' }), createComponent(Child, { label: 'b' })),
    });
    expect(container.innerHTML).toBe('<article><span>a:1</span><span>b:5</span></article>');
  });

  it('leaves unchanged components of the module alone: their nodes are kept', () => {
    const id = moduleId();
    const B = () => box('em', 'b');
    const m1 = hotModule(id, {
      A: () => box('strong', 'a1'),
      B,
    });
    const { App } = hotModule(id + '/app', {
      App: () => box('div', createComponent(m1.A, {}), createComponent(m1.B, {})),
    });
    const container = document.createElement('div');
    mount(() => createComponent(App, {}), container);
    const div = container.firstChild!;
    const em = container.querySelector('em')!;
    expect(container.innerHTML).toBe('<div><strong>a1</strong><em>b</em></div>');

    // The module re-executed: B is a new function with the same source text.
    hotModule(id, {
      A: () => box('strong', 'a2'),
      B: () => box('em', 'b'),
    });
    expect(container.innerHTML).toBe('<div><strong>a2</strong><em>b</em></div>');
    expect(container.firstChild).toBe(div);
    expect(container.querySelector('em')).toBe(em);
  });

  it('re-renders every component of the module when none changed (an edit elsewhere in it)', () => {
    const id = moduleId();
    let label = 'one';
    const make = () => ({ A: () => box('p', label) });
    const { A } = hotModule(id, make());
    const container = document.createElement('div');
    mount(() => createComponent(A, {}), container);
    label = 'two';
    hotModule(id, make());
    expect(container.innerHTML).toBe('<p>two</p>');
  });
});
