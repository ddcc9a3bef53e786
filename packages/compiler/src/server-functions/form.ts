/**
 * What form posts need from the types (SERVER-FUNCTIONS.md §3, §4): a form has only strings and
 * files, so the handler coerces fields where the parameter types say so. From the same checks
 * the validator is generated from, the registration gets:
 * - `formShape`: `"object"` when the only parameter is an object (the fields are its keys),
 *   `"form"` when it is a `FormData`; omitted otherwise (each parameter takes the field of its name);
 * - `fieldTypes`: field → `"string" | "number" | "boolean" | "file"`, with `[]` for arrays, for
 *   the fields whose type is one of those (optional or nullable included); others are omitted.
 */
import type { Param } from './params.js';
import type { Check, TypeResolver } from './types.js';

export interface FormMeta {
  formShape?: 'object' | 'form';
  fieldTypes?: Record<string, string>;
}

/** The form metadata of a function with these parameters and checks. */
export function formMeta(params: Param[], checks: Array<Check | null>, resolver: TypeResolver): FormMeta {
  const single = params.length === 1 && !params[0]!.rest && checks[0] ? required(checks[0], resolver) : null;
  if (single?.k === 'test' && single.desc === 'FormData') return { formShape: 'form' };
  if (single?.k === 'object') return { formShape: 'object', ...types(single.props.map((p) => [p.key, p.check]), resolver) };
  return types(params.map((p, i) => [p.name, checks[i] ?? null]), resolver);
}

function types(fields: Array<[string, Check | null]>, resolver: TypeResolver): FormMeta {
  const out: Record<string, string> = {};
  for (const [name, check] of fields) {
    const type = check && fieldType(check, resolver);
    if (type) out[name] = type;
  }
  return Object.keys(out).length ? { fieldTypes: out } : {};
}

/** `"number"`, `"string[]"`, … for a field's check, if it is one a form field can carry. */
function fieldType(check: Check, resolver: TypeResolver): string | null {
  const c = required(check, resolver);
  if (c?.k === 'array') {
    const item = scalar(required(c.elem, resolver));
    return item && `${item}[]`;
  }
  return scalar(c);
}

function scalar(c: Check | null): string | null {
  if (!c) return null;
  if (c.k === 'union') {
    const kinds = new Set(c.members.map(scalar));
    return kinds.size === 1 ? [...kinds][0]! : null;
  }
  if (c.k !== 'test') return null;
  switch (c.desc) {
    case 'string':
    case 'boolean':
      return c.desc;
    case 'finite number':
      return 'number';
    case 'File':
    case 'Blob':
      return 'file';
    case 'true':
    case 'false':
      return 'boolean';
  }
  // Literal types: `"a"` is a string, `1` a number.
  if (c.desc.startsWith('"')) return 'string';
  if (/^-?\d/.test(c.desc) && !c.desc.endsWith('n')) return 'number';
  return null;
}

/** `c` without `undefined`/`null` members, named types resolved. */
function required(c: Check, resolver: TypeResolver): Check | null {
  if (c.k === 'ref') return required(resolver.namedCheck(c.name), resolver);
  if (c.k !== 'union') return c;
  const members = c.members.filter((m) => !(m.k === 'test' && (m.desc === 'undefined' || m.desc === 'null')));
  if (members.length === 0) return null;
  return members.length === 1 ? required(members[0]!, resolver) : { k: 'union', members };
}
