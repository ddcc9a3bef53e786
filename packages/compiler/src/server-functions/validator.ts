/**
 * Validator generation (SERVER-FUNCTIONS.md §3): one function per server function,
 * `(args) => null | message`, from the parameters' `Check`s (types.ts).
 *
 * The generated code is plain statements: each check is an `if` that returns the failure
 * message, so a valid value costs a few comparisons and no allocation (no closures, no regular
 * expressions, no path strings: the path, `args[0].items[2].title`, is concatenated only in the
 * `return` of a failure). Named types become module-level helper functions
 * `_$sv$Name(v)` returning `null` or the failure relative to the value (`.title: expected
 * string`), which the caller prefixes with its path; recursive types call their own helper.
 * Property reads go through `hasOwnProperty`, and every validator runs inside `try`, so hostile
 * input yields a message, never an exception.
 */
import type { CompileWarning, SourceFile } from '../errors.js';
import { stringLiteral } from '../generate/module.js';
import type { Param } from './params.js';
import { describe, isSimple, keywordCheck, Unsupported, type Check, type TypeResolver } from './types.js';

/** A piece of a value's path: constant text, or a JS expression evaluated on failure. */
type Part = string | { expr: string };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const accessor = (key: string): string => (IDENTIFIER.test(key) ? `.${key}` : `[${stringLiteral(key)}]`);

/** The JS string expression for a path followed by a message: constants folded. */
function message(...parts: Part[]): string {
  const out: string[] = [];
  let text = '';
  for (const p of parts) {
    if (typeof p === 'string') text += p;
    else {
      if (text) out.push(stringLiteral(text));
      text = '';
      out.push(p.expr);
    }
  }
  if (text) out.push(stringLiteral(text));
  return out.join(' + ');
}

/** Statements of one generated function, indented, with fresh local names. */
class Writer {
  readonly lines: string[] = [];
  private depth: number;
  private count = 0;

  constructor(depth: number) {
    this.depth = depth;
  }
  line(text: string): void {
    this.lines.push('  '.repeat(this.depth) + text);
  }
  open(text: string): void {
    this.line(`${text} {`);
    this.depth++;
  }
  close(): void {
    this.depth--;
    this.line('}');
  }
  local(prefix: string): string {
    return `${prefix}${this.count++}`;
  }
}

/** The shared code of one module's validators: named-type helpers and tiny runtime helpers. */
export class ValidatorModule {
  private readonly helpers: string[] = [];
  private readonly named = new Set<string>();
  private readonly anonymous = new Map<string, string>();
  /** Every validator generated, to find the runtime helpers they call. */
  private readonly validators: string[] = [];

  constructor(
    readonly resolver: TypeResolver,
    private readonly file: SourceFile,
    private readonly warnings: CompileWarning[],
  ) {}

  /**
   * The checks of a function's parameters (`null`: not checkable, warned about; accepted as is).
   * `typeParams` are the function's type parameters.
   */
  paramChecks(fnName: string, params: Param[], typeParams: ReadonlySet<string>): Array<Check | null> {
    return params.map((p) => {
      const check = this.paramCheck(fnName, p, typeParams);
      if (p.rest && check && check.k !== 'array' && check.k !== 'any') {
        this.warn(fnName, p, p.node, 'only `...rest: T[]` rest parameters are checked');
        return null;
      }
      return check;
    });
  }

  /** The validator of a server function: an arrow function source, its body indented by `depth` levels. */
  validator(params: Param[], checks: Array<Check | null>, depth: number): string {
    const w = new Writer(depth + 2);
    const fixed = params.filter((p) => !p.rest).length;
    const rest = params.find((p) => p.rest);
    w.line('if (!Array.isArray(args)) return "args: expected array";');
    if (!rest) {
      w.line(`if (args.length > ${fixed}) return ${stringLiteral(fixed === 0 ? 'args: expected no arguments' : `args: expected at most ${fixed} argument${fixed === 1 ? '' : 's'}`)};`);
    }
    params.forEach((p, i) => {
      const check = checks[i];
      if (!check || check.k === 'any') return;
      if (p.rest) {
        if (check.k !== 'array') return;
        const at = w.local('i');
        const v = w.local('a');
        w.open(`for (let ${at} = ${i}; ${at} < args.length; ${at}++)`);
        w.line(`const ${v} = args[${at}];`);
        this.emit(check.elem, v, ['args[', { expr: at }, ']'], w);
        w.close();
        return;
      }
      const v = w.local('a');
      w.line(`const ${v} = args[${i}];`);
      if (p.optional) w.open(`if (${v} !== undefined)`);
      this.emit(check, v, [`args[${i}]`], w);
      if (p.optional) w.close();
    });
    w.line('return null;');
    const pad = '  '.repeat(depth);
    const source = ['(args) => {', `${pad}  try {`, ...w.lines, `${pad}  } catch {`, `${pad}    return "args: invalid value";`, `${pad}  }`, `${pad}}`].join('\n');
    this.validators.push(source);
    return source;
  }

  /** The helper functions the module's validators call (function declarations, hoisted). */
  code(): string {
    const out = [...this.helpers];
    const all = out.join('\n') + this.validators.join('\n');
    for (const [name, source] of RUNTIME) if (all.includes(`${name}(`)) out.push(source);
    return out.join('\n');
  }

  private paramCheck(fnName: string, p: Param, typeParams: ReadonlySet<string>): Check | null {
    if (!p.type) {
      const inferred = p.defaultValue ? inferFromDefault(p.defaultValue) : null;
      if (!inferred) this.warn(fnName, p, p.node, 'it has no type annotation');
      return inferred;
    }
    try {
      return this.resolver.resolve(p.type, typeParams);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      this.warn(fnName, p, error.node, error.reason);
      return null;
    }
  }

  private warn(fnName: string, p: Param, at: { start: number; end: number }, reason: string): void {
    this.warnings.push(
      this.file.warning(
        'LEPTA_SERVER_UNVALIDATED',
        at.start,
        at.end,
        `Parameter \`${p.name}\` of server function \`${fnName}\` is not validated: ${reason}. ` +
          `Pass a schema to check it: \`validated(schema, async (${p.name}) => { 'use server'; … })\`.`,
      ),
    );
  }

  /** Statements that return a failure message when the value in variable `v` fails `c`. */
  private emit(c: Check, v: string, path: Part[], w: Writer): void {
    switch (c.k) {
      case 'any':
        return;
      case 'test':
        w.line(`if (!(${c.test(v)})) return ${message(...path, `: expected ${c.desc}`)};`);
        return;
      case 'union':
        return this.union(c.members, v, path, w);
      case 'ref': {
        const r = w.local('r');
        w.line(`const ${r} = ${this.namedHelper(c.name)}(${v});`);
        w.line(`if (${r} !== null) return ${message(...path, { expr: r })};`);
        return;
      }
      case 'array': {
        w.line(`if (!Array.isArray(${v})) return ${message(...path, ': expected array')};`);
        this.elements(c.elem, v, 0, path, w);
        return;
      }
      case 'tuple': {
        const max = c.elems.length;
        const length = c.rest ? `${v}.length < ${c.min}` : c.min === max ? `${v}.length !== ${max}` : `${v}.length < ${c.min} || ${v}.length > ${max}`;
        const expected = c.rest ? `at least ${c.min}` : c.min === max ? `${max}` : `${c.min} to ${max}`;
        w.line(`if (!Array.isArray(${v}) || ${length}) return ${message(...path, `: expected tuple of length ${expected}`)};`);
        c.elems.forEach((elem, i) => {
          const x = w.local('v');
          w.line(`const ${x} = ${v}[${i}];`);
          if (i >= c.min) w.open(`if (${x} !== undefined)`);
          this.emit(elem, x, [...path, `[${i}]`], w);
          if (i >= c.min) w.close();
        });
        if (c.rest) this.elements(c.rest, v, max, path, w);
        return;
      }
      case 'object':
        return this.object(c, v, path, w);
      case 'map':
      case 'set': {
        const cls = c.k === 'map' ? 'Map' : 'Set';
        w.line(`if (!(${v} instanceof ${cls})) return ${message(...path, `: expected ${cls}`)};`);
        const i = w.local('i');
        const e = w.local('e');
        w.line(`let ${i} = 0;`);
        w.open(`for (const ${e} of ${v})`);
        if (c.k === 'map') {
          const k = w.local('v');
          const x = w.local('v');
          w.line(`const ${k} = ${e}[0], ${x} = ${e}[1];`);
          this.emit(c.key, k, [...path, '.keys()[', { expr: i }, ']'], w);
          this.emit(c.value, x, [...path, '.values()[', { expr: i }, ']'], w);
        } else {
          this.emit(c.elem, e, [...path, '.values()[', { expr: i }, ']'], w);
        }
        w.line(`${i}++;`);
        w.close();
        return;
      }
    }
  }

  /** `v[from..]` each checked against `elem`. */
  private elements(elem: Check, v: string, from: number, path: Part[], w: Writer): void {
    if (elem.k === 'any') return;
    const i = w.local('i');
    const x = w.local('v');
    w.open(`for (let ${i} = ${from}; ${i} < ${v}.length; ${i}++)`);
    w.line(`const ${x} = ${v}[${i}];`);
    this.emit(elem, x, [...path, '[', { expr: i }, ']'], w);
    w.close();
  }

  /** A plain object: own fields read through hasOwnProperty, extra keys rejected (or checked by the index signature). */
  private object(c: Extract<Check, { k: 'object' }>, v: string, path: Part[], w: Writer): void {
    w.line(`if (!_$svObject(${v})) return ${message(...path, `: expected ${c.desc}`)};`);
    const k = w.local('k');
    if (c.index) {
      w.open(`for (const ${k} in ${v})`);
      if (c.props.length) w.line(`if (${c.props.map((p) => `${k} === ${stringLiteral(p.key)}`).join(' || ')}) continue;`);
      const x = w.local('v');
      w.line(`const ${x} = ${v}[${k}];`);
      this.emit(c.index, x, [...path, '[', { expr: `JSON.stringify(${k})` }, ']'], w);
      w.close();
    } else {
      const unknown = c.props.length ? `if (${c.props.map((p) => `${k} !== ${stringLiteral(p.key)}`).join(' && ')}) ` : '';
      w.line(`for (const ${k} in ${v}) ${unknown}return ${message(...path, ': unexpected key ', { expr: `JSON.stringify(${k})` })};`);
    }
    for (const p of c.props) {
      if (p.check.k === 'any') continue;
      const x = w.local('v');
      w.line(`const ${x} = _$svHas(${v}, ${stringLiteral(p.key)}) ? ${v}${accessor(p.key)} : undefined;`);
      if (p.optional) w.open(`if (${x} !== undefined)`);
      this.emit(p.check, x, [...path, accessor(p.key)], w);
      if (p.optional) w.close();
    }
  }

  /**
   * A union: one condition over the members' tests; members that need statements become helper
   * functions called in it. A single such member with only simple others is checked in place
   * (its failure then names the deeper path).
   */
  private union(members: Check[], v: string, path: Part[], w: Writer): void {
    const simple = members.filter(isSimple);
    const complex = members.filter((m) => !isSimple(m));
    const tests = simple.map((m) => (m.k === 'test' ? m.test(v) : 'true'));
    if (complex.length === 1) {
      if (tests.length) w.open(`if (!(${tests.join(' || ')}))`);
      this.emit(complex[0]!, v, path, w);
      if (tests.length) w.close();
      return;
    }
    for (const m of complex) tests.push(`${m.k === 'ref' ? this.namedHelper(m.name) : this.anonymousHelper(m)}(${v}) === null`);
    w.line(`if (!(${tests.join(' || ')})) return ${message(...path, `: expected ${describe({ k: 'union', members })}`)};`);
  }

  /** The helper function of named type `name`, generated on first use (before its body, so recursion finds it). */
  private namedHelper(name: string): string {
    const fn = `_$sv$${name}`;
    if (!this.named.has(name)) {
      this.named.add(name);
      this.helper(fn, this.resolver.namedCheck(name));
    }
    return fn;
  }

  /** A helper function for an anonymous complex union member (shared when identical). */
  private anonymousHelper(c: Check): string {
    const w = new Writer(1);
    this.emit(c, 'v', [], w);
    const key = w.lines.join('\n');
    let fn = this.anonymous.get(key);
    if (!fn) {
      fn = `_$sv$${this.anonymous.size}`;
      this.anonymous.set(key, fn);
      this.helpers.push(`function ${fn}(v) {\n${key}\n  return null;\n}`);
    }
    return fn;
  }

  private helper(fn: string, c: Check): void {
    const at = this.helpers.length;
    this.helpers.push('');
    const w = new Writer(1);
    this.emit(c, 'v', [], w);
    this.helpers[at] = `function ${fn}(v) {\n${w.lines.join('\n')}\n  return null;\n}`;
  }
}

/** The type of `x = 1`, `x = "a"`, `x = true` (TypeScript infers the widened primitive). */
function inferFromDefault(node: { type: string; value?: unknown }): Check | null {
  if (node.type !== 'Literal') return null;
  const kind = typeof node.value;
  return kind === 'string' ? keywordCheck('TSStringKeyword') : kind === 'number' ? keywordCheck('TSNumberKeyword') : kind === 'boolean' ? keywordCheck('TSBooleanKeyword') : null;
}

/** The small runtime helpers, emitted when a validator calls them. */
const RUNTIME: Array<[string, string]> = [
  [
    '_$svObject',
    'function _$svObject(v) {\n  if (typeof v !== "object" || v === null) return false;\n  const p = Object.getPrototypeOf(v);\n  return p === Object.prototype || p === null;\n}',
  ],
  ['_$svHas', 'function _$svHas(o, k) {\n  return Object.prototype.hasOwnProperty.call(o, k);\n}'],
  ['_$svDate', 'function _$svDate(v) {\n  return v instanceof Date && !Number.isNaN(Date.prototype.getTime.call(v));\n}'],
];
