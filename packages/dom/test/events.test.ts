// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addEventListener, delegateEvents, holdDelegation } from '../src/index.js';

type WithHandlers = Element & Record<string, unknown>;

const releases: (() => void)[] = [];
function hold(node: Node): void {
  releases.push(holdDelegation(node));
}
afterEach(() => {
  while (releases.length) releases.pop()!();
  document.body.innerHTML = '';
});

function tree() {
  const outer = document.createElement('div') as unknown as WithHandlers;
  const inner = document.createElement('button') as unknown as WithHandlers;
  const span = document.createElement('span') as unknown as WithHandlers;
  inner.appendChild(span);
  outer.appendChild(inner);
  document.body.appendChild(outer);
  return { outer, inner, span };
}

function click(target: EventTarget, init: EventInit = {}): MouseEvent {
  const e = new MouseEvent('click', { bubbles: true, composed: true, ...init });
  target.dispatchEvent(e);
  return e;
}

describe('delegated events', () => {
  delegateEvents(['click', 'input']);

  it('walks from the target outwards, calling $$type handlers with this and currentTarget', () => {
    hold(document.body);
    const { outer, inner, span } = tree();
    const log: string[] = [];
    inner.$$click = function (this: Element, e: Event) {
      log.push(`inner this=${this === inner} current=${e.currentTarget === inner} target=${e.target === span}`);
    };
    outer.$$click = (e: Event) => log.push(`outer current=${e.currentTarget === outer}`);
    const e = click(span);
    expect(log).toEqual(['inner this=true current=true target=true', 'outer current=true']);
    // Restored afterwards: no own property left on the event.
    expect(Object.getOwnPropertyDescriptor(e, 'currentTarget')).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(e, 'target')).toBeUndefined();
    expect(e.currentTarget).toBe(null);
    expect(e.target).toBe(span);
  });

  it('an event object dispatched again runs its handlers again', () => {
    hold(document.body);
    const { inner } = tree();
    inner.$$click = vi.fn();
    const e = new MouseEvent('click', { bubbles: true });
    inner.dispatchEvent(e);
    inner.dispatchEvent(e);
    expect(inner.$$click).toHaveBeenCalledTimes(2);
  });

  it('stopPropagation ends the walk after the current handler', () => {
    hold(document.body);
    const { outer, inner, span } = tree();
    const log: string[] = [];
    span.$$click = () => log.push('span');
    inner.$$click = (e: Event) => {
      log.push('inner');
      e.stopPropagation();
    };
    outer.$$click = () => log.push('outer');
    const bodyListener = vi.fn();
    window.addEventListener('click', bodyListener);
    click(span);
    window.removeEventListener('click', bodyListener);
    expect(log).toEqual(['span', 'inner']);
    expect(bodyListener).not.toHaveBeenCalled();
  });

  it('[handler, data] calls handler(data, event)', () => {
    hold(document.body);
    const { inner } = tree();
    const handler = vi.fn();
    inner.$$click = [handler, 42];
    const e = click(inner);
    expect(handler).toHaveBeenCalledWith(42, e);
    expect(handler.mock.contexts[0]).toBe(inner);
  });

  it('one document listener per type, however many holders; removed with the last', () => {
    const add = vi.spyOn(document, 'addEventListener');
    const remove = vi.spyOn(document, 'removeEventListener');
    const a = holdDelegation(document.body);
    const b = holdDelegation(document.createElement('div')); // detached: its document
    expect(add.mock.calls.filter(([t]) => t === 'click')).toHaveLength(1);
    a();
    a(); // releasing twice counts once
    expect(remove).not.toHaveBeenCalled();
    const { inner } = tree();
    inner.$$click = vi.fn();
    click(inner);
    expect(inner.$$click).toHaveBeenCalledTimes(1);
    b();
    expect(remove.mock.calls.filter(([t]) => t === 'click')).toHaveLength(1);
    click(inner);
    expect(inner.$$click).toHaveBeenCalledTimes(1);
    add.mockRestore();
    remove.mockRestore();
  });

  it('a type registered while a root is held is installed at once', () => {
    hold(document.body);
    const { inner } = tree();
    inner.$$dblclick = vi.fn();
    inner.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect(inner.$$dblclick).not.toHaveBeenCalled();
    delegateEvents(['dblclick']);
    inner.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect(inner.$$dblclick).toHaveBeenCalledTimes(1);
  });

  it('handlers set to undefined no longer run', () => {
    hold(document.body);
    const { inner } = tree();
    const handler = vi.fn();
    inner.$$click = handler;
    click(inner);
    inner.$$click = undefined;
    click(inner);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('nested dispatch: a handler dispatching another event keeps the outer currentTarget', () => {
    hold(document.body);
    const { outer, inner, span } = tree();
    const seen: unknown[] = [];
    inner.$$click = (e: Event) => {
      span.dispatchEvent(new Event('input', { bubbles: true }));
      seen.push(e.currentTarget);
    };
    span.$$input = (e: Event) => seen.push(e.currentTarget);
    outer.$$click = (e: Event) => seen.push(e.currentTarget);
    click(inner);
    expect(seen).toEqual([span, inner, outer]);
  });

  it('crosses open shadow roots (composedPath), retargeting event.target per handler', () => {
    hold(document.body);
    const host = document.createElement('div') as unknown as WithHandlers;
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const button = document.createElement('button') as unknown as WithHandlers;
    shadow.appendChild(button);
    const log: [string, unknown, unknown][] = [];
    button.$$click = (e: Event) => log.push(['button', e.currentTarget, e.target]);
    host.$$click = (e: Event) => log.push(['host', e.currentTarget, e.target]);
    const e = click(button);
    expect(log).toEqual([
      ['button', button, button],
      ['host', host, host],
    ]);
    expect(Object.getOwnPropertyDescriptor(e, 'target')).toBeUndefined();
  });

  it('an app mounted inside a shadow root listens on it (works for closed roots)', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: 'closed' });
    const container = document.createElement('div');
    shadow.appendChild(container);
    const add = vi.spyOn(shadow, 'addEventListener');
    hold(container);
    expect(add.mock.calls.some(([t]) => t === 'click')).toBe(true);
    const button = document.createElement('button') as unknown as WithHandlers;
    container.appendChild(button);
    button.$$click = vi.fn();
    click(button, { composed: false });
    expect(button.$$click).toHaveBeenCalledTimes(1);
    add.mockRestore();
  });

  it('an event reaching two listening roots is dispatched once', () => {
    hold(document.body);
    const host = document.createElement('div');
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    shadow.appendChild(container);
    hold(container);
    const button = document.createElement('button') as unknown as WithHandlers;
    container.appendChild(button);
    button.$$click = vi.fn();
    const e = click(button);
    expect(button.$$click).toHaveBeenCalledTimes(1);
    // Dispatched again, the same event object is dispatched again, once.
    button.dispatchEvent(e);
    expect(button.$$click).toHaveBeenCalledTimes(2);
  });

  it('follows portals: after the portal content, the walk continues at $$host', () => {
    hold(document.body);
    const { outer, inner } = tree();
    // A portal rendered inside `inner`, its content mounted elsewhere (in body).
    const portalContainer = document.createElement('div') as unknown as WithHandlers;
    portalContainer.$$host = inner;
    document.body.appendChild(portalContainer);
    const content = document.createElement('a') as unknown as WithHandlers;
    portalContainer.appendChild(content);
    const log: string[] = [];
    content.$$click = (e: Event) => log.push(`content ${e.currentTarget === content}`);
    inner.$$click = (e: Event) => log.push(`inner ${e.currentTarget === inner}`);
    outer.$$click = () => log.push('outer');
    (document.body as unknown as WithHandlers).$$click = () => log.push('body');
    click(content);
    delete (document.body as unknown as WithHandlers).$$click;
    // body is reached once: through the portal's host chain, not the portal's own DOM parent.
    expect(log).toEqual(['content true', 'inner true', 'outer', 'body']);
  });

  it('stopPropagation inside a portal stops before the host chain', () => {
    hold(document.body);
    const { inner } = tree();
    const portalContainer = document.createElement('div') as unknown as WithHandlers;
    portalContainer.$$host = inner;
    document.body.appendChild(portalContainer);
    portalContainer.$$click = (e: Event) => e.stopPropagation();
    inner.$$click = vi.fn();
    click(portalContainer);
    expect(inner.$$click).not.toHaveBeenCalled();
  });
});

describe('addEventListener', () => {
  it('a native listener; [fn, options] passes the options', () => {
    const el = document.createElement('div');
    const fn = vi.fn();
    addEventListener(el, 'custom', fn);
    el.dispatchEvent(new Event('custom'));
    expect(fn).toHaveBeenCalledTimes(1);
    const once = vi.fn();
    addEventListener(el, 'other', [once, { once: true }]);
    el.dispatchEvent(new Event('other'));
    el.dispatchEvent(new Event('other'));
    expect(once).toHaveBeenCalledTimes(1);
  });

  it('capture listeners run before bubbling ones from descendants', () => {
    const parent = document.createElement('div');
    const child = document.createElement('span');
    parent.appendChild(child);
    const log: string[] = [];
    addEventListener(child, 'ping', () => log.push('child'));
    addEventListener(parent, 'ping', [() => log.push('parent capture'), { capture: true }]);
    child.dispatchEvent(new Event('ping', { bubbles: true }));
    expect(log).toEqual(['parent capture', 'child']);
  });

  it('delegate = true stores the handler for delegation and registers the type', () => {
    const release = holdDelegation(document.body);
    const el = document.createElement('div') as unknown as WithHandlers;
    document.body.appendChild(el);
    const fn = vi.fn();
    addEventListener(el, 'keyup', fn, true);
    expect(el.$$keyup).toBe(fn);
    el.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    expect(fn).toHaveBeenCalledTimes(1);
    release();
  });
});

describe('delegateEvents with an explicit root', () => {
  it('installs there for good (DOM built without mount)', () => {
    const remove = vi.spyOn(document, 'removeEventListener');
    delegateEvents(['mousedown'], document);
    const el = document.createElement('div') as unknown as WithHandlers;
    document.body.appendChild(el);
    el.$$mousedown = vi.fn();
    el.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(el.$$mousedown).toHaveBeenCalledTimes(1);
    holdDelegation(document.body)();
    expect(remove).not.toHaveBeenCalled();
    el.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(el.$$mousedown).toHaveBeenCalledTimes(2);
    remove.mockRestore();
  });
});
