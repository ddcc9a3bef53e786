/**
 * The client build (SERVER-FUNCTIONS.md §3): each server function is replaced by a reference
 * to its endpoint, so its body (and what only the body uses) never reaches the browser.
 *
 *   export async function addTodo(title, done) { … }
 *   → export const addTodo = /*#__PURE__*\/ _$serverReference("id", { params: ["title", "done"] });
 */
import type MagicString from 'magic-string';
import type { ServerFunction } from './find.js';
import type { Range } from './imports.js';
import { parametersOf } from './params.js';

/** Rewrites every server function into a reference; returns the ranges whose code is gone. */
export function rewriteClient(functions: ServerFunction[], ms: MagicString, id: (sf: ServerFunction) => string, reference: string): Range[] {
  const removed: Range[] = [];
  for (const sf of functions) {
    const params = parametersOf(sf.fn).map((p) => JSON.stringify(p.name));
    const call = `/*#__PURE__*/ ${reference}(${JSON.stringify(id(sf))}, { params: [${params.join(', ')}]${sf.get ? ', get: true' : ''} })`;
    if (sf.init) {
      ms.overwrite(sf.init.start, sf.init.end, call);
      removed.push([sf.init.start, sf.init.end]);
    } else if (sf.isDefaultExport) {
      // `export default async function save() {}` also binds `save` in the module: keep both.
      ms.overwrite(sf.statement.start, sf.statement.end, `const ${sf.local} = ${call};\nexport default ${sf.local};`);
      removed.push([sf.statement.start, sf.statement.end]);
    } else {
      ms.overwrite(sf.fn.start, sf.fn.end, `const ${sf.local} = ${call};`);
      removed.push([sf.fn.start, sf.fn.end]);
    }
  }
  return removed;
}
