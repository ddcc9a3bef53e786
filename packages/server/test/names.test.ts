import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidAttributeName, isValidStyleProperty, isValidTagName } from '../src/index.js';

describe('isValidAttributeName', () => {
  it('accepts ordinary, data-, aria-, namespaced, camelCase and non-ASCII names', () => {
    for (const name of ['id', 'class', 'data-user-id', 'aria-label', 'xlink:href', 'viewBox', 'x', '@click', ':x', 'a.b', 'ü', '名前', 'a😀', '_x', '0']) {
      expect(isValidAttributeName(name), name).toBe(true);
    }
  });

  it('refuses empty names, whitespace, quotes, >, /, =, <', () => {
    for (const name of ['', 'a b', ' a', 'a\t', 'a\n', 'a\f', 'a\r', '"', "a'", 'a>', '/', 'a/b', 'a=b', '=', '<a', 'onclick="x"', 'x><script>']) {
      expect(isValidAttributeName(name), JSON.stringify(name)).toBe(false);
    }
  });

  it('refuses controls, noncharacters and lone surrogates', () => {
    for (const name of ['a\u0000', 'a\u0001', 'a\u001f', 'a\u007f', 'a\u0080', 'a\u009f', 'a\ufdd0', 'a\ufdef', 'a\ufffe', 'a\uffff', 'a\u{1fffe}', 'a\u{10ffff}', 'a\ud800', 'a\udc00b', '\udc00\ud800']) {
      expect(isValidAttributeName(name), JSON.stringify(name)).toBe(false);
    }
    expect(isValidAttributeName('a\u00a0')).toBe(true); // NBSP is not ASCII whitespace
    expect(isValidAttributeName('a\ufdcf\ufdf0\ufffd\u{1fffd}')).toBe(true);
  });

  const forbidden = [' ', '\t', '\n', '\f', '\r', '>', '"', "'", '/', '='];

  it('never accepts a name containing whitespace, >, ", \', /, = (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.constantFrom(...forbidden),
        fc.string({ unit: 'binary' }),
        (before, bad, after) => {
          expect(isValidAttributeName(before + bad + after)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), s => {
        if (isValidAttributeName(s)) {
          expect(s.length).toBeGreaterThan(0);
          // ASCII whitespace only: the HTML tokenizer ends an attribute name at tab, LF, FF, CR or
          // space; other Unicode spaces (U+00A0, U+3000, …) are ordinary name characters.
          expect(s).not.toMatch(/[\t\n\f\r >"'/=<\u0000-\u001f\u007f-\u009f]/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('isValidTagName', () => {
  it('accepts HTML, SVG, MathML and custom element names', () => {
    for (const name of ['div', 'DIV', 'h1', 'svg', 'foreignObject', 'linearGradient', 'font-face', 'annotation-xml', 'my-element', 'x-foo.bar_baz', 'math-α', 'emoji-😀']) {
      expect(isValidTagName(name), name).toBe(true);
    }
  });

  it('refuses anything that could end the tag or is not a name', () => {
    for (const name of ['', '1div', '-x', '_x', 'ü-x', 'div ', 'div onload=alert(1)', 'img/', 'a>', 'a"', "a'", 'a=b', 'a<b', 'svg:rect', 'a\u0000', 'a\tb', 'a\u00d7', 'a\ud800', 'a\u{f0000}', 'a\u2028']) {
      expect(isValidTagName(name), JSON.stringify(name)).toBe(false);
    }
  });

  it('never accepts a name with whitespace, /, >, quotes, =, <, : (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), s => {
        if (isValidTagName(s)) expect(s).toMatch(/^[a-zA-Z][^\s/>"'=<:\u0000-\u001f\u007f-\u009f]*$/u);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isValidStyleProperty', () => {
  it('accepts CSS property names and custom properties', () => {
    for (const name of ['color', 'font-size', '-webkit-line-clamp', '--brand', '--brand-colour', '--ü', 'zIndex']) {
      expect(isValidStyleProperty(name), name).toBe(true);
    }
  });

  it('refuses what could end a declaration or the attribute', () => {
    for (const name of ['', 'color:red', 'a;b', 'a b', 'a"', "a'", 'a{', 'a}', 'a<', 'a>', 'a&', 'a\\', 'a/', 'a\u0000', 'a\u0085', 'a\udc00']) {
      expect(isValidStyleProperty(name), JSON.stringify(name)).toBe(false);
    }
  });
});
