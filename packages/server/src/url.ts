/**
 * URL attributes: values that a browser navigates to, fetches or runs are checked for schemes
 * that execute script in the page's origin.
 */

import { report } from './report.js';

/** What a blocked URL is replaced with: inert in every URL attribute, no network request. */
export const BLOCKED_URL = 'about:blank#blocked';

/**
 * Attributes whose value is a URL the browser may navigate to, load or submit to. Compared
 * case-insensitively. `srcset`/`imagesrcset` are not here: they only load images, and image
 * loads never run `javascript:` URLs.
 */
const URL_ATTRIBUTES = new Set([
  'href', // a, area, link, base, svg a/use/image/animate…
  'xlink:href', // svg (legacy)
  'src', // iframe, frame, embed, script, img, video, audio, source, track, input
  'action', // form
  'formaction', // button, input
  'data', // object
  'codebase', // object, applet (legacy)
  'poster', // video
  'cite', // blockquote, q, del, ins
  'background', // body, table (legacy)
  'longdesc', // img, iframe (legacy)
  'manifest', // html (legacy)
  'ping', // a, area (space-separated; browsers only ping http(s); the first URL is checked anyway)
]);

/** Whether `name` (any case) is an attribute whose value `sanitizeUrl` checks. */
export function isUrlAttribute(name: string): boolean {
  if (URL_ATTRIBUTES.has(name)) return true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return URL_ATTRIBUTES.has(name.toLowerCase());
  }
  return false;
}

const JAVASCRIPT = 'javascript';
const VBSCRIPT = 'vbscript';
const DATA = 'data';

/**
 * Whether `url` is safe to write into a URL attribute. Unsafe: the `javascript:` and
 * `vbscript:` schemes, and `data:` URLs whose media type can hold script (anything mentioning
 * `html`, `xml` — `image/svg+xml` included — or `script`, or percent-encoded).
 *
 * The scheme is read the way the WHATWG URL parser reads it, on the string as JavaScript holds
 * it (no HTML entity decoding happens: the value never went through markup): leading C0 controls
 * and spaces are skipped, ASCII tab, LF and CR are ignored anywhere, ASCII letters compare
 * case-insensitively, and anything that is not a scheme (`/path`, `#frag`, `?q`, `java\0script:`,
 * a colon after a `/`) is a relative URL, which is safe. Other schemes (`https:`, `mailto:`,
 * `tel:`, `blob:`, app-specific ones) are allowed.
 *
 * No allocation unless the URL is a `data:` URL. For `https://…` the first letter decides.
 */
export function isSafeUrl(url: string): boolean {
  const n = url.length;
  let i = 0;
  while (i < n && url.charCodeAt(i) <= 0x20) i++;
  // Match the scheme against the three candidates at once; stop as soon as none can match.
  let js = true;
  let vb = true;
  let data = true;
  let p = 0;
  for (; i < n; i++) {
    const c = url.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c === 0x3a) break; // ':'
    const l = c | 0x20;
    js = js && p < 10 && JAVASCRIPT.charCodeAt(p) === l;
    vb = vb && p < 8 && VBSCRIPT.charCodeAt(p) === l;
    data = data && p < 4 && DATA.charCodeAt(p) === l;
    if (!js && !vb && !data) return true;
    p++;
  }
  if (i === n) return true; // no colon: relative
  if ((js && p === 10) || (vb && p === 8)) return false;
  if (data && p === 4) return isSafeDataMediaType(url, i + 1);
  return true;
}

/** The part of a `data:` URL before the first `,`: media type and parameters. */
function isSafeDataMediaType(url: string, start: number): boolean {
  let end = url.indexOf(',', start);
  if (end === -1) end = url.length;
  const meta = url.slice(start, end).toLowerCase();
  // Tab/LF/CR are removed by the URL parser, so `text/ht\nml` is `text/html`.
  let compact = '';
  for (let i = 0; i < meta.length; i++) {
    const c = meta.charCodeAt(i);
    if (c !== 0x09 && c !== 0x0a && c !== 0x0d) compact += meta[i];
  }
  return !(compact.includes('html') || compact.includes('xml') || compact.includes('script') || compact.includes('%'));
}

/**
 * For a URL attribute (`isUrlAttribute(attrName)`), returns `value` if it is safe and
 * `BLOCKED_URL` (reporting it) if not; for any other attribute returns `value` unchanged.
 * The result still needs `escapeAttr`.
 */
export function sanitizeUrl(attrName: string, value: string): string {
  if (!isUrlAttribute(attrName) || isSafeUrl(value)) return value;
  report('blocked-url', attrName, value);
  return BLOCKED_URL;
}
