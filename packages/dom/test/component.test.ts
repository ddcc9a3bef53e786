// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { getOwner, memo, renderEffect, root, signal } from '@lepta/reactive';
import { createComponent, ref } from '../src/index.js';

describe('createComponent', () => {
  it('calls the component with its props and returns its result', () => {
    const Comp = (props: { a: number }) => props.a * 2;
    expect(createComponent(Comp, { a: 21 })).toBe(42);
  });

  it('runs untracked: reads in the body do not subscribe the caller', () => {
    const [n, setN] = signal(0);
    let runs = 0;
    root(() =>
      renderEffect(() => {
        runs++;
        createComponent(() => n(), {});
      }),
    );
    setN(1);
    expect(runs).toBe(1);
  });

  it('runs under the current owner', () => {
    let inside: unknown;
    const outer = root(() => {
      createComponent(() => (inside = getOwner()), {});
      return getOwner();
    });
    expect(inside).toBe(outer);
  });

  it('getters in props stay reactive inside the component', () => {
    const [n, setN] = signal(1);
    let seen = 0;
    root(() =>
      createComponent(
        (props: { n: number }) => {
          const double = memo(() => props.n * 2);
          renderEffect(() => (seen = double()));
        },
        {
          get n() {
            return n();
          },
        },
      ),
    );
    setN(5);
    expect(seen).toBe(10);
  });
});

describe('ref', () => {
  it('calls a function with the element, untracked', () => {
    const el = document.createElement('div');
    const fn = vi.fn();
    ref(el, fn);
    expect(fn).toHaveBeenCalledWith(el);
    const [get, set] = signal<Element | undefined>(undefined);
    ref(el, set);
    expect(get()).toBe(el);
    const [n, setN] = signal(0);
    let runs = 0;
    root(() =>
      renderEffect(() => {
        runs++;
        ref(el, () => n());
      }),
    );
    setN(1);
    expect(runs).toBe(1);
  });

  it('null/undefined do nothing; other values are an error', () => {
    const el = document.createElement('div');
    ref(el, undefined);
    ref(el, null);
    expect(() => ref(el, {})).toThrow(TypeError);
  });
});
