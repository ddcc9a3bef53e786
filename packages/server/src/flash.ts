/**
 * The flash cookie: how a form posted without JavaScript learns its outcome (SERVER-FUNCTIONS.md
 * §4). The handler answers the post with a 303 back to the page and
 * `lepta-flash=<id>.<base64url(seroval JSON of {value} or {error})>`; the next page render calls
 * `readFlash(request)`, which decodes it (with the same limits as arguments: the cookie comes
 * from the client) and clears it, and hands it to the `<ActionForm>` whose function has that id.
 */
import { getRequestEvent, parseCookies } from './request-event.js';
import { decodeValue, encodeValue } from './rpc-codec.js';

export const FLASH_COOKIE = 'lepta-flash';
const ATTRIBUTES = '; Path=/; HttpOnly; SameSite=Lax';
/** Browsers keep cookies up to 4096 bytes (name, value and attributes). */
const MAX_COOKIE = 4000;

/** The outcome of a form post, read back on the next page. */
export type Flash = { id: string; value: unknown; error?: undefined } | { id: string; error: Record<string, unknown>; value?: undefined };

/**
 * The `set-cookie` value flashing the first of `payloads` (for function `id`) that encodes and
 * fits in a cookie (a dev error with its stack may not; its redacted form is the next
 * candidate). When none does, `{}` is flashed: the page still learns the post happened.
 */
export async function flashCookie(id: string, ...payloads: ({ value: unknown } | { error: Record<string, unknown> })[]): Promise<string> {
  const name = `${FLASH_COOKIE}=${encodeURIComponent(id)}.`;
  for (const payload of [...payloads, {}]) {
    try {
      const encoded = toBase64Url(await encodeValue(payload));
      if (name.length + encoded.length + ATTRIBUTES.length + 12 <= MAX_COOKIE) return `${name}${encoded}; Max-Age=60${ATTRIBUTES}`;
    } catch {
      // Not encodable (a function in a dev error's properties): try the next one.
    }
  }
  return `${name}; Max-Age=60${ATTRIBUTES}`;
}

/**
 * The flash sent with `request`, if any (`undefined` when absent or undecodable), and clears it:
 * the clearing `set-cookie` goes to `headers`, by default the current request event's response
 * headers (outside a request handled by `createHandler`, pass the response's headers).
 */
export function readFlash(request: Request, headers: Headers | undefined = getRequestEvent()?.responseHeaders): Flash | undefined {
  const cookie = parseCookies(request.headers.get('cookie')).get(FLASH_COOKIE);
  if (cookie === undefined) return undefined;
  headers?.append('set-cookie', `${FLASH_COOKIE}=; Max-Age=0${ATTRIBUTES}`);
  if (cookie.length > MAX_COOKIE) return undefined;
  const dot = cookie.lastIndexOf('.');
  if (dot <= 0) return undefined;
  try {
    // `parseCookies` already percent-decoded the id.
    const id = cookie.slice(0, dot);
    const payload = decodeValue(fromBase64Url(cookie.slice(dot + 1)));
    if (typeof payload !== 'object' || payload === null) return undefined;
    if ('error' in payload && typeof payload.error === 'object' && payload.error !== null) return { id, error: payload.error as Record<string, unknown> };
    return { id, value: (payload as { value?: unknown }).value };
  } catch {
    return undefined;
  }
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
