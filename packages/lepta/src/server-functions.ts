/**
 * `lepta/server-functions`: the browser side of server functions (packages/server/
 * SERVER-FUNCTIONS.md §3–§4). The compiler's client build replaces each `"use server"` function
 * with `serverReference(id, { params, get? })`; calling that reference calls the function on the
 * server over HTTP:
 *
 * - arguments: `POST {prefix}/{id}` with the argument list as wire text: plain JSON (`[args]`)
 *   when JSON carries it exactly, else its seroval JSON (`toJSON`, never seroval's evaluated
 *   form); `"use get"` functions use `GET …?args=` instead. A `File`/`Blob`/
 *   `FormData` anywhere in the arguments makes the body `multipart/form-data`: the JSON goes in
 *   field `$args`, each of those values in a field of its own (`$0`, or `$0/<name>` for a
 *   `FormData`'s entries), referenced from the JSON by a `lepta/field` node. A `FormData` that is
 *   the only argument is the body itself (what `<ActionForm>` sends): the server maps its fields
 *   to the arguments as for a form posted without JavaScript.
 * - result, by the response's `x-lepta-kind`: `value` (decoded), `stream` (an async iterable of
 *   the NDJSON lines, decoded as they arrive), `error` (thrown as a `ServerFunctionError`),
 *   `redirect` (`location.assign`).
 *
 * Browser code only, and small: seroval's `toJSON`/`fromJSON` and `@lepta/server/wire` (the plain
 * form, a few lines) are its only dependencies.
 */
import { fromJSON, toJSON, type Plugin, type SerovalJSON, type SerovalNode } from 'seroval';
import { isPlainText, plainText } from '@lepta/server/wire';

let prefix = '/_server';

/**
 * Sets where server functions are called (default `/_server`; the handler's `prefix`). Call it
 * before the first call, on the server too (the endpoint of `<ActionForm>`s it renders).
 */
export function setServerFunctionPrefix(path: string): void {
  prefix = path.replace(/\/+$/, '');
}

/** The endpoint of the server function `id` (ids may hold `/` and `#` in development builds). */
export function serverFunctionUrl(id: string): string {
  return `${prefix}/${encodeURIComponent(id)}`;
}

/** What the compiler knows about a server function (SERVER-FUNCTIONS.md §3). */
export interface ServerReferenceOptions {
  /** Parameter names, in order. */
  params: readonly string[];
  /** `"use get"`: called with GET, the arguments in the query string. */
  get?: boolean;
}

/** A server function as the browser sees it: an async function with its id and endpoint. */
export type ServerFunction<A extends unknown[] = unknown[], R = unknown> = ((...args: A) => Promise<R>) & {
  /** The function's id. */
  readonly id: string;
  /** Its endpoint, `{prefix}/{id}` (a form's `action`). */
  readonly url: string;
};

/**
 * The stub standing in for server function `id` in client code: calling it calls the function on
 * the server and settles with its result (or throws its error, as a `ServerFunctionError`).
 *
 * @example export const addTodo = serverReference('k3j9x0a1b2c3', { params: ['title'] });
 */
export function serverReference<A extends unknown[] = unknown[], R = unknown>(
  id: string,
  options: ServerReferenceOptions,
): ServerFunction<A, R> {
  const get = options.get === true;
  const call = (...args: A): Promise<R> => callServer(id, get, args) as Promise<R>;
  return Object.defineProperties(call, {
    id: { value: id },
    // A getter: the prefix may be set after module-level references were created.
    url: { get: () => serverFunctionUrl(id) },
  }) as ServerFunction<A, R>;
}

async function callServer(id: string, get: boolean, args: unknown[]): Promise<unknown> {
  // `f(x, undefined)` means `f(x)`; the server counts extra arguments as an error, and
  // `action(fn)` always passes one.
  let count = args.length;
  while (count > 0 && args[count - 1] === undefined) count--;
  args = args.slice(0, count);
  const headers: Record<string, string> = { 'x-lepta': '1', accept: 'application/json' };
  const url = serverFunctionUrl(id);
  let response: Response;
  if (get) {
    const { json, files } = encodeArguments(args);
    if (files !== undefined) throw new TypeError(`Server function ${id} is "use get": it cannot take files or forms`);
    response = await fetch(`${url}?args=${encodeURIComponent(json)}`, { headers });
  } else {
    let body: string | FormData | URLSearchParams;
    const only = args[0];
    if (count === 1 && only instanceof FormData) body = formBody(only);
    else {
      const { json, files } = encodeArguments(args);
      if (files === undefined) {
        headers['content-type'] = 'application/json';
        body = json;
      } else {
        files.set('$args', json);
        body = files;
      }
    }
    // FormData and URLSearchParams bodies get their content type (and boundary) from fetch.
    response = await fetch(url, { method: 'POST', headers, body });
  }
  return readResponse(response);
}

/** A form as a body: multipart when it holds a file, else urlencoded (smaller, as browsers post it). */
function formBody(form: FormData): FormData | URLSearchParams {
  for (const [, value] of form) if (typeof value !== 'string') return form;
  return new URLSearchParams(form as unknown as Record<string, string>);
}

// ---------------------------------------------------------------------------------------------
// Arguments

/**
 * The multipart fields the `lepta/field` plugin collects during one `toJSON` call (synchronous,
 * so module state is safe), and how many values went to fields.
 */
let fields: FormData | undefined;
let fieldCount = 0;

/**
 * Encodes a `Blob` (or `File`) as a reference to a field `$N` holding it, and a `FormData` as a
 * reference to `$N/`, its entries sent as fields `$N/<name>` (the handler's rpc-codec.ts decodes
 * both). Encode-only: the server never sends fields back.
 */
const FieldPlugin: Plugin<Blob | FormData, { value: SerovalNode }> = {
  tag: 'lepta/field',
  test: (value) => value instanceof Blob || value instanceof FormData,
  parse: {
    sync(value, ctx) {
      const form = (fields ??= new FormData());
      // Files and forms share the numbering: `$0`, `$1/…`, `$2`, …
      const name = `$${fieldCount++}`;
      if (value instanceof FormData) {
        for (const [key, entry] of value) form.append(`${name}/${key}`, entry);
        return { value: ctx.parse(`${name}/`) };
      }
      form.append(name, value);
      return { value: ctx.parse(name) };
    },
  },
  serialize: unsupported,
  deserialize: unsupported,
};

function unsupported(): never {
  throw new TypeError('lepta/field: encode-only');
}

/** The seroval JSON of `args`, and the multipart fields its files and forms went to (if any). */
function encodeArguments(args: unknown[]): { json: string; files: FormData | undefined } {
  const plain = plainText(args);
  if (plain !== undefined) return { json: plain, files: undefined };
  fields = undefined;
  fieldCount = 0;
  try {
    return { json: JSON.stringify(toJSON(args, { plugins: [FieldPlugin] })), files: fields };
  } finally {
    fields = undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Results

/** A value from wire text (the server's: trusted). */
function decode(text: string): unknown {
  return fromTree(JSON.parse(text), isPlainText(text));
}

/** A value from parsed wire text: `[value]` (the plain form) or seroval JSON. */
function fromTree(tree: unknown, plain: boolean): unknown {
  return plain ? (tree as [unknown])[0] : fromJSON(tree as SerovalJSON);
}

async function readResponse(response: Response): Promise<unknown> {
  switch (response.headers.get('x-lepta-kind')) {
    case 'value':
      return decode(await response.text());
    case 'stream':
      return lines(response.body!);
    case 'redirect':
      // The page is going away; the call resolves (with nothing) rather than hanging.
      location.assign(response.headers.get('x-lepta-redirect')!);
      return undefined;
    case 'error':
      throw toServerFunctionError(decode(await response.text()), response.status);
    default:
      // Not the handler's answer (a proxy's error page, a missing route).
      throw new ServerFunctionError(`Server function call failed (${response.status} ${response.statusText})`, {
        status: response.status,
      });
  }
}

/**
 * The items of an NDJSON body, decoded one line at a time as the bytes arrive. A last line
 * `{"$error": …}` is thrown. Stopping early (`break`, `return()`) cancels the body, which ends
 * the request (and the server stops the source).
 */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.trim() !== '') yield decodeLine(line);
      }
      if (done) break;
    }
    if (buffer.trim() !== '') yield decodeLine(buffer);
    finished = true;
  } finally {
    if (!finished) void reader.cancel().catch(() => {});
  }
}

/** A stream's line: wire text, or `{"$error": <wire text>}`. */
function decodeLine(line: string): unknown {
  const parsed = JSON.parse(line) as unknown;
  if (Array.isArray(parsed)) return parsed[0];
  if (typeof parsed === 'object' && parsed !== null && '$error' in parsed) {
    const error = parsed.$error;
    throw toServerFunctionError(fromTree(error, Array.isArray(error)), 500);
  }
  return fromJSON(parsed as SerovalJSON);
}

// ---------------------------------------------------------------------------------------------
// Errors

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype', 'name', 'message', 'stack', 'cause', 'status']);

/**
 * A server function's failure as the client sees it: the server's `name` and `message`, the
 * response's `status`, and the fields the server marked safe (`safeError`) as properties. The
 * same shape as `@lepta/server`'s class of that name, which the server throws to choose a status.
 */
export class ServerFunctionError extends Error {
  /** The HTTP status (400–599). */
  status: number;
  [field: string]: unknown;
  constructor(message: string, options: { status?: number; cause?: unknown; fields?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ServerFunctionError';
    const status = options.status;
    this.status = Number.isInteger(status) && status! >= 400 && status! <= 599 ? status! : 500;
    const fields = options.fields;
    if (fields !== undefined) for (const key of Object.keys(fields)) if (!FORBIDDEN.has(key)) this[key] = fields[key];
  }
}

/**
 * The error for a decoded `{ name, message, …fields }` payload (a response's, a stream's last
 * line, a flash's); its `status` field, when there, wins over `status`.
 */
export function toServerFunctionError(payload: unknown, status: number): ServerFunctionError {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const error = new ServerFunctionError(typeof p.message === 'string' ? p.message : 'Server function failed', {
    status: typeof p.status === 'number' ? p.status : status,
    cause: p.cause,
    fields: p,
  });
  if (typeof p.name === 'string') error.name = p.name;
  return error;
}

// ---------------------------------------------------------------------------------------------
// validated

/** A Standard Schema (https://standardschema.dev), as far as `validated` types it. */
export interface StandardSchema<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    validate(value: unknown): unknown;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

type SchemaInput<S> = S extends StandardSchema<infer I, unknown> ? I : unknown;
type SchemaOutput<S> = S extends StandardSchema<unknown, infer O> ? O : unknown;

/**
 * A server function whose single argument is checked by `schema` (any Standard Schema: Zod,
 * Valibot, ArkType, …) on the server before `fn` runs. The compiler turns the call into the
 * server function (server build) or its reference (client build); it never runs as written.
 *
 * @example export const rename = validated(RenameInput, async (input) => { 'use server'; … });
 */
export function validated<S extends StandardSchema, R>(
  schema: S,
  fn: (input: SchemaOutput<S>) => Promise<R>,
): (input: SchemaInput<S>) => Promise<R> {
  void schema;
  void fn;
  throw new Error(
    'validated(schema, fn) ran uncompiled: it must be compiled as a server function. Build with @lepta/vite ' +
      "(or @lepta/compiler's serverFunctions option), and write it as `export const name = validated(schema, " +
      "async (input) => { 'use server'; … })` at the top level of a module.",
  );
}
