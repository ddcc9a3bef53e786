/**
 * Checks untrusted seroval JSON before seroval sees it (SERVER-FUNCTIONS.md §5 step 6), in time
 * linear in the input's length, without recursion:
 *
 * 1. `textNestingExceeds` scans the raw text for `[`/`{` nesting (skipping strings) *before*
 *    `JSON.parse`: V8 parses a 1 MiB `[[[[…` in ~100 ms, so deep input is refused unparsed.
 * 2. `checkSerovalTree` walks the parsed tree with an explicit stack, in the order seroval's
 *    `fromJSON` will deserialize it (pre-order; an object's key node before its value, a map's
 *    key before its value), and accepts only the node types arguments need — numbers, strings,
 *    constants, bigints, Dates, arrays, plain and null-prototype objects, Sets, Maps, back
 *    references, and the plugins the caller names. Nothing with a declared length (typed
 *    arrays, sequences), no promises, streams, iterators, global references, symbols, errors or
 *    regular expressions: so no declared length can disagree with the data. Every node must have
 *    exactly its type's fields; value nesting ≤ `MAX_DEPTH`, nodes ≤ `MAX_NODES`; the keys
 *    `__proto__`, `constructor`, `prototype` are refused anywhere (raw JSON keys and object
 *    property names); ids must be unique, and a back reference must name an id defined earlier in
 *    that order and listed in the root's `m` (seroval only remembers marked ids).
 *
 * 3. `checkPlainTree` checks the plain form (`[json]`, wire.ts) the same way: one value in the
 *    list, nesting ≤ `MAX_DEPTH`, at most `MAX_NODES` values, no forbidden key anywhere.
 *
 * Seroval (1.8) also guards its own decoding (depth limit, safe property definition); this is
 * the contract's stricter, explicit gate, and turns every refusal into one `DecodeError` (400).
 */

/** Value nesting (seroval nodes) allowed in a request. */
export const MAX_DEPTH = 64;
/** Seroval nodes allowed in one request. */
export const MAX_NODES = 100_000;
/**
 * Raw JSON nesting allowed: each value level costs at most three JSON levels (node → `p`/`e` →
 * `k`/`v` array → node), plus the root wrapper.
 */
export const MAX_TEXT_DEPTH = 3 * MAX_DEPTH + 2;

/** A request body that cannot be decoded (→ 400). */
export class DecodeError extends Error {
  override name = 'DecodeError';
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `[`/`{` nest deeper than `max` in `text` (brackets inside strings don't count). */
export function textNestingExceeds(text: string, max: number): boolean {
  // Nesting deeper than `max` needs more than `max` opening brackets: count them first with
  // `indexOf` (a vectorized search), and walk the text only when there are that many.
  if (countOf(text, '[', max) + countOf(text, '{', max) <= max) return false;
  let depth = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Jump to the closing quote; a backslash escapes the next character.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** How many times `char` occurs in `text`, counting no further than `max + 1`. */
function countOf(text: string, char: string, max: number): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1 && count <= max; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** Node type → its fields (seroval 1.8's `SerovalNodeType` numbering). */
const FIELDS: Record<number, ReadonlySet<string>> = {
  0: new Set(['t', 's']), // number
  1: new Set(['t', 's']), // string
  2: new Set(['t', 's']), // constant (null, undefined, true, false, -0, ±Infinity, NaN)
  3: new Set(['t', 's']), // bigint
  4: new Set(['t', 'i']), // back reference
  5: new Set(['t', 'i', 's']), // Date
  7: new Set(['t', 'i', 'a']), // Set
  8: new Set(['t', 'i', 'e', 'f']), // Map (`f`: seroval's map sentinel, ignored when decoding)
  9: new Set(['t', 'i', 'a', 'o']), // array
  10: new Set(['t', 'i', 'p', 'o']), // object
  11: new Set(['t', 'i', 'p', 'o']), // null-prototype object
  25: new Set(['t', 'i', 's', 'c']), // plugin
};
const ROOT_FIELDS = new Set(['t', 'f', 'm']);
const MAX_BIGINT_DIGITS = 10_000;

type Json = Record<string, unknown>;

function fail(message: string): never {
  throw new DecodeError(message);
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** Every key of `record` must be one of `allowed` (forbidden keys get their own message). */
function checkKeys(record: Json, allowed: ReadonlySet<string>): void {
  for (const key of Object.keys(record)) {
    if (FORBIDDEN_KEYS.has(key)) fail(`forbidden key "${key}"`);
    if (!allowed.has(key)) fail(`unexpected field "${key}"`);
  }
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : fail('malformed node: expected a list');
}

/** An object's or a map's `{ k: [...], v: [...] }` record, both lists of the same length. */
function record(value: unknown): { k: unknown[]; v: unknown[] } {
  if (!isRecord(value)) fail('malformed node: expected a record');
  checkKeys(value, RECORD_FIELDS);
  const k = list(value.k);
  const v = list(value.v);
  if (k.length !== v.length) fail('malformed node: keys and values differ in number');
  return { k, v };
}
const RECORD_FIELDS = new Set(['k', 'v']);

/**
 * Throws a `DecodeError` unless `root` is seroval JSON (`{ t, f, m }`) that passes the checks
 * above. `plugins`: the plugin tags accepted (each plugin node's `s` must be `{ value: node }`).
 */
export function checkSerovalTree(root: unknown, plugins: ReadonlySet<string>): void {
  if (!isRecord(root)) fail('malformed: expected seroval JSON');
  checkKeys(root, ROOT_FIELDS);
  if (root.f !== undefined && !isId(root.f)) fail('malformed: bad feature flags');
  const marked = new Set<number>();
  for (const id of list(root.m ?? [])) marked.add(isId(id) ? id : fail('malformed: bad marked id'));

  const defined = new Set<number>();
  let count = 0;
  // Pending nodes with their depth, popped in pre-order (children pushed in reverse).
  const nodes: unknown[] = [root.t];
  const depths: number[] = [1];
  const push = (children: unknown[], depth: number) => {
    for (let j = children.length - 1; j >= 0; j--) {
      nodes.push(children[j]);
      depths.push(depth);
    }
  };

  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`);
    if (++count > MAX_NODES) fail(`more than ${MAX_NODES} values`);
    if (!isRecord(node)) fail('malformed node');
    const type = node.t;
    const fields = typeof type === 'number' ? FIELDS[type] : undefined;
    if (!fields) fail(`unsupported value type ${JSON.stringify(type)}`);
    checkKeys(node, fields);
    if (fields.has('i') && type !== 4) {
      // Seroval registers the id before decoding the node's children (so cycles work).
      if (!isId(node.i)) fail('malformed node: bad id');
      if (defined.has(node.i)) fail(`duplicate id ${node.i}`);
      defined.add(node.i);
    }
    switch (type) {
      case 0:
        if (typeof node.s !== 'number') fail('malformed number');
        break;
      case 1:
        if (typeof node.s !== 'string') fail('malformed string');
        break;
      case 2:
        if (!(isId(node.s) && node.s <= 7)) fail('malformed constant');
        break;
      case 3:
        if (!(typeof node.s === 'string' && node.s.length <= MAX_BIGINT_DIGITS && /^-?[0-9]+$/.test(node.s))) fail('malformed bigint');
        break;
      case 4:
        // A back reference: to a node already decoded, which seroval remembered (marked).
        if (!(isId(node.i) && defined.has(node.i) && marked.has(node.i))) fail('reference to an unknown id');
        break;
      case 5:
        if (!(typeof node.s === 'string' && node.s.length <= 64)) fail('malformed date');
        break;
      case 7:
        push(list(node.a), depth + 1);
        break;
      case 8: {
        if (node.f !== undefined && !isMapSentinel(node.f)) fail('malformed map');
        const { k, v } = record(node.e);
        const children: unknown[] = [];
        for (let j = 0; j < k.length; j++) children.push(k[j], v[j]);
        push(children, depth + 1);
        break;
      }
      case 9: {
        if (node.o !== undefined && !(isId(node.o) && node.o <= 3)) fail('malformed array');
        // `0` is a hole.
        push(list(node.a).filter((item) => item !== 0), depth + 1);
        break;
      }
      case 10:
      case 11: {
        if (node.o !== undefined && !(isId(node.o) && node.o <= 3)) fail('malformed object');
        const { k, v } = record(node.p);
        const children: unknown[] = [];
        for (let j = 0; j < k.length; j++) {
          const key = k[j];
          // Seroval's string escapes (`\\x3C`, `\\n`, …) never decode to a letter or `_`, so a
          // raw key names a forbidden property exactly when it is one.
          if (typeof key === 'string') {
            if (FORBIDDEN_KEYS.has(key)) fail(`forbidden key "${key}"`);
          } else if (isRecord(key) && key.t === 1 && typeof key.s === 'string' && Object.keys(key).length === 2) {
            if (FORBIDDEN_KEYS.has(key.s)) fail(`forbidden key "${key.s}"`);
          } else {
            fail('malformed object key');
          }
          children.push(v[j]);
        }
        push(children, depth + 1);
        break;
      }
      case 25: {
        if (typeof node.c !== 'string' || !plugins.has(node.c)) fail(`unsupported value type ${JSON.stringify(node.c)}`);
        const data = node.s;
        if (!isRecord(data)) fail('malformed plugin value');
        checkKeys(data, PLUGIN_FIELDS);
        push([data.value], depth + 1);
        break;
      }
    }
  }
}
const PLUGIN_FIELDS = new Set(['value']);

/**
 * Seroval writes `{ t: 26, i, s: 0 }` as the first map's `f`, and a back reference to it
 * (`{ t: 4, i }`) as every later map's; decoding never reads either.
 */
function isMapSentinel(value: unknown): boolean {
  if (!isRecord(value) || !isId(value.i)) return false;
  const size = Object.keys(value).length;
  return (value.t === 26 && value.s === 0 && size === 3) || (value.t === 4 && size === 2);
}

/**
 * Throws a `DecodeError` unless `root` is the plain form of one value (`[value]`, wire.ts) within
 * the limits above: nesting ≤ `MAX_DEPTH`, ≤ `MAX_NODES` values, no key `__proto__`,
 * `constructor` or `prototype` at any depth (`JSON.parse` makes `__proto__` an own property, but
 * code merging the value into another object would not). Returns the value.
 */
export function checkPlainTree(root: unknown): unknown {
  if (!Array.isArray(root) || root.length !== 1) fail('malformed: expected one value');
  let count = 0;
  const values: unknown[] = [root[0]];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (++count > MAX_NODES) fail(`more than ${MAX_NODES} values`);
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`);
    if (Array.isArray(value)) {
      for (const item of value) {
        values.push(item);
        depths.push(depth + 1);
      }
    } else {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) fail(`forbidden key "${key}"`);
        values.push((value as Json)[key]);
        depths.push(depth + 1);
      }
    }
  }
  return root[0];
}
