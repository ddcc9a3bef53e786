/**
 * The `"use server"` transform (SERVER-FUNCTIONS.md §1–§3), run by `compile()` before the JSX
 * transform and before type stripping (the validators are generated from type annotations).
 *
 * find.ts      locate server functions, reject misplaced directives
 * ids.ts       ids from the module's relative path and the function's name
 * client.ts    client build: functions → references; declarations.ts and imports.ts drop the
 *              module-level declarations and imports only server code used
 * server.ts    server build: registrations; types.ts + validator.ts generate the validators
 */
import type MagicString from 'magic-string';
import { parseSync } from 'oxc-parser';
import type { Node } from '../ast.js';
import type { CompileWarning, SourceFile } from '../errors.js';
import { languageOf } from '../parse.js';
import { rewriteClient } from './client.js';
import { findServerFunctions, type ServerFunction } from './find.js';
import { relativePath, serverFunctionId } from './ids.js';
import { serverOnlyDeclarations } from './declarations.js';
import { removeServerOnlyImports, type Range } from './imports.js';
import { rewriteServer } from './server.js';
import { TypeResolver } from './types.js';
import { ValidatorModule } from './validator.js';

export { inRanges, type Range } from './imports.js';

export interface ServerFunctionsOptions {
  /** Which build: references (`client`) or registrations (`server`). */
  target: 'client' | 'server';
  /** Project root the ids' paths are relative to (none: the filename as given). */
  root: string | undefined;
  /** Readable ids. */
  dev: boolean;
  /** Where `serverReference` comes from (client) and `registerServerFunction` (server). */
  clientModule: string;
  serverModule: string;
  warnings: CompileWarning[];
}

export interface ServerFunctionsResult {
  /** The runtime import to put at the top of the module. */
  importStatement: string;
  /** Source ranges whose code the client build removed (the JSX transform must skip them). */
  removed: Range[];
}

/** Rewrites the module's server functions in `ms`; `null` when it has none. */
export function transformServerFunctions(file: SourceFile, ms: MagicString, options: ServerFunctionsOptions): ServerFunctionsResult | null {
  // Cheap test first: most modules have neither.
  if (!file.code.includes('use server') && !file.code.includes('validated')) return null;
  const program = parseTyped(file);
  const functions = findServerFunctions(program, file);
  if (functions.length === 0) return null;
  removeModuleDirective(program, ms);
  const path = relativePath(file.filename, options.root);
  const id = (sf: ServerFunction): string => serverFunctionId(path, sf.name, options.dev);

  if (options.target === 'client') {
    const removed = rewriteClient(functions, ms, id, '_$serverReference');
    for (const [start, end] of serverOnlyDeclarations(program, removed)) ms.remove(start, file.code[end] === '\n' ? end + 1 : end);
    removeServerOnlyImports(program, file.code, ms, removed);
    return { importStatement: runtimeImport('serverReference', options.clientModule), removed };
  }
  const validators = new ValidatorModule(new TypeResolver(program), file, options.warnings);
  rewriteServer(functions, ms, id, '_$registerServerFunction', validators);
  return { importStatement: runtimeImport('registerServerFunction', options.serverModule), removed: [] };
}

/**
 * Drops a module-level `"use server"` once it has been acted on: left in place, bundlers warn
 * that they cannot keep its meaning (it means nothing to them).
 */
function removeModuleDirective(program: Node, ms: MagicString): void {
  for (const s of program.body as Node[]) {
    if (s.type !== 'ExpressionStatement' || typeof s.directive !== 'string') return;
    if (s.directive === 'use server') ms.overwrite(s.start, s.end, '');
  }
}

const runtimeImport = (name: string, from: string): string => `import { ${name} as _$${name} } from ${JSON.stringify(from)};`;

/**
 * The module with type annotations: the main parse skips them (smaller, faster AST for the JSX
 * transform), so modules with server functions are parsed once more. The main parse has
 * already reported syntax errors.
 */
function parseTyped(file: SourceFile): Node {
  const result = parseSync(file.filename, file.code, { lang: languageOf(file.filename), sourceType: 'module', preserveParens: true, astType: 'ts' });
  return result.program as unknown as Node;
}
