/**
 * `getRequestEvent()`: the request being handled, from anywhere in the code that handles it —
 * a server function, or the page the `app` renders — without passing it down.
 *
 * It is carried by `AsyncLocalStorage` (`node:async_hooks`), which follows the request through
 * every `await`. Node, Deno and Bun have it; edge runtimes need their Node compatibility layer
 * (Cloudflare Workers: the `nodejs_als` or `nodejs_compat` flag).
 */
/// <reference types="node" />
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestEvent {
  /** The incoming request. */
  readonly request: Request;
  /** Its cookies, by name (the first of repeated names; values percent-decoded when valid). */
  readonly cookies: ReadonlyMap<string, string>;
  /** Headers added to the response (`set-cookie`, caching, …). */
  readonly responseHeaders: Headers;
  /** Sets the status of a successful response (errors and redirects keep theirs). */
  setStatus(status: number): void;
  /** Per-request storage for the app (auth, database transactions, …). */
  readonly locals: Record<string, unknown>;
}

/** The event plus what the handler reads back from it. */
export interface RequestScope extends RequestEvent {
  status: number | undefined;
  /** The response headers, if anyone asked for them (most calls never do: no `Headers` made). */
  readonly addedHeaders: Headers | undefined;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The event of the request being handled, or `undefined` outside a request. */
export function getRequestEvent(): RequestEvent | undefined {
  return storage.getStore();
}

/**
 * One request's event. A class rather than an object literal with getters: every request makes
 * one, and a literal would allocate a closure per getter and method each time.
 */
class Scope implements RequestScope {
  status: number | undefined = undefined;
  readonly locals: Record<string, unknown> = {};
  #cookies: Map<string, string> | undefined = undefined;
  #headers: Headers | undefined = undefined;
  constructor(readonly request: Request) {}
  // Parsed on first use: most requests never look.
  get cookies(): ReadonlyMap<string, string> {
    return (this.#cookies ??= parseCookies(this.request.headers.get('cookie')));
  }
  get responseHeaders(): Headers {
    return (this.#headers ??= new Headers());
  }
  get addedHeaders(): Headers | undefined {
    return this.#headers;
  }
  // An own arrow function, as before: `const { setStatus } = getRequestEvent()!` keeps working.
  readonly setStatus = (status: number): void => {
    if (!Number.isInteger(status) || status < 200 || status > 599) throw new RangeError(`setStatus: ${status} is not an HTTP status`);
    this.status = status;
  };
}

/** Runs `fn` with a fresh event for `request` available to `getRequestEvent()`. */
export function withRequestEvent<T>(request: Request, fn: (scope: RequestScope) => T): T {
  const scope = new Scope(request);
  return storage.run(scope, fn, scope);
}

/** `a=1; b=2` → Map { a → '1', b → '2' }. Malformed pairs are skipped. */
export function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // Not percent-encoding: kept as sent.
    }
    cookies.set(name, value);
  }
  return cookies;
}
