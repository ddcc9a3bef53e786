/**
 * `createHandler(options)`: the server-function endpoint (and, optionally, the app's pages) as
 * one `(request: Request) => Promise<Response>` (SERVER-FUNCTIONS.md §4–§5).
 *
 * A call to `{prefix}/{id}` passes these gates in order, each answering with its status and
 * nothing running past it: the path (404), the method (405), where it comes from (403), the
 * content type (415), the body read with a cap and a timeout (413, 408), the decoding with
 * limits (400), the arguments' validation (400). Only then does the function run, inside a
 * request event (`getRequestEvent()`). Its outcome — a value, a stream, an error, a redirect —
 * is answered as the protocol says; a form posted without JavaScript gets a 303 back to its page
 * instead, with the outcome in the flash cookie.
 *
 * Nothing a request does can take the process down: every path is awaited inside one
 * `try`, unexpected failures are reported to `onError` and answered with a 500.
 */
import { flashCookie } from './flash.js';
import { headersFor, refusal, REFUSALS, responseClass, seeOther, withEventHeaders, type ResponseClass } from './handler-response.js';
import { lookupServerFunction, type RegisteredFunction } from './registry.js';
import { bodyKind, readBody, type BodyKind } from './request-body.js';
import { withRequestEvent, type RequestScope } from './request-event.js';
import { formArguments } from './request-form.js';
import { backTo, isCrossSite, normalizeOrigins } from './request-guard.js';
import { decodeValue, encodeValue } from './rpc-codec.js';
import { errorStatus, publicError, validationError } from './rpc-errors.js';
import { isRedirect } from './rpc-redirect.js';
import { DecodeError } from './rpc-scan.js';
import { isStreamResult, ndjsonBody } from './rpc-stream.js';
import { validateArguments, type Validated } from './rpc-validate.js';

export interface HandlerOptions {
  /** Where server functions live (default `/_server`). */
  prefix?: string;
  /** The site's origin (`https://example.com`), or the list of them; calls from others get 403. */
  origin: string | readonly string[];
  /** Largest accepted body, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Time allowed to receive a whole body (default 10 s). */
  readTimeoutMs?: number;
  /** Send errors whole (stack, cause, every property) instead of redacted. */
  dev?: boolean;
  /** Hears of every failure on the server side (default `console.error`). */
  onError?: (error: unknown) => void;
  /** Everything not under `prefix` (the app's pages); without it, 404. */
  app?: (request: Request) => Response | Promise<Response>;
}

export type Handler = (request: Request) => Promise<Response>;

interface Config {
  prefix: string;
  origins: ReadonlySet<string>;
  bodyLimit: number;
  readTimeoutMs: number;
  dev: boolean;
  onError: (error: unknown) => void;
  app: HandlerOptions['app'];
  /** The class answers are built with (read per request: an adapter may set it after this). */
  readonly R: ResponseClass;
}

export function createHandler(options: HandlerOptions): Handler {
  const prefix = (options.prefix ?? '/_server').replace(/\/+$/, '');
  if (!prefix.startsWith('/')) throw new TypeError(`createHandler: prefix "${options.prefix}" must start with "/"`);
  const userOnError = options.onError ?? console.error;
  const config: Config = {
    prefix,
    origins: normalizeOrigins(options.origin),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    readTimeoutMs: options.readTimeoutMs ?? 10_000,
    dev: options.dev ?? false,
    // A throwing logger must not turn into an unanswered request.
    onError: (error) => {
      try {
        userOnError(error);
      } catch {
        // Nothing left to tell.
      }
    },
    app: options.app,
    get R() {
      return responseClass();
    },
  };
  return async (request) => {
    try {
      return await route(request, config);
    } catch (error) {
      config.onError(error);
      return refusal(config.R, 500, 'Error', 'Internal error');
    }
  };
}

async function route(request: Request, config: Config): Promise<Response> {
  const pathname = pathOf(request.url);
  if (!pathname.startsWith(config.prefix + '/')) return config.app ? runApp(request, config) : refusal(config.R, 404, REFUSALS[404], 'Not found');
  // 1. The function.
  let id: string;
  try {
    id = decodeURIComponent(pathname.slice(config.prefix.length + 1));
  } catch {
    return refusal(config.R, 404, REFUSALS[404], 'Not found');
  }
  const entry = lookupServerFunction(id);
  if (!entry) return refusal(config.R, 404, REFUSALS[404], 'Unknown server function');
  // 2. The method.
  const method = request.method;
  const isGet = method === 'GET' || method === 'HEAD';
  if (method !== 'POST' && !(isGet && entry.meta.get)) {
    return refusal(config.R, 405, REFUSALS[405], `${method} not allowed`, { allow: entry.meta.get ? 'GET, HEAD, POST' : 'POST' });
  }
  // 3. The caller.
  if (isCrossSite(request, config.origins)) return refusal(config.R, 403, REFUSALS[403], 'Cross-site call refused');
  const lepta = request.headers.get('x-lepta') === '1';
  // 4–6. The arguments.
  const kind = isGet ? undefined : bodyKind(request.headers.get('content-type'));
  if (!isGet && (!kind || (kind === 'json' && !lepta))) return refusal(config.R, 415, REFUSALS[415], 'Unsupported content type');
  let args: unknown[] | number;
  try {
    args = isGet ? queryArguments(new URL(request.url), config) : await bodyArguments(request, kind!, entry, config);
  } catch (error) {
    if (error instanceof DecodeError) return refusal(config.R, 400, REFUSALS[400], error.message);
    throw error;
  }
  if (typeof args === 'number') return refusal(config.R, args, REFUSALS[args as keyof typeof REFUSALS], 'Request body refused');
  // A form posted without JavaScript is answered with a page to go to, not data.
  const form = !lepta && (kind === 'urlencoded' || kind === 'multipart');
  return withRequestEvent(request, (scope) => call(entry, args as unknown[], { request, scope, config, form, head: method === 'HEAD' }));
}

/**
 * The path of an absolute URL, as sent (no `URL` object: this runs for every request). Not
 * normalized, which is fine here: it only ever selects a function by exact id.
 */
function pathOf(href: string): string {
  const start = href.indexOf('/', href.indexOf('//') + 2);
  if (start === -1) return '/';
  const query = href.indexOf('?', start);
  return query === -1 ? href.slice(start) : href.slice(start, query);
}

function queryArguments(url: URL, config: Config): unknown[] | number {
  const text = url.searchParams.get('args');
  if (text === null) return [];
  if (text.length > config.bodyLimit) return 413;
  return asList(decodeValue(text));
}

async function bodyArguments(request: Request, kind: BodyKind, entry: RegisteredFunction, config: Config): Promise<unknown[] | number> {
  if (kind === 'json') {
    const text = await readBody(request, 'text', config.bodyLimit, config.readTimeoutMs);
    return typeof text === 'number' ? text : asList(decodeValue(text));
  }
  const body = await readBody(request, 'bytes', config.bodyLimit, config.readTimeoutMs);
  if (typeof body === 'number') return body;
  let form: FormData;
  try {
    // The capped bytes, re-wrapped so the platform's parser reads them (and nothing more).
    const contentType = request.headers.get('content-type')!;
    form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new DecodeError('malformed form data');
  }
  const encoded = form.get('$args');
  if (encoded === null) return formArguments(form, entry.meta);
  if (typeof encoded !== 'string') throw new DecodeError('$args must be a text field');
  return asList(decodeValue(encoded, form));
}

function asList(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new DecodeError('the arguments must be a list');
  return value;
}

interface Call {
  request: Request;
  scope: RequestScope;
  config: Config;
  /** A no-JS form post: answered with a 303 and the flash cookie. */
  form: boolean;
  head: boolean;
}

/** Steps 7–8: validate, run, answer. Runs inside the request event. */
async function call(entry: RegisteredFunction, args: unknown[], c: Call): Promise<Response> {
  const { scope, config } = c;
  let outcome: { value: unknown } | { error: unknown };
  let validated: Validated;
  try {
    const pending = validateArguments(entry.meta, args);
    validated = pending instanceof Promise ? await pending : pending;
  } catch (error) {
    // A validator that throws is a bug; the caller's arguments are refused all the same.
    config.onError(error);
    validated = { message: 'Invalid arguments' };
  }
  if ('message' in validated) {
    outcome = { error: validationError(validated.message) };
  } else {
    try {
      outcome = { value: await entry.fn(...validated.args) };
    } catch (error) {
      if (isRedirect(error)) return redirectResponse(error.url, error.status, c);
      config.onError(error);
      outcome = { error };
    }
  }
  if (c.form) return formResponse(entry.id, outcome, c);
  if ('error' in outcome) return errorResponse(outcome.error, c);
  const value = outcome.value;
  if (isStreamResult(value)) {
    const body = ndjsonBody(value, config.dev, config.onError);
    if (c.head) await body.cancel();
    return new config.R(c.head ? null : body, { status: scope.status ?? 200, headers: headersFor('stream', scope.addedHeaders) });
  }
  let text: string;
  try {
    const encoded = encodeValue(value);
    text = typeof encoded === 'string' ? encoded : await encoded;
  } catch (error) {
    config.onError(new TypeError(`Server function ${entry.meta.name}: its result cannot be sent to the client`, { cause: error }));
    return errorResponse(new Error('Result cannot be serialized'), c);
  }
  return new config.R(c.head ? null : text, { status: scope.status ?? 200, headers: headersFor('value', scope.addedHeaders) });
}

async function errorResponse(error: unknown, c: Call): Promise<Response> {
  let text: string;
  try {
    text = await encodeValue(publicError(error, c.config.dev));
  } catch {
    // A dev error holding what seroval cannot send: the redacted form always encodes.
    text = await encodeValue(publicError(error, false));
  }
  return new c.config.R(c.head ? null : text, { status: errorStatus(error), headers: headersFor('error', c.scope.addedHeaders) });
}

function redirectResponse(location: string, status: number, c: Call): Response {
  if (c.form) return seeOther(c.config.R, location, c.scope.addedHeaders, undefined, status);
  return new c.config.R(null, { status: 200, headers: headersFor('redirect', c.scope.addedHeaders, [['x-lepta-redirect', location]]) });
}

/** The no-JS form flow: back to the page, the outcome in the flash cookie. */
async function formResponse(id: string, outcome: { value: unknown } | { error: unknown }, c: Call): Promise<Response> {
  let cookie: string;
  if ('error' in outcome) {
    const status = errorStatus(outcome.error);
    const whole = { error: { ...publicError(outcome.error, c.config.dev), status } };
    cookie = await flashCookie(id, whole, { error: { ...publicError(outcome.error, false), status } });
  } else if (isStreamResult(outcome.value)) {
    // A page cannot show a stream: it is stopped, not drained.
    await ndjsonBody(outcome.value, c.config.dev, c.config.onError).cancel();
    cookie = await flashCookie(id, { value: undefined });
  } else {
    cookie = await flashCookie(id, { value: outcome.value });
  }
  return seeOther(c.config.R, backTo(c.request, c.config.origins), c.scope.addedHeaders, cookie);
}

/** A page request: the app runs with a request event too (so it can read the flash). */
async function runApp(request: Request, config: Config): Promise<Response> {
  return withRequestEvent(request, async (scope) => {
    try {
      return withEventHeaders(await config.app!(request), scope.addedHeaders, scope.status);
    } catch (error) {
      config.onError(error);
      return new config.R('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
  });
}
