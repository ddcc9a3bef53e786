/**
 * Building requests the way a client (or an attacker) would: wire-text bodies (plain JSON or
 * seroval JSON, as the stub picks), the headers of the protocol, and readers for the answers.
 */
import { fromJSON, toJSON } from 'seroval';
import { URLPlugin } from 'seroval-plugins/web';
import { plainText } from '../src/wire.js';

export const ORIGIN = 'https://app.example';
export const PREFIX = '/_server';

/** `args` as the client stub sends them: the plain form when JSON carries them exactly. */
export function encodeArgs(args: unknown[]): string {
  return plainText(args) ?? serovalArgs(args);
}

/** `args` in the seroval form, which the handler accepts for any value. */
export function serovalArgs(args: unknown[]): string {
  return JSON.stringify(toJSON(args, { plugins: [URLPlugin] }));
}

/** The value in wire text (either form). */
export function decodeWire(text: string): unknown {
  const tree = JSON.parse(text) as unknown;
  return Array.isArray(tree) ? tree[0] : fromJSON(tree as Parameters<typeof fromJSON>[0], { plugins: [URLPlugin] });
}

/** A call as the client stub makes it (POST, JSON, `x-lepta`, same origin). */
export function rpc(id: string, args: unknown[] | string, init: { headers?: Record<string, string>; method?: string } = {}): Request {
  return new Request(ORIGIN + PREFIX + '/' + encodeURIComponent(id), {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', 'x-lepta': '1', accept: 'application/json', origin: ORIGIN, ...init.headers },
    body: typeof args === 'string' ? args : encodeArgs(args),
  });
}

/** A GET call of a `"use get"` function. */
export function rpcGet(id: string, args: unknown[], headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${PREFIX}/${encodeURIComponent(id)}?args=${encodeURIComponent(encodeArgs(args))}`, {
    headers: { 'x-lepta': '1', 'sec-fetch-site': 'same-origin', ...headers },
  });
}

/** A form post as a browser sends it without JavaScript. */
export function formPost(id: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return new Request(ORIGIN + PREFIX + '/' + encodeURIComponent(id), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, 'sec-fetch-site': 'same-origin', referer: ORIGIN + '/todos?x=1', ...headers },
    body,
  });
}

/** The value a `value` (or `error`) response carries. */
export async function decoded(response: Response): Promise<unknown> {
  return decodeWire(await response.text());
}

/** Own enumerable keys of Object.prototype: must stay none. */
export function prototypeKeys(): string[] {
  return Object.keys(Object.prototype).concat(Object.getOwnPropertyNames(Object.prototype).filter((k) => !BASELINE.has(k)));
}
const BASELINE = new Set(Object.getOwnPropertyNames(Object.prototype));
