/**
 * Finding how a name is bound at a given place, by looking through the enclosing scopes
 * (innermost first). Used for `ref={el}`: a `let`/`var`/parameter can be assigned the element,
 * a `const` or an import cannot.
 */
import { isFunction, patternNames, type Node } from '../ast.js';
import type { BindingKind } from './ir.js';

/**
 * How `name` is declared where it is read. `ancestors` lists the enclosing nodes, outermost
 * (Program) first. Returns 'global' when no enclosing scope declares it, and also the
 * declaring node when there is one.
 */
export function resolveBinding(name: string, ancestors: readonly Node[]): { kind: BindingKind; scope: Node | null } {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const node = ancestors[i]!;
    const kind = declares(node, name);
    if (kind) return { kind, scope: node };
  }
  return { kind: 'global', scope: null };
}

/** The kind of binding `node` (a scope-creating node) introduces for `name`, if any. */
function declares(node: Node, name: string): BindingKind | null {
  switch (node.type) {
    case 'Program':
      return statementsDeclare(node.body, name, true) ?? varDeclared(node.body, name);
    case 'BlockStatement':
    case 'StaticBlock':
      return statementsDeclare(node.body, name, false);
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression': {
      for (const p of node.params) if (patternNames(p, []).includes(name)) return 'param';
      if (node.type === 'FunctionExpression' && node.id?.name === name) return 'const';
      return node.body?.type === 'BlockStatement' ? varDeclared(node.body.body, name) : null;
    }
    case 'ClassExpression':
    case 'ClassDeclaration':
      return node.id?.name === name ? 'class' : null;
    case 'ForStatement':
      return node.init?.type === 'VariableDeclaration' ? declarationKind(node.init, name) : null;
    case 'ForInStatement':
    case 'ForOfStatement':
      return node.left?.type === 'VariableDeclaration' ? declarationKind(node.left, name) : null;
    case 'CatchClause':
      return node.param && patternNames(node.param, []).includes(name) ? 'catch' : null;
    case 'SwitchStatement': {
      for (const c of node.cases) {
        const k = statementsDeclare(c.consequent, name, false);
        if (k) return k;
      }
      return null;
    }
    default:
      return null;
  }
}

function declarationKind(decl: Node, name: string): BindingKind | null {
  for (const d of decl.declarations) {
    if (patternNames(d.id, []).includes(name)) {
      return decl.kind === 'var' ? 'var' : decl.kind === 'let' ? 'let' : 'const';
    }
  }
  return null;
}

/** Block-level declarations among `statements` (and imports at the top level). */
function statementsDeclare(statements: Node[], name: string, topLevel: boolean): BindingKind | null {
  for (let s of statements) {
    if (s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') {
      if (!s.declaration) continue;
      s = s.declaration;
    }
    switch (s.type) {
      case 'VariableDeclaration': {
        if (s.kind === 'var') continue; // found by varDeclared with function scope
        const k = declarationKind(s, name);
        if (k) return k;
        break;
      }
      case 'FunctionDeclaration':
        if (s.id?.name === name) return 'function';
        break;
      case 'ClassDeclaration':
        if (s.id?.name === name) return 'class';
        break;
      case 'TSEnumDeclaration':
      case 'TSModuleDeclaration':
        if (s.id?.type === 'Identifier' && s.id.name === name) return 'other';
        break;
      case 'TSImportEqualsDeclaration':
        if (s.id?.name === name) return 'import';
        break;
      case 'ImportDeclaration':
        if (topLevel) for (const sp of s.specifiers) if (sp.local?.name === name) return 'import';
        break;
    }
  }
  return null;
}

/** `var` declarations anywhere in `statements`, not looking into nested functions. */
function varDeclared(statements: Node[], name: string): BindingKind | null {
  for (const s of statements) if (varIn(s, name)) return 'var';
  return null;
}

function varIn(node: Node | null | undefined, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  switch (node.type) {
    case 'VariableDeclaration':
      return node.kind === 'var' && declarationKind(node, name) !== null;
    case 'BlockStatement':
    case 'StaticBlock':
      return node.body.some((s: Node) => varIn(s, name));
    case 'IfStatement':
      return varIn(node.consequent, name) || varIn(node.alternate, name);
    case 'ForStatement':
      return varIn(node.init, name) || varIn(node.body, name);
    case 'ForInStatement':
    case 'ForOfStatement':
      return varIn(node.left, name) || varIn(node.body, name);
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
    case 'WithStatement':
      return varIn(node.body, name);
    case 'TryStatement':
      return varIn(node.block, name) || varIn(node.handler?.body, name) || varIn(node.finalizer, name);
    case 'SwitchStatement':
      return node.cases.some((c: Node) => c.consequent.some((s: Node) => varIn(s, name)));
    case 'ExportNamedDeclaration':
      return varIn(node.declaration, name);
    default:
      return false;
  }
}

/** True if `node` starts a new scope for `resolveBinding` (used to keep ancestor stacks short). */
export function isScopeNode(node: Node): boolean {
  switch (node.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
    case 'ClassExpression':
    case 'ClassDeclaration':
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'CatchClause':
    case 'SwitchStatement':
      return true;
    default:
      return isFunction(node);
  }
}
