/**
 * Analysis: JSX AST → the generator-neutral tree of `ir.ts`. Classifies every node (element,
 * component, fragment, text, expression), every attribute (static, attribute, property, class,
 * style, directive, event, ref, bind, spread) and every expression (dynamic or not), finds the
 * JSX roots nested in expressions, and rejects what no generator could render correctly.
 */
import { childKeys, isFunction, isTypeOnly, unwrap, type Node } from '../ast.js';
import { decodeEntities } from '../entities.js';
import type { CompileWarning, SourceFile } from '../errors.js';
import {
  ATTRIBUTE_ALIASES,
  ATTRIBUTE_NAMESPACES,
  CONTENT_PROPERTIES,
  DELEGATED_EVENTS,
  MATHML_ELEMENTS,
  OPAQUE_ELEMENTS,
  PROPERTY_ATTRIBUTES,
  RAW_TEXT_ELEMENTS,
  SVG_ELEMENTS,
  SVG_HTML_SHARED,
  invalidNesting,
  isIntrinsicName,
  jsxText,
  textNotAllowedIn,
} from '../html.js';
import type {
  Attr,
  ComponentNode,
  ElementNode,
  Expr,
  FragmentNode,
  JsxNode,
  JsxRoot,
  Namespace,
  Prop,
  PropValue,
} from './ir.js';
import { resolveBinding } from './scope.js';

/** What the analyzer needs from the rest of the compilation. */
export interface AnalyzeContext {
  file: SourceFile;
  /** Identifier nodes the props rewrite turns into `props.x` reads: they count as dynamic. */
  rewritten: ReadonlySet<Node>;
  /** Warnings are appended here. */
  warnings: CompileWarning[];
}

/** Namespaces a JSX attribute may use on elements and components. */
const DIRECTIVE_NAMESPACES = new Set(['on', 'prop', 'class', 'style', 'attr', 'bind']);

/** MathML elements whose non-MathML children are HTML. */
const MATHML_TEXT_POINTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml']);

const BIND_TARGETS: Record<string, ReadonlySet<string>> = {
  value: new Set(['input', 'select', 'textarea']),
  checked: new Set(['input']),
  group: new Set(['input']),
};

interface ExprState {
  dynamic: boolean;
  hasJsx: boolean;
  usesThis: boolean;
}

/** Where an element sits: the element it is nested in (same template) and the inherited namespace. */
interface Place {
  parent: ElementNode | null;
  /** Namespace context from an enclosing element in another root (`<svg>{x && <a/>}</svg>`). */
  inherited: Namespace | null;
}

/**
 * Analyzes JSX roots. One instance per compilation; `analyze()` is called for each outermost
 * JSX node found in the program, with the stack of its enclosing nodes.
 */
export class JsxAnalyzer {
  private readonly file: SourceFile;
  private readonly rewritten: ReadonlySet<Node>;
  private readonly warnings: CompileWarning[];
  /** Enclosing nodes of the expression being analyzed, outermost first (for `ref` bindings). */
  private ancestors: Node[] = [];
  /** The root whose expressions are being scanned (nested roots are added to it). */
  private currentRoot: JsxRoot | null = null;
  /**
   * The expressions a `this`/`arguments`/`super` at the current point would refer through: the
   * one being scanned and those enclosing it across nested JSX, up to the nearest non-arrow
   * function (which rebinds `this`). A component prop compiled to a getter must not use them.
   */
  private thisChain: ExprState[] = [];

  constructor(ctx: AnalyzeContext) {
    this.file = ctx.file;
    this.rewritten = ctx.rewritten;
    this.warnings = ctx.warnings;
  }

  /**
   * Analyzes the JSX element or fragment `node`. `ancestors` are its enclosing nodes, Program
   * first (they are copied). Nested roots (JSX inside its expressions) are analyzed too and
   * listed in `nested`.
   */
  analyze(node: Node, ancestors: readonly Node[]): JsxRoot {
    this.ancestors = ancestors as Node[]; // pushed and popped symmetrically
    this.currentRoot = null;
    return this.root(node, null);
  }

  private root(node: Node, inherited: Namespace | null): JsxRoot {
    const root: JsxRoot = { node: null as unknown as JsxNode, start: node.start, end: node.end, nested: [] };
    const outer = this.currentRoot;
    outer?.nested.push(root);
    this.currentRoot = root;
    root.node = this.jsx(node, { parent: null, inherited });
    this.currentRoot = outer;
    return root;
  }

  /** A JSXElement or JSXFragment. */
  private jsx(node: Node, place: Place): JsxNode {
    if (node.type === 'JSXFragment') {
      const fragment: FragmentNode = { kind: 'fragment', children: [], start: node.start, end: node.end };
      fragment.children = this.children(node.children, place.parent, place);
      return fragment;
    }
    const name = node.openingElement.name as Node;
    if (name.type === 'JSXNamespacedName') {
      throw this.file.error(
        'LEPTA_NAMESPACED_TAG',
        name.start,
        name.end,
        `Namespaced tag names like <${name.namespace.name}:${name.name.name}> are not supported`,
        `Write the plain tag (<${name.name.name}>): elements inside <svg> are created in the SVG namespace, inside <math> in MathML.`,
      );
    }
    if (name.type === 'JSXIdentifier' && isIntrinsicName(name.name)) return this.element(node, name.name, place);
    return this.component(node, name, place);
  }

  // ---------------------------------------------------------------------------------------------
  // Elements

  private element(node: Node, tag: string, place: Place): ElementNode {
    const opening = node.openingElement;
    const ns = elementNamespace(tag, place);
    const el: ElementNode = {
      kind: 'element',
      tag,
      ns,
      attrs: [],
      children: [],
      spreadProps: null,
      hasContentProperty: false,
      start: node.start,
      end: node.end,
      nameStart: opening.name.start,
      nameEnd: opening.name.end,
    };
    if (place.parent && place.parent.ns === 'html' && ns === 'html') {
      const bad = invalidNesting(place.parent.tag, tag);
      if (bad) throw this.file.error('LEPTA_INVALID_NESTING', el.nameStart, el.nameEnd, bad.reason, bad.hint);
    }
    const hasSpread = opening.attributes.some((a: Node) => a.type === 'JSXSpreadAttribute');
    let childrenAttr: Node | null = null;
    if (hasSpread) {
      // spread() applies everything at run time, in order (later attributes win).
      el.spreadProps = this.props(opening.attributes, true);
    } else {
      for (const attr of opening.attributes as Node[]) {
        if (attr.name.type === 'JSXIdentifier' && attr.name.name === 'children') {
          childrenAttr = attr;
          continue;
        }
        const a = this.elementAttribute(el, attr);
        if (a) {
          // A later attribute for the same name replaces an earlier one (`for` then `htmlFor`).
          const target = attributeTarget(a);
          if (target !== null) el.attrs = el.attrs.filter((b) => attributeTarget(b) !== target);
          el.attrs.push(a);
        }
      }
    }

    el.children = this.children(node.children, el, { parent: el, inherited: null });
    if (childrenAttr) {
      if (el.children.length > 0) {
        this.warnings.push(
          this.file.warning('LEPTA_CHILDREN_OVERRIDDEN', childrenAttr.start, childrenAttr.end, 'The `children` attribute is ignored: the element has JSX children'),
        );
      } else {
        const value = this.propValue(childrenAttr, null);
        if ('expr' in value) el.children = [{ kind: 'expr', expr: value.expr, start: childrenAttr.start, end: childrenAttr.end }];
        else if (typeof value.literal === 'string' || typeof value.literal === 'number')
          el.children = [{ kind: 'text', value: String(value.literal), start: childrenAttr.start, end: childrenAttr.end }];
      }
    }
    if (el.hasContentProperty && el.children.length > 0) {
      const prop = el.attrs.find((a) => a.kind === 'property' && CONTENT_PROPERTIES.has(a.name))!;
      throw this.file.error(
        'LEPTA_CONTENT_AND_CHILDREN',
        prop.start,
        prop.end,
        `<${tag}> has both ${(prop as { name: string }).name} and children`,
        `Remove the children, or drop ${(prop as { name: string }).name} and write the content as JSX children.`,
      );
    }
    if (ns === 'html' && OPAQUE_ELEMENTS.has(tag) && !isStaticContent(el.children)) {
      throw this.file.error(
        'LEPTA_OPAQUE_DYNAMIC',
        el.nameStart,
        el.nameEnd,
        `The content of <${tag}> cannot hold expressions, components or bindings`,
        `Keep the content of <${tag}> static, or build it with a ref (ref={el => …}).`,
      );
    }
    if (ns === 'html' && RAW_TEXT_ELEMENTS.has(tag)) this.checkRawText(el);
    return el;
  }

  private checkRawText(el: ElementNode): void {
    for (const c of el.children) {
      if (c.kind === 'element' || c.kind === 'component' || c.kind === 'fragment')
        throw this.file.error('LEPTA_RAW_TEXT', c.start, c.end, `<${el.tag}> can only contain text`, `Pass the ${el.tag === 'style' ? 'CSS' : 'code'} as a string: <${el.tag}>{\`…\`}</${el.tag}>.`);
      if (c.kind === 'text' && c.value.toLowerCase().includes(`</${el.tag}`))
        throw this.file.error('LEPTA_RAW_TEXT', c.start, c.end, `The text of <${el.tag}> contains "</${el.tag}", which would end the element early`, `Split the closing sequence, e.g. "<\\/${el.tag}>".`);
    }
  }

  /** One non-spread attribute of an intrinsic element. `null` when it contributes nothing. */
  private elementAttribute(el: ElementNode, attr: Node): Attr | null {
    const { start, end } = attr;
    const nameNode = attr.name as Node;
    if (nameNode.type === 'JSXNamespacedName') {
      const ns = nameNode.namespace.name as string;
      const name = nameNode.name.name as string;
      if (ATTRIBUTE_NAMESPACES.has(ns)) {
        const value = this.propValue(attr, null);
        if ('expr' in value) return { kind: 'attribute', name: `${ns}:${name}`, ns: ATTRIBUTE_NAMESPACES.get(ns)!, expr: value.expr, start, end };
        return staticAttr(`${ns}:${name}`, value.literal, start, end);
      }
      if (!DIRECTIVE_NAMESPACES.has(ns)) throw this.unknownNamespace(nameNode, ns, name);
      switch (ns) {
        case 'on':
          return { kind: 'event', name, delegated: false, expr: this.handlerExpr(attr, `on:${name}`), start, end };
        case 'prop':
          return { kind: 'property', name, value: this.propValue(attr, null), start, end };
        case 'class':
          return { kind: 'classToggle', name, value: this.propValue(attr, null), start, end };
        case 'style':
          return { kind: 'styleProperty', name, value: this.propValue(attr, null), start, end };
        case 'attr': {
          const value = this.propValue(attr, null);
          if ('expr' in value) return { kind: 'attribute', name, ns: null, expr: value.expr, start, end };
          return staticAttr(name, value.literal, start, end);
        }
        case 'bind':
          return this.bind(el, attr, name);
      }
    }

    let name = nameNode.name as string;
    if (name === 'ref') return { kind: 'ref', expr: this.refExpr(this.requireExpr(attr, 'ref', 'ref={el} or ref={(el) => …}')), start, end };
    if (name.length > 2 && name.startsWith('on')) {
      const third = name.charCodeAt(2);
      const upper = third >= 65 && third <= 90;
      const value = attr.value as Node | null;
      if (upper || (value && value.type !== 'Literal')) {
        const event = name.slice(2).toLowerCase();
        return { kind: 'event', name: event, delegated: DELEGATED_EVENTS.has(event), expr: this.handlerExpr(attr, name), start, end };
      }
    }
    name = ATTRIBUTE_ALIASES.get(name) ?? name;
    if (name === 'classList')
      throw this.file.error('LEPTA_CLASSLIST', nameNode.start, nameNode.end, '`classList` is not supported', 'Write one class:name={condition} attribute per class, e.g. class:active={isActive()}.');
    const value = this.propValue(attr, null);
    if (CONTENT_PROPERTIES.has(name)) {
      el.hasContentProperty = true;
      return { kind: 'property', name, value, start, end };
    }
    if (!('expr' in value)) return staticAttr(name, value.literal, start, end);
    if (name === 'class') return { kind: 'class', expr: value.expr, start, end };
    if (name === 'style') return { kind: 'style', expr: value.expr, start, end };
    if (el.ns === 'html' && !el.tag.includes('-') && PROPERTY_ATTRIBUTES.has(name)) return { kind: 'property', name, value, start, end };
    return { kind: 'attribute', name, ns: null, expr: value.expr, start, end };
  }

  private bind(el: ElementNode, attr: Node, property: string): Attr {
    const targets = BIND_TARGETS[property];
    if (!targets) {
      throw this.file.error(
        'LEPTA_BIND_PROPERTY',
        attr.name.start,
        attr.name.end,
        `Unknown binding \`bind:${property}\``,
        'Lepta binds bind:value (input, select, textarea), bind:checked (checkbox) and bind:group (radio/checkbox groups). For anything else use prop:name={get()} with on:event={e => set(…)}.',
      );
    }
    if (el.ns !== 'html' || !targets.has(el.tag)) {
      throw this.file.error(
        'LEPTA_BIND_ELEMENT',
        attr.name.start,
        attr.name.end,
        `\`bind:${property}\` is not supported on <${el.tag}>: it binds ${[...targets].map((t) => `<${t}>`).join(', ')} only`,
        `On other elements write the two halves yourself: prop:${property === 'group' ? 'value' : property}={get()} and on:input={e => set(e.currentTarget.${property === 'group' ? 'value' : property})}.`,
      );
    }
    if (property !== 'value') {
      const typeAttr = el.attrs.find((a) => a.kind === 'static' && a.name === 'type');
      const type = typeAttr && typeAttr.kind === 'static' && typeof typeAttr.value === 'string' ? typeAttr.value : null;
      const allowed = property === 'checked' ? ['checkbox', 'radio'] : ['checkbox', 'radio'];
      if (type !== null && !allowed.includes(type)) {
        throw this.file.error(
          'LEPTA_BIND_ELEMENT',
          attr.name.start,
          attr.name.end,
          `\`bind:${property}\` needs <input type="checkbox"> or type="radio", not type="${type}"`,
          property === 'checked' ? 'For text inputs use bind:value.' : 'Use bind:value for a single input.',
        );
      }
    }
    return {
      kind: 'bind',
      property: property as 'value' | 'checked' | 'group',
      expr: this.requireExpr(attr, `bind:${property}`, `bind:${property}={[get, set]}`),
      start: attr.start,
      end: attr.end,
    };
  }

  private unknownNamespace(nameNode: Node, ns: string, name: string) {
    const hint =
      ns === 'use'
        ? `Lepta has no use: directives; call the function from a ref: ref={(el) => ${name}(el, value)}.`
        : `Known namespaces: on:, prop:, class:, style:, attr:, bind: (and xlink:, xml:, xmlns: for SVG). For a plain attribute with a colon in its name write attr:${ns}-${name}, or use a hyphen: ${ns}-${name}.`;
    return this.file.error('LEPTA_UNKNOWN_NAMESPACE', nameNode.start, nameNode.end, `Unknown attribute namespace \`${ns}:\``, hint);
  }

  private handlerExpr(attr: Node, name: string): Expr {
    return this.requireExpr(attr, name, `${name}={(event) => …}, or ${name}={[handler, { capture: true }]} for listener options`);
  }

  /** The attribute's value as an expression; literals and bare attributes are errors. */
  private requireExpr(attr: Node, name: string, example: string): Expr {
    const v = attr.value as Node | null;
    if (v && v.type === 'JSXExpressionContainer' && v.expression.type !== 'JSXEmptyExpression') return this.expr(v.expression, null);
    if (v && (v.type === 'JSXElement' || v.type === 'JSXFragment')) return this.expr(v, null);
    throw this.file.error('LEPTA_EXPECTED_EXPRESSION', attr.start, attr.end, `\`${name}\` needs an expression value`, `Write ${example}.`);
  }

  // ---------------------------------------------------------------------------------------------
  // Components

  private component(node: Node, name: Node, place: Place): ComponentNode {
    const tagRoot = rootOfTag(name);
    const comp: ComponentNode = {
      kind: 'component',
      tagName: this.file.code.slice(name.start, name.end),
      tag: name,
      tagRoot,
      props: this.props(node.openingElement.attributes, false),
      children: [],
      start: node.start,
      end: node.end,
    };
    // Children of a component inside <svg> are most likely SVG content too.
    const inherited = place.parent ? (place.parent.ns === 'svg' && place.parent.tag !== 'foreignObject' ? 'svg' : null) : place.inherited;
    comp.children = this.children(node.children, null, { parent: null, inherited });
    if (comp.children.length > 0) {
      const explicit = comp.props.find((p) => p.kind === 'value' && p.name === 'children');
      if (explicit)
        this.warnings.push(this.file.warning('LEPTA_CHILDREN_OVERRIDDEN', explicit.start, explicit.end, 'The `children` prop is overridden by the JSX children'));
    }
    return comp;
  }

  /** Attributes as component-style props (also used for elements with a spread). */
  private props(attributes: Node[], forElement: boolean): Prop[] {
    const props: Prop[] = [];
    for (const attr of attributes) {
      if (attr.type === 'JSXSpreadAttribute') {
        props.push({ kind: 'spread', expr: this.expr(attr.argument, null), start: attr.start, end: attr.end });
        continue;
      }
      let name: string;
      if (attr.name.type === 'JSXNamespacedName') {
        const ns = attr.name.namespace.name as string;
        if (!DIRECTIVE_NAMESPACES.has(ns) && !ATTRIBUTE_NAMESPACES.has(ns)) throw this.unknownNamespace(attr.name, ns, attr.name.name.name);
        name = `${ns}:${attr.name.name.name}`;
      } else {
        name = attr.name.name;
        if (forElement) name = ATTRIBUTE_ALIASES.get(name) ?? name;
      }
      const value = this.propValue(attr, null);
      if (name === 'ref' && 'expr' in value) this.refExpr(value.expr);
      props.push({ kind: 'value', name, value, start: attr.start, end: attr.end });
    }
    return props;
  }

  /** Resolves how a `ref={identifier}` is bound (only refs need it: they may assign it). */
  private refExpr(expr: Expr): Expr {
    const id = expr.identifier;
    if (id) id.kind = id.rewritten ? 'param' : resolveBinding(id.name, this.ancestors).kind;
    return expr;
  }

  // ---------------------------------------------------------------------------------------------
  // Children

  private children(nodes: Node[], parent: ElementNode | null, place: Place): JsxNode[] {
    const out: JsxNode[] = [];
    const exprNs: Namespace | null = parent ? (parent.ns === 'svg' && parent.tag !== 'foreignObject' ? 'svg' : null) : place.inherited;
    for (const child of nodes) {
      switch (child.type) {
        case 'JSXText': {
          const value = jsxText(decodeEntities(child.value));
          if (value) {
            if (parent && parent.ns === 'html' && textNotAllowedIn(parent.tag) && /[^ \t\n\r\f]/.test(value)) {
              throw this.file.error(
                'LEPTA_INVALID_NESTING',
                child.start,
                child.end,
                `Text cannot be inside <${parent.tag}>: the HTML parser moves it out`,
                parent.tag === 'select' ? 'Put the text in an <option>.' : 'Put the text inside a <td> (or remove it).',
              );
            }
            out.push({ kind: 'text', value, start: child.start, end: child.end });
          }
          break;
        }
        case 'JSXExpressionContainer': {
          const e = child.expression as Node;
          if (e.type === 'JSXEmptyExpression') break;
          const lit = literalValue(e);
          if (lit !== NOT_LITERAL) {
            if (typeof lit === 'string' || typeof lit === 'number') {
              if (String(lit) !== '') out.push({ kind: 'text', value: String(lit), start: child.start, end: child.end });
            }
            break; // true / false / null render nothing
          }
          out.push({ kind: 'expr', expr: this.expr(e, exprNs), start: child.start, end: child.end });
          break;
        }
        case 'JSXElement':
        case 'JSXFragment':
          out.push(this.jsx(child, parent ? { parent, inherited: null } : place));
          break;
        case 'JSXSpreadChild':
          throw this.file.error('LEPTA_SPREAD_CHILD', child.start, child.end, 'JSX spread children ({...items}) are not supported', 'Write {items} instead: arrays are inserted as they are.');
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Values and expressions

  /** An attribute's value: a literal (decoded string, `true` for a bare attribute) or an expression. */
  private propValue(attr: Node, ns: Namespace | null): PropValue {
    const v = attr.value as Node | null;
    if (v === null || v === undefined) return { literal: true };
    if (v.type === 'Literal') return { literal: decodeEntities(v.value as string) };
    if (v.type === 'JSXExpressionContainer') {
      if (v.expression.type === 'JSXEmptyExpression')
        throw this.file.error('LEPTA_EMPTY_EXPRESSION', v.start, v.end, 'An attribute value cannot be an empty expression', 'Give the attribute a value, or remove it.');
      const lit = literalValue(v.expression);
      if (lit !== NOT_LITERAL) return { literal: lit };
      return { expr: this.expr(v.expression, ns) };
    }
    return { expr: this.expr(v, ns) }; // <A x=<b/> />
  }

  /** Classifies an expression and analyzes the JSX nested in it. */
  private expr(node: Node, ns: Namespace | null): Expr {
    const state: ExprState = { dynamic: false, hasJsx: false, usesThis: false };
    this.thisChain.push(state);
    this.scan(node, 0, state, ns);
    this.thisChain.pop();
    const inner = unwrap(node);
    const expr: Expr = {
      node,
      start: node.start,
      end: node.end,
      dynamic: state.dynamic,
      hasJsx: state.hasJsx,
      isFunction: isFunction(inner),
      usesThis: state.usesThis,
    };
    if (inner.type === 'Identifier') {
      const rewritten = this.rewritten.has(inner);
      expr.identifier = { name: inner.name, rewritten };
    }
    return expr;
  }

  private scan(node: Node, fnDepth: number, state: ExprState, ns: Namespace | null): void {
    switch (node.type) {
      case 'JSXElement':
      case 'JSXFragment':
        if (fnDepth === 0) state.hasJsx = true;
        this.root(node, ns);
        return;
      case 'CallExpression':
      case 'NewExpression':
      case 'MemberExpression':
      case 'ChainExpression':
      case 'TaggedTemplateExpression':
      case 'ImportExpression':
        if (fnDepth === 0) state.dynamic = true;
        if (node.type === 'MemberExpression' && !node.computed) {
          this.ancestors.push(node);
          this.scan(node.object, fnDepth, state, ns);
          this.ancestors.pop();
          return;
        }
        break;
      case 'BinaryExpression':
        if (fnDepth === 0 && node.operator === 'in') state.dynamic = true;
        break;
      case 'Identifier':
        if (fnDepth === 0 && this.rewritten.has(node)) state.dynamic = true;
        if (node.name === 'arguments') this.markThis();
        return;
      case 'ThisExpression':
      case 'Super':
        this.markThis();
        return;
      case 'AwaitExpression':
      case 'YieldExpression':
        if (fnDepth === 0) {
          const what = node.type === 'AwaitExpression' ? 'await' : 'yield';
          throw this.file.error(
            'LEPTA_AWAIT_IN_JSX',
            node.start,
            node.end,
            `\`${what}\` cannot be used inside a JSX expression`,
            `Compiled JSX wraps expressions in functions. ${what === 'await' ? 'Await the value before the JSX (const value = await …;) or use a resource.' : 'Yield before the JSX and use the value.'}`,
          );
        }
        break;
      case 'FunctionExpression':
      case 'FunctionDeclaration':
      case 'ClassExpression':
      case 'ClassDeclaration': {
        // A new `this`: nothing inside refers to the enclosing expressions' `this`.
        const chain = this.thisChain;
        this.thisChain = [];
        this.ancestors.push(node);
        this.scanChildren(node, fnDepth + 1, state, null);
        this.ancestors.pop();
        this.thisChain = chain;
        return;
      }
      case 'ArrowFunctionExpression':
        this.ancestors.push(node);
        this.scanChildren(node, fnDepth + 1, state, ns);
        this.ancestors.pop();
        return;
      case 'Property':
        if (!node.computed && !node.shorthand) {
          this.scan(node.value, fnDepth, state, ns);
          return;
        }
        break;
    }
    this.ancestors.push(node);
    this.scanChildren(node, fnDepth, state, ns);
    this.ancestors.pop();
  }

  private markThis(): void {
    for (const s of this.thisChain) s.usesThis = true;
  }

  /** `scan` over the children of `node` (a loop rather than a callback: this is the hot path). */
  private scanChildren(node: Node, fnDepth: number, state: ExprState, ns: Namespace | null): void {
    const keys = childKeys(node.type);
    for (let i = 0; i < keys.length; i++) {
      const value = node[keys[i]!];
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (let j = 0; j < value.length; j++) {
          const item = value[j];
          if (item !== null && typeof item === 'object' && !isTypeOnly(item)) this.scan(item, fnDepth, state, ns);
        }
      } else if (typeof value.type === 'string' && !isTypeOnly(value)) {
        this.scan(value, fnDepth, state, ns);
      }
    }
  }
}

/** The attribute an Attr writes (for replacing duplicates), or null for directives and events. */
function attributeTarget(a: Attr): string | null {
  switch (a.kind) {
    case 'static':
    case 'attribute':
    case 'property':
      return a.name;
    case 'class':
      return 'class';
    case 'style':
      return 'style';
    default:
      return null;
  }
}

function staticAttr(name: string, literal: string | number | boolean | null, start: number, end: number): Attr | null {
  if (literal === false || literal === null) return null;
  return { kind: 'static', name, value: literal === true ? true : String(literal), start, end };
}

/** The namespace of an element given where it sits. */
function elementNamespace(tag: string, place: Place): Namespace {
  if (tag === 'svg') return 'svg';
  if (tag === 'math') return 'mathml';
  const parent = place.parent;
  if (parent) {
    if (parent.ns === 'svg') return parent.tag === 'foreignObject' ? 'html' : 'svg';
    if (parent.ns === 'mathml') return MATHML_TEXT_POINTS.has(parent.tag) && !MATHML_ELEMENTS.has(tag) ? 'html' : 'mathml';
    return 'html';
  }
  if (place.inherited === 'svg' && SVG_ELEMENTS.has(tag)) return 'svg';
  if (SVG_ELEMENTS.has(tag) && !SVG_HTML_SHARED.has(tag)) return 'svg';
  if (MATHML_ELEMENTS.has(tag)) return 'mathml';
  return 'html';
}

/** True if nodes are only static elements and text (no expressions, components or bindings). */
function isStaticContent(nodes: JsxNode[]): boolean {
  for (const n of nodes) {
    if (n.kind === 'text') continue;
    if (n.kind !== 'element' || n.spreadProps || n.attrs.some((a) => a.kind !== 'static') || !isStaticContent(n.children)) return false;
  }
  return true;
}

function rootOfTag(name: Node): Node {
  let n = name;
  while (n.type === 'JSXMemberExpression') n = n.object;
  return n;
}

const NOT_LITERAL = Symbol('not a literal');

/**
 * The value of a literal expression that can be folded at compile time: strings, numbers,
 * booleans, null, `-1`, and template literals without substitutions. Otherwise NOT_LITERAL.
 */
function literalValue(node: Node): string | number | boolean | null | typeof NOT_LITERAL {
  const n = unwrap(node);
  switch (n.type) {
    case 'Literal':
      if (n.regex || typeof n.value === 'bigint' || n.bigint !== undefined) return NOT_LITERAL;
      return n.value as string | number | boolean | null;
    case 'TemplateLiteral':
      return n.expressions.length === 0 && typeof n.quasis[0].value.cooked === 'string' ? (n.quasis[0].value.cooked as string) : NOT_LITERAL;
    case 'UnaryExpression':
      if (n.operator === '-' && n.argument.type === 'Literal' && typeof n.argument.value === 'number') return -n.argument.value;
      return NOT_LITERAL;
    default:
      return NOT_LITERAL;
  }
}
