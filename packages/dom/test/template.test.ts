// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { template } from '../src/index.js';

describe('template', () => {
  it('returns a function that clones the first node, deep', () => {
    const tmpl = template('<div class="a"><span>x</span> y</div>');
    const a = tmpl() as HTMLElement;
    const b = tmpl() as HTMLElement;
    expect(a).not.toBe(b);
    expect(a.outerHTML).toBe('<div class="a"><span>x</span> y</div>');
    expect(b.outerHTML).toBe(a.outerHTML);
    a.firstChild!.textContent = 'changed';
    expect((tmpl() as HTMLElement).outerHTML).toBe('<div class="a"><span>x</span> y</div>');
  });

  it('clones belong to the document, not the template\'s inert one', () => {
    const node = template('<p>x</p>')();
    expect(node.ownerDocument).toBe(document);
  });

  it('parses lazily, on the first call', () => {
    const spy = vi.spyOn(document, 'createElement');
    const tmpl = template('<i></i>');
    expect(spy).not.toHaveBeenCalled();
    tmpl();
    tmpl();
    expect(spy.mock.calls.filter(([tag]) => tag === 'template')).toHaveLength(1);
    spy.mockRestore();
  });

  it('keeps comment markers and text', () => {
    const el = template('<button class="btn">Count: <!> </button>')() as HTMLElement;
    expect(el.firstChild!.nodeType).toBe(3);
    expect(el.firstChild!.nextSibling!.nodeType).toBe(8);
    expect(el.lastChild!.textContent).toBe(' ');
  });

  it('flag 1: SVG content gets the SVG namespace', () => {
    const g = template('<g><circle r="1"></circle></g>', 1)() as Element;
    expect(g.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(g.localName).toBe('g');
    expect(g.firstElementChild!.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('an <svg> root is SVG without the flag', () => {
    const svg = template('<svg><path d="M0 0"></path></svg>')() as Element;
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.firstElementChild!.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('flag 2: MathML content is unwrapped from its <math> parent', () => {
    // happy-dom parses <math> as HTML; the namespace is checked in Chromium (test-browser/svg).
    const mi = template('<mi>x</mi>', 2)() as Element;
    expect(mi.localName).toBe('mi');
    expect(mi.textContent).toBe('x');
  });

  it('table parts parse as themselves', () => {
    const tr = template('<tr><td>1</td></tr>')() as Element;
    expect(tr.localName).toBe('tr');
    expect(tr.firstElementChild!.localName).toBe('td');
  });

  it('markup that produces no node is an error on first use', () => {
    const tmpl = template('');
    expect(() => tmpl()).toThrow(/produced no node/);
  });
});
