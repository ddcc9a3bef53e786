/**
 * The server functions this process can run, by id (SERVER-FUNCTIONS.md §3). The compiler's
 * server build calls `registerServerFunction` once per function when its module has run; the
 * handler looks ids up here. A `Map`, never an object: an id such as `__proto__` or `toString`
 * from a request must find nothing.
 */

/**
 * How a form field becomes an argument value (no-JS and `x-lepta` form posts, §4). A field
 * without a type is passed as it came (a string, or a `File`); `[]` types take every field of
 * that name.
 */
export type FieldType = 'string' | 'number' | 'boolean' | 'file' | 'string[]' | 'number[]' | 'boolean[]' | 'file[]';

/** A Standard Schema (https://standardschema.dev): only the part the handler calls. */
export interface StandardSchema {
  readonly '~standard': {
    validate(value: unknown): StandardResult | Promise<StandardResult>;
  };
}

export type StandardResult =
  | { readonly value: unknown; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> }> };

export interface ServerFunctionMeta {
  /** The function's name, for messages and logs. */
  name: string;
  /** Parameter names, in order (form fields are matched to them by name). */
  params: readonly string[];
  /** `"use get"`: idempotent, callable with GET/HEAD too. */
  get?: boolean;
  /** Generated from the parameter types: `null` when `args` are valid, else a message. */
  validate?: (args: unknown[]) => string | null;
  /** `validated(schema, fn)`: replaces `validate`; applied to the single argument. */
  schema?: StandardSchema;
  /**
   * How form posts map fields to arguments: `params` (default) — each parameter takes the field
   * of its name; `object` — the single parameter gets every field as one object; `form` — the
   * single parameter gets the `FormData`.
   */
  formShape?: 'params' | 'object' | 'form';
  /** Field (or, for `params`, parameter) name → type, driving coercion of form fields. */
  fieldTypes?: Readonly<Record<string, FieldType>>;
  /** Full control of the form mapping (the compiler may generate it): fields → arguments. */
  coerce?: (form: FormData) => unknown[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any function signature registers
export type AnyServerFunction = (...args: any[]) => unknown;

export interface RegisteredFunction {
  id: string;
  fn: AnyServerFunction;
  meta: ServerFunctionMeta;
}

const functions = new Map<string, RegisteredFunction>();

/**
 * Makes `fn` callable at `{prefix}/{id}`. Registering an id again replaces the entry (a module
 * re-run by hot reloading registers its functions again).
 */
export function registerServerFunction(id: string, fn: AnyServerFunction, meta: ServerFunctionMeta): void {
  if (typeof id !== 'string' || id === '') throw new TypeError('registerServerFunction: the id must be a non-empty string');
  if (typeof fn !== 'function') throw new TypeError(`registerServerFunction("${id}"): not a function`);
  functions.set(id, { id, fn, meta });
  // The id on the function itself, as the browser's reference has it: `<ActionForm>` rendering
  // on the server finds the endpoint of the real function it is given.
  if (!Object.prototype.hasOwnProperty.call(fn, 'id')) Object.defineProperty(fn, 'id', { value: id });
}

/** The registered function with that id, if any. */
export function lookupServerFunction(id: string): RegisteredFunction | undefined {
  return functions.get(id);
}
