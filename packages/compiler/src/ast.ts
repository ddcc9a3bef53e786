/**
 * The slice of the ESTree (+ TS-ESTree, + JSX) shape the compiler works with, as produced by
 * oxc-parser. Offsets (`start`, `end`) are JavaScript string indices into the source.
 *
 * Nodes are typed loosely on purpose: the compiler reads a few fields of a few node types, and
 * oxc's full type union would cost more in casts than it buys in checking.
 */
import { visitorKeys } from 'oxc-parser';

/** Any AST node: a `type`, a source range, and the node-specific fields. */
export interface Node {
  type: string;
  start: number;
  end: number;
  // Node-specific fields (see ESTree / TS-ESTree / the JSX extension).
  [field: string]: any;
}

/** Keys that hold TypeScript types only: never values, never JSX. */
const TYPE_KEYS = new Set([
  'typeAnnotation',
  'typeParameters',
  'typeArguments',
  'returnType',
  'superTypeArguments',
  'implements',
  'decorators',
]);

/** Statements that are types only (no runtime code, no JSX). */
const TYPE_ONLY = new Set([
  'TSInterfaceDeclaration',
  'TSTypeAliasDeclaration',
  'TSDeclareFunction',
  'TSImportType',
]);

const keysCache: Record<string, readonly string[] | undefined> = Object.create(null);

/** The child keys of a node type that can hold runtime code (type-only keys removed). */
export function childKeys(type: string): readonly string[] {
  let keys = keysCache[type];
  if (keys === undefined) {
    const all = (visitorKeys as Record<string, readonly string[] | undefined>)[type] ?? [];
    keys = all.filter((k) => !TYPE_KEYS.has(k));
    keysCache[type] = keys;
  }
  return keys;
}

/** True for type-only statements, which carry no runtime code. */
export function isTypeOnly(node: Node): boolean {
  const t = node.type;
  // Only TS* node types can be type-only: test the prefix before the set.
  if (t.charCodeAt(0) !== 84 /* T */ || t.charCodeAt(1) !== 83 /* S */) return false;
  return TYPE_ONLY.has(t) || (t === 'TSModuleDeclaration' && node.declare === true);
}

/**
 * Calls `visit` for each direct child node of `node` that can hold runtime code, in source order.
 */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  const type = node.type;
  // The most common nodes have no children that can hold code.
  if (type === 'Identifier' || type === 'Literal' || type === 'JSXText' || type === 'JSXIdentifier' || type === 'TemplateElement' || type === 'ThisExpression') return;
  const keys = childKeys(type);
  for (let i = 0; i < keys.length; i++) {
    const value = node[keys[i]!];
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      for (let j = 0; j < value.length; j++) {
        const item = value[j];
        if (item !== null && typeof item === 'object' && !isTypeOnly(item)) visit(item);
      }
    } else if (typeof value === 'object' && typeof value.type === 'string' && !isTypeOnly(value)) {
      visit(value);
    }
  }
}

/** True for the three kinds of function node. */
export function isFunction(node: Node): boolean {
  const t = node.type;
  return t === 'FunctionDeclaration' || t === 'FunctionExpression' || t === 'ArrowFunctionExpression';
}

/** Removes parentheses and TypeScript-only wrappers (`as`, `!`, `satisfies`, `<T>x`). */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    switch (n.type) {
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        n = n.expression;
        break;
      default:
        return n;
    }
  }
}

/** Adds the names a binding pattern declares (`a`, `{ b: [c] }`, `...d`, `e = 1`) to `out`. */
export function patternNames(pattern: Node | null | undefined, out: string[]): string[] {
  if (!pattern) return out;
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern.name);
      break;
    case 'ObjectPattern':
      for (const p of pattern.properties) patternNames(p.type === 'RestElement' ? p : p.value, out);
      break;
    case 'ArrayPattern':
      for (const e of pattern.elements) patternNames(e, out);
      break;
    case 'RestElement':
      patternNames(pattern.argument, out);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, out);
      break;
    case 'TSParameterProperty':
      patternNames(pattern.parameter, out);
      break;
  }
  return out;
}

/** The indentation of the line `offset` is on. */
export function lineIndent(code: string, offset: number): string {
  let i = offset;
  while (i > 0 && code[i - 1] !== '\n' && code[i - 1] !== '\r') i--;
  let j = i;
  while (code[j] === ' ' || code[j] === '\t') j++;
  return code.slice(i, j);
}
