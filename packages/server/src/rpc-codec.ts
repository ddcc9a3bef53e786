/**
 * Server functions' values on the wire (SERVER-FUNCTIONS.md §3): plain JSON (`[value]`, wire.ts)
 * when JSON carries the value exactly, else seroval's JSON format (`toJSON`/`fromJSON`), never
 * its JavaScript form (`serialize`/`deserialize`, which is evaluated).
 *
 * Decoding is for untrusted input: the text is checked by rpc-scan.ts first (both forms), then a
 * seroval text is rebuilt by `fromJSON` with the plugins below only.
 *
 * Files in arguments (SERVER-FUNCTIONS.md §4): the client sends `multipart/form-data` whose
 * `$args` field is the seroval JSON, each `File`/`Blob` in it written as a `lepta/field` plugin
 * node naming the field that holds it (`{ "t": 25, "i": n, "c": "lepta/field", "s": { "value":
 * { "t": 1, "s": "$0" } } }`); a `FormData` argument's entries are sent as fields `$N/<name>`
 * and referenced as `"$N/"`.
 */
import { fromJSON, toJSON, toJSONAsync, type Plugin, type SerovalJSON, type SerovalNode } from 'seroval';
import { DOMExceptionPlugin, HeadersPlugin, URLPlugin, URLSearchParamsPlugin } from 'seroval-plugins/web';
import { checkPlainTree, checkSerovalTree, DecodeError, MAX_DEPTH, MAX_TEXT_DEPTH, textNestingExceeds } from './rpc-scan.js';
import { isPlainText, plainText } from './wire.js';

export const FIELD_TAG = 'lepta/field';

/**
 * The form a `lepta/field` node resolves against. `fromJSON` is synchronous, so the form of the
 * request being decoded is set just around that call (never across an `await`).
 */
let currentForm: FormData | undefined;

const FieldPlugin: Plugin<Blob | FormData, { value: SerovalNode }> = {
  tag: FIELD_TAG,
  test: () => false, // decode only: the server never sends fields
  parse: {},
  serialize: () => {
    throw new TypeError(`${FIELD_TAG} is decode-only`);
  },
  deserialize(node, ctx) {
    const name = ctx.deserialize(node.value);
    if (typeof name !== 'string' || !/^\$[0-9]{1,6}\/?$/.test(name) || !currentForm) throw new DecodeError('bad field reference');
    if (name.endsWith('/')) return subForm(currentForm, name);
    const value = currentForm.get(name);
    if (!(value instanceof Blob)) throw new DecodeError(`field ${name} is not a file`);
    return value;
  },
};

/** The entries of `form` named `prefix<name>`, as their own form. */
function subForm(form: FormData, prefix: string): FormData {
  const out = new FormData();
  for (const [name, value] of form) if (name.startsWith(prefix)) out.append(name.slice(prefix.length), value);
  return out;
}

const decodePlugins = [URLPlugin, URLSearchParamsPlugin, HeadersPlugin, FieldPlugin];
const decodeTags = new Set(decodePlugins.map((p) => p.tag));
const encodePlugins = [URLPlugin, URLSearchParamsPlugin, HeadersPlugin, DOMExceptionPlugin];

/**
 * The value in `text` (from a client: the plain form or seroval JSON). Throws `DecodeError` for
 * anything refused or malformed. `form`: the multipart body the text came in, for file references.
 */
export function decodeValue(text: string, form?: FormData): unknown {
  if (textNestingExceeds(text, MAX_TEXT_DEPTH)) throw new DecodeError('nested too deeply');
  let tree: unknown;
  try {
    tree = JSON.parse(text);
  } catch {
    throw new DecodeError('malformed JSON');
  }
  if (isPlainText(text)) return checkPlainTree(tree);
  checkSerovalTree(tree, decodeTags);
  currentForm = form;
  try {
    return fromJSON(tree as SerovalJSON, { plugins: decodePlugins, depthLimit: MAX_DEPTH + 1 });
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof DecodeError ? cause : new DecodeError('malformed value');
  } finally {
    currentForm = undefined;
  }
}

/**
 * `value` as wire text: the plain form when JSON carries it exactly, else seroval JSON,
 * synchronously when it holds no promise (the common case, and cheaper), else a promise (nested promises awaited). Throws/rejects when seroval cannot
 * rebuild something in it (a function, a class instance).
 */
export function encodeValue(value: unknown): string | Promise<string> {
  const plain = plainText(value);
  if (plain !== undefined) return plain;
  try {
    return JSON.stringify(toJSON(value, { plugins: encodePlugins }));
  } catch (error) {
    // The synchronous encoder refuses promises (its error's cause holds the refused value); the
    // asynchronous one awaits them.
    const refused = (error as { cause?: { value?: { then?: unknown } } }).cause?.value;
    if (typeof refused?.then !== 'function') throw error;
    return toJSONAsync(value, { plugins: encodePlugins }).then((json) => JSON.stringify(json));
  }
}
