/**
 * Form fields → arguments, for form posts (`<ActionForm>`, with or without JavaScript;
 * SERVER-FUNCTIONS.md §4). The registration's `formShape` says how:
 *
 * - `params` (default): each parameter takes the field of its name;
 * - `object`: the single parameter gets one object of every field (names starting with `$` are
 *   the protocol's, and left out);
 * - `form`: the single parameter gets the `FormData` itself.
 *
 * Types (`fieldTypes`, from the parameter types) drive coercion, and only they: without a type a
 * field stays what it came as (a string, or a `File`; the first of repeated fields). The
 * validator then checks the result, so a coercion that does not apply just leaves the string
 * for it to refuse.
 */
import type { FieldType, ServerFunctionMeta } from './registry.js';
import { DecodeError, MAX_NODES } from './rpc-scan.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function formArguments(form: FormData, meta: ServerFunctionMeta): unknown[] {
  let count = 0;
  for (const [name] of form) {
    if (++count > MAX_NODES) throw new DecodeError(`more than ${MAX_NODES} fields`);
    if (FORBIDDEN.has(name)) throw new DecodeError(`forbidden field name "${name}"`);
  }
  if (meta.coerce) return meta.coerce(form);
  const types = meta.fieldTypes ?? {};
  switch (meta.formShape ?? 'params') {
    case 'form':
      return [form];
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const name of new Set(form.keys())) {
        if (name.startsWith('$')) continue;
        object[name] = field(form, name, types[name]);
      }
      // Unchecked boxes send nothing: a boolean field still gets `false`.
      for (const name of Object.keys(types)) if (!(name in object) && !FORBIDDEN.has(name)) object[name] = field(form, name, types[name]);
      return [object];
    }
    default:
      return meta.params.map((name) => field(form, name, types[name]));
  }
}

function field(form: FormData, name: string, type: FieldType | undefined): unknown {
  if (type === undefined) return form.get(name) ?? undefined;
  if (type.endsWith('[]')) {
    const one = type.slice(0, -2) as FieldType;
    return form
      .getAll(name)
      .map((value) => coerce(value, one))
      .filter((value) => value !== undefined);
  }
  return coerce(form.get(name), type);
}

function coerce(value: FormDataEntryValue | null, type: FieldType): unknown {
  if (type === 'boolean') return value === null ? false : value === 'on' || value === 'true' ? true : value === 'false' ? false : value;
  if (value === null) return undefined;
  if (typeof value !== 'string') {
    // A file input left empty still sends a part: a nameless, empty file.
    return type === 'file' && value.size === 0 && (value as File).name === '' ? undefined : value;
  }
  if (type === 'number') {
    if (value.trim() === '') return undefined;
    const number = Number(value);
    return Number.isFinite(number) ? number : value;
  }
  return value;
}
