/**
 * The client build also drops the module-level declarations only server code used: a helper
 * next to its server functions (`function query(sql) { return db.run(sql) }`) would otherwise
 * stay in the browser build and keep `db`'s import alive with it.
 *
 * A fixpoint over the module's top-level declarations that are not exported (functions,
 * classes, `const`/`let`/`var` declarations whose declarators bind plain names): one is removed
 * when it is referenced, and every reference to one of its names that resolves to the module
 * scope lies in code already removed (a server function, another removed declaration) or in
 * the declaration itself (recursion). Removing one can make others removable, so it repeats
 * until nothing changes. Unreferenced declarations are left alone: the server did not need them,
 * so they are client code (or dead code the bundler drops).
 */
import type { Node } from '../ast.js';
import { resolveBinding } from '../analyze/scope.js';
import { inRanges, type Range } from './imports.js';
import { walk } from './walk.js';

interface Candidate {
  node: Node;
  names: string[];
  removed: boolean;
}

/** Adds to `removed` the ranges of the declarations only removed code references; returns the new ranges. */
export function serverOnlyDeclarations(program: Node, removed: Range[]): Range[] {
  const candidates = new Map<string, Candidate>();
  for (const s of program.body as Node[]) {
    const names = declaredNames(s);
    if (names === null) continue;
    const candidate: Candidate = { node: s, names, removed: inRanges(removed, s.start) };
    for (const name of names) candidates.set(name, candidate);
  }
  if (candidates.size === 0) return [];

  // Every module-scope reference to a candidate, by position (computed once).
  const references: Array<{ candidate: Candidate; at: number }> = [];
  walk(program, {
    onReference(name, node, scopes) {
      const candidate = candidates.get(name);
      if (candidate && resolveBinding(name, scopes).scope === program) references.push({ candidate, at: node.start });
    },
  });

  const added: Range[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    const liveUse = new Set<Candidate>();
    const serverUse = new Set<Candidate>();
    for (const { candidate, at } of references) {
      const own = at >= candidate.node.start && at < candidate.node.end;
      if (own) continue;
      if (inRanges(removed, at)) serverUse.add(candidate);
      else liveUse.add(candidate);
    }
    for (const candidate of new Set(candidates.values())) {
      if (candidate.removed || liveUse.has(candidate) || !serverUse.has(candidate)) continue;
      candidate.removed = true;
      const range: Range = [candidate.node.start, candidate.node.end];
      removed.push(range);
      added.push(range);
      changed = true;
    }
  }
  return added;
}

/** The names a top-level statement declares, or `null` when it is not a removable declaration. */
function declaredNames(s: Node): string[] | null {
  switch (s.type) {
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
      return s.id ? [s.id.name as string] : null;
    case 'VariableDeclaration': {
      const names: string[] = [];
      for (const d of s.declarations as Node[]) {
        if (d.id.type !== 'Identifier') return null;
        names.push(d.id.name as string);
      }
      return names;
    }
    default:
      return null;
  }
}
