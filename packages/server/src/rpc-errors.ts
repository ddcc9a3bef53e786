/**
 * What a client learns when a server function fails (SERVER-FUNCTIONS.md §4 `error`).
 *
 * In production: `{ name, message }` (as `redactError` gives them) plus the fields marked safe,
 * nothing else — no stack, no cause, no other property. Fields are marked safe with
 * `safeError(err, ['code'])`, by a static `safeFields` array on the error's class, or by being
 * the fields of a `ServerFunctionError`. With `dev`, the error goes whole (stack and cause too).
 */
import { redactError } from './serialize.js';

/** An error meant for the client: its `status` is the response's, its `fields` are safe. */
export class ServerFunctionError extends Error {
  static safeFields: readonly string[] = [];
  status: number;
  /**
   * `fields` are copied onto the error and sent to the client with it (keep them plain data).
   * `status` must be 400–599 (anything else becomes 500).
   */
  constructor(message: string, options: { status?: number; cause?: unknown; fields?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ServerFunctionError';
    this.status = validStatus(options.status);
    if (options.fields) {
      for (const key of Object.keys(options.fields)) {
        if (FORBIDDEN.has(key) || key === 'name' || key === 'message' || key === 'stack' || key === 'cause') continue;
        (this as unknown as Record<string, unknown>)[key] = options.fields[key];
        marked.set(this, [...(marked.get(this) ?? []), key]);
      }
    }
  }
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

function validStatus(status: number | undefined): number {
  return Number.isInteger(status) && status! >= 400 && status! <= 599 ? status! : 500;
}

/** Safe fields per error object (a WeakMap: marking never keeps an error alive). */
const marked = new WeakMap<object, readonly string[]>();

/** Marks `fields` of `error` as safe to send to the client; returns `error` (to `throw` it). */
export function safeError<E>(error: E, fields: readonly string[]): E {
  if (typeof error === 'object' && error !== null) marked.set(error, [...(marked.get(error) ?? []), ...fields]);
  return error;
}

function safeFieldsOf(error: object): string[] {
  const ctor = (error as { constructor?: { safeFields?: unknown } }).constructor;
  const fromClass = Array.isArray(ctor?.safeFields) ? (ctor.safeFields as unknown[]).filter((f): f is string => typeof f === 'string') : [];
  return [...fromClass, ...(marked.get(error) ?? [])];
}

/** The HTTP status a thrown value answers with. */
export function errorStatus(error: unknown): number {
  return error instanceof ServerFunctionError ? error.status : 500;
}

/**
 * The plain object sent for `error` (serialized by the caller): `{ name, message, …safe fields }`,
 * or with `dev` every own property, the stack and the cause too.
 */
export function publicError(error: unknown, dev: boolean, depth = 0): Record<string, unknown> {
  const base = redactError(error);
  const out: Record<string, unknown> = { name: base.name, message: base.message };
  if (typeof error !== 'object' || error === null) return out;
  const source = error as Record<string, unknown>;
  const fields = dev ? Object.keys(source) : safeFieldsOf(error);
  for (const key of fields) {
    if (FORBIDDEN.has(key) || key === 'name' || key === 'message' || !Object.hasOwn(source, key)) continue;
    out[key] = source[key];
  }
  if (dev) {
    if (typeof source.stack === 'string') out.stack = source.stack;
    // A cause chain may loop: follow it a few levels only.
    if (source.cause !== undefined && depth < 8) out.cause = source.cause instanceof Error ? publicError(source.cause, true, depth + 1) : source.cause;
  }
  return out;
}

/** A validation failure: 400, `ValidationError`, the validator's message. */
export function validationError(message: string): ServerFunctionError {
  const error = new ServerFunctionError(message, { status: 400 });
  error.name = 'ValidationError';
  return error;
}
