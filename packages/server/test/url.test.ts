import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLOCKED_URL, isSafeUrl, isUrlAttribute, sanitizeUrl, setSafetyReporter, type SafetyIssue, type SafetyReporter } from '../src/index.js';

describe('isSafeUrl', () => {
  it('blocks javascript: and vbscript: however they are spelled', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      '\u0000javascript:alert(1)',
      '\u0001\u001f \tjavascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      'j\ta\nv\ra\tscript\n:alert(1)',
      'javascript\t:alert(1)',
      'javascript:',
      'vbscript:msgbox(1)',
      'VBScript:msgbox(1)',
      ' \nvb\tscript:x',
    ]) {
      expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
    }
  });

  it('blocks data: URLs that can hold script', () => {
    for (const url of [
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'DATA:TEXT/HTML,x',
      ' data:text/html,x',
      'da\tta:text/html,x',
      'data:text/ht\nml,x',
      'data: text/html ,x',
      'data:text/html;charset=utf-8,x',
      'data:application/xhtml+xml,x',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:text/xml,x',
      'data:application/xml,x',
      'data:text/javascript,alert(1)',
      'data:application/ecmascript,alert(1)',
      'data:text%2Fhtml,x',
      'data:text/html',
    ]) {
      expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
    }
  });

  it('allows other data: URLs (images, media, text, downloads)', () => {
    for (const url of [
      'data:image/png;base64,iVBORw0KGgo=',
      'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      'data:video/mp4;base64,AAAA',
      'data:text/plain,hello',
      'data:text/csv;charset=utf-8,a,b',
      'data:,hello',
      'data:image/png;base64,<html>', // only the media type before the first comma counts
    ]) {
      expect(isSafeUrl(url), url).toBe(true);
    }
  });

  it('allows relative URLs, fragments, queries and other schemes', () => {
    for (const url of [
      '',
      '/',
      '/path/to?x=1#y',
      'path/javascript:alert(1)',
      './javascript:alert(1)',
      '#frag',
      '#javascript:alert(1)',
      '?javascript:alert(1)',
      'javascript', // no colon: a relative path
      'javascript.html',
      'java\u0000script:alert(1)', // NUL is not removed: not a scheme, a relative URL
      'java script:alert(1)',
      'javascriptx:alert(1)',
      'xjavascript:alert(1)',
      'jav:x',
      'https://example.com/',
      'HTTP://example.com/javascript:',
      '//example.com',
      'mailto:someone@example.com',
      'tel:+1234',
      'blob:https://example.com/uuid',
      'vscode:open',
      'data',
      'datax:text/html,x',
      'ſcript:x',
    ]) {
      expect(isSafeUrl(url), JSON.stringify(url)).toBe(true);
    }
  });

  it('agrees with the WHATWG URL parser about the scheme (property)', () => {
    const part = fc.constantFrom('java', 'script', 'vb', 'data', 'JaVa', 'ScRiPt', ':', '\t', '\n', '\r', ' ', '\u0000', '\u001f', '/', '#', 'x', 'text/html', ',', '.', '+', '1');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }).map(p => p.join('')), url => {
        let protocol: string;
        try {
          protocol = new URL(url, 'https://base.test/dir/').protocol;
        } catch {
          return; // the browser would not follow it at all
        }
        if (protocol === 'javascript:' || protocol === 'vbscript:') expect(isSafeUrl(url), JSON.stringify(url)).toBe(false);
        if (isSafeUrl(url) === false) expect(['javascript:', 'vbscript:', 'data:']).toContain(protocol);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isUrlAttribute', () => {
  it('knows the URL attributes, in any case', () => {
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background', 'data', 'codebase', 'longdesc', 'manifest', 'ping', 'HREF', 'formAction', 'XLink:Href']) {
      expect(isUrlAttribute(name), name).toBe(true);
    }
    for (const name of ['title', 'class', 'srcset', 'data-href', 'hreflang', 'alt', 'value']) {
      expect(isUrlAttribute(name), name).toBe(false);
    }
  });
});

describe('sanitizeUrl', () => {
  let issues: SafetyIssue[];
  let previous: SafetyReporter | undefined;
  beforeEach(() => {
    issues = [];
    previous = setSafetyReporter(issue => issues.push(issue));
  });
  afterEach(() => {
    setSafetyReporter(previous);
  });

  it('replaces unsafe URLs in URL attributes and reports them', () => {
    expect(sanitizeUrl('href', 'javascript:alert(1)')).toBe(BLOCKED_URL);
    expect(sanitizeUrl('SRC', ' data:text/html,x')).toBe(BLOCKED_URL);
    expect(issues).toEqual([
      { kind: 'blocked-url', name: 'href', value: 'javascript:alert(1)' },
      { kind: 'blocked-url', name: 'SRC', value: ' data:text/html,x' },
    ]);
  });

  it('returns safe URLs and non-URL attributes unchanged', () => {
    expect(sanitizeUrl('href', '/home?a=1&b=2')).toBe('/home?a=1&b=2');
    expect(sanitizeUrl('href', 'mailto:a@b.test')).toBe('mailto:a@b.test');
    expect(sanitizeUrl('title', 'javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(issues).toEqual([]);
  });

  it('the placeholder is itself safe', () => {
    expect(isSafeUrl(BLOCKED_URL)).toBe(true);
  });
});
