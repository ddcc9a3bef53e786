import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeScriptText, escapeText } from '../src/index.js';

describe('escapeText', () => {
  it('escapes &, <, > and CR', () => {
    expect(escapeText('a & b < c > d\r\ne')).toBe('a &amp; b &lt; c &gt; d&#13;\ne');
    expect(escapeText('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeText('&amp;')).toBe('&amp;amp;');
    expect(escapeText('<')).toBe('&lt;');
    expect(escapeText('<<&&')).toBe('&lt;&lt;&amp;&amp;');
    expect(escapeText('x<')).toBe('x&lt;');
    expect(escapeText('<x')).toBe('&lt;x');
  });

  it('leaves quotes and everything above > alone', () => {
    expect(escapeText(`"it's" = é 😀 \u2028 \t\n`)).toBe(`"it's" = é 😀 \u2028 \t\n`);
  });

  it('returns the same string when there is nothing to escape', () => {
    const s = 'plain text, nothing to escape: é 😀'.repeat(3);
    expect(escapeText(s)).toBe(s);
    expect(escapeText('')).toBe('');
  });

  it('renders null, undefined and booleans as nothing, numbers and bigints as strings', () => {
    expect(escapeText(null)).toBe('');
    expect(escapeText(undefined)).toBe('');
    expect(escapeText(true)).toBe('');
    expect(escapeText(false)).toBe('');
    expect(escapeText(0)).toBe('0');
    expect(escapeText(-1.5)).toBe('-1.5');
    expect(escapeText(NaN)).toBe('NaN');
    expect(escapeText(12345678901234567890n)).toBe('12345678901234567890');
  });

  it('converts other values with String, then escapes', () => {
    expect(escapeText({ toString: () => '<b>' })).toBe('&lt;b&gt;');
    expect(escapeText(Symbol('x'))).toBe('Symbol(x)');
  });
});

describe('escapeAttr', () => {
  it('escapes &, ", <, > and CR', () => {
    expect(escapeAttr('" onmouseover="alert(1)')).toBe('&quot; onmouseover=&quot;alert(1)');
    expect(escapeAttr('a&b<c>d"e\rf')).toBe('a&amp;b&lt;c&gt;d&quot;e&#13;f');
    expect(escapeAttr('</noscript><img src=x onerror=alert(1)>')).toBe(
      '&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
  });

  it("leaves single quotes, = and ` alone (values are always double-quoted)", () => {
    expect(escapeAttr("it's `x` = y")).toBe("it's `x` = y");
  });

  it('returns the same string when there is nothing to escape', () => {
    const s = 'btn btn-primary é';
    expect(escapeAttr(s)).toBe(s);
  });

  it('converts non-strings with String', () => {
    expect(escapeAttr(42)).toBe('42');
    expect(escapeAttr(null)).toBe('null');
    expect(escapeAttr(new URL('https://a.test/?a=1&b="2"'))).toBe('https://a.test/?a=1&amp;b=%222%22');
  });

  it('never leaves a quote, <, > or a bare & (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), s => {
        const out = escapeAttr(s);
        expect(out).not.toMatch(/["<>\r]/);
        expect(out).not.toMatch(/&(?!amp;|quot;|lt;|gt;|#13;)/);
      }),
    );
  });
});

describe('escapeScriptText', () => {
  it('escapes <, U+2028 and U+2029', () => {
    expect(escapeScriptText('"</script><script>alert(1)</script>"')).toBe(
      '"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"',
    );
    expect(escapeScriptText('"<!--"')).toBe('"\\u003c!--"');
    expect(escapeScriptText('"a\u2028b\u2029c"')).toBe('"a\\u2028b\\u2029c"');
  });

  it('returns the same string when there is nothing to escape', () => {
    const s = 'self.__lepta={"a":[1,2,3],"b":"x > y & z"}';
    expect(escapeScriptText(s)).toBe(s);
  });

  it('keeps JSON meaning the same', () => {
    const value = { html: '</script><!-- \u2028\u2029 <b>', n: [1, '<'] };
    const json = escapeScriptText(JSON.stringify(value));
    expect(JSON.parse(json)).toEqual(value);
  });

  const scriptish = fc
    .array(fc.constantFrom('<', '/', 'script', 'SCRIPT', 'ScRiPt', '!--', '!', '-', '\u2028', '\u2029', '>', 'a', ' ', '\\'))
    .map(parts => parts.join(''));

  it('never outputs </script, <!-- or U+2028/9 (property)', () => {
    fc.assert(
      fc.property(fc.oneof(scriptish, fc.string({ unit: 'binary' })), s => {
        const out = escapeScriptText(s);
        expect(out.toLowerCase()).not.toContain('</script');
        expect(out).not.toContain('<!--');
        expect(out).not.toMatch(/[\u2028\u2029<]/);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips through a JSON string literal (property)', () => {
    fc.assert(
      fc.property(fc.oneof(scriptish, fc.string({ unit: 'binary' })), s => {
        expect(JSON.parse(escapeScriptText(JSON.stringify(s)))).toBe(s);
      }),
    );
  });
});
