/**
 * Arguments are checked before the function runs (SERVER-FUNCTIONS.md §5 step 7): by the
 * explicit Standard Schema (`validated(schema, fn)`: one argument, replaced by the schema's
 * output), else by the validator the compiler generated from the parameter types, else only
 * their number.
 */
import type { ServerFunctionMeta, StandardResult } from './registry.js';

export type Validated = { args: unknown[] } | { message: string };

/**
 * The arguments to call with, or the message refusing them: synchronously unless a schema's
 * validation is asynchronous (every call goes through here, and an `await` of a plain value
 * still costs a turn of the microtask queue).
 */
export function validateArguments(meta: ServerFunctionMeta, args: unknown[]): Validated | Promise<Validated> {
  if (meta.schema) {
    if (args.length > 1) return { message: `${meta.name}: expected one argument, got ${args.length}` };
    const result = meta.schema['~standard'].validate(args[0]) as StandardResult | PromiseLike<StandardResult>;
    return 'then' in result && typeof result.then === 'function' ? Promise.resolve(result).then(fromSchema) : fromSchema(result as StandardResult);
  }
  if (meta.validate) {
    const message = meta.validate(args);
    return message === null ? { args } : { message };
  }
  if (args.length > meta.params.length) return { message: `${meta.name}: expected at most ${meta.params.length} arguments, got ${args.length}` };
  return { args };
}

function fromSchema(result: StandardResult): Validated {
  return result.issues ? { message: describeIssues(result.issues) } : { args: [result.value] };
}

function describeIssues(issues: NonNullable<StandardResult['issues']>): string {
  return issues
    .slice(0, 10)
    .map((issue) => {
      const path = (issue.path ?? []).map((part) => String(typeof part === 'object' && part !== null ? part.key : part)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
