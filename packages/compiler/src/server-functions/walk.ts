/**
 * A walk over the *whole* typed AST (values and types) that keeps the stack of enclosing scope
 * nodes and tells identifier references apart from names that are not references (property
 * keys, member properties, labels, import/export names).
 *
 * With the scope stack, a reference is resolved by `resolveBinding` (analyze/scope.ts): a
 * declaration that shadows a module-level name resolves to its own scope, so declarations can
 * be passed to `onReference` like any other identifier: they never resolve to the module-level
 * binding they shadow. That keeps this classification short.
 */
import { visitorKeys } from 'oxc-parser';
import type { Node } from '../ast.js';
import { isScopeNode } from '../analyze/scope.js';

export interface WalkCallbacks {
  /** Every node, before its children; `scopes` are the enclosing scope nodes (Program first). */
  onNode?(node: Node, scopes: readonly Node[]): void;
  /** An identifier (or JSX component name) in a position where it names a binding. */
  onReference?(name: string, node: Node, scopes: readonly Node[]): void;
}

/** Walks `root` (usually the Program, or a function with `scopes` its enclosing scopes). */
export function walk(root: Node, callbacks: WalkCallbacks, scopes: Node[] = []): void {
  const visit = (node: Node, parent: Node | null, key: string): void => {
    switch (node.type) {
      case 'Identifier':
        if (parent === null || isReferencePosition(parent, key)) callbacks.onReference?.(node.name, node, scopes);
        return;
      case 'JSXIdentifier':
        // `<Button>` and `<ui.Button>` read a binding; `<div>` and attribute names do not.
        if (parent && (parent.type === 'JSXOpeningElement' || parent.type === 'JSXClosingElement' || (parent.type === 'JSXMemberExpression' && key === 'object'))) {
          const first = node.name.charCodeAt(0);
          if (key === 'object' || !(first >= 97 && first <= 122)) callbacks.onReference?.(node.name, node, scopes);
        }
        return;
      // Names here are not references to module bindings.
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'MetaProperty':
      case 'PrivateIdentifier':
        return;
    }
    if (node.type === 'ExportNamedDeclaration' && node.source) return;
    callbacks.onNode?.(node, scopes);
    const scope = isScopeNode(node);
    if (scope) scopes.push(node);
    const keys = (visitorKeys as Record<string, readonly string[] | undefined>)[node.type] ?? [];
    for (const k of keys) {
      const value = node[k];
      if (value === null || value === undefined || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (item !== null && typeof item === 'object' && typeof item.type === 'string') visit(item, node, k);
      } else if (typeof value.type === 'string') visit(value, node, k);
    }
    if (scope) scopes.pop();
  };
  visit(root, null, '');
}

/** False for identifiers that name a property, label, or export rather than a binding. */
function isReferencePosition(parent: Node, key: string): boolean {
  switch (parent.type) {
    case 'MemberExpression':
      return key !== 'property' || parent.computed === true;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
    case 'AccessorProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
    case 'TSAbstractMethodDefinition':
    case 'TSAbstractPropertyDefinition':
    case 'TSAbstractAccessorProperty':
      return key !== 'key' || parent.computed === true;
    case 'ExportSpecifier':
      return key === 'local';
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key !== 'label';
    case 'TSQualifiedName':
      return key !== 'right';
    case 'TSEnumMember':
      return key !== 'id';
    case 'TSNamedTupleMember':
      return key !== 'label';
    case 'TSImportType':
      return key !== 'qualifier';
    default:
      return true;
  }
}
