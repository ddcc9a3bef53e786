/**
 * The server build (SERVER-FUNCTIONS.md §3): each server function is kept as written and
 * registered after the statement that declares it, with its generated validator and form
 * metadata (form.ts), or with the schema of `validated(schema, fn)`:
 *
 *   export async function addTodo(title: string) { … }
 *   _$registerServerFunction("id", addTodo, { name: "addTodo", params: ["title"], validate: (args) => { … } });
 *
 * `validated(schema, fn)` throws when it runs uncompiled, so its call is rewritten in place to
 * `(_$schema$name = schema, fn)`: the schema is evaluated where and when it was written, and
 * only the callee's characters change (source positions of the rest are untouched).
 */
import type MagicString from 'magic-string';
import type { ServerFunction } from './find.js';
import { formMeta } from './form.js';
import { parametersOf } from './params.js';
import type { ValidatorModule } from './validator.js';

/** Registers every server function; the validators' shared helpers go at the end of the module. */
export function rewriteServer(functions: ServerFunction[], ms: MagicString, id: (sf: ServerFunction) => string, register: string, validators: ValidatorModule): void {
  for (const sf of functions) {
    const params = parametersOf(sf.fn);
    const options = [`name: ${JSON.stringify(sf.name)}`, `params: [${params.map((p) => JSON.stringify(p.name)).join(', ')}]`];
    if (sf.get) options.push('get: true');
    if (sf.validated) {
      const schema = `_$schema$${sf.local}`;
      ms.appendRight(sf.statement.start, `let ${schema};\n`);
      ms.overwrite(sf.validated.call.start, sf.validated.schema.start, `(${schema} = `);
      // A trailing comma is valid in a call but not in the sequence expression it becomes.
      const last = sf.validated.call.arguments[1];
      if (ms.original.slice(last.end, sf.validated.call.end - 1).includes(',')) ms.remove(last.end, sf.validated.call.end - 1);
      // The schema applies to the single argument: a form's fields are that object.
      options.push('formShape: "object"', `schema: ${schema}`);
    } else {
      const typeParams = new Set<string>((sf.fn.typeParameters?.params ?? []).map((t: { name: { name: string } }) => t.name.name));
      const checks = validators.paramChecks(sf.local, params, typeParams);
      const form = formMeta(params, checks, validators.resolver);
      if (form.formShape) options.push(`formShape: ${JSON.stringify(form.formShape)}`);
      if (form.fieldTypes) options.push(`fieldTypes: { ${Object.entries(form.fieldTypes).map(([k, t]) => `${JSON.stringify(k)}: ${JSON.stringify(t)}`).join(', ')} }`);
      options.push(`validate: ${validators.validator(params, checks, 1)}`);
    }
    ms.appendRight(sf.statement.end, `\n${register}(${JSON.stringify(id(sf))}, ${sf.local}, {\n  ${options.join(',\n  ')},\n});`);
  }
  const helpers = validators.code();
  if (helpers) ms.append(`\n${helpers}\n`);
}
