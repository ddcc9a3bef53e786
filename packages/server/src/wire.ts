/**
 * `@lepta/server/wire`: the plain-JSON form of a server-function value, shared by the browser
 * stub (`lepta/server-functions`) and the handler (rpc-codec.ts). Browser-safe: no Node imports.
 *
 * Every value on the wire is text in one of two forms (SERVER-FUNCTIONS.md §3):
 * - **plain**: `[<JSON of the value>]`, for values that JSON carries exactly (below);
 * - **seroval**: seroval's JSON format (`{"t":…,"f":…,"m":…}`), for everything else.
 * A plain text starts with `[`, a seroval one with `{`, so the receiver tells them apart by the
 * first character, with no header. The plain form is the common case (objects of strings and
 * numbers) and costs one `JSON.stringify`/`JSON.parse`, where seroval builds and walks a tree of
 * nodes three times the size.
 *
 * "Exactly" means decoding gives what seroval would have given: so no `undefined` (JSON drops
 * it), no `-0`/`NaN`/`±Infinity`, no holes, no object whose prototype is not `Object.prototype`
 * (Dates, Maps, class instances, null-prototype objects), no frozen/sealed objects (seroval keeps
 * those flags), no object reached twice (seroval keeps shared references and cycles), no
 * `toJSON` method (JSON calls it) and no object with the well-known symbol keys seroval keeps
 * (`Symbol.iterator`, `Symbol.asyncIterator`, `Symbol.toStringTag`, `Symbol.isConcatSpreadable`).
 */

/** Deeper values take the seroval form (whose decoder enforces its own limits). */
const MAX_PLAIN_DEPTH = 64;

/**
 * The plain form of `value` (`[json]`), or `undefined` when JSON would not carry it exactly.
 *
 * @example plainText({ id: 1, tags: ['a'] }) // '[{"id":1,"tags":["a"]}]'
 */
export function plainText(value: unknown): string | undefined {
  return isPlain(value, 0, { first: null, more: null }) ? `[${JSON.stringify(value)}]` : undefined;
}

/**
 * The objects met so far, to refuse one met twice. Most values hold one object or none (a
 * result of strings and numbers), so the set is only made for the second.
 */
interface Seen {
  first: object | null;
  more: Set<object> | null;
}

/** Records `object` as met; false if it was met before. */
function meet(object: object, seen: Seen): boolean {
  if (seen.first === null) {
    seen.first = object;
    return true;
  }
  if (object === seen.first) return false;
  const more = (seen.more ??= new Set());
  if (more.has(object)) return false;
  more.add(object);
  return true;
}

function isPlain(value: unknown, depth: number, seen: Seen): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (depth >= MAX_PLAIN_DEPTH || !Object.isExtensible(value) || !meet(value, seen)) return false;
      // `JSON.stringify` calls a `toJSON` method (an array's, or an object's non-enumerable one,
      // which `for…in` below does not see); seroval ignores it.
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) {
          if (!(i in value) || !isPlain(value[i], depth + 1, seen)) return false;
        }
        return true;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      // Seroval keeps these well-known symbol keys of an object (an iterable's items, a tag);
      // JSON drops them.
      if (Symbol.iterator in value || Symbol.asyncIterator in value || Symbol.toStringTag in value || Symbol.isConcatSpreadable in value) return false;
      for (const key in value) {
        // `for…in` also walks inherited enumerable keys; Object.prototype has none unless
        // someone added one, and then the value is not plain.
        if (!Object.hasOwn(value, key)) return false;
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined || !isPlain(item, depth + 1, seen)) return false;
      }
      return true;
    }
    default:
      // undefined, bigint, symbol, function
      return false;
  }
}

/** Whether `text` is in the plain form (else it is seroval JSON). */
export function isPlainText(text: string): boolean {
  return text.charCodeAt(0) === 0x5b; // [
}
