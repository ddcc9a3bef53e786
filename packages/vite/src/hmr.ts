/**
 * Component hot replacement in `vite dev` (browser modules only): after compilation, a footer
 * registers the module's top-level components with lepta/hmr and rebinds their names to the
 * stable wrappers it returns, then self-accepts when that is safe. The registry does the update
 * itself when the re-executed module registers again (see packages/dom/src/hmr.ts).
 *
 * The code above the footer keeps its length and line breaks (`const` becomes `let  `, so that
 * arrow-function components can be rebound), so the compiler's source map stays exact.
 */
import { parseSync } from 'vite';

/** Where the footer imports the runtime from (resolved from the app, like `lepta/runtime`). */
export const HMR_RUNTIME = 'lepta/hmr';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const PASCAL = /^[A-Z]/;

/** A function that may be a component: sync, not a generator, at most one parameter (props). */
function isComponentFunction(fn: Node | null | undefined): boolean {
  if (!fn) return false;
  if (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return false;
  return !fn.async && !fn.generator && (fn.params as Node[]).length <= 1;
}

/**
 * Returns `code` with the HMR footer, or `null` when the module has no top-level component.
 * `code` is the compiler's JavaScript output (types already stripped).
 */
export function addHmrFooter(code: string, moduleId: string): string | null {
  const { program, errors } = parseSync(moduleId + '.js', code, { sourceType: 'module', lang: 'js' });
  if (errors.length > 0) return null;
  const components = new Set<string>();
  const constAt: number[] = [];
  /** Exported local names; `null` when something is exported that the footer cannot rebind. */
  let exported: Set<string> | null = new Set();

  const declaration = (node: Node, isExported: boolean): void => {
    if (node.type === 'FunctionDeclaration') {
      const name = (node.id as Node | null)?.name as string | undefined;
      if (name && PASCAL.test(name) && isComponentFunction(node)) components.add(name);
      if (isExported) {
        if (name && components.has(name)) exported?.add(name);
        else exported = null;
      }
    } else if (node.type === 'VariableDeclaration') {
      let rebinds = false;
      for (const d of node.declarations as Node[]) {
        const id = d.id as Node;
        let init = d.init as Node | null;
        while (init && init.type === 'ParenthesizedExpression') init = init.expression as Node;
        const name = id.type === 'Identifier' ? (id.name as string) : undefined;
        if (name && PASCAL.test(name) && isComponentFunction(init)) {
          components.add(name);
          rebinds = true;
          if (isExported) exported?.add(name);
        } else if (isExported) {
          exported = null;
        }
      }
      if (rebinds && node.kind === 'const') constAt.push(node.start);
    } else if (isExported) {
      exported = null;
    }
  };

  /** `export default App;`: a value exported once, unless it becomes a live binding (below). */
  let defaultName: { name: string; start: number; end: number } | undefined;
  for (const statement of program.body as unknown as Node[]) {
    switch (statement.type) {
      case 'ExportNamedDeclaration':
        if (statement.declaration) declaration(statement.declaration as Node, true);
        else if (statement.source || (statement.specifiers as Node[]).length > 0) {
          // Re-exports, and `export { X as Y }` (resolved below against the components).
          if (statement.source) exported = null;
          else for (const s of statement.specifiers as Node[]) exported?.add(String((s.local as Node).name ?? (s.local as Node).value));
        }
        break;
      case 'ExportDefaultDeclaration': {
        const d = statement.declaration as Node;
        // `export default function App()` exports the binding the footer rebinds; `export default
        // App` exports the value before the footer ran, which importers would keep.
        if (d.type === 'FunctionDeclaration' && d.id) declaration(d, true);
        else if (d.type === 'Identifier') defaultName = { name: d.name as string, start: statement.start, end: statement.end };
        else exported = null;
        break;
      }
      case 'ExportAllDeclaration':
        exported = null;
        break;
      default:
        declaration(statement, false);
    }
  }
  if (components.size === 0) return null;
  // `export default App;` exports App's value at that moment; `export { App as default }` is a
  // live binding to the local, which the footer rebinds to the wrapper: the same export, kept up
  // to date (the statement is rewritten in place; only that line's columns after it shift).
  let rewriteDefault: { start: number; end: number; text: string } | undefined;
  if (defaultName) {
    if (components.has(defaultName.name)) {
      exported?.add(defaultName.name);
      rewriteDefault = { start: defaultName.start, end: defaultName.end, text: `export { ${defaultName.name} as default };` };
    } else exported = null;
  }
  // Self-accept only when importers see nothing but wrappers: they keep the old module's exports,
  // which forward to the new implementations. Otherwise the update goes to the importers (and
  // at worst becomes a full reload), as without this footer.
  const accept = exported !== null && exported.size > 0 && [...exported].every((name) => components.has(name));

  let out = code;
  for (const at of constAt) if (out.startsWith('const', at)) out = out.slice(0, at) + 'let  ' + out.slice(at + 5);
  if (rewriteDefault) out = out.slice(0, rewriteDefault.start) + rewriteDefault.text + out.slice(rewriteDefault.end);
  const names = [...components].join(', ');
  out +=
    `\nimport { hotModule as __leptaHot } from ${JSON.stringify(HMR_RUNTIME)};\n` +
    `({ ${names} } = __leptaHot(${JSON.stringify(moduleId)}, { ${names} }));\n` +
    (accept ? 'if (import.meta.hot) import.meta.hot.accept();\n' : '');
  return out;
}
