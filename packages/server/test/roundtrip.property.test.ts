// @vitest-environment happy-dom
/**
 * Property test: whatever string an app renders, a real HTML parser reads back exactly that
 * string, as an attribute value and as text, and nothing in it becomes markup.
 *
 * happy-dom's parser skips the input-stream preprocessing (CR and CRLF → LF) and has no
 * scripting flag, so the CR escape and the `<noscript>` case are checked against Chromium in
 * ../test-browser/roundtrip.test.ts; the parser-independent invariants are checked here too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, renderAttribute } from '../src/index.js';

/** Strings made of the pieces that matter to an HTML tokenizer, mixed with arbitrary text. */
const tricky = fc
  .array(
    fc.oneof(
      fc.constantFrom('&', '<', '>', '"', "'", '=', '/', '\r', '\n', '\r\n', '\t', ' ', '&amp;', '&lt;', '&#', '&#x41;', '&quot', '<script>', '</div>', '</noscript>', '<!--', '-->', ']]>', '<![CDATA[', '\u2028', 'é', '😀', '\u00a0'),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map(parts => parts.join(''));

/** NUL cannot be represented in HTML (text drops it, attributes turn it into U+FFFD). */
const withoutNul = (s: string) => s.replaceAll('\u0000', '');

function parse(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  return doc.body;
}

describe('escaped output parses back to the input', () => {
  it('as the attribute value and the text of <div title="…">…</div>', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'binary' })).map(withoutNul), s => {
        const body = parse(`<div title="${escapeAttr(s)}">${escapeText(s)}</div>`);
        expect(body.childNodes.length).toBe(1);
        const div = body.firstChild as HTMLElement;
        expect(div.tagName).toBe('DIV');
        expect(div.attributes.length).toBe(1);
        expect(div.getAttribute('title')).toBe(s);
        expect(div.childNodes.length).toBe(s === '' ? 0 : 1);
        expect(div.textContent).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('through renderAttribute for any valid attribute value', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'binary' })).map(withoutNul), s => {
        const body = parse(`<p${renderAttribute('data-v', s)}${renderAttribute('href', s)}></p>`);
        const p = body.firstChild as HTMLElement;
        expect(p.attributes.length).toBe(2);
        expect(p.getAttribute('data-v')).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no <, no " and no bare & in escaped output (independent of the parser)', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'binary' })), s => {
        const text = escapeText(s);
        const attr = escapeAttr(s);
        expect(text).not.toContain('<');
        expect(attr).not.toMatch(/[<"]/);
        for (const out of [text, attr]) expect(out).not.toMatch(/&(?!amp;|quot;|lt;|gt;|#13;)/);
      }),
      { numRuns: 1000 },
    );
  });

  it('known examples', () => {
    const s = '"></div><script>alert(1)</script><div title="';
    const body = parse(`<div title="${escapeAttr(s)}">${escapeText(s)}</div>`);
    expect(body.querySelectorAll('script').length).toBe(0);
    expect(body.firstElementChild!.getAttribute('title')).toBe(s);
    expect(body.textContent).toBe(s);
  });
});
