import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOCKED_URL, renderAttribute, setSafetyReporter, type SafetyIssue, type SafetyReporter } from '../src/index.js';

let issues: SafetyIssue[];
let previous: SafetyReporter | undefined;
beforeEach(() => {
  issues = [];
  previous = setSafetyReporter(issue => issues.push(issue));
});
afterEach(() => {
  setSafetyReporter(previous);
});

describe('renderAttribute', () => {
  it('renders name="value" with a leading space, escaped', () => {
    expect(renderAttribute('title', 'hello')).toBe(' title="hello"');
    expect(renderAttribute('title', '"><script>alert(1)</script>')).toBe(' title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(renderAttribute('data-x', 'a & b')).toBe(' data-x="a &amp; b"');
    expect(renderAttribute('value', '')).toBe(' value=""');
  });

  it('null, undefined, false and functions render nothing; true is a boolean attribute', () => {
    expect(renderAttribute('disabled', null)).toBe('');
    expect(renderAttribute('disabled', undefined)).toBe('');
    expect(renderAttribute('disabled', false)).toBe('');
    expect(renderAttribute('onclick', () => alert(1))).toBe('');
    expect(renderAttribute('disabled', true)).toBe(' disabled');
  });

  it('converts numbers, bigints and objects with String', () => {
    expect(renderAttribute('tabindex', 0)).toBe(' tabindex="0"');
    expect(renderAttribute('width', 1.5)).toBe(' width="1.5"');
    expect(renderAttribute('data-n', 10n)).toBe(' data-n="10"');
    expect(renderAttribute('class', 'a b')).toBe(' class="a b"');
    expect(renderAttribute('data-o', { toString: () => 'x"y' })).toBe(' data-o="x&quot;y"');
  });

  it('drops invalid names and reports them', () => {
    expect(renderAttribute('onload="alert(1)"', 'x')).toBe('');
    expect(renderAttribute('a b', 'x')).toBe('');
    expect(renderAttribute('x>', true)).toBe('');
    expect(renderAttribute('', 'x')).toBe('');
    expect(issues.map(i => [i.kind, i.name])).toEqual([
      ['invalid-attribute-name', 'onload="alert(1)"'],
      ['invalid-attribute-name', 'a b'],
      ['invalid-attribute-name', 'x>'],
      ['invalid-attribute-name', ''],
    ]);
  });

  it('does not report an invalid name whose value renders nothing anyway', () => {
    expect(renderAttribute('a b', null)).toBe('');
    expect(issues).toEqual([]);
  });

  it('sanitizes URL attributes, then escapes', () => {
    expect(renderAttribute('href', 'javascript:alert(1)')).toBe(` href="${BLOCKED_URL}"`);
    expect(renderAttribute('HREF', ' JaVaScRiPt:alert(1)')).toBe(` HREF="${BLOCKED_URL}"`);
    expect(renderAttribute('xlink:href', 'java\tscript:x')).toBe(` xlink:href="${BLOCKED_URL}"`);
    expect(renderAttribute('src', 'data:text/html;base64,PHNjcmlwdD4=')).toBe(` src="${BLOCKED_URL}"`);
    expect(renderAttribute('formaction', 'vbscript:x')).toBe(` formaction="${BLOCKED_URL}"`);
    expect(renderAttribute('href', '/a?b=1&c="2"')).toBe(' href="/a?b=1&amp;c=&quot;2&quot;"');
    expect(renderAttribute('href', new URL('https://a.test/x'))).toBe(' href="https://a.test/x"');
    expect(renderAttribute('title', 'javascript:alert(1)')).toBe(' title="javascript:alert(1)"');
    expect(issues.map(i => [i.kind, i.name, i.value])).toEqual([
      ['blocked-url', 'href', 'javascript:alert(1)'],
      ['blocked-url', 'HREF', ' JaVaScRiPt:alert(1)'],
      ['blocked-url', 'xlink:href', 'java\tscript:x'],
      ['blocked-url', 'src', 'data:text/html;base64,PHNjcmlwdD4='],
      ['blocked-url', 'formaction', 'vbscript:x'],
    ]);
  });

  it('renders style objects as property:value; pairs', () => {
    expect(renderAttribute('style', { color: 'red', 'font-size': '12px', '--x': 1, opacity: 0 })).toBe(
      ' style="color:red;font-size:12px;--x:1;opacity:0;"',
    );
    expect(renderAttribute('style', { color: null, margin: undefined, padding: false, border: () => 'x', top: '0' })).toBe(' style="top:0;"');
    expect(renderAttribute('style', {})).toBe('');
    expect(renderAttribute('style', { color: null })).toBe('');
    expect(renderAttribute('style', 'color: red; content: "<"')).toBe(' style="color: red; content: &quot;&lt;&quot;"');
  });

  it('escapes style values and drops invalid property names', () => {
    expect(renderAttribute('style', { content: '"></div><script>', 'color:red;x': 'y', 'a b': 1, color: 'blue' })).toBe(
      ' style="content:&quot;&gt;&lt;/div&gt;&lt;script&gt;;color:blue;"',
    );
    expect(issues.map(i => [i.kind, i.name])).toEqual([
      ['invalid-style-property', 'color:red;x'],
      ['invalid-style-property', 'a b'],
    ]);
  });
});
