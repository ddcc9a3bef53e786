/**
 * Arguments are checked before the function runs (SERVER-FUNCTIONS.md §5 step 7): by the
 * explicit Standard Schema (`validated(schema, fn)`: one argument, replaced by the schema's
 * output), else by the validator the compiler generated from the parameter types, else only
 * their number.
 */
import type { ServerFunctionMeta, StandardResult } from './registry.js';

/** The arguments to call with, or the message refusing them. */
export async function validateArguments(meta: ServerFunctionMeta, args: unknown[]): Promise<{ args: unknown[] } | { message: string }> {
  if (meta.schema) {
    if (args.length > 1) return { message: `${meta.name}: expected one argument, got ${args.length}` };
    const result: StandardResult = await meta.schema['~standard'].validate(args[0]);
    if (result.issues) return { message: describeIssues(result.issues) };
    return { args: [result.value] };
  }
  if (meta.validate) {
    const message = meta.validate(args);
    return message === null ? { args } : { message };
  }
  if (args.length > meta.params.length) return { message: `${meta.name}: expected at most ${meta.params.length} arguments, got ${args.length}` };
  return { args };
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
