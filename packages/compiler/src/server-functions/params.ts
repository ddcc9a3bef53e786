/**
 * A server function's parameters as the contract sees them: the names the client reference and
 * the registration list (`params`, used to map form fields to arguments), whether each may be
 * `undefined`, and the type annotation the validator is generated from.
 */
import type { Node } from '../ast.js';

export interface Param {
  /** The parameter's name; `arg0`, `arg1`, … for destructuring patterns. */
  name: string;
  /** The parameter node (for diagnostics). */
  node: Node;
  /** The annotation's type node, if any. */
  type: Node | null;
  /** `x?: T` or `x: T = value`: `undefined` is accepted. */
  optional: boolean;
  /** `...rest: T[]`. */
  rest: boolean;
  /** The default value of `x = value`, for inferring a type when there is no annotation. */
  defaultValue: Node | null;
}

/** The runtime parameters of `fn` (TypeScript's `this` parameter is not one). */
export function parametersOf(fn: Node): Param[] {
  const out: Param[] = [];
  for (const p of fn.params as Node[]) {
    if (p.type === 'Identifier' && p.name === 'this') continue;
    let target = p;
    let defaultValue: Node | null = null;
    if (p.type === 'AssignmentPattern') {
      target = p.left;
      defaultValue = p.right;
    }
    const rest = p.type === 'RestElement';
    // A rest element's annotation sits on the RestElement, a default's on the left side.
    const annotation: Node | null = (rest ? p.typeAnnotation : target.typeAnnotation) ?? null;
    const id = rest ? p.argument : target;
    out.push({
      name: id.type === 'Identifier' ? id.name : `arg${out.length}`,
      node: p,
      type: annotation ? annotation.typeAnnotation : null,
      optional: defaultValue !== null || target.optional === true,
      rest,
      defaultValue,
    });
  }
  return out;
}
