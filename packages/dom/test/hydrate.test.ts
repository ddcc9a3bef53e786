// @vitest-environment happy-dom
/**
 * Hydration in the runtime (cursor.ts, adopt.ts, hydrate.ts), driven by hand-written code in the
 * shape the compiler's `hydrate` mode emits (packages/server/CONTRACT.md §3). End-to-end tests
 * with compiled components are in packages/compiler/test/hydrate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { signal, useContext } from '@lepta/reactive';
import { HydrationContext, scopedHandle } from '@lepta/reactive/internal';
import * as dom from '../src/index.js';
import { at, claim, close, createComponent, delegateEvents, hole, hydrate, insert, mount, template } from '../src/index.js';
import { hydrated as run, mutations, serverPage as page, warnings } from './hydration-page.js';

delegateEvents(['click']);

// A row as compiled: <li>{props.n}: <b>x</b></li> → the dynamic child is bracketed.
const tRow = template('<li><!--[--><!--]-->: <b>x</b></li>');
function Row(props: { n: () => number }): Node {
  const el = claim(tRow, 'rows.tsx:1:1');
  const open = el.firstChild!;
  const end = close(open);
  insert(el, () => props.n(), end, open);
  return el;
}

describe('outside hydration', () => {
  it('claim clones, close is the next sibling, at does nothing, hole returns the item', () => {
    const a = claim(tRow);
    const b = claim(tRow);
    expect(a).not.toBe(b);
    expect((a as Element).outerHTML).toBe('<li><!--[--><!--]-->: <b>x</b></li>');
    expect(close(a.firstChild!)).toBe(a.firstChild!.nextSibling);
    at(a, a.firstChild);
    const f = () => 1;
    expect(hole(() => f)).toBe(f);
    expect(hole(() => 'x')).toBe('x');
  });

  it('mounting hydrate-mode code renders the same DOM as dom mode, brackets aside', () => {
    const c = document.body.appendChild(document.createElement('ul'));
    const [n, setN] = signal(1);
    const dispose = mount(() => createComponent(Row, { n }), c);
    expect(c.innerHTML).toBe('<li><!--[-->1<!--]-->: <b>x</b></li>');
    setN(2);
    expect(c.innerHTML).toBe('<li><!--[-->2<!--]-->: <b>x</b></li>');
    dispose();
  });
});

describe('claiming', () => {
  it('claims template roots in order, past the regions of the previous ones', () => {
    const c = page('<li><!--[-->1<!--]-->: <b>x</b></li><li><!--[-->2<!--]-->: <b>x</b></li>');
    const [first, second] = Array.from(c.children);
    const [n1] = signal(1);
    const [n2, set2] = signal(2);
    const text2 = second!.childNodes[1] as Text;
    let rows: Node[] = [];
    expect(mutations(c, () => run(() => (rows = [Row({ n: n1 }), Row({ n: n2 })]), c))).toEqual([]);
    expect(rows[0]).toBe(first);
    expect(rows[1]).toBe(second);
    set2(5);
    expect(text2.data).toBe('5');
  });

  it('skips static text and <!----> separators at the cursor (fragments, user arrays)', () => {
    const t = template('<b>b</b>');
    const c = page('a<!----><b>b</b>c');
    const b = c.querySelector('b');
    expect(mutations(c, () => run(() => ['a', claim(t), 'c'], c))).toEqual([]);
    expect(c.querySelector('b')).toBe(b);
  });

  it('nested regions: at() + insert restore the cursor; close() counts nested brackets', () => {
    // <section>{<Inner/>} tail <p/></section>, Inner = <><i/>{x}</>
    const tSection = template('<section><!--[--><!--]--> tail <p></p></section>');
    const tI = template('<i></i>');
    const tP = template('<p></p>');
    const [x, setX] = signal('x');
    const Inner = () => [claim(tI), hole(() => () => x())];
    const c = page('<section><!--[--><i></i><!--[-->x<!--]--><!--]--> tail <p></p></section><p></p>');
    const [section, after] = Array.from(c.children);
    const xText = section!.querySelector('i')!.nextSibling!.nextSibling as Text;
    let got: Node[] = [];
    expect(
      mutations(c, () =>
        run(() => {
          const el = claim(tSection);
          const open = el.firstChild!;
          const end = close(open);
          expect((end as Comment).data).toBe(']');
          expect(end.nextSibling!.textContent).toBe(' tail ');
          insert(el, (at(el, open), createComponent(Inner, {})), end, open);
          got = [el, claim(tP)];
          return got;
        }, c),
      ),
    ).toEqual([]);
    expect(got).toEqual([section, after]);
    setX('y');
    expect(xText.data).toBe('y');
  });

  it('a function returned by a hole claims inside the hole when insert first calls it', () => {
    const tB = template('<b></b>');
    const [on, setOn] = signal(true);
    const c = page('<div><!--[--><b></b><!--]-->end</div>');
    const b = c.querySelector('b');
    const tDiv = template('<div></div>');
    run(() => {
      const el = claim(tDiv);
      // As compiled for <div><Comp/></div> where Comp returns <>{on() && <b/>}end</>.
      insert(el, (at(el), [hole(() => () => (on() ? claim(tB) : null)), 'end']));
      return el;
    }, c);
    expect(c.querySelector('b')).toBe(b);
    setOn(false);
    expect(c.firstChild!.textContent).toBe('end');
    setOn(true);
    expect(c.querySelector('b')).not.toBe(b);
  });
});

describe('adopting regions', () => {
  it('a string adopts the text node and later edits it; an empty string gets a node of its own', () => {
    const t = template('<p><!--[--><!--]-->|</p>');
    const c = page('<p><!--[-->hi<!--]-->|</p><i></i>');
    const text = c.firstChild!.childNodes[1] as Text;
    const [s, setS] = signal('hi');
    const [e, setE] = signal('');
    const tI = template('<i></i>');
    run(() => {
      const el = claim(t);
      const open = el.firstChild!;
      insert(el, () => s(), close(open), open);
      const i = claim(tI);
      insert(i, () => e());
      return [el, i];
    }, c);
    setS('there');
    expect(text.data).toBe('there');
    expect(c.querySelector('i')!.childNodes.length).toBe(1);
    setE('now');
    expect(c.innerHTML).toBe('<p><!--[-->there<!--]-->|</p><i>now</i>');
  });

  it('a client-made empty text (a portal marker) is inserted, the rest adopted', () => {
    const marker = document.createTextNode('');
    const tB = template('<b></b>');
    const c = page('<b></b>');
    const b = c.firstChild;
    run(() => [marker, claim(tB)], c);
    expect(c.firstChild).toBe(marker);
    expect(c.lastChild).toBe(b);
  });

  it('inserts into nodes the client made (a portal container) render normally, claiming nothing', () => {
    const warn = warnings();
    const c = page('<b></b>');
    const b = c.firstChild;
    const outside = document.body.appendChild(document.createElement('div'));
    const tB = template('<b></b>');
    run(() => {
      insert(outside, () => claim(tB));
      return claim(tB);
    }, c);
    expect(outside.innerHTML).toBe('<b></b>');
    expect(c.firstChild).toBe(b);
    expect(warn).not.toHaveBeenCalled();
  });

  it('spread children adopt the element content; equal attributes are not written', () => {
    const t = template('<div></div>');
    const c = page('<div id="a" class="x">text</div>');
    const text = c.firstChild!.firstChild as Text;
    const [label, setLabel] = signal('text');
    expect(
      mutations(c, () =>
        run(() => {
          const el = claim(t) as Element;
          dom.spread(el, { id: 'a', class: 'x', get children() { return label(); } });
          return el;
        }, c),
      ),
    ).toEqual([]);
    setLabel('more');
    expect(text.data).toBe('more');
  });
});

describe('mismatches', () => {
  it('a claim of another tag warns once, clones the rest of the region, and the region is rendered by the client', () => {
    const warn = warnings();
    const tP = template('<p>p</p>');
    const c = page('<span>s</span><span>t</span>');
    run(() => [claim(tP, 'a.tsx:3:4'), claim(tP, 'a.tsx:4:4')], c);
    expect(c.innerHTML).toBe('<p>p</p><p>p</p>');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('(a.tsx:3:4): expected <p>, found <span>');
  });

  it('a missing hole warns and recovers', () => {
    const warn = warnings();
    const c = page('<b></b>');
    run(() => [hole(() => 'x')], c);
    expect(c.innerHTML).toBe('x');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('expected a component or an expression (<!--[-->), found <b>');
  });

  it('the warning names the components being created', () => {
    const warn = warnings();
    const tP = template('<p></p>');
    function Leaf() {
      return claim(tP);
    }
    function Branch() {
      return createComponent(Leaf, {});
    }
    const c = page('<div></div>');
    run(() => createComponent(Branch, {}), c);
    expect(String(warn.mock.calls[0]![0])).toContain('in <Branch> › <Leaf>: expected <p>, found <div>');
  });

  it('a boundary the server left pending (<!--$s:ID-->) is rendered afresh, without a warning', () => {
    const warn = warnings();
    const tDiv = template('<div></div>');
    const tSection = template('<section></section>');
    const tP = template('<p>Loading</p>');
    const c = page('<div><!--$s:0--><p>Loading</p><!--/$s--></div>');
    const div = c.firstChild;
    const [loaded, setLoaded] = signal(false);
    // As the client Suspense does: children created first (claims at the boundary's place),
    // then the fallback shown while they load.
    function Boundary() {
      const children = claim(tSection);
      return () => (loaded() ? children : claim(tP));
    }
    run(() => {
      const el = claim(tDiv);
      insert(el, (at(el), createComponent(Boundary, {})));
      return el;
    }, c);
    expect(c.firstChild).toBe(div);
    expect(c.innerHTML).toBe('<div><p>Loading</p></div>');
    expect(warn).not.toHaveBeenCalled();
    setLoaded(true);
    expect(c.innerHTML).toBe('<div><section></section></div>');
  });

  it('only the mismatched region is replaced; the rest keeps its nodes', () => {
    warnings();
    const t = template('<div><p></p><!--[--><!--]--></div>');
    const c = page('<div><p>1</p><!--[-->server<!--]--></div>');
    const p = c.querySelector('p');
    const pText = p!.firstChild;
    run(() => {
      const el = claim(t);
      const pe = el.firstChild!;
      insert(pe, '1');
      const open = pe.nextSibling!;
      insert(el, 'client', close(open), open);
      return el;
    }, c);
    expect(c.innerHTML).toBe('<div><p>1</p><!--[-->client<!--]--></div>');
    expect(c.querySelector('p')).toBe(p);
    expect(p!.firstChild).toBe(pText);
  });
});

describe('hydrate()', () => {
  it('restores the runtime afterwards, also when the app throws', () => {
    const saved = [dom.insert, dom.setAttribute, dom.className, dom.style, dom.createComponent];
    const c = page('<b></b>');
    expect(() =>
      hydrate(() => {
        expect(dom.insert).not.toBe(saved[0]);
        throw new Error('boom');
      }, c),
    ).toThrow('boom');
    expect([dom.insert, dom.setAttribute, dom.className, dom.style, dom.createComponent]).toEqual(saved);
    // Not hydrating any more: claims clone.
    expect(claim(template('<b></b>'))).not.toBe(c.firstChild);
    run(() => claim(template('<b></b>')), c);
    expect([dom.insert, dom.setAttribute, dom.className, dom.style, dom.createComponent]).toEqual(saved);
  });

  it('refuses to nest', () => {
    const c = page('');
    expect(() => hydrate(() => hydrate(() => null, c), c)).toThrow(/another hydration/);
  });

  it('dispose removes the app and stops its effects', () => {
    const c = page('<li><!--[-->1<!--]-->: <b>x</b></li>');
    const [n, setN] = signal(1);
    const dispose = hydrate(() => Row({ n }), c);
    const li = c.firstChild as Element;
    dispose();
    expect(c.innerHTML).toBe('');
    setN(2);
    expect(li.textContent).toBe('1: x');
    dispose();
  });

  it('provides the root HydrationHandle: ids in order, take reads and deletes server data', () => {
    (globalThis as { $lepta?: unknown }).$lepta = { d: { '0': { value: 'a' }, '1.0': { value: 'b' } }, e: null };
    const c = page('');
    const seen: unknown[] = [];
    run(() => {
      const handle = useContext(HydrationContext)!;
      const id = handle.nextId();
      seen.push(id, handle.nextId(), handle.take!(id), handle.take!(id));
      const scoped = scopedHandle(handle, '1');
      const child = scoped.nextId();
      seen.push(child, scoped.take!(child));
      return null;
    }, c);
    expect(seen).toEqual(['0', '1', { value: 'a' }, undefined, '1.0', { value: 'b' }]);
    expect((globalThis as { $lepta?: { d: object } }).$lepta!.d).toEqual({});
  });

  it('replays captured events through delegated handlers: bubbling, stopPropagation, currentTarget; drops detached targets', () => {
    const c = page('<div><button><span>go</span></button></div><p></p>');
    const span = c.querySelector('span')!;
    const detached = document.createElement('button');
    const log: string[] = [];
    const queue: Event[] = [];
    for (const target of [span, detached, span]) {
      const e = new MouseEvent('click', { bubbles: true });
      target.dispatchEvent(e);
      queue.push(e);
    }
    (globalThis as { $lepta?: unknown }).$lepta = { d: {}, e: queue };
    const tDiv = template('<div><button><span>go</span></button></div>');
    const tP = template('<p></p>');
    let stop = false;
    run(() => {
      const div = claim(tDiv) as HTMLElement & Record<string, unknown>;
      const button = div.firstChild as HTMLElement & Record<string, unknown>;
      div.$$click = (e: Event) => log.push(`div current=${(e.currentTarget as Element).tagName}`);
      button.$$click = (e: Event) => {
        log.push(`button target=${(e.target as Element).tagName}`);
        if (stop) e.stopPropagation();
        stop = true;
      };
      return [div, claim(tP)];
    }, c);
    expect(log).toEqual(['button target=SPAN', 'div current=DIV', 'button target=SPAN']);
    expect((globalThis as { $lepta?: { e: unknown } }).$lepta!.e).toBe(null);
  });
});
