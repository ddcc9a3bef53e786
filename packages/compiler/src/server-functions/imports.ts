/**
 * The client build drops the imports that only server code used, so `node:fs` or a database
 * client never reaches the browser bundle (SERVER-FUNCTIONS.md §3).
 *
 * Every reference in the module (values, types and JSX tags) is resolved through its enclosing
 * scopes; an import binding is removed when it is referenced, and every reference to it (not to
 * a local that shadows it) lies in a removed range: a server function's body, signature,
 * validator schema. Imports nobody references, side-effect imports (`import "x"`) and
 * `import type` are left as they are.
 */
import type MagicString from 'magic-string';
import type { Node } from '../ast.js';
import { resolveBinding } from '../analyze/scope.js';
import { walk } from './walk.js';

/** A source range `[start, end)`. */
export type Range = readonly [number, number];

/** True if `offset` lies in one of `ranges`. */
export function inRanges(ranges: readonly Range[], offset: number): boolean {
  for (const [start, end] of ranges) if (offset >= start && offset < end) return true;
  return false;
}

interface Usage {
  inside: number;
  outside: number;
}

/** Removes (or narrows) the import declarations only `removed` code referenced. */
export function removeServerOnlyImports(program: Node, code: string, ms: MagicString, removed: readonly Range[]): void {
  const usage = new Map<string, Usage>();
  const imports: Node[] = [];
  for (const s of program.body as Node[]) {
    if (s.type !== 'ImportDeclaration' || s.importKind === 'type' || s.specifiers.length === 0) continue;
    imports.push(s);
    for (const sp of s.specifiers as Node[]) if (sp.importKind !== 'type') usage.set(sp.local.name, { inside: 0, outside: 0 });
  }
  if (usage.size === 0) return;

  walk(program, {
    onReference(name, node, scopes) {
      const u = usage.get(name);
      if (!u || resolveBinding(name, scopes).kind !== 'import') return;
      if (inRanges(removed, node.start)) u.inside++;
      else u.outside++;
    },
  });

  const serverOnly = (sp: Node): boolean => {
    const u = sp.importKind === 'type' ? undefined : usage.get(sp.local.name);
    return u !== undefined && u.inside > 0 && u.outside === 0;
  };
  for (const decl of imports) {
    const specifiers = decl.specifiers as Node[];
    const kept = specifiers.filter((sp) => !serverOnly(sp));
    if (kept.length === specifiers.length) continue;
    if (kept.length === 0) {
      ms.remove(decl.start, code[decl.end] === '\n' ? decl.end + 1 : decl.end);
      continue;
    }
    if (kept.every((sp) => sp.importKind === 'type')) {
      // Only inline type imports are left: keep them as an `import type` (no runtime import).
      const names = kept.map((sp) => code.slice(sp.imported.start, sp.end));
      ms.overwrite(decl.start, decl.end, `import type { ${names.join(', ')} } from ${code.slice(decl.source.start, decl.end)}`);
      continue;
    }
    const first = kept[0]!.type === 'ImportDefaultSpecifier' ? kept[0]!.local.name : '';
    const namespace = kept.find((sp) => sp.type === 'ImportNamespaceSpecifier');
    const named = kept.filter((sp) => sp.type === 'ImportSpecifier').map((sp) => code.slice(sp.start, sp.end));
    const clauses = [first, namespace ? code.slice(namespace.start, namespace.end) : '', named.length ? `{ ${named.join(', ')} }` : ''].filter(Boolean);
    ms.overwrite(decl.start, decl.end, `import ${clauses.join(', ')} from ${code.slice(decl.source.start, decl.end)}`);
  }
}
