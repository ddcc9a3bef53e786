/**
 * The responses a server-function call gets (SERVER-FUNCTIONS.md §4): the kind is always in
 * `x-lepta-kind`, bodies are seroval JSON, and what the function put in the request event's
 * response headers is added to every one of them.
 */
import { encodeValue } from './rpc-codec.js';

/**
 * The class answers are built with: the platform's `Response`, or a compatible one an adapter
 * prefers (srvx's `FastResponse` on Node writes a string body straight to the socket, with its
 * length, instead of through a Web stream).
 */
export type ResponseClass = new (body?: BodyInit | null, init?: ResponseInit) => Response;

/**
 * Where an adapter puts the class it prefers, for every handler in the process. A global under
 * a registered symbol, not a module variable: an app's server bundle carries its own copy of
 * this package, and the adapter that serves it (`lepta serve`) must reach that copy too, however
 * the app wraps its handlers.
 */
const RESPONSE_CLASS = Symbol.for('lepta.responseClass');

/** The class answers are built with: the adapter's (`setResponseClass`), else the platform's. */
export function responseClass(): ResponseClass {
  return (globalThis as { [RESPONSE_CLASS]?: ResponseClass })[RESPONSE_CLASS] ?? Response;
}

/** Sets (or, with `undefined`, clears) the class every handler in this process answers with. */
export function setResponseClass(R: ResponseClass | undefined): void {
  (globalThis as { [RESPONSE_CLASS]?: ResponseClass })[RESPONSE_CLASS] = R;
}

export type ResponseKind = 'value' | 'stream' | 'error' | 'redirect';

const CONTENT_TYPE: Record<ResponseKind, string> = {
  value: 'application/json',
  stream: 'application/x-ndjson',
  error: 'application/json',
  redirect: 'application/json',
};

/** The protocol's headers for each kind (shared, never mutated: responses copy them). */
const BASE: Record<ResponseKind, readonly [string, string][]> = Object.fromEntries(
  (['value', 'stream', 'error', 'redirect'] as const).map((kind) => [
    kind,
    Object.freeze([
      ['content-type', CONTENT_TYPE[kind]],
      ['x-lepta-kind', kind],
      ['x-content-type-options', 'nosniff'],
    ] as [string, string][]),
  ]),
) as Record<ResponseKind, readonly [string, string][]>;

/**
 * Headers for a response of `kind`, plus `extra` (the request event's response headers, when the
 * function added any) and `more`.
 */
export function headersFor(kind: ResponseKind, extra?: Headers, more?: [string, string][]): HeadersInit {
  if (!extra) return more ? [...BASE[kind], ...more] : (BASE[kind] as [string, string][]);
  const headers = new Headers(extra);
  for (const [name, value] of [...BASE[kind], ...(more ?? [])]) headers.set(name, value);
  return headers;
}

/** An `error` response with a body of our own making (`{ name, message }`, plain strings). */
export function refusal(R: ResponseClass, status: number, name: string, message: string, extra?: Record<string, string>): Response {
  const headers = headersFor('error', undefined, extra && Object.entries(extra));
  // Two strings in a plain object always encode synchronously.
  return new R(encodeValue({ name, message }) as string, { status, headers });
}

export const REFUSALS = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  408: 'RequestTimeout',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
} as const;

/** A 303 (or `status`) to `location`, with `cookie` set and the event's headers. */
export function seeOther(R: ResponseClass, location: string, extra: Headers | undefined, cookie?: string, status = 303): Response {
  const headers = new Headers(extra);
  headers.set('location', location);
  if (cookie) headers.append('set-cookie', cookie);
  return new R(null, { status, headers });
}

/** `response` with the event's headers added and its status replaced (when either was set). */
export function withEventHeaders(response: Response, extra: Headers | undefined, status: number | undefined): Response {
  if (status === undefined && !extra) return response;
  const headers = new Headers(response.headers);
  if (extra) for (const [name, value] of extra) headers.append(name, value);
  return new Response(response.body, { status: status ?? response.status, statusText: status === undefined ? response.statusText : '', headers });
}
