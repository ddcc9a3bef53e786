/**
 * TypeScript type annotations → `Check`, the small description of a runtime check the validator
 * generator emits (SERVER-FUNCTIONS.md §3 lists the supported types).
 *
 * Named types (interfaces and type aliases declared in the module) resolve once each; a
 * reference to one that is still being resolved (recursion) becomes a `ref`, compiled to a call
 * of that type's helper function, so cycles cost nothing special. A type the compiler cannot
 * check (imported, generic, mapped, conditional, classes, functions, …) throws `Unsupported`,
 * which the caller turns into a warning for the parameter.
 */
import type { Node } from '../ast.js';

/** A runtime check. `test` builds a boolean JS expression for a value held in variable `v`. */
export type Check =
  | { k: 'any' }
  | { k: 'test'; test: (v: string) => string; desc: string }
  | { k: 'union'; members: Check[] }
  | { k: 'array'; elem: Check }
  | { k: 'tuple'; elems: Check[]; min: number; rest: Check | null }
  | { k: 'object'; props: Prop[]; index: Check | null; desc: string }
  | { k: 'map'; key: Check; value: Check }
  | { k: 'set'; elem: Check }
  | { k: 'ref'; name: string };

/** A field of an object type. */
export interface Prop {
  key: string;
  optional: boolean;
  check: Check;
}

/** A type the compiler cannot check: where and why. */
export class Unsupported {
  constructor(
    readonly node: Node,
    readonly reason: string,
  ) {}
}

const test = (desc: string, build: (v: string) => string): Check => ({ k: 'test', test: build, desc });
const ANY: Check = { k: 'any' };
const KEYWORDS: Record<string, Check> = {
  TSStringKeyword: test('string', (v) => `typeof ${v} === "string"`),
  TSNumberKeyword: test('finite number', (v) => `Number.isFinite(${v})`),
  TSBooleanKeyword: test('boolean', (v) => `typeof ${v} === "boolean"`),
  TSBigIntKeyword: test('bigint', (v) => `typeof ${v} === "bigint"`),
  TSNullKeyword: test('null', (v) => `${v} === null`),
  TSUndefinedKeyword: test('undefined', (v) => `${v} === undefined`),
  TSVoidKeyword: test('undefined', (v) => `${v} === undefined`),
  TSNeverKeyword: test('never', () => 'false'),
  TSUnknownKeyword: ANY,
  TSAnyKeyword: ANY,
};
/** Instances of platform classes; the `typeof` guard keeps the check safe where one is missing. */
const INSTANCES: Record<string, Check> = {
  Date: test('valid Date', (v) => `_$svDate(${v})`),
  File: test('File', (v) => `typeof File === "function" && ${v} instanceof File`),
  Blob: test('Blob', (v) => `typeof Blob === "function" && ${v} instanceof Blob`),
  FormData: test('FormData', (v) => `typeof FormData === "function" && ${v} instanceof FormData`),
};

/** The check of a keyword type node (`TSStringKeyword`, …), if it is one. */
export function keywordCheck(type: string): Check | null {
  return KEYWORDS[type] ?? null;
}

/** True for checks that are one expression (inlined where used, never a helper of their own). */
export function isSimple(c: Check): boolean {
  return c.k === 'test' || c.k === 'any' || (c.k === 'union' && c.members.every(isSimple));
}

/** What a value failing `c` was expected to be, for messages. */
export function describe(c: Check): string {
  switch (c.k) {
    case 'any':
      return 'unknown';
    case 'test':
    case 'object':
      return c.desc;
    case 'union':
      // Anonymous object members are told apart by their keys: `{ kind, a } | { kind, b }`.
      return c.members.map((m) => (m.k === 'object' && m.desc === 'object' ? `{ ${m.props.map((p) => p.key).join(', ')} }` : describe(m))).join(' | ');
    case 'array':
      return 'array';
    case 'tuple':
      return 'tuple';
    case 'map':
      return 'Map';
    case 'set':
      return 'Set';
    case 'ref':
      return c.name;
  }
}

/** Resolves annotations of one module; named types are shared by all its server functions. */
export class TypeResolver {
  /** Interface declarations (several merge) and type aliases, by name. */
  private readonly declarations = new Map<string, Node[]>();
  private readonly imported = new Set<string>();
  /** Named types: resolved, being resolved, or why they cannot be. */
  private readonly named = new Map<string, Check | 'pending' | Unsupported>();

  constructor(program: Node) {
    for (const s of program.body as Node[]) {
      const d = s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration' ? s.declaration : s;
      if (!d) continue;
      if (d.type === 'TSInterfaceDeclaration' || d.type === 'TSTypeAliasDeclaration') {
        const list = this.declarations.get(d.id.name) ?? [];
        list.push(d);
        this.declarations.set(d.id.name, list);
      } else if (d.type === 'ImportDeclaration') {
        for (const sp of d.specifiers as Node[]) this.imported.add(sp.local.name);
      }
    }
  }

  /** The resolved named type `name` (after a successful `resolve` that used it). */
  namedCheck(name: string): Check {
    const c = this.named.get(name);
    if (!c || c === 'pending' || c instanceof Unsupported) throw new Error(`named type ${name} is not resolved`);
    return c;
  }

  /**
   * The check for a parameter's annotation. `typeParams` are the function's type parameters
   * (generic, so not checkable). Throws `Unsupported`.
   */
  resolve(type: Node, typeParams: ReadonlySet<string>): Check {
    const before = new Set(this.named.keys());
    try {
      return this.type(type, typeParams);
    } catch (error) {
      // Named types resolved during a failed resolution may refer to the one that failed
      // (through a cycle that was pending then): forget them, they are resolved again if used.
      for (const [name, value] of this.named) if (!before.has(name) && !(value instanceof Unsupported)) this.named.delete(name);
      throw error;
    }
  }

  private type(node: Node, tp: ReadonlySet<string>): Check {
    const keyword = KEYWORDS[node.type];
    if (keyword) return keyword;
    switch (node.type) {
      case 'TSParenthesizedType':
        return this.type(node.typeAnnotation, tp);
      case 'TSLiteralType':
        return literal(node);
      case 'TSUnionType': {
        const members: Check[] = [];
        const add = (c: Check): void => {
          // `undefined | void`: the same test twice would only lengthen the code and the message.
          if (c.k !== 'test' || !members.some((m) => m.k === 'test' && m.desc === c.desc)) members.push(c);
        };
        for (const t of node.types as Node[]) {
          const c = this.type(t, tp);
          if (c.k === 'any') return ANY;
          if (c.k === 'union') c.members.forEach(add);
          else add(c);
        }
        return members.length === 1 ? members[0]! : { k: 'union', members };
      }
      case 'TSArrayType':
        return { k: 'array', elem: this.type(node.elementType, tp) };
      case 'TSTypeOperator':
        if (node.operator === 'readonly') return this.type(node.typeAnnotation, tp);
        throw new Unsupported(node, `\`${node.operator}\` types are not checked`);
      case 'TSTupleType':
        return this.tuple(node, tp);
      case 'TSTypeLiteral':
        return this.object(node.members, 'object', tp);
      case 'TSTypeReference':
        return this.reference(node, tp);
      default:
        throw new Unsupported(node, `${KIND_NAMES[node.type] ?? 'this kind of type'} cannot be checked`);
    }
  }

  private tuple(node: Node, tp: ReadonlySet<string>): Check {
    const elems: Check[] = [];
    let min = 0;
    let rest: Check | null = null;
    for (let el of node.elementTypes as Node[]) {
      let optional = false;
      if (el.type === 'TSRestType') {
        let inner = el.typeAnnotation;
        if (inner.type === 'TSNamedTupleMember') inner = inner.elementType;
        const c = this.type(inner, tp);
        if (c.k !== 'array') throw new Unsupported(el, 'only a trailing `...T[]` rest element is checked in tuples');
        rest = c.elem;
        continue;
      }
      if (rest) throw new Unsupported(el, 'elements after a rest element are not checked');
      if (el.type === 'TSNamedTupleMember') {
        optional = el.optional === true;
        el = el.elementType;
      }
      if (el.type === 'TSOptionalType') {
        optional = true;
        el = el.typeAnnotation;
      }
      elems.push(this.type(el, tp));
      if (!optional) min = elems.length;
    }
    return { k: 'tuple', elems, min, rest };
  }

  /** Object literal types and interface bodies: named fields, and at most one string index signature. */
  private object(members: Node[], desc: string, tp: ReadonlySet<string>, into?: { props: Prop[]; index: Check | null }): Check {
    const out = into ?? { props: [], index: null };
    for (const m of members) {
      if (m.type === 'TSPropertySignature' && !m.computed && m.typeAnnotation) {
        const key = m.key.type === 'Identifier' ? m.key.name : m.key.type === 'Literal' ? String(m.key.value) : null;
        if (key === null || key === '__proto__') throw new Unsupported(m.key, 'this property key cannot be checked');
        const check = this.type(m.typeAnnotation.typeAnnotation, tp);
        const existing = out.props.findIndex((p) => p.key === key);
        const prop = { key, optional: m.optional === true, check };
        if (existing === -1) out.props.push(prop);
        else out.props[existing] = prop;
      } else if (m.type === 'TSIndexSignature' && m.parameters.length === 1 && m.parameters[0].typeAnnotation?.typeAnnotation.type === 'TSStringKeyword') {
        out.index = this.type(m.typeAnnotation.typeAnnotation, tp);
      } else {
        throw new Unsupported(m, 'methods, call signatures and computed or non-string keys cannot be checked');
      }
    }
    return { k: 'object', props: out.props, index: out.index, desc };
  }

  private reference(node: Node, tp: ReadonlySet<string>): Check {
    if (node.typeName.type !== 'Identifier') throw new Unsupported(node, 'qualified type names (`ns.Type`) cannot be checked');
    const name: string = node.typeName.name;
    const args: Node[] = node.typeArguments?.params ?? [];
    if (tp.has(name)) throw new Unsupported(node, `\`${name}\` is a type parameter (generic functions cannot be checked)`);
    if (this.declarations.has(name)) {
      if (args.length > 0) throw new Unsupported(node, `generic type \`${name}\` cannot be checked`);
      return this.namedType(name);
    }
    if (this.imported.has(name)) throw new Unsupported(node, `\`${name}\` is imported (only types declared in this module are checked)`);
    const instance = INSTANCES[name];
    if (instance && args.length === 0) return instance;
    const arg = (i: number): Check => this.type(args[i]!, tp);
    switch (`${name}/${args.length}`) {
      case 'Array/1':
      case 'ReadonlyArray/1':
        return { k: 'array', elem: arg(0) };
      case 'Map/2':
      case 'ReadonlyMap/2':
        return { k: 'map', key: arg(0), value: arg(1) };
      case 'Set/1':
      case 'ReadonlySet/1':
        return { k: 'set', elem: arg(0) };
      case 'Record/2':
        if (args[0]!.type === 'TSStringKeyword') return { k: 'object', props: [], index: arg(1), desc: 'object' };
    }
    throw new Unsupported(node, `\`${name}${args.length ? '<…>' : ''}\` is not a type the compiler can check`);
  }

  /** A type declared in the module, resolved once; a `ref` while it is being resolved. */
  private namedType(name: string): Check {
    const state = this.named.get(name);
    if (state === 'pending') return { k: 'ref', name };
    if (state instanceof Unsupported) throw state;
    if (state) return isSimple(state) ? state : { k: 'ref', name };
    this.named.set(name, 'pending');
    let check: Check;
    try {
      check = this.declaration(name);
    } catch (error) {
      if (error instanceof Unsupported) this.named.set(name, error);
      throw error;
    }
    this.named.set(name, check);
    return isSimple(check) ? check : { k: 'ref', name };
  }

  /** The check for a named type's declaration(s); the function's type parameters are not in scope there. */
  private declaration(name: string): Check {
    const decls = this.declarations.get(name)!;
    const none: ReadonlySet<string> = new Set();
    if (decls[0]!.type === 'TSTypeAliasDeclaration') {
      const alias = decls[0]!;
      if (alias.typeParameters) throw new Unsupported(alias, `generic type \`${name}\` cannot be checked`);
      const c = this.type(alias.typeAnnotation, none);
      return c.k === 'object' && c.desc === 'object' ? { ...c, desc: name } : c;
    }
    const out = { props: [] as Prop[], index: null as Check | null };
    for (const d of decls) {
      if (d.type !== 'TSInterfaceDeclaration' || d.typeParameters) throw new Unsupported(d, `\`${name}\` cannot be checked (generic, or declared twice)`);
      for (const h of (d.extends ?? []) as Node[]) {
        if (h.expression.type !== 'Identifier' || h.typeArguments || !this.declarations.has(h.expression.name)) {
          throw new Unsupported(h, `\`${name}\` extends a type that is not declared in this module`);
        }
        const base = this.namedType(h.expression.name);
        const body = base.k === 'ref' ? this.named.get(base.name) : base;
        if (!body || body === 'pending' || body instanceof Unsupported || body.k !== 'object') throw new Unsupported(h, `\`${name}\` extends a type that is not an object type`);
        for (const p of body.props) out.props.push(p);
        out.index = body.index ?? out.index;
      }
      this.object(d.body.body, name, none, out);
    }
    return { k: 'object', props: out.props, index: out.index, desc: name };
  }
}

/** `"a"`, `1`, `-1`, `true`, `1n`, `` `a` `` literal types. */
function literal(node: Node): Check {
  const lit = node.literal;
  let code: string | null = null;
  if (lit.type === 'Literal') {
    if (typeof lit.bigint === 'string') code = `${lit.bigint}n`;
    else if (typeof lit.value === 'string' || typeof lit.value === 'boolean') code = JSON.stringify(lit.value);
    else if (typeof lit.value === 'number') code = String(lit.value);
  } else if (lit.type === 'UnaryExpression' && lit.operator === '-' && lit.argument.type === 'Literal') {
    code = typeof lit.argument.bigint === 'string' ? `-${lit.argument.bigint}n` : typeof lit.argument.value === 'number' ? `-${lit.argument.value}` : null;
  } else if (lit.type === 'TemplateLiteral' && lit.expressions.length === 0) {
    code = JSON.stringify(lit.quasis[0].value.cooked);
  }
  if (code === null) throw new Unsupported(node, 'this literal type cannot be checked');
  const value = code;
  return test(value, (v) => `${v} === ${value}`);
}

const KIND_NAMES: Record<string, string> = {
  TSIntersectionType: 'an intersection type',
  TSFunctionType: 'a function type',
  TSConstructorType: 'a constructor type',
  TSMappedType: 'a mapped type',
  TSConditionalType: 'a conditional type',
  TSIndexedAccessType: 'an indexed access type',
  TSTypeQuery: 'a `typeof` type',
  TSTemplateLiteralType: 'a template literal type',
  TSSymbolKeyword: '`symbol`',
  TSObjectKeyword: '`object`',
  TSImportType: 'an `import()` type',
  TSInferType: 'an `infer` type',
  TSThisType: '`this`',
  TSTypePredicate: 'a type predicate',
};
