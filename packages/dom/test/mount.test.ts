// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { onCleanup, renderEffect, signal } from '@lepta/reactive';
import { delegateEvents, insert, mount, template } from '../src/index.js';
import { countOps } from './ops.js';

delegateEvents(['click']);

describe('mount', () => {
  it('inserts fn() at the end of the container; dispose removes only that', () => {
    const container = document.createElement('div');
    container.innerHTML = '<header></header>';
    const dispose = mount(() => [template('<p>a</p>')(), 'b'], container);
    expect(container.innerHTML).toBe('<header></header><p>a</p>b');
    dispose();
    expect(container.innerHTML).toBe('<header></header>');
  });

  it('dispose stops effects and runs cleanups', () => {
    const container = document.createElement('div');
    const [n, setN] = signal(0);
    const cleanup = vi.fn();
    let runs = 0;
    const dispose = mount(() => {
      onCleanup(cleanup);
      const p = document.createElement('p');
      renderEffect(() => {
        runs++;
        p.textContent = String(n());
      });
      return p;
    }, container);
    setN(1);
    expect(runs).toBe(2);
    dispose();
    expect(cleanup).toHaveBeenCalledTimes(1);
    setN(2);
    expect(runs).toBe(2);
    expect(container.childNodes.length).toBe(0);
  });

  it('fn runs untracked, once; a function result is reactive', () => {
    const container = document.createElement('div');
    const [n, setN] = signal(1);
    let calls = 0;
    const dispose = mount(() => {
      calls++;
      n();
      return () => `n=${n()}`;
    }, container);
    setN(2);
    expect(calls).toBe(1);
    expect(container.textContent).toBe('n=2');
    dispose();
    expect(container.textContent).toBe('');
  });

  it('a container holding only the app is cleared in one operation', () => {
    const container = document.createElement('div');
    const rows = Array.from({ length: 50 }, () => document.createElement('p'));
    const dispose = mount(() => rows, container);
    const ops = countOps(container);
    dispose();
    expect({ clear: ops.clear, total: ops.total }).toEqual({ clear: 1, total: 1 });
  });

  it('holds delegated listeners while mounted; the last dispose removes them', () => {
    const add = vi.spyOn(document, 'addEventListener');
    const remove = vi.spyOn(document, 'removeEventListener');
    const a = document.body.appendChild(document.createElement('div'));
    const b = document.body.appendChild(document.createElement('div'));
    const handler = vi.fn();
    const disposeA = mount(() => {
      const button = document.createElement('button') as HTMLButtonElement & { $$click?: unknown };
      button.$$click = handler;
      return button;
    }, a);
    const disposeB = mount(() => 'b', b);
    expect(add.mock.calls.filter(([t]) => t === 'click')).toHaveLength(1);
    a.querySelector('button')!.click();
    expect(handler).toHaveBeenCalledTimes(1);
    disposeA();
    expect(remove.mock.calls.filter(([t]) => t === 'click')).toHaveLength(0);
    disposeB();
    expect(remove.mock.calls.filter(([t]) => t === 'click')).toHaveLength(1);
    add.mockRestore();
    remove.mockRestore();
    a.remove();
    b.remove();
  });

  it('dispose twice does nothing the second time', () => {
    const container = document.createElement('div');
    const cleanup = vi.fn();
    const dispose = mount(() => {
      onCleanup(cleanup);
      return 'x';
    }, container);
    dispose();
    dispose();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it('an error in fn: nothing stays mounted, listeners released, error rethrown', () => {
    const remove = vi.spyOn(document, 'removeEventListener');
    const container = document.createElement('div');
    const cleanup = vi.fn();
    expect(() =>
      mount(() => {
        onCleanup(cleanup);
        insert(container, 'partial');
        throw new Error('render failed');
      }, container),
    ).toThrow('render failed');
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(remove.mock.calls.filter(([t]) => t === 'click')).toHaveLength(1);
    remove.mockRestore();
  });

  it('mounts into a document fragment and a shadow root', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const dispose = mount(() => template('<b>in shadow</b>')(), shadow);
    expect(shadow.innerHTML).toBe('<b>in shadow</b>');
    dispose();
    expect(shadow.innerHTML).toBe('');
    const fragment = document.createDocumentFragment();
    const disposeF = mount(() => 'text', fragment);
    expect(fragment.textContent).toBe('text');
    disposeF();
  });
});
