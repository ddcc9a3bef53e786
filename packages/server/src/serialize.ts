/**
 * Resource entries as JavaScript: seroval's output is an expression that rebuilds the value
 * (Dates, Maps, Sets, BigInts, cycles, errors, promises, URLs, Headers, …) and is safe inside an
 * inline `<script>` (it escapes `<` and U+2028/U+2029 in strings).
 *
 * Errors a fetcher threw are redacted before they leave the server — rebuilt as a bare error of
 * the same name with the same message, no stack, no `cause`, no other properties — unless
 * `dev` is set. Values are sent as they are: what a resource returns is public by design.
 */
import { serialize, serializeAsync } from 'seroval';
import { DOMExceptionPlugin, HeadersPlugin, URLPlugin, URLSearchParamsPlugin } from 'seroval-plugins/web';
import type { HydrationEntry } from '@lepta/reactive/internal';

const plugins = [URLPlugin, URLSearchParamsPlugin, HeadersPlugin, DOMExceptionPlugin];

/**
 * `entry` as a JavaScript expression. Synchronous when the value holds no promise; otherwise a
 * promise (the nested promises are awaited, and sent settled). Throws (or rejects) when the value
 * holds something seroval cannot rebuild (a function, a class instance).
 */
export function encodeEntry(entry: HydrationEntry, dev: boolean): string | Promise<string> {
  const value: HydrationEntry = 'error' in entry ? { error: dev ? entry.error : redactError(entry.error) } : entry;
  try {
    return serialize(value, { plugins });
  } catch (error) {
    // The synchronous serializer refuses promises (the asynchronous one awaits them) and what
    // neither can rebuild; its error's cause (a SerovalUnsupportedTypeError) holds the value.
    const refused = (error as { cause?: { value?: unknown } }).cause?.value;
    if (!isThenable(refused)) throw new TypeError(`Cannot serialize ${describe(refused)}`, { cause: error });
    return serializeAsync(value, { plugins });
  }
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function describe(value: unknown): string {
  if (typeof value === 'function') return `a function (${value.name || 'anonymous'})`;
  if (typeof value === 'object' && value !== null) return `an instance of ${value.constructor?.name ?? 'a null-prototype class'}`;
  return typeof value;
}

/** What the client may learn of a thrown value: its name and message, nothing else. */
export function redactError(error: unknown): Error {
  if (!(error instanceof Error)) return bare(Error, typeof error === 'string' ? error : 'Internal error');
  // A built-in class rebuilds as itself (`instanceof TypeError` still works on the client).
  const redacted = bare(BUILT_IN.get(error.name) ?? Error, error.message);
  if (redacted.name !== error.name) redacted.name = error.name;
  return redacted;
}

const BUILT_IN = new Map<string, ErrorConstructor>(
  [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError].map((Ctor) => [Ctor.name, Ctor]),
);

function bare(Ctor: ErrorConstructor, message: string): Error {
  const error = new Ctor(message);
  // The stack names server files and lines; seroval would send it.
  delete (error as { stack?: string }).stack;
  return error;
}
