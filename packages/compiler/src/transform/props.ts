/**
 * Destructured props stay reactive.
 *
 * Props are an object whose fields are getters: destructuring them in the parameter list reads
 * every getter once, at creation, and the component never sees later changes. For components
 * (PascalCase functions that return JSX or are used as a JSX tag in the file) this pass rewrites
 *
 *   function Row({ label, onPick = noop, item: { id }, ...rest }: RowProps) { … }
 *
 * into
 *
 *   function Row(props: RowProps) {
 *     let _d$;
 *     let [, rest] = _$splitProps(props, ["label", "onPick", "item"]);
 *     …
 *   }
 *
 * where every read of `label` in the body becomes `props.label`, every read of `onPick` becomes
 * `((_d$ = props.onPick) === undefined ? noop : _d$)` (the default applies on each read, for
 * `undefined` only, as in JavaScript), `id` becomes `props.item.id`, and `rest` is a live rest
 * object from `splitProps` (re-exported by the runtime from @lepta/reactive).
 *
 * Scoping is respected: a parameter, variable, function or class named `label` in an inner
 * scope shadows the prop, and reads of it are left alone. Writes to a destructured prop, array
 * patterns, computed keys and nested rest elements are reported as errors with what to write
 * instead (the component is never silently left non-reactive).
 */
import type MagicString from 'magic-string';
import { forEachChild, isFunction, lineIndent, patternNames, unwrap, type Node } from '../ast.js';
import type { SourceFile } from '../errors.js';
import { isIntrinsicName } from '../html.js';

/** One step of the path from `props` to a destructured value. */
interface Step {
  key: string;
  /** The default applied to the value at this step (`= x` in the pattern), if any. */
  fallback: Node | null;
}

/** A name the pattern declares. */
interface Binding {
  name: string;
  path: Step[];
  /** The identifier node in the pattern. */
  node: Node;
}

interface Scope {
  names: Set<string>;
  parent: Scope | null;
  /** The component function's own scope (where the lookup stops). */
  component: boolean;
}

/** An identifier read that becomes a props access. */
interface Read {
  node: Node;
  binding: Binding;
  /** `{ label }` in an object literal: needs `label: …`. */
  shorthand: boolean;
}

/** What the rewrite tells the rest of the compilation. */
export interface PropsRewriteResult {
  /** Identifier nodes now read from props (dynamic for the JSX analysis). */
  rewritten: Set<Node>;
  /** JSX tag identifiers that are destructured props → the text to use for them. */
  tagText: Map<Node, string>;
  /** Whether `splitProps` must be imported from the runtime. */
  usesSplitProps: boolean;
}

/** A function the main walk found that may be a component. */
export interface ComponentCandidate {
  fn: Node;
  name: string;
}

const SPLIT_PROPS = '_$splitProps';
const TEMP = '_d$';

/** True if `key` can follow a dot. */
function isIdentifierName(key: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(key);
}

/**
 * Rewrites the destructured first parameter of every component among `candidates` (ordered
 * outer before inner). `usedAsTag` holds the names used as JSX tags in the file.
 */
export function rewriteDestructuredProps(
  candidates: readonly ComponentCandidate[],
  usedAsTag: ReadonlySet<string>,
  ms: MagicString,
  file: SourceFile,
): PropsRewriteResult {
  const result: PropsRewriteResult = { rewritten: new Set(), tagText: new Map(), usesSplitProps: false };
  /** Every edit made so far: identifier start → replacement text (for default texts). */
  const edits = new Map<number, { end: number; text: string }>();
  /** Rewritten components: range and chosen props name, so inner ones avoid the name. */
  const done: Array<{ start: number; end: number; name: string }> = [];
  for (const c of candidates) {
    if (!usedAsTag.has(c.name) && !returnsJsx(c.fn)) continue;
    new ComponentRewrite(c.fn, ms, file, result, edits, done).run();
  }
  return result;
}

/** True if one of the function's own `return`s (or its expression body) contains JSX. */
function returnsJsx(fn: Node): boolean {
  if (fn.body.type !== 'BlockStatement') return containsJsx(fn.body);
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    if (isFunction(node) || node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return;
    if (node.type === 'ReturnStatement') {
      if (node.argument && containsJsx(node.argument)) found = true;
      return;
    }
    forEachChild(node, visit);
  };
  forEachChild(fn.body, visit);
  return found;
}

function containsJsx(node: Node): boolean {
  if (node.type === 'JSXElement' || node.type === 'JSXFragment') return true;
  let found = false;
  forEachChild(node, (c) => {
    if (!found && containsJsx(c)) found = true;
  });
  return found;
}

class ComponentRewrite {
  private readonly bindings = new Map<string, Binding>();
  private rest: Node | null = null;
  private readonly topKeys: string[] = [];
  private readonly reads: Read[] = [];
  private readonly allNames = new Set<string>();
  private readonly pattern: Node;
  /** For each default expression: the names it reads that are not its own or the pattern's. */
  private readonly freeNames = new Map<Node, Set<string>>();

  constructor(
    private readonly fn: Node,
    private readonly ms: MagicString,
    private readonly file: SourceFile,
    private readonly result: PropsRewriteResult,
    private readonly edits: Map<number, { end: number; text: string }>,
    private readonly done: Array<{ start: number; end: number; name: string }>,
  ) {
    const first = fn.params[0] as Node;
    this.pattern = first.type === 'AssignmentPattern' ? first.left : first;
  }

  run(): void {
    this.collect(this.pattern, []);
    // The parameter scope holds the pattern's bindings; the body scope everything else.
    const componentScope: Scope = { names: new Set(), parent: null, component: true };
    for (let i = 1; i < this.fn.params.length; i++) for (const n of patternNames(this.fn.params[i], [])) componentScope.names.add(n);
    if (this.fn.type === 'FunctionExpression' && this.fn.id) componentScope.names.add(this.fn.id.name);
    const bodyScope = this.fn.body.type === 'BlockStatement' ? this.functionBodyNames(this.fn.body.body) : new Set<string>();
    for (const name of bodyScope) {
      if (this.bindings.has(name) || this.rest?.name === name) {
        const decl = this.findDeclaration(name);
        throw this.file.error(
          'LEPTA_PROPS_REDECLARED',
          decl?.start ?? this.fn.start,
          decl?.end ?? this.fn.start + 1,
          `\`${name}\` is a destructured prop of this component and is declared again in its body`,
          `Rename the local variable; the prop \`${name}\` stays readable (and reactive) under its name.`,
        );
      }
      componentScope.names.add(name);
    }

    // Defaults are evaluated where they are read: walk them in the parameter scope first.
    for (const b of this.bindings.values()) {
      for (const step of b.path) {
        if (step.fallback && !this.freeNames.has(step.fallback)) {
          if (containsJsx(step.fallback))
            throw this.file.error(
              'LEPTA_PROPS_DEFAULT_JSX',
              step.fallback.start,
              step.fallback.end,
              'A destructured prop cannot have a JSX default',
              `Destructure it without the default and write the fallback where you use it: {${b.name} ?? ${this.file.code.slice(step.fallback.start, step.fallback.end)}} (still reactive).`,
            );
          const free = new Set<string>();
          this.freeNames.set(step.fallback, free);
          this.visit(step.fallback, { names: new Set(), parent: null, component: true }, free);
        }
      }
    }
    // Computed keys and other parameters' defaults are evaluated once, as before.
    for (let i = 1; i < this.fn.params.length; i++) this.visitPattern(this.fn.params[i], componentScope);

    if (this.fn.body.type === 'BlockStatement') {
      for (const s of this.fn.body.body) this.visit(s, componentScope);
    } else {
      this.visit(this.fn.body, componentScope);
    }
    this.apply();
  }

  // ---------------------------------------------------------------------------------------------
  // The pattern

  private collect(pattern: Node, path: Step[]): void {
    if (pattern.type !== 'ObjectPattern') {
      throw this.file.error(
        'LEPTA_PROPS_PATTERN',
        pattern.start,
        pattern.end,
        'Array patterns cannot be used to destructure props',
        'Destructure the object part in the parameter and index the array where you use it (items[0]).',
      );
    }
    for (const p of pattern.properties as Node[]) {
      if (p.type === 'RestElement') {
        if (path.length > 0 || p.argument.type !== 'Identifier') {
          throw this.file.error(
            'LEPTA_PROPS_NESTED_REST',
            p.start,
            p.end,
            'A rest element inside a nested props pattern cannot stay reactive',
            'Keep the nested object whole ({ item }) and read its fields where you use them (item.id).',
          );
        }
        this.rest = p.argument;
        this.allNames.add(p.argument.name);
        continue;
      }
      let key: string;
      if (!p.computed && p.key.type === 'Identifier') key = p.key.name;
      else if (p.key.type === 'Literal' && (typeof p.key.value === 'string' || typeof p.key.value === 'number')) key = String(p.key.value);
      else {
        throw this.file.error(
          'LEPTA_PROPS_COMPUTED_KEY',
          p.key.start,
          p.key.end,
          'A computed key cannot be used to destructure props',
          'Take the props object whole and read props[key] where you use it.',
        );
      }
      if (path.length === 0) this.topKeys.push(key);
      let value = p.value as Node;
      let fallback: Node | null = null;
      if (value.type === 'AssignmentPattern') {
        fallback = value.right;
        value = value.left;
      }
      const steps = [...path, { key, fallback }];
      if (value.type === 'Identifier') {
        this.bindings.set(value.name, { name: value.name, path: steps, node: value });
        this.allNames.add(value.name);
      } else {
        this.collect(value, steps);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The walk

  /** Visits `node` in `scope`. `free` collects unresolved names (for default expressions). */
  private visit(node: Node, scope: Scope, free?: Set<string>): void {
    switch (node.type) {
      case 'Identifier':
        this.reference(node, scope, false, free);
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        this.visitFunction(node, scope, free);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression': {
        if (node.superClass) this.visit(node.superClass, scope, free);
        const inner: Scope = { names: new Set(node.id && node.type === 'ClassExpression' ? [node.id.name] : []), parent: scope, component: false };
        if (node.id) this.allNames.add(node.id.name);
        this.visit(node.body, inner, free);
        return;
      }
      case 'MethodDefinition':
      case 'PropertyDefinition':
      case 'AccessorProperty':
      case 'TSAbstractMethodDefinition':
      case 'TSAbstractPropertyDefinition':
        if (node.computed) this.visit(node.key, scope, free);
        if (node.value) this.visit(node.value, scope, free);
        return;
      case 'BlockStatement':
      case 'StaticBlock': {
        const inner: Scope = { names: this.lexicalNames(node.body), parent: scope, component: false };
        for (const s of node.body) this.visit(s, inner, free);
        return;
      }
      case 'SwitchStatement': {
        this.visit(node.discriminant, scope, free);
        const all: Node[] = [];
        for (const c of node.cases) all.push(...c.consequent);
        const inner: Scope = { names: this.lexicalNames(all), parent: scope, component: false };
        for (const c of node.cases) {
          if (c.test) this.visit(c.test, inner, free);
          for (const s of c.consequent) this.visit(s, inner, free);
        }
        return;
      }
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement': {
        const head = node.type === 'ForStatement' ? node.init : node.left;
        const inner: Scope = { names: new Set(), parent: scope, component: false };
        if (head?.type === 'VariableDeclaration' && head.kind !== 'var') for (const d of head.declarations) for (const n of patternNames(d.id, [])) inner.names.add(n);
        if (head) {
          if (node.type !== 'ForStatement' && head.type !== 'VariableDeclaration') this.assignTarget(head, inner);
          else this.visit(head, inner, free);
        }
        if (node.type === 'ForStatement') {
          if (node.test) this.visit(node.test, inner, free);
          if (node.update) this.visit(node.update, inner, free);
        } else this.visit(node.right, inner, free);
        this.visit(node.body, inner, free);
        return;
      }
      case 'CatchClause': {
        const inner: Scope = { names: new Set(patternNames(node.param, [])), parent: scope, component: false };
        if (node.param) this.visitPattern(node.param, inner);
        this.visit(node.body, inner, free);
        return;
      }
      case 'VariableDeclarator':
        this.visitPattern(node.id, scope);
        if (node.init) this.visit(node.init, scope, free);
        return;
      case 'MemberExpression':
        this.visit(node.object, scope, free);
        if (node.computed) this.visit(node.property, scope, free);
        return;
      case 'Property':
        if (node.computed) this.visit(node.key, scope, free);
        if (node.shorthand && node.value.type === 'Identifier') this.reference(node.value, scope, true, free);
        else this.visit(node.value, scope, free);
        return;
      case 'LabeledStatement':
        this.visit(node.body, scope, free);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
      case 'TSEnumDeclaration':
      case 'TSModuleDeclaration':
        return;
      case 'AssignmentExpression':
        if (node.left.type === 'Identifier' || node.left.type === 'ObjectPattern' || node.left.type === 'ArrayPattern') this.assignTarget(node.left, scope);
        else this.visit(node.left, scope, free);
        this.visit(node.right, scope, free);
        return;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') this.assignTarget(node.argument, scope);
        else this.visit(node.argument, scope, free);
        return;
      case 'JSXElement': {
        const name = node.openingElement.name as Node;
        let root = name;
        while (root.type === 'JSXMemberExpression') root = root.object;
        if (root.type === 'JSXIdentifier' && (root !== name || !isIntrinsicName(root.name))) this.reference(root, scope, false, free);
        for (const a of node.openingElement.attributes) {
          if (a.type === 'JSXSpreadAttribute') this.visit(a.argument, scope, free);
          else if (a.value) this.visit(a.value, scope, free);
        }
        for (const c of node.children) this.visit(c, scope, free);
        return;
      }
    }
    forEachChild(node, (c) => this.visit(c, scope, free));
  }

  private visitFunction(fn: Node, scope: Scope, free?: Set<string>): void {
    const names = new Set<string>();
    if (fn.type === 'FunctionExpression' && fn.id) names.add(fn.id.name);
    if (fn.id) this.allNames.add(fn.id.name);
    for (const p of fn.params) for (const n of patternNames(p, [])) names.add(n);
    if (fn.body.type === 'BlockStatement') for (const n of this.functionBodyNames(fn.body.body)) names.add(n);
    const inner: Scope = { names, parent: scope, component: false };
    for (const p of fn.params) this.visitPattern(p, inner, free);
    if (fn.body.type === 'BlockStatement') for (const s of fn.body.body) this.visit(s, inner, free);
    else this.visit(fn.body, inner, free);
  }

  /** Visits the expressions inside a binding pattern (defaults, computed keys), not its names. */
  private visitPattern(pattern: Node | null, scope: Scope, free?: Set<string>): void {
    if (!pattern) return;
    switch (pattern.type) {
      case 'Identifier':
        this.allNames.add(pattern.name);
        return;
      case 'ObjectPattern':
        for (const p of pattern.properties) {
          if (p.type === 'RestElement') this.visitPattern(p.argument, scope, free);
          else {
            if (p.computed) this.visit(p.key, scope, free);
            this.visitPattern(p.value, scope, free);
          }
        }
        return;
      case 'ArrayPattern':
        for (const e of pattern.elements) this.visitPattern(e, scope, free);
        return;
      case 'RestElement':
        this.visitPattern(pattern.argument, scope, free);
        return;
      case 'AssignmentPattern':
        this.visitPattern(pattern.left, scope, free);
        this.visit(pattern.right, scope, free);
        return;
      case 'TSParameterProperty':
        this.visitPattern(pattern.parameter, scope, free);
        return;
      default:
        // A member expression target (`[obj.x] = …`) reads its object.
        this.visit(pattern, scope, free);
    }
  }

  /** An assignment target: writing a destructured prop is an error; anything else is visited. */
  private assignTarget(target: Node, scope: Scope): void {
    if (target.type === 'Identifier') {
      this.allNames.add(target.name);
      if (this.resolve(target.name, scope)) {
        throw this.file.error(
          'LEPTA_PROPS_ASSIGN',
          target.start,
          target.end,
          `\`${target.name}\` is a destructured prop and cannot be assigned`,
          `Props are read-only. Copy it into a local first: let ${target.name}Value = ${target.name}; (a snapshot), or use a signal.`,
        );
      }
      return;
    }
    if (target.type === 'ObjectPattern') {
      for (const p of target.properties) {
        if (p.type === 'RestElement') this.assignTarget(p.argument, scope);
        else {
          if (p.computed) this.visit(p.key, scope);
          this.assignTarget(p.value, scope);
        }
      }
      return;
    }
    if (target.type === 'ArrayPattern') {
      for (const e of target.elements) if (e) this.assignTarget(e, scope);
      return;
    }
    if (target.type === 'AssignmentPattern') {
      this.assignTarget(target.left, scope);
      this.visit(target.right, scope);
      return;
    }
    if (target.type === 'RestElement') {
      this.assignTarget(target.argument, scope);
      return;
    }
    this.visit(target, scope);
  }

  private reference(node: Node, scope: Scope, shorthand: boolean, free?: Set<string>): void {
    const name = node.name as string;
    this.allNames.add(name);
    const binding = this.resolve(name, scope);
    if (binding) {
      this.reads.push({ node, binding, shorthand });
      return;
    }
    if (free && !scopeDeclares(scope, name)) free.add(name);
  }

  /** The destructured binding `name` refers to in `scope`, or null if shadowed / not a prop. */
  private resolve(name: string, scope: Scope): Binding | null {
    const binding = this.bindings.get(name);
    if (!binding) return null;
    for (let s: Scope | null = scope; s; s = s.parent) {
      if (s.names.has(name)) return null;
      if (s.component) return binding;
    }
    return binding;
  }

  // ---------------------------------------------------------------------------------------------
  // Declarations

  /** Names a function body declares: lexical ones at its top level and `var`s anywhere. */
  private functionBodyNames(statements: Node[]): Set<string> {
    const names = this.lexicalNames(statements);
    const vars = (node: Node | null | undefined): void => {
      if (!node || typeof node !== 'object' || isFunction(node)) return;
      if (node.type === 'VariableDeclaration') {
        if (node.kind === 'var') for (const d of node.declarations) for (const n of patternNames(d.id, [])) names.add(n);
        for (const d of node.declarations) if (d.init) vars(d.init);
        return;
      }
      if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return;
      forEachChild(node, vars);
    };
    for (const s of statements) vars(s);
    return names;
  }

  /** Block-scoped declarations directly in `statements`. */
  private lexicalNames(statements: Node[]): Set<string> {
    const names = new Set<string>();
    for (let s of statements) {
      if ((s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration) s = s.declaration;
      if (s.type === 'VariableDeclaration' && s.kind !== 'var') for (const d of s.declarations) for (const n of patternNames(d.id, [])) names.add(n);
      else if ((s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration') && s.id) names.add(s.id.name);
      else if ((s.type === 'TSEnumDeclaration' || s.type === 'TSModuleDeclaration') && s.id?.type === 'Identifier') names.add(s.id.name);
    }
    return names;
  }

  private findDeclaration(name: string): Node | null {
    let found: Node | null = null;
    const visit = (node: Node): void => {
      if (found) return;
      if (node.type === 'Identifier' && node.name === name) {
        found = node;
        return;
      }
      if (isFunction(node) && node !== this.fn) return;
      forEachChild(node, visit);
    };
    visit(this.fn.body);
    return found;
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  private apply(): void {
    const { ms, fn } = this;
    const propsName = this.pickName();
    let usesTemp = false;
    const defaultText = new Map<Node, string>();
    const textOf = (node: Node): string => {
      let text = defaultText.get(node);
      if (text === undefined) {
        text = this.textWithEdits(node.start, node.end);
        const inner = unwrap(node);
        const simple = inner.type === 'Identifier' || inner.type === 'Literal' || inner.type === 'MemberExpression' || inner.type === 'CallExpression' || inner.type === 'ArrayExpression' || inner.type === 'ObjectExpression' || inner.type === 'TemplateLiteral' || node.type === 'ParenthesizedExpression';
        if (!simple) text = `(${text})`;
        defaultText.set(node, text);
      }
      return text;
    };
    const access = (b: Binding): string => {
      let text = propsName;
      for (const step of b.path) {
        text = isIdentifierName(step.key) ? `${text}.${step.key}` : `${text}[${JSON.stringify(step.key)}]`;
        if (step.fallback) {
          usesTemp = true;
          text = `((${TEMP} = ${text}) === undefined ? ${textOf(step.fallback)} : ${TEMP})`;
        }
      }
      return text;
    };

    const patternEnd = this.closingBrace();
    if (this.bindings.size === 0 && this.rest && this.topKeys.length === 0) {
      // `({ ...all })`: the parameter itself is the rest object.
      ms.overwrite(this.pattern.start, patternEnd, this.rest.name);
      return;
    }
    for (const read of this.reads) {
      const { node, binding } = read;
      const inPattern = node.start >= this.pattern.start && node.end <= patternEnd;
      let text = access(binding);
      if (read.shorthand) text = `${node.name}: ${text}`;
      this.edits.set(node.start, { end: node.end, text });
      if (node.type === 'JSXIdentifier') {
        this.result.tagText.set(node, text);
        this.result.rewritten.add(node);
        continue;
      }
      this.result.rewritten.add(node);
      if (!inPattern) ms.overwrite(node.start, node.end, text);
    }
    // Reads inside default values are moved with the default: check nothing captures their names.
    this.checkDefaultCaptures();

    ms.overwrite(this.pattern.start, patternEnd, propsName);
    this.done.push({ start: fn.start, end: fn.end, name: propsName });

    const decls: string[] = [];
    if (usesTemp) decls.push(`let ${TEMP};`);
    if (this.rest) {
      this.result.usesSplitProps = true;
      decls.push(`let [, ${this.rest.name}] = ${SPLIT_PROPS}(${propsName}, [${this.topKeys.map((k) => JSON.stringify(k)).join(', ')}]);`);
    }
    if (decls.length === 0) return;
    const code = this.file.code;
    if (fn.body.type === 'BlockStatement') {
      let at = fn.body.start + 1;
      const statements = fn.body.body as Node[];
      for (const s of statements) {
        if (s.type === 'ExpressionStatement' && typeof s.directive === 'string') at = s.end;
        else break;
      }
      const indent = statements.length > 0 ? lineIndent(code, statements[0]!.start) : lineIndent(code, fn.start) + '  ';
      ms.appendLeft(at, decls.map((d) => `\n${indent}${d}`).join(''));
    } else {
      const indent = lineIndent(code, fn.start) + '  ';
      ms.appendLeft(fn.body.start, `{${decls.map((d) => `\n${indent}${d}`).join('')}\n${indent}return `);
      ms.prependRight(fn.body.end, `;\n${lineIndent(code, fn.start)}}`);
    }
  }

  /** Errors if a default value would read a different variable at one of its read sites. */
  private checkDefaultCaptures(): void {
    // Re-walk scopes lazily: collect, for each read with defaults, the names declared between
    // the read and the component. Done with a second, targeted walk.
    const withDefaults = this.reads.filter((r) => r.binding.path.some((s) => s.fallback));
    if (withDefaults.length === 0) return;
    const byNode = new Map<Node, Read>();
    for (const r of withDefaults) byNode.set(r.node, r);
    const check = (node: Node, declared: Set<string>): void => {
      const read = byNode.get(node);
      if (!read) return;
      for (const step of read.binding.path) {
        if (!step.fallback) continue;
        for (const name of this.freeNames.get(step.fallback) ?? []) {
          if (declared.has(name)) {
            throw this.file.error(
              'LEPTA_PROPS_DEFAULT_CAPTURE',
              node.start,
              node.end,
              `The default value of the prop \`${read.binding.name}\` reads \`${name}\`, which is redeclared where the prop is used`,
              `Defaults of destructured props are evaluated where the prop is read. Rename the inner \`${name}\`, or write the fallback at the use: ${read.binding.name} ?? ${name}.`,
            );
          }
        }
      }
    };
    const componentScope = this.fn.body.type === 'BlockStatement' ? this.functionBodyNames(this.fn.body.body) : new Set<string>();
    for (let i = 1; i < this.fn.params.length; i++) for (const n of patternNames(this.fn.params[i], [])) componentScope.add(n);
    this.walkDeclared(this.fn.body, componentScope, check);
  }

  /** Walks `node` calling `check(identifier, namesDeclaredBetweenHereAndTheComponent)`. */
  private walkDeclared(node: Node, declared: Set<string>, check: (n: Node, d: Set<string>) => void): void {
    const add = (names: Iterable<string>): Set<string> => {
      const next = new Set(declared);
      for (const n of names) next.add(n);
      return next;
    };
    if (node.type === 'Identifier' || node.type === 'JSXIdentifier') {
      check(node, declared);
      return;
    }
    if (isFunction(node) && node !== this.fn) {
      const names: string[] = [];
      if (node.type === 'FunctionExpression' && node.id) names.push(node.id.name);
      for (const p of node.params) patternNames(p, names);
      if (node.body.type === 'BlockStatement') names.push(...this.functionBodyNames(node.body.body));
      const inner = add(names);
      for (const p of node.params) this.walkDeclared(p, inner, check);
      this.walkDeclared(node.body, inner, check);
      return;
    }
    if (node.type === 'BlockStatement' || node.type === 'StaticBlock') {
      const inner = add(this.lexicalNames(node.body));
      for (const s of node.body) this.walkDeclared(s, inner, check);
      return;
    }
    if (node.type === 'CatchClause') {
      const inner = add(patternNames(node.param, []));
      this.walkDeclared(node.body, inner, check);
      return;
    }
    if (node.type === 'ForStatement' || node.type === 'ForInStatement' || node.type === 'ForOfStatement') {
      const head = node.type === 'ForStatement' ? node.init : node.left;
      const names: string[] = [];
      if (head?.type === 'VariableDeclaration') for (const d of head.declarations) patternNames(d.id, names);
      const inner = add(names);
      forEachChild(node, (c) => this.walkDeclared(c, inner, check));
      return;
    }
    if (node.type === 'ClassExpression' && node.id) {
      const inner = add([node.id.name]);
      forEachChild(node, (c) => this.walkDeclared(c, inner, check));
      return;
    }
    if (node.type === 'JSXElement') {
      let root = node.openingElement.name as Node;
      while (root.type === 'JSXMemberExpression') root = root.object;
      if (root.type === 'JSXIdentifier') check(root, declared);
    }
    forEachChild(node, (c) => this.walkDeclared(c, declared, check));
  }

  /** The source text of `start..end` with the identifier edits recorded so far applied. */
  private textWithEdits(start: number, end: number): string {
    const code = this.file.code;
    const inside = [...this.edits.entries()].filter(([s, e]) => s >= start && e.end <= end).sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = start;
    for (const [s, e] of inside) {
      if (s < at) continue;
      out += code.slice(at, s) + e.text;
      at = e.end;
    }
    return out + code.slice(at, end);
  }

  /** Offset just after the `}` closing the object pattern (before any type annotation). */
  private closingBrace(): number {
    const code = this.file.code;
    const props = this.pattern.properties as Node[];
    let i = props.length > 0 ? props[props.length - 1]!.end : this.pattern.start + 1;
    while (i < code.length) {
      const c = code[i];
      if (c === '}') return i + 1;
      if (c === '/' && code[i + 1] === '/') i = code.indexOf('\n', i) === -1 ? code.length : code.indexOf('\n', i);
      else if (c === '/' && code[i + 1] === '*') i = code.indexOf('*/', i + 2) + 2;
      else i++;
    }
    return this.pattern.end;
  }

  /** `props`, unless the function (or an enclosing rewritten component) already uses that name. */
  private pickName(): string {
    const taken = new Set(this.allNames);
    for (const d of this.done) if (d.start <= this.fn.start && d.end >= this.fn.end) taken.add(d.name);
    if (this.rest) taken.add(this.rest.name);
    for (let i = 0; ; i++) {
      const name = i === 0 ? 'props' : i === 1 ? '_props' : `_props${i}`;
      if (!taken.has(name)) return name;
    }
  }
}


function scopeDeclares(scope: Scope, name: string): boolean {
  for (let s: Scope | null = scope; s; s = s.parent) if (s.names.has(name)) return true;
  return false;
}
