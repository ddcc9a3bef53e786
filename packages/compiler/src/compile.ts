/**
 * `compile()`: the pipeline. parse → ("use server" transform, with `serverFunctions`) → collect
 * (JSX roots, component candidates, JSX tag names) → props rewrite → analyze → generate (per
 * mode) → module prelude → (strip types) → source map.
 */
import MagicString from 'magic-string';
import { forEachChild, unwrap, type Node } from './ast.js';
import { JsxAnalyzer } from './analyze/jsx.js';
import type { JsxRoot } from './analyze/ir.js';
import { isScopeNode } from './analyze/scope.js';
import { LeptaCompileError, SourceFile, type CompileWarning } from './errors.js';
import { applyRoot } from './generate/emit.js';
import { MODES, createGenerator, type Mode } from './generate/index.js';
import { ModuleOutput } from './generate/module.js';
import { languageOf, parse } from './parse.js';
import type { Segment, SourceMap } from './sourcemap.js';
import { makeMap, stripTypes } from './strip.js';
import { rewriteDestructuredProps, type ComponentCandidate } from './transform/props.js';
import { inRanges, transformServerFunctions } from './server-functions/index.js';

/** Options of `compile()`. */
export interface CompileOptions {
  /** The file's path or name: used in diagnostics and the source map, and its extension picks the language. */
  filename: string;
  /**
   * What to generate: `'dom'` (default) client code that creates the DOM; `'ssr'` server code that
   * concatenates HTML strings; `'hydrate'` client code that adopts the DOM the server rendered.
   */
  mode?: Mode;
  /**
   * The module compiled code imports runtime helpers from. Default `"lepta/runtime"`
   * (`"lepta/server-runtime"` in `ssr` mode).
   */
  moduleName?: string;
  /**
   * Development output (default `false`): adds what only helps while developing: the JSX
   * location each `hydrate`-mode template root passes to `claim`, named in mismatch warnings,
   * and readable server-function ids (`src/todos.ts#addTodo`).
   */
  dev?: boolean;
  /**
   * `"use server"` functions (packages/server/SERVER-FUNCTIONS.md): `'client'` replaces each with
   * a reference to its endpoint and drops the imports only server code used; `'server'` keeps
   * them and registers them with a validator generated from their parameter types. Absent
   * (default): they are left as written.
   */
  serverFunctions?: 'client' | 'server';
  /** The project root server-function ids are computed relative to (default: the filename as given). */
  root?: string;
  /** Where client output imports `serverReference` from. Default `"lepta/server-functions"`. */
  serverFunctionsClientModule?: string;
  /** Where server output imports `registerServerFunction` from. Default `"lepta/server"`. */
  serverFunctionsServerModule?: string;
  /** `'preserve'` (default) leaves TypeScript in the output; `'strip'` removes it with oxc-transform. */
  typescript?: 'preserve' | 'strip';
  /** Produce a source map (default `true`). */
  sourceMap?: boolean;
}

/** What `compile()` returns. */
export interface CompileResult {
  code: string;
  /** Maps the output back to the input (present unless `sourceMap: false`). */
  map?: SourceMap;
  /** Problems that did not stop compilation. */
  warnings: CompileWarning[];
}

/** A JSX root found by the collecting walk, with its enclosing scopes. */
interface FoundRoot {
  node: Node;
  ancestors: Node[];
}

/**
 * Compiles the JSX in one module for Lepta. Only the JSX (and the parameters of components
 * that destructure their props) is rewritten; the rest of the code is kept as written.
 *
 * Throws `LeptaCompileError` (with file, 1-based line and column, a code frame and a hint)
 * for syntax errors and unsupported constructs; never returns incorrect output silently.
 *
 * @example
 * const { code, map } = compile(source, { filename: 'src/App.tsx', moduleName: '@lepta/dom' });
 */
export function compile(code: string, options: CompileOptions): CompileResult {
  const file = new SourceFile(options.filename, code);
  const progress = { at: 0 };
  try {
    return run(file, options, progress);
  } catch (error) {
    if (error instanceof LeptaCompileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw file.error(
      'LEPTA_INTERNAL',
      progress.at,
      progress.at + 1,
      `Internal compiler error: ${message}`,
      'This is a bug in @lepta/compiler. Please report it with the code around this position.',
    );
  }
}

function run(file: SourceFile, options: CompileOptions, progress: { at: number }): CompileResult {
  const mode = options.mode ?? 'dom';
  if (!MODES.includes(mode)) {
    throw file.error('LEPTA_MODE', 0, 0, `Unknown compile mode ${JSON.stringify(mode)}`, `Use one of ${MODES.map((m) => `'${m}'`).join(', ')}.`);
  }
  const wantMap = options.sourceMap !== false;
  const strip = options.typescript === 'strip' && (languageOf(file.filename) === 'ts' || languageOf(file.filename) === 'tsx');
  const warnings: CompileWarning[] = [];

  const { program } = parse(file);
  const ms = new MagicString(file.code);
  const server = options.serverFunctions
    ? transformServerFunctions(file, ms, {
        target: options.serverFunctions,
        root: options.root,
        dev: options.dev === true,
        clientModule: options.serverFunctionsClientModule ?? 'lepta/server-functions',
        serverModule: options.serverFunctionsServerModule ?? 'lepta/server',
        warnings,
      })
    : null;
  const found = collect(program);
  if (server && server.removed.length > 0) {
    // The client build removed these functions: their JSX and components are gone with them.
    found.roots = found.roots.filter((r) => !inRanges(server.removed, r.node.start));
    found.candidates = found.candidates.filter((c) => !inRanges(server.removed, c.fn.start));
  }
  if (found.roots.length === 0 && found.candidates.length === 0 && !strip && !server) {
    return { code: file.code, ...(wantMap ? { map: makeMap(file, ms.generateMap(MAP_OPTIONS(file)).mappings) } : {}), warnings };
  }

  const rewrite = rewriteDestructuredProps(found.candidates, found.tags, ms, file);
  const analyzer = new JsxAnalyzer({ file, rewritten: rewrite.rewritten, warnings });
  const out = new ModuleOutput(options.moduleName ?? (mode === 'ssr' ? 'lepta/server-runtime' : 'lepta/runtime'), options.dev === true);
  if (mode === 'ssr') for (const name of localNamesOf(program, 'lepta', 'Await')) out.lazyPropsComponents.add(name);
  if (rewrite.usesSplitProps) out.helper('splitProps');
  const generator = createGenerator(mode, out, file, rewrite.tagText);

  const generate = (root: JsxRoot): void => {
    for (const nested of root.nested) generate(nested);
    progress.at = root.start;
    applyRoot(ms, root.start, root.end, generator.root(root));
  };
  for (const r of found.roots) {
    progress.at = r.node.start;
    generate(analyzer.analyze(r.node, r.ancestors));
  }

  // Module prelude and epilogue.
  const delegate = out.delegateStatement();
  const imports = [out.importStatement(), server?.importStatement].filter(Boolean).join('\n');
  const templates = out.templateDeclarations();
  const { importAt, templatesAt } = preludePositions(program, file.code);
  if (imports) ms.appendLeft(importAt, importAt === 0 ? `${imports}\n` : `\n${imports}`);
  if (templates) ms.appendLeft(templatesAt, templatesAt === 0 ? `${templates}\n` : `\n${templates}`);
  if (delegate) ms.append(`\n${delegate}\n`);

  const code = ms.toString();
  if (strip) {
    const decoded = wantMap ? { mappings: ms.generateDecodedMap(MAP_OPTIONS(file)).mappings as Segment[][] } : null;
    const stripped = stripTypes(file, code, decoded);
    return { code: stripped.code, ...(stripped.mappings ? { map: makeMap(file, stripped.mappings) } : {}), warnings };
  }
  if (!wantMap) return { code, warnings };
  return { code, map: makeMap(file, ms.generateMap(MAP_OPTIONS(file)).mappings), warnings };
}

/** The local names `import { exported as local } from source` binds in `program`. */
function localNamesOf(program: Node, source: string, exported: string): string[] {
  const names: string[] = [];
  for (const s of program.body as Node[]) {
    if (s.type !== 'ImportDeclaration' || s.source.value !== source) continue;
    for (const sp of s.specifiers as Node[]) {
      if (sp.type === 'ImportSpecifier' && (sp.imported.name ?? sp.imported.value) === exported) names.push(sp.local.name as string);
    }
  }
  return names;
}

/** Where to put the runtime import (after directives) and the templates (after leading imports). */
function preludePositions(program: Node, code: string): { importAt: number; templatesAt: number } {
  let importAt = code.startsWith('#!') ? (code.indexOf('\n') === -1 ? code.length : code.indexOf('\n')) : 0;
  let templatesAt = importAt;
  let inDirectives = true;
  for (const s of program.body as Node[]) {
    if (inDirectives && s.type === 'ExpressionStatement' && typeof s.directive === 'string') {
      importAt = templatesAt = s.end;
      continue;
    }
    inDirectives = false;
    if (s.type === 'ImportDeclaration' || s.type === 'TSImportEqualsDeclaration') {
      templatesAt = s.end;
      continue;
    }
    break;
  }
  return { importAt, templatesAt };
}

/**
 * Source maps: magic-string's `hires: 'boundary'`, a segment at every word boundary (each
 * identifier, keyword, number and punctuation character), so every position a debugger or a
 * stack trace can point at maps back exactly; character-level `hires: true` costs twice as much.
 */
const MAP_OPTIONS = (file: SourceFile) => ({ hires: 'boundary', source: file.filename }) as const;

/**
 * One walk over the program: the outermost JSX nodes (with their enclosing scope nodes, for
 * binding lookups), the functions that may be components (PascalCase, first parameter an object
 * pattern; outer before inner), and the names used as JSX tags.
 */
function collect(program: Node): { roots: FoundRoot[]; candidates: ComponentCandidate[]; tags: Set<string> } {
  const roots: FoundRoot[] = [];
  const candidates: ComponentCandidate[] = [];
  const tags = new Set<string>();
  const scopes: Node[] = [];
  const named = new Set<Node>();
  let jsxDepth = 0;

  const candidate = (fn: Node, name: string | undefined): void => {
    if (!name || !/^[A-Z]/.test(name) || named.has(fn)) return;
    const first = fn.params[0] as Node | undefined;
    if (!first) return;
    const pattern = first.type === 'AssignmentPattern' ? first.left : first;
    if (pattern.type !== 'ObjectPattern') return;
    named.add(fn);
    candidates.push({ fn, name });
  };

  const visit = (node: Node): void => {
    const type = node.type;
    // Leaves (the most common nodes) hold neither functions nor JSX.
    if (type === 'Identifier' || type === 'Literal' || type === 'JSXText' || type === 'JSXIdentifier' || type === 'TemplateElement') return;
    switch (type) {
      case 'JSXElement':
      case 'JSXFragment': {
        if (jsxDepth === 0) roots.push({ node, ancestors: scopes.slice() });
        if (node.type === 'JSXElement') {
          let name = node.openingElement.name as Node;
          while (name.type === 'JSXMemberExpression') name = name.object;
          if (name.type === 'JSXIdentifier') tags.add(name.name);
        }
        jsxDepth++;
        forEachChild(node, visit);
        jsxDepth--;
        return;
      }
      case 'VariableDeclarator': {
        const init = node.init ? unwrap(node.init) : null;
        if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') && node.id.type === 'Identifier') candidate(init, node.id.name);
        break;
      }
      case 'FunctionDeclaration':
      case 'FunctionExpression':
        candidate(node, node.id?.name);
        break;
    }
    const scope = isScopeNode(node);
    if (scope) scopes.push(node);
    forEachChild(node, visit);
    if (scope) scopes.pop();
  };
  visit(program);
  return { roots, candidates, tags };
}
