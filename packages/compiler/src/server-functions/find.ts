/**
 * Finding the server functions of a module (SERVER-FUNCTIONS.md §1) and rejecting every
 * `"use server"` function the transform could not compile correctly.
 *
 * A server function is a module-level `async` function declaration, or a function/arrow that is
 * the initializer of a module-level `const` (directly or as the last argument of
 * `validated(schema, fn)`), whose body starts with the `"use server"` directive; in a module
 * whose prologue has `"use server"`, every exported async function is one. Everything else that
 * carries the directive is an error: a nested function (it could capture local variables, which
 * the server cannot see), a non-async one (the client call is always asynchronous), or one in a
 * place the client reference cannot replace (`let`, a method, a call argument).
 */
import { isFunction, unwrap, type Node } from '../ast.js';
import { resolveBinding } from '../analyze/scope.js';
import type { SourceFile } from '../errors.js';
import { walk } from './walk.js';

/** One server function and where it sits in the module. */
export interface ServerFunction {
  /** The name its id is made of: the export name (`default` too), else the binding name. */
  name: string;
  /** The module-level binding that holds it. */
  local: string;
  /** The function node (declaration, function expression or arrow). */
  fn: Node;
  /** The module-level statement it is declared by (an `export` wrapper included). */
  statement: Node;
  /** The `const` initializer (`fn`, or the `validated(…)` call) when declared by a `const`. */
  init: Node | null;
  /** `validated(schema, fn)`: the call and the schema expression. */
  validated: { call: Node; schema: Node } | null;
  /** `export default async function name()`. */
  isDefaultExport: boolean;
  /** `"use get"`: idempotent, callable with GET. */
  get: boolean;
}

const SERVER = 'use server';
const GET = 'use get';

/** The server functions of `program`, in source order. Throws for misplaced directives. */
export function findServerFunctions(program: Node, file: SourceFile): ServerFunction[] {
  const moduleDirective = prologue(program.body).includes(SERVER);
  const validatedNames = validatedImports(program);
  const exportedLocals = localExports(program);
  const functions: ServerFunction[] = [];
  const accepted = new Set<Node>();

  const add = (fn: Node, init: { statement: Node; name: string; local: string; init: Node | null; validated: ServerFunction['validated']; isDefaultExport: boolean }): void => {
    if (!fn.async) {
      throw file.error(
        'LEPTA_SERVER_SYNC',
        fn.start,
        fn.body.start,
        `Server function \`${init.local}\` is not async`,
        'A server function is called over the network, so the client always gets a Promise: declare it `async function` (or `async () =>`).',
      );
    }
    accepted.add(fn);
    functions.push({ fn, ...init, get: prologue(fn.body?.body).includes(GET) });
  };

  for (const statement of program.body as Node[]) {
    const exported = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration';
    const decl: Node | null = exported ? statement.declaration : statement;
    if (!decl) continue;
    const isDefaultExport = statement.type === 'ExportDefaultDeclaration';
    if (isDefaultExport && moduleDirective && isFunction(decl) && decl.type !== 'FunctionDeclaration' && decl.async) {
      throw file.error(
        'LEPTA_SERVER_POSITION',
        decl.start,
        decl.body.start,
        'A default-exported server function must be a named function declaration',
        'Write `export default async function name(…) { … }`: the server registers it under that binding.',
      );
    }
    if (decl.type === 'FunctionDeclaration') {
      const local: string | undefined = decl.id?.name;
      const implicit = moduleDirective && decl.async && (exported || (local !== undefined && exportedLocals.has(local)));
      if (!implicit && !hasDirective(decl, SERVER)) continue;
      if (local === undefined) {
        throw file.error(
          'LEPTA_SERVER_POSITION',
          decl.start,
          decl.body.start,
          'A default-exported server function needs a name',
          'Name it (`export default async function save(…)`): the server registers it under that binding.',
        );
      }
      add(decl, { statement, name: isDefaultExport ? 'default' : local, local, init: null, validated: null, isDefaultExport });
    } else if (decl.type === 'VariableDeclaration') {
      for (const d of decl.declarations as Node[]) {
        if (!d.init || d.id.type !== 'Identifier') continue;
        const local: string = d.id.name;
        const isExported = exported || exportedLocals.has(local);
        const value = unwrap(d.init);
        let fn: Node | null = null;
        let validated: ServerFunction['validated'] = null;
        if (isFunction(value)) fn = value;
        else if (isValidatedCall(value, validatedNames)) {
          fn = validatedShape(value, file);
          validated = { call: value, schema: value.arguments[0] };
          if (!hasDirective(fn, SERVER) && !(moduleDirective && isExported && fn.async)) {
            throw file.error(
              'LEPTA_SERVER_VALIDATED',
              value.start,
              value.end,
              '`validated(schema, fn)` wraps a server function, but this function is not one',
              `Add "use server" as the first statement of the function (\`async (…) => { 'use server'; … }\`).`,
            );
          }
          accepted.add(value);
        }
        if (!fn || !(hasDirective(fn, SERVER) || (moduleDirective && isExported && fn.async))) continue;
        if (decl.kind !== 'const') {
          throw file.error(
            'LEPTA_SERVER_POSITION',
            decl.start,
            d.id.end,
            `Server function \`${local}\` is declared with \`${decl.kind}\``,
            `Declare it with \`const\` (or as an \`async function\`): the client build replaces it with a reference, which must not be reassigned.`,
          );
        }
        add(fn, { statement, name: local, local, init: d.init, validated, isDefaultExport: false });
      }
    }
  }

  rejectMisplaced(program, file, accepted, validatedNames);
  return functions;
}

/** Throws for a `"use server"`/`"use get"` function or a `validated(…)` call that was not accepted. */
function rejectMisplaced(program: Node, file: SourceFile, accepted: Set<Node>, validatedNames: Set<string>): void {
  walk(program, {
    onNode(node, scopes) {
      const nested = scopes.some(isFunction);
      if (node.type === 'CallExpression' && !accepted.has(node) && isValidatedCall(node, validatedNames)) {
        // A nested `validated(…, async () => { 'use server' })` is reported as the nested function.
        if (nested && node.arguments.some((a: Node) => isFunction(unwrap(a)) && hasDirective(unwrap(a), SERVER))) return;
        if (resolveBinding(node.callee.name, scopes).kind !== 'import') return;
        validatedShape(node, file);
        throw file.error(
          'LEPTA_SERVER_VALIDATED',
          node.start,
          node.end,
          '`validated(schema, fn)` must be the initializer of a module-level `const`',
          `Write \`export const name = validated(schema, async (input) => { 'use server'; … });\` at the top level of the module.`,
        );
      }
      if (!isFunction(node) || accepted.has(node) || node.body?.type !== 'BlockStatement') return;
      const directives = prologue(node.body.body);
      if (directives.length === 0) return;
      const at = directiveNode(node, directives.includes(SERVER) ? SERVER : GET);
      if (directives.includes(SERVER)) {
        if (nested) {
          const captured = capturedNames(node, scopes);
          throw file.error(
            'LEPTA_SERVER_NESTED',
            at.start,
            at.end,
            `A "use server" function cannot be nested inside another function` +
              (captured.length ? `: it captures ${captured.map((n) => `\`${n}\``).join(', ')}, which the server cannot see` : ''),
            'Move it to the top level of the module and pass what it needs as arguments' +
              (captured.length ? ` (${captured.join(', ')})` : '') +
              '.',
          );
        }
        throw file.error(
          'LEPTA_SERVER_POSITION',
          at.start,
          at.end,
          'A "use server" function must be a module-level function declaration or `const` initializer',
          "Write `export async function name(…) { 'use server'; … }` or `export const name = async (…) => { 'use server'; … };` at the top level of the module.",
        );
      }
      if (directives.includes(GET)) {
        throw file.error(
          'LEPTA_SERVER_GET',
          at.start,
          at.end,
          '"use get" only applies to server functions',
          `Put "use server" first: \`'use server'; 'use get';\` (or remove "use get").`,
        );
      }
    },
  });
}

/** The names a nested function reads from the functions around it (not module-level or global). */
function capturedNames(fn: Node, scopes: readonly Node[]): string[] {
  const names = new Set<string>();
  walk(
    fn,
    {
      onReference(name, _node, inner) {
        // Its own name (in its declaration, or a recursive call) moves to the top level with it.
        if (name === fn.id?.name) return;
        const { scope } = resolveBinding(name, inner);
        if (scope && scope.type !== 'Program' && (scope.start < fn.start || scope.end > fn.end)) names.add(name);
      },
    },
    scopes.slice(),
  );
  return [...names];
}

/** Checks `validated(schema, fn)`: two arguments, no spread, the last an inline function. Returns it. */
function validatedShape(call: Node, file: SourceFile): Node {
  const args = call.arguments as Node[];
  const last = args.length ? unwrap(args[args.length - 1]!) : null;
  if (args.length !== 2 || args.some((a) => a.type === 'SpreadElement') || !last || !isFunction(last)) {
    throw file.error(
      'LEPTA_SERVER_VALIDATED',
      call.start,
      call.end,
      '`validated` takes a schema and an inline async function: `validated(schema, async (input) => { … })`',
      "Pass exactly two arguments, the second written in place: `validated(Input, async (input) => { 'use server'; … })`.",
    );
  }
  return last;
}

function isValidatedCall(node: Node, names: Set<string>): boolean {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && names.has(node.callee.name);
}

/** Local names of `validated` imported from `lepta`. */
function validatedImports(program: Node): Set<string> {
  const names = new Set<string>();
  for (const s of program.body as Node[]) {
    if (s.type !== 'ImportDeclaration' || s.source.value !== 'lepta' || s.importKind === 'type') continue;
    for (const sp of s.specifiers as Node[]) {
      if (sp.type === 'ImportSpecifier' && sp.importKind !== 'type' && (sp.imported.name ?? sp.imported.value) === 'validated') names.add(sp.local.name);
    }
  }
  return names;
}

/** Names exported by `export { a, b as c }` (no `from`). */
function localExports(program: Node): Set<string> {
  const names = new Set<string>();
  for (const s of program.body as Node[]) {
    if (s.type !== 'ExportNamedDeclaration' || s.source || s.declaration) continue;
    for (const sp of s.specifiers as Node[]) if (sp.local.type === 'Identifier') names.add(sp.local.name);
  }
  return names;
}

/** The directive strings of a statement list's prologue. */
function prologue(statements: Node[] | undefined): string[] {
  const out: string[] = [];
  if (!statements) return out;
  for (const s of statements) {
    if (s.type !== 'ExpressionStatement' || typeof s.directive !== 'string') break;
    out.push(s.directive);
  }
  return out;
}

function hasDirective(fn: Node, directive: string): boolean {
  return fn.body?.type === 'BlockStatement' && prologue(fn.body.body).includes(directive);
}

/** The directive statement `directive` in `fn`'s prologue (for error positions). */
function directiveNode(fn: Node, directive: string): Node {
  for (const s of fn.body?.body ?? []) if (s.directive === directive) return s;
  return fn;
}
