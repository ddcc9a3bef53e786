/**
 * The `"use server"` transform (packages/server/SERVER-FUNCTIONS.md §1–§3).
 *
 * - Fixtures: server-fixtures/<name>/input.ts(x) → client.js and server.js (plus options.json
 *   with compile options). UPDATE_FIXTURES=1 rewrites them; review the diff by eye.
 * - Behaviour: server-mode output written next to this test and imported, with
 *   `registerServerFunction` from a test double (the real runtime is not needed), then the
 *   generated validators called with good and bad values, and property-tested against a
 *   reference checker written here.
 * - Client output: server-only imports gone, client imports kept; errors, warnings, source maps.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, LeptaCompileError, originalPositionFor, type CompileOptions } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const update = process.env.UPDATE_FIXTURES === '1';

describe('fixtures (input → client.js, server.js)', () => {
  const root = join(here, 'server-fixtures');
  const names = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  it('has fixtures', () => expect(names.length).toBeGreaterThan(5));
  for (const name of names) {
    for (const target of ['client', 'server'] as const) {
      it(`${name} (${target})`, () => {
        const dir = join(root, name);
        const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
        const optionsFile = join(dir, 'options.json');
        const options: Partial<CompileOptions> = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
        const result = compile(readFileSync(join(dir, input), 'utf8'), { filename: `src/${input}`, sourceMap: false, ...options, serverFunctions: target });
        let output = result.code;
        if (result.warnings.length > 0) {
          output += '\n// warnings:\n' + result.warnings.map((w) => `// ${w.line}:${w.column} ${w.code}: ${w.message}`).join('\n') + '\n';
        }
        const expectedFile = join(dir, `${target}.js`);
        if (update) writeFileSync(expectedFile, output);
        expect(output).toBe(readFileSync(expectedFile, 'utf8'));
      });
    }
  }
});

// --- compiling and importing server output -------------------------------------------------

const tmp = join(here, `.tmp-server-functions-${process.pid}`);
mkdirSync(tmp, { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// The test double of `registerServerFunction`: records what each module registers.
writeFileSync(
  join(tmp, 'registry.js'),
  'export const registered = new Map();\nexport function registerServerFunction(id, fn, options) { registered.set(id, { fn, ...options }); }\n',
);
let counter = 0;

interface Registered {
  fn: (...args: unknown[]) => unknown;
  name: string;
  params: string[];
  get?: boolean;
  validate?: (args: unknown) => string | null;
  schema?: unknown;
  formShape?: string;
  fieldTypes?: Record<string, string>;
}

/** Compiles `source` for the server (types stripped), imports it, returns what it registered by name. */
async function loadServer(source: string, options: Partial<CompileOptions> = {}): Promise<Record<string, Registered>> {
  const name = `module-${counter++}`;
  const { code } = compile(source, {
    filename: `${name}.ts`,
    serverFunctions: 'server',
    serverFunctionsServerModule: './registry.js',
    typescript: 'strip',
    ...options,
  });
  const file = join(tmp, `${name}.js`);
  writeFileSync(file, code);
  await import(/* @vite-ignore */ pathToFileURL(file).href);
  const { registered } = (await import(/* @vite-ignore */ pathToFileURL(join(tmp, 'registry.js')).href)) as { registered: Map<string, Registered> };
  const out: Record<string, Registered> = {};
  for (const r of registered.values()) out[r.name] = r;
  return out;
}

describe('server output, run', () => {
  it('registers each function with its id, name, params, get, and keeps it callable', async () => {
    const fns = await loadServer(`
      export async function add(a: number, b: number = 1) { 'use server'; return a + b; }
      export const list = async () => { 'use server'; 'use get'; return [1, 2]; };
    `);
    expect(await fns.add!.fn(2, 3)).toBe(5);
    expect(fns.add!.params).toEqual(['a', 'b']);
    expect(fns.add!.get).toBeUndefined();
    expect(fns.list!.get).toBe(true);
    expect(await fns.list!.fn()).toEqual([1, 2]);
  });

  it('derives the form metadata from the types (formShape, fieldTypes)', async () => {
    const fns = await loadServer(`
      interface Signup { email: string; age?: number; tags: string[]; avatar: File | null; plan: 'free' | 'pro'; extra: { a: 1 } }
      export async function signup(input: Signup) { 'use server'; }
      export async function upload(form: FormData) { 'use server'; }
      export async function params(q: string, page = 1, ok?: boolean, ids: number[] = [], when?: Date) { 'use server'; }
    `);
    expect(fns.signup!.formShape).toBe('object');
    expect(fns.signup!.fieldTypes).toEqual({ email: 'string', age: 'number', tags: 'string[]', avatar: 'file', plan: 'string' });
    expect(fns.upload!.formShape).toBe('form');
    expect(fns.upload!.fieldTypes).toBeUndefined();
    expect(fns.params!.formShape).toBeUndefined();
    expect(fns.params!.fieldTypes).toEqual({ q: 'string', page: 'number', ok: 'boolean', ids: 'number[]' });
  });

  it('validates arity, optional and default parameters, rest parameters', async () => {
    const { f, g } = await loadServer(`
      export async function f(a: string, b?: number, c: boolean = false) { 'use server'; }
      export async function g(first: string, ...rest: number[]) { 'use server'; }
    `);
    const v = f!.validate!;
    expect(v(['x'])).toBeNull();
    expect(v(['x', 1, true])).toBeNull();
    expect(v(['x', undefined, undefined])).toBeNull();
    expect(v([])).toBe('args[0]: expected string');
    expect(v(['x', 'y'])).toBe('args[1]: expected finite number');
    expect(v(['x', 1, true, 4])).toBe('args: expected at most 3 arguments');
    expect(v({ 0: 'x' })).toBe('args: expected array');
    expect(v(['x', NaN])).toBe('args[1]: expected finite number');
    expect(v(['x', Infinity])).toBe('args[1]: expected finite number');
    const w = g!.validate!;
    expect(w(['a'])).toBeNull();
    expect(w(['a', 1, 2, 3])).toBeNull();
    expect(w(['a', 1, '2'])).toBe('args[2]: expected finite number');
  });

  it('names the path of the failing value', async () => {
    const { save } = await loadServer(`
      interface Item { title: string; done?: boolean }
      interface List { name: string; items: Item[]; owner: { id: number } }
      export async function save(list: List) { 'use server'; }
    `);
    const v = save!.validate!;
    const good = { name: 'l', items: [{ title: 'a' }, { title: 'b', done: true }], owner: { id: 1 } };
    expect(v([good])).toBeNull();
    expect(v([{ ...good, items: [{ title: 'a' }, { title: 'b' }, { title: 3 }] }])).toBe('args[0].items[2].title: expected string');
    expect(v([{ ...good, extra: 1 }])).toBe('args[0]: unexpected key "extra"');
    expect(v([{ ...good, owner: { id: '1' } }])).toBe('args[0].owner.id: expected finite number');
    expect(v([{ ...good, items: [{ title: 'a', done: 'yes' }] }])).toBe('args[0].items[0].done: expected boolean');
    expect(v([{ name: 'l', items: [] }])).toBe('args[0].owner: expected object');
    expect(v([[]])).toBe('args[0]: expected List');
    expect(v([new (class X {})()])).toBe('args[0]: expected List');
    expect(v([Object.assign(Object.create(null), good)])).toBeNull();
  });

  it('checks recursive types, Date, Map, Set, tuples, literals and unions', async () => {
    const { f } = await loadServer(`
      type Tree = { value: number; children: Tree[] };
      type Shape = { kind: 'circle'; r: number } | { kind: 'square'; side: number };
      export async function f(t: Tree, d: Date, m: Map<string, Set<number>>, p: [string, number?], s: Shape, l: 'a' | 2 | 3n | null) { 'use server'; }
    `);
    const v = f!.validate!;
    const tree = { value: 1, children: [{ value: 2, children: [] }] };
    const ok = [tree, new Date(0), new Map([['a', new Set([1])]]), ['x'], { kind: 'circle', r: 1 }, 3n];
    expect(v(ok)).toBeNull();
    const with_ = (i: number, x: unknown): unknown[] => ok.map((o, j) => (i === j ? x : o));
    expect(v(with_(0, { value: 1, children: [{ value: 2, children: [{ value: 'x', children: [] }] }] }))).toBe('args[0].children[0].children[0].value: expected finite number');
    expect(v(with_(1, new Date(NaN)))).toBe('args[1]: expected valid Date');
    expect(v(with_(1, '2020-01-01'))).toBe('args[1]: expected valid Date');
    expect(v(with_(2, new Map([['a', new Set(['1'])]])))).toBe('args[2].values()[0].values()[0]: expected finite number');
    expect(v(with_(2, new Map([[1, new Set()]])))).toBe('args[2].keys()[0]: expected string');
    expect(v(with_(3, ['x', 1, 2]))).toBe('args[3]: expected tuple of length 1 to 2');
    expect(v(with_(4, { kind: 'circle', side: 1 }))).toBe('args[4]: expected { kind, r } | { kind, side }');
    expect(v(with_(5, 'b'))).toBe('args[5]: expected "a" | 2 | 3n | null');
  });

  it('never throws on hostile input', async () => {
    const { f } = await loadServer(`
      interface A { a: string; d: Date; m: Map<string, number> }
      export async function f(x: A) { 'use server'; }
    `);
    const v = f!.validate!;
    const throwing = new Proxy({}, { getPrototypeOf: () => { throw new Error('no'); } });
    expect(v([throwing])).toBe('args: invalid value');
    const fakeDate = Object.create(Date.prototype);
    expect(v([{ a: 'x', d: fakeDate, m: new Map() }])).toEqual(expect.any(String));
    const badMap = Object.create(Map.prototype);
    expect(v([{ a: 'x', d: new Date(), m: badMap }])).toEqual(expect.any(String));
    expect(v([{ a: 'x', d: new Date(), m: new Map() }])).toBeNull();
  });

  it('a validated(schema, fn) function is registered with the schema, not a validator', async () => {
    const fns = await loadServer(`
      import { validated } from 'lepta';
      const Schema = { '~standard': { validate: (v: unknown) => ({ value: v }) } };
      export const rename = validated(Schema, async (input: { id: string }) => { 'use server'; return input.id; });
    `);
    expect(fns.rename!.validate).toBeUndefined();
    expect((fns.rename!.schema as Record<string, unknown>)['~standard']).toBeDefined();
    expect(await fns.rename!.fn({ id: 'x' })).toBe('x');
  });
});

// --- property: the validator accepts exactly the values of the type ------------------------------

/** A small type language: its TypeScript text, a reference checker, and conforming values. */
type T =
  | { k: 'string' | 'number' | 'boolean' | 'bigint' | 'null' | 'undefined' | 'date' }
  | { k: 'lit'; v: string | number | boolean }
  | { k: 'array'; of: T }
  | { k: 'tuple'; items: T[]; required: number }
  | { k: 'object'; fields: Array<[string, T, boolean]> }
  | { k: 'record'; of: T }
  | { k: 'union'; of: T[] }
  | { k: 'map'; key: T; value: T }
  | { k: 'set'; of: T };

function tsText(t: T): string {
  switch (t.k) {
    case 'date':
      return 'Date';
    case 'lit':
      return JSON.stringify(t.v);
    case 'array':
      return `Array<${tsText(t.of)}>`;
    case 'tuple':
      return `[${t.items.map((x, i) => tsText(x) + (i >= t.required ? '?' : '')).join(', ')}]`;
    case 'object':
      return `{ ${t.fields.map(([k, x, opt]) => `${JSON.stringify(k)}${opt ? '?' : ''}: ${tsText(x)}`).join('; ')} }`;
    case 'record':
      return `Record<string, ${tsText(t.of)}>`;
    case 'union':
      return t.of.map((x) => `(${tsText(x)})`).join(' | ');
    case 'map':
      return `Map<${tsText(t.key)}, ${tsText(t.value)}>`;
    case 'set':
      return `Set<${tsText(t.of)}>`;
    default:
      return t.k;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
const own = (o: object, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined);

/** The reference checker: written from the contract, independently of the generator. */
function conforms(t: T, v: unknown): boolean {
  switch (t.k) {
    case 'string':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return typeof v === t.k;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'null':
      return v === null;
    case 'date':
      return v instanceof Date && !Number.isNaN(v.getTime());
    case 'lit':
      return v === t.v;
    case 'array':
      return Array.isArray(v) && Array.from(v).every((x) => conforms(t.of, x));
    case 'tuple':
      return Array.isArray(v) && v.length >= t.required && v.length <= t.items.length && t.items.every((x, i) => (i >= t.required && v[i] === undefined) || conforms(x, v[i]));
    case 'object': {
      if (!isPlainObject(v)) return false;
      const keys = new Set(t.fields.map((f) => f[0]));
      for (const k in v) if (!keys.has(k)) return false;
      return t.fields.every(([k, x, opt]) => (opt && own(v, k) === undefined) || conforms(x, own(v, k)));
    }
    case 'record':
      return isPlainObject(v) && Object.keys(v).every((k) => conforms(t.of, v[k]));
    case 'union':
      return t.of.some((x) => conforms(x, v));
    case 'map':
      return v instanceof Map && [...v].every(([k, x]) => conforms(t.key, k) && conforms(t.value, x));
    case 'set':
      return v instanceof Set && [...v].every((x) => conforms(t.of, x));
  }
}

/** Values of type `t` (a few with wrong leaves, so near misses are tested too: see `values`). */
function arbitraryOf(t: T): fc.Arbitrary<unknown> {
  switch (t.k) {
    case 'string':
      return fc.string();
    case 'number':
      return fc.double();
    case 'boolean':
      return fc.boolean();
    case 'bigint':
      return fc.bigInt();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'date':
      return fc.date({ noInvalidDate: false });
    case 'lit':
      return fc.constant(t.v);
    case 'array':
      return fc.array(values(t.of), { maxLength: 4 });
    case 'tuple':
      return fc.tuple(...t.items.map(values)).chain((items) => fc.integer({ min: Math.max(0, t.required - 1), max: items.length + 1 }).map((n) => items.slice(0, n)));
    case 'object':
      return fc
        .tuple(...t.fields.map(([, x]) => fc.option(values(x), { nil: undefined, freq: 4 })), fc.option(fc.constantFrom('extra', 'constructor', 'a'), { freq: 4 }))
        .map((parts) => {
          const o: Record<string, unknown> = {};
          t.fields.forEach(([k], i) => {
            if (parts[i] !== undefined) o[k] = parts[i];
          });
          const extra = parts[parts.length - 1];
          if (typeof extra === 'string') o[extra] = 1;
          return o;
        });
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 3 }), values(t.of), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...t.of.map(values));
    case 'map':
      return fc.array(fc.tuple(values(t.key), values(t.value)), { maxLength: 3 }).map((entries) => new Map(entries));
    case 'set':
      return fc.array(values(t.of), { maxLength: 3 }).map((items) => new Set(items));
  }
}

/** Mostly values of the type, sometimes anything at all. */
function values(t: T): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: arbitraryOf(t) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true }) },
  );
}

const TYPES: T[] = [
  { k: 'string' },
  { k: 'union', of: [{ k: 'number' }, { k: 'null' }, { k: 'lit', v: 'x' }] },
  { k: 'array', of: { k: 'union', of: [{ k: 'bigint' }, { k: 'boolean' }] } },
  { k: 'tuple', items: [{ k: 'string' }, { k: 'number' }, { k: 'date' }], required: 2 },
  {
    k: 'object',
    fields: [
      ['title', { k: 'string' }, false],
      ['n', { k: 'number' }, true],
      ['due date', { k: 'union', of: [{ k: 'date' }, { k: 'undefined' }] }, false],
      ['tags', { k: 'array', of: { k: 'string' } }, false],
    ],
  },
  { k: 'record', of: { k: 'object', fields: [['a', { k: 'boolean' }, false]] } },
  { k: 'map', key: { k: 'string' }, value: { k: 'set', of: { k: 'number' } } },
  {
    k: 'union',
    of: [
      { k: 'object', fields: [['kind', { k: 'lit', v: 1 }, false], ['a', { k: 'string' }, false]] },
      { k: 'object', fields: [['kind', { k: 'lit', v: 2 }, false], ['b', { k: 'array', of: { k: 'number' } }, true]] },
      { k: 'array', of: { k: 'null' } },
    ],
  },
];

describe('generated validators accept exactly the values of the type (fast-check)', () => {
  let fns: Record<string, Registered>;
  it('compiles', async () => {
    const source = TYPES.map((t, i) => `export async function f${i}(x: ${tsText(t)}) { 'use server'; }`).join('\n');
    fns = await loadServer(source);
  });
  TYPES.forEach((t, i) => {
    it(tsText(t), () => {
      const validate = fns[`f${i}`]!.validate!;
      fc.assert(
        fc.property(values(t), (v) => {
          expect(validate([v]) === null).toBe(conforms(t, v));
        }),
        { numRuns: 400 },
      );
    });
  });

  it('recursive interfaces (a tree) against a reference checker', async () => {
    const { tree } = await loadServer(`
      interface Node { label: string; children: Node[]; parent?: Node | null }
      export async function tree(n: Node) { 'use server'; }
    `);
    const isNode = (v: unknown): boolean =>
      isPlainObject(v) &&
      Object.keys(v).every((k) => ['label', 'children', 'parent'].includes(k)) &&
      typeof v.label === 'string' &&
      Array.isArray(v.children) &&
      v.children.every(isNode) &&
      (v.parent === undefined || v.parent === null || isNode(v.parent));
    const { node } = fc.letrec((tie) => ({
      node: fc.oneof(
        { maxDepth: 3, withCrossShrink: true },
        fc.anything({ maxDepth: 1 }),
        fc.record({ label: fc.oneof(fc.string(), fc.integer()), children: fc.array(tie('node'), { maxLength: 3 }) }),
        fc.record({ label: fc.string(), children: fc.array(tie('node'), { maxLength: 2 }), parent: fc.oneof(fc.constant(null), tie('node')) }, { requiredKeys: ['label', 'children'] }),
      ),
    }));
    fc.assert(
      fc.property(node, (v) => {
        expect(tree!.validate!([v]) === null).toBe(isNode(v));
      }),
      { numRuns: 400 },
    );
  });
});

// --- client output -------------------------------------------------------------------------------

const clientOf = (source: string, options: Partial<CompileOptions> = {}): string =>
  compile(source, { filename: 'src/api.ts', serverFunctions: 'client', sourceMap: false, ...options }).code;

describe('client output', () => {
  const source = [
    "import { readFile } from 'node:fs/promises';",
    "import { createClient } from 'fake-db';",
    "import { format } from './format';",
    'export async function load(id: string) {',
    "  'use server';",
    '  const db = createClient();',
    "  return format(await db.get(id), await readFile('x', 'utf8'));",
    '}',
    'export function show(v: string) { return format(v); }',
  ].join('\n');

  it('drops imports only server functions use, keeps the ones client code uses', () => {
    for (const typescript of ['preserve', 'strip'] as const) {
      const code = clientOf(source, { typescript });
      expect(code).not.toMatch(/node:fs|fake-db|createClient|readFile/);
      expect(code).toMatch(/import \{ format \} from ['"]\.\/format['"];/);
      expect(code).toContain('import { serverReference as _$serverReference } from "lepta/server-functions";');
      expect(code).toMatch(/export const load = \/\*#__PURE__\*\/ _\$serverReference\("[0-9a-z]{12}", \{ params: \["id"\] \}\);/);
      expect(code).not.toContain('lepta/server"');
    }
  });

  it('never imports the server runtime; the server output never imports the client one', () => {
    const server = compile(source, { filename: 'src/api.ts', serverFunctions: 'server' }).code;
    expect(server).toContain('from "lepta/server";');
    expect(server).not.toContain('lepta/server-functions');
    expect(server).toContain("import { readFile } from 'node:fs/promises';");
  });

  it('uses serverFunctionsClientModule', () => {
    expect(clientOf(source, { serverFunctionsClientModule: './double.js' })).toContain('from "./double.js";');
  });

  it('resolves shadowing: a local of the same name in client code does not keep the import', () => {
    const code = clientOf(
      [
        "import { db } from './db';",
        "import { log } from './log';",
        "export async function a() { 'use server'; return db.x; }",
        'export function b(db: number) { return db; }',
        'export function c() { const log = 1; { return log; } }',
        'export function d() { return log; }',
      ].join('\n'),
    );
    expect(code).not.toContain("from './db'");
    expect(code).toContain("import { log } from './log';");
  });

  it('an import used as a JSX tag by client code stays', () => {
    const code = clientOf(
      "import { Button } from './ui';\nimport { q } from './db';\nexport async function s() { 'use server'; return q(<Button />); }\nexport const V = () => <Button />;\n",
      { filename: 'src/api.tsx' },
    );
    expect(code).toContain("from './ui'");
    expect(code).not.toContain("from './db'");
  });

  it('leaves modules alone when serverFunctions is not set', () => {
    const input = "export async function a() { 'use server'; return 1; }\n";
    expect(compile(input, { filename: 'a.ts' }).code).toBe(input);
  });
});

describe('ids', () => {
  const sha = (s: string): string => BigInt(`0x${createHash('sha256').update(s).digest('hex')}`).toString(36).slice(0, 12);
  const input = "export async function addTodo() { 'use server'; }\nasync function local() { 'use server'; }\n";
  const idsOf = (options: Partial<CompileOptions>): string[] =>
    [...compile(input, { filename: '/p/src/todos.ts', serverFunctions: 'client', sourceMap: false, ...options }).code.matchAll(/_\$serverReference\("([^"]+)"/g)].map((m) => m[1]!);

  it('base36(sha256(relativePath#exportName)).slice(0, 12), relative to root', () => {
    expect(idsOf({ root: '/p' })).toEqual([sha('src/todos.ts#addTodo'), sha('src/todos.ts#local')]);
    expect(idsOf({ root: '/p/' })).toEqual([sha('src/todos.ts#addTodo'), sha('src/todos.ts#local')]);
  });
  it('without root, the filename as given', () => {
    expect(idsOf({})).toEqual([sha('/p/src/todos.ts#addTodo'), sha('/p/src/todos.ts#local')]);
  });
  it('dev: readable', () => {
    expect(idsOf({ root: '/p', dev: true })).toEqual(['src/todos.ts#addTodo', 'src/todos.ts#local']);
  });
  it('client and server agree', () => {
    const server = compile(input, { filename: '/p/src/todos.ts', root: '/p', serverFunctions: 'server' }).code;
    const ids = [...server.matchAll(/_\$registerServerFunction\("([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(idsOf({ root: '/p' }));
  });
});

// --- errors and warnings ------------------------------------------------------------------------

function failure(code: string, target: 'client' | 'server' = 'client'): LeptaCompileError {
  try {
    compile(code, { filename: 'src/api.ts', serverFunctions: target });
  } catch (error) {
    expect(error).toBeInstanceOf(LeptaCompileError);
    return error as LeptaCompileError;
  }
  throw new Error('expected a LeptaCompileError');
}

function expectError(code: string, expected: { code: string; line: number; column: number; reason?: RegExp; hint?: RegExp }): void {
  for (const target of ['client', 'server'] as const) {
    const e = failure(code, target);
    expect({ code: e.code, line: e.line, column: e.column }).toEqual({ code: expected.code, line: expected.line, column: expected.column });
    expect(e.message.startsWith(`src/api.ts:${expected.line}:${expected.column}: `)).toBe(true);
    expect(e.frame).toContain(`> ${expected.line} |`);
    expect(e.hint).not.toBe('');
    if (expected.reason) expect(e.reason).toMatch(expected.reason);
    if (expected.hint) expect(e.hint).toMatch(expected.hint);
  }
}

describe('errors', () => {
  it('LEPTA_SERVER_NESTED names the captured variables', () => {
    expectError(
      ['export function Page(props: { id: string }) {', '  const user = 1;', '  async function save(x: number) {', "    'use server';", '    return x + user + props.id + Math.max(1);', '  }', '}'].join('\n'),
      { code: 'LEPTA_SERVER_NESTED', line: 4, column: 5, reason: /captures `user`, `props`/, hint: /top level/ },
    );
  });
  it('LEPTA_SERVER_NESTED without captures', () => {
    expectError("export const f = () => {\n  const g = async () => { 'use server'; return 1; };\n};", { code: 'LEPTA_SERVER_NESTED', line: 2, column: 27, reason: /nested inside another function$/ });
  });
  it('LEPTA_SERVER_SYNC', () => {
    expectError("const a = 1;\nexport function save() {\n  'use server';\n}", { code: 'LEPTA_SERVER_SYNC', line: 2, column: 8, hint: /async/ });
    expectError("export const save = () => { 'use server'; };", { code: 'LEPTA_SERVER_SYNC', line: 1, column: 21 });
  });
  it('LEPTA_SERVER_POSITION: let, object methods, call arguments, anonymous default export', () => {
    expectError("export let save = async () => { 'use server'; };", { code: 'LEPTA_SERVER_POSITION', line: 1, column: 8, hint: /const/ });
    expectError("export const api = {\n  async save() { 'use server'; },\n};", { code: 'LEPTA_SERVER_POSITION', line: 2, column: 18 });
    expectError("register(async () => { 'use server'; });", { code: 'LEPTA_SERVER_POSITION', line: 1, column: 24 });
    expectError("export default async function () { 'use server'; }", { code: 'LEPTA_SERVER_POSITION', line: 1, column: 16, hint: /Name it/ });
  });
  it('LEPTA_SERVER_VALIDATED: wrong shapes', () => {
    const head = "import { validated } from 'lepta';\n";
    expectError(`${head}export const f = validated(async () => { 'use server'; });`, { code: 'LEPTA_SERVER_VALIDATED', line: 2, column: 18 });
    expectError(`${head}export const f = validated(S, handler);`, { code: 'LEPTA_SERVER_VALIDATED', line: 2, column: 18, hint: /two arguments/ });
    expectError(`${head}export const f = validated(S, async () => 1);`, { code: 'LEPTA_SERVER_VALIDATED', line: 2, column: 18, hint: /use server/ });
    expectError(`${head}export default validated(S, async () => { 'use server'; });`, { code: 'LEPTA_SERVER_VALIDATED', line: 2, column: 16, reason: /module-level/ });
  });
  it('LEPTA_SERVER_GET: "use get" without "use server"', () => {
    expectError("export async function f() {\n  'use get';\n}\nexport async function g() { 'use server'; }", { code: 'LEPTA_SERVER_GET', line: 2, column: 3 });
  });
  it('a local function named validated is not lepta’s', () => {
    expect(() => compile('const validated = (a, b) => b;\nexport const f = validated(1, 2);\n', { filename: 'a.ts', serverFunctions: 'server' })).not.toThrow();
  });
});

describe('warnings', () => {
  it('LEPTA_SERVER_UNVALIDATED names the parameter, points at the type, suggests validated()', () => {
    const { warnings } = compile(
      "import type { User } from './user';\nexport async function f(ok: string, user: User, raw) {\n  'use server';\n}\n",
      { filename: 'src/api.ts', serverFunctions: 'server' },
    );
    expect(warnings.map((w) => [w.code, w.line, w.column])).toEqual([
      ['LEPTA_SERVER_UNVALIDATED', 2, 43],
      ['LEPTA_SERVER_UNVALIDATED', 2, 49],
    ]);
    expect(warnings[0]!.message).toMatch(/Parameter `user` of server function `f`.*`User` is imported.*validated\(schema, /);
    expect(warnings[1]!.message).toMatch(/`raw`.*no type annotation/);
    expect(warnings[0]!.frame).toContain('> 2 |');
  });
  it('the client build does not warn (the server build does, once)', () => {
    expect(compile('export async function f(x: Foo) { "use server"; }', { filename: 'a.ts', serverFunctions: 'client' }).warnings).toEqual([]);
  });
});

// --- source maps ---------------------------------------------------------------------------------

describe('source maps', () => {
  const input = [
    "import { db } from './db';",
    "import { format } from './format';",
    'export async function load(id: string): Promise<string> {',
    "  'use server';",
    '  return format(await db.get(id));',
    '}',
    'export function show(value: string) {',
    '  return format(value.trim());',
    '}',
  ].join('\n');

  const locate = (code: string, needle: string): { line: number; column: number } => {
    const at = code.indexOf(needle);
    expect(at).toBeGreaterThanOrEqual(0);
    const before = code.slice(0, at);
    return { line: before.split('\n').length - 1, column: at - (before.lastIndexOf('\n') + 1) };
  };

  for (const target of ['client', 'server'] as const) {
    for (const typescript of ['preserve', 'strip'] as const) {
      it(`${target}, ${typescript}: kept code maps back`, () => {
        const { code, map } = compile(input, { filename: 'src/api.ts', serverFunctions: target, typescript });
        const needles = target === 'client' ? ['value.trim()'] : ['value.trim()', 'db.get(id)'];
        for (const needle of needles) {
          const pos = originalPositionFor(map!, locate(code, needle).line, locate(code, needle).column);
          expect(pos).toMatchObject(locate(input, needle));
        }
      });
    }
  }
});
