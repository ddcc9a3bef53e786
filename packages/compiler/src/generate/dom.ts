/**
 * The `dom` generator: analyzed JSX → client code for @lepta/dom, exactly as packages/dom/
 * CONTRACT.md describes it.
 *
 * - An element root becomes one hoisted `template()` (static markup) and, when anything about it
 *   is dynamic, an IIFE that clones it, walks to the nodes it binds (`firstChild`/`nextSibling`),
 *   attaches events and refs, inserts dynamic children, applies attributes, and returns it.
 * - A component becomes `createComponent(Comp, props)` with getters for dynamic props.
 * - A fragment becomes an array.
 *
 * Order inside an element IIFE: node walks; then, element by element in document order, events,
 * refs and spreads, with the inserts of each element's dynamic children at their place; then,
 * element by element, the attributes applied once and one render effect per element for its
 * dynamic attributes (after the children exist, so `value` on a `<select>` finds its options);
 * then `return`.
 */
import { lineIndent, type Node } from '../ast.js';
import type { SourceFile } from '../errors.js';
import { DOCUMENT_ELEMENTS, RAW_TEXT_ELEMENTS, VOID_ELEMENTS, escapeAttribute, escapeText } from '../html.js';
import type { Attr, ComponentNode, ElementNode, Expr, FragmentNode, JsxNode, JsxRoot, Prop, PropValue } from '../analyze/ir.js';
import { RootWriter, type Kept } from './emit.js';
import { literal, stringLiteral, type ModuleOutput } from './module.js';

/**
 * A node of a template: an element, a run of static text, a `<!>` insertion marker, or (hydrate
 * mode, generate/hydrate.ts) the `<!--[-->` / `<!--]-->` brackets of a region.
 */
export type DomChild =
  | { kind: 'element'; t: TElement }
  | { kind: 'text'; value: string }
  | { kind: 'marker'; id: string | null }
  | OpenBracket
  | { kind: 'close'; id: string | null; open: OpenBracket };

export type OpenBracket = { kind: 'open'; id: string | null };

/**
 * A dynamic child: inserted before `marker` (`null`: appended; `undefined`: the element's sole
 * content), and in hydrate mode after `open`.
 */
export type InsertItem = { insert: JsxNode; marker: DomChild | null | undefined; open?: OpenBracket };

/** An element inside a template, with what the generator needs to bind it. */
export interface TElement {
  el: ElementNode;
  children: DomChild[];
  /** Children in order: template nodes and inserts of dynamic children. */
  items: Array<{ dom: DomChild } | InsertItem>;
  /** Variable holding the node, when something binds or walks through it. */
  id: string | null;
  needsId: boolean;
}

/**
 * Generates `dom`-mode code for JSX roots of one module. The `hydrate` generator extends it and
 * overrides the protected hooks: how a template root is obtained (`instantiate`), where markers
 * go (`placeMarkers`), how an insert and an array item are written (`insert`, `arrayItem`,
 * `deferredItem`), and the state class toggles start from (`initialState`).
 */
export class DomGenerator {
  protected w = new RootWriter();
  private elCount = 0;
  private vCount = 0;

  constructor(
    protected readonly out: ModuleOutput,
    protected readonly file: SourceFile,
    private readonly tagText: ReadonlyMap<Node, string>,
  ) {}

  /** The output of one JSX root (its nested roots are generated separately, before it). */
  root(root: JsxRoot): Array<string | Kept> {
    this.w = new RootWriter();
    this.elCount = 0;
    this.vCount = 0;
    const indent = lineIndent(this.file.code, root.start);
    this.value(root.node, indent, false);
    return this.w.done();
  }

  // ---------------------------------------------------------------------------------------------
  // Values

  /** Writes an expression producing `node`. `inArray`: dynamic expressions become thunks. */
  protected value(node: JsxNode, indent: string, inArray: boolean): void {
    switch (node.kind) {
      case 'element':
        this.element(node, indent);
        return;
      case 'component':
        this.component(node, indent);
        return;
      case 'fragment':
        this.fragment(node, indent);
        return;
      case 'text':
        this.w.text(stringLiteral(node.value));
        return;
      case 'expr':
        if (inArray && node.expr.dynamic) this.thunk(node.expr);
        else this.expr(node.expr);
        return;
    }
  }

  private fragment(node: FragmentNode, indent: string): void {
    const children = flatten(node.children);
    this.w.text('[');
    children.forEach((c, i) => {
      if (i > 0) this.w.text(', ');
      this.arrayItem(c, indent);
    });
    this.w.text(']');
  }

  /** One item of a fragment's array or of a `children` array. */
  protected arrayItem(node: JsxNode, indent: string): void {
    this.value(node, indent, true);
  }

  /** Whether `arrayItem` writes `node` so that the array must be built late (in a getter). */
  protected deferredItem(_node: JsxNode): boolean {
    return false;
  }

  /** Keeps a user expression, parenthesized when its top level would not survive the context. */
  protected expr(e: Expr): void {
    if (e.node.type === 'SequenceExpression') this.w.text('(').keep(e).text(')');
    else this.w.keep(e);
  }

  /** `() => expr`. */
  protected thunk(e: Expr): void {
    const t = e.node.type;
    if (t === 'SequenceExpression' || t === 'ObjectExpression') this.w.text('() => (').keep(e).text(')');
    else this.w.text('() => ').keep(e);
  }

  /** A prop or attribute value: a literal or the expression. */
  private propValue(v: PropValue): void {
    if ('expr' in v) this.expr(v.expr);
    else this.w.text(literal(v.literal));
  }

  // ---------------------------------------------------------------------------------------------
  // Components and props

  private component(c: ComponentNode, indent: string): void {
    const h = this.out.helper('createComponent');
    const tag = this.tagText.get(c.tagRoot);
    const tagName = tag !== undefined ? tag + c.tagName.slice(c.tagRoot.end - c.tag.start) : c.tagName;
    this.w.text(`${h}(${tagName}, `);
    const outer = this.componentTag;
    this.componentTag = c.tagName;
    this.props(c.props, c.children, indent);
    this.componentTag = outer;
    this.w.text(')');
  }

  /** The tag of the component whose props are being written (as in the source: `Await`, `ui.Card`). */
  protected componentTag = '';

  /**
   * Writes a props object: `{ … }` with getters for dynamic values, or `mergeProps(…)` when
   * there are spreads (later sources win, as later attributes do in JSX).
   */
  protected props(props: Prop[], children: JsxNode[], indent: string): void {
    type Segment = { spread: Prop & { kind: 'spread' } } | { entries: Array<() => void> };
    const segments: Segment[] = [];
    const entries = (): Array<() => void> => {
      const last = segments[segments.length - 1];
      if (last && 'entries' in last) return last.entries;
      const seg = { entries: [] as Array<() => void> };
      segments.push(seg);
      return seg.entries;
    };
    for (const p of props) {
      if (p.kind === 'spread') segments.push({ spread: p });
      else if (!(children.length > 0 && p.name === 'children')) entries().push(() => this.prop(p.name, p.value));
    }
    if (children.length > 0) entries().push(() => this.childrenProp(children, indent));

    const writeObject = (list: Array<() => void>): void => {
      if (list.length === 0) {
        this.w.text('{}');
        return;
      }
      this.w.text('{ ');
      list.forEach((write, i) => {
        if (i > 0) this.w.text(', ');
        write();
      });
      this.w.text(' }');
    };
    const writeSpread = (p: Prop & { kind: 'spread' }): void => {
      if (p.expr.dynamic) this.thunk(p.expr);
      else this.expr(p.expr);
    };
    if (segments.length === 0) {
      this.w.text('{}');
      return;
    }
    if (segments.length === 1) {
      const only = segments[0]!;
      if ('entries' in only) writeObject(only.entries);
      else if (!only.spread.expr.dynamic) this.expr(only.spread.expr);
      else {
        this.w.text(`${this.out.helper('mergeProps')}(`);
        writeSpread(only.spread);
        this.w.text(')');
      }
      return;
    }
    this.w.text(`${this.out.helper('mergeProps')}(`);
    segments.forEach((seg, i) => {
      if (i > 0) this.w.text(', ');
      if ('entries' in seg) writeObject(seg.entries);
      else writeSpread(seg.spread);
    });
    this.w.text(')');
  }

  /** One `name: value` / `get name() { … }` entry. */
  private prop(name: string, value: PropValue): void {
    const key = propertyKey(name);
    if (!('expr' in value)) {
      this.w.text(`${key}: ${literal(value.literal)}`);
      return;
    }
    const e = value.expr;
    if (name === 'ref' && assignable(e)) {
      const id = e.identifier!.name;
      this.w.text('ref(r$) { typeof ').keep(e).text(` === "function" ? ${id}(r$) : (${id} = r$); }`);
      return;
    }
    if (this.lazyProp(e)) {
      this.checkGetter(e, name);
      this.w.text(`get ${key}() { return `);
      this.expr(e);
      this.w.text('; }');
      return;
    }
    this.w.text(`${key}: `);
    this.expr(e);
  }

  /** Whether a prop's value is passed as a getter (read when the component reads it). */
  protected lazyProp(e: Expr): boolean {
    return e.dynamic || (e.hasJsx && !e.isFunction);
  }

  /** The `children` prop from JSX children: a getter when it creates nodes or reads signals. */
  private childrenProp(children: JsxNode[], indent: string): void {
    const list = flatten(children);
    if (list.length === 1) {
      const only = list[0]!;
      if (only.kind === 'text') {
        this.w.text(`children: ${stringLiteral(only.value)}`);
        return;
      }
      if (only.kind === 'expr') {
        this.prop('children', { expr: only.expr });
        return;
      }
      this.checkSubtree(only);
      this.w.text('get children() { return ');
      this.value(only, indent, false);
      this.w.text('; }');
      return;
    }
    const lazy = list.some(
      (c) => (c.kind !== 'text' && (c.kind !== 'expr' || c.expr.dynamic || (c.expr.hasJsx && !c.expr.isFunction))) || this.deferredItem(c),
    );
    if (lazy) for (const c of list) this.checkSubtree(c);
    this.w.text(lazy ? 'get children() { return [' : 'children: [');
    list.forEach((c, i) => {
      if (i > 0) this.w.text(', ');
      this.arrayItem(c, indent);
    });
    this.w.text(lazy ? ']; }' : ']');
  }

  /** `checkGetter` for every expression of a JSX subtree about to be wrapped in a getter. */
  private checkSubtree(node: JsxNode): void {
    switch (node.kind) {
      case 'expr':
        this.checkGetter(node.expr, 'children');
        return;
      case 'element':
        for (const a of node.attrs) {
          if ('expr' in a) this.checkGetter(a.expr, 'children');
          else if ('value' in a && typeof a.value === 'object' && 'expr' in a.value) this.checkGetter(a.value.expr, 'children');
        }
        if (node.spreadProps) for (const p of node.spreadProps) this.checkProp(p);
        for (const c of node.children) this.checkSubtree(c);
        return;
      case 'component':
        for (const p of node.props) this.checkProp(p);
        for (const c of node.children) this.checkSubtree(c);
        return;
      case 'fragment':
        for (const c of node.children) this.checkSubtree(c);
        return;
    }
  }

  private checkProp(p: Prop): void {
    if (p.kind === 'spread') this.checkGetter(p.expr, 'children');
    else if ('expr' in p.value) this.checkGetter(p.value.expr, 'children');
  }

  private checkGetter(e: Expr, name: string): void {
    if (e.usesThis) {
      throw this.file.error(
        'LEPTA_THIS_IN_PROP',
        e.start,
        e.end,
        `The prop \`${name}\` reads \`this\`, \`arguments\` or \`super\`, which would refer to the props object once the prop is compiled to a getter`,
        'Copy the value into a local variable before the JSX (const self = this;) and use that.',
      );
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Elements

  private element(el: ElementNode, indent: string): void {
    if (el.ns === 'html' && DOCUMENT_ELEMENTS.has(el.tag)) {
      throw this.file.error(
        'LEPTA_DOCUMENT_ELEMENT',
        el.nameStart,
        el.nameEnd,
        `<${el.tag}> cannot be created in the browser (dom mode)`,
        'Render the page shell on the server (ssr mode), or mount into an existing element: mount(() => <App/>, document.body).',
      );
    }
    const root = this.buildTemplate(el);
    const html = this.html(root);
    const flags = el.ns === 'svg' && el.tag !== 'svg' ? 1 : el.ns === 'mathml' && el.tag !== 'math' ? 2 : 0;
    const tmpl = this.out.template(html, flags);
    if (!root.needsId) {
      this.w.text(this.instantiate(tmpl, el));
      return;
    }
    const inner = indent + '  ';
    const line = (s: string): void => {
      this.w.text(`\n${inner}${s}`);
    };
    this.w.text('(() => {');
    root.id = this.nextEl();
    line(`const ${root.id} = ${this.instantiate(tmpl, el)};`);
    this.walks(root, line);
    this.early(root, inner);
    this.late(root, inner);
    line(`return ${root.id};`);
    this.w.text(`\n${indent}})()`);
  }

  /** The expression giving the root node of template `tmpl`: a clone. */
  protected instantiate(tmpl: string, _el: ElementNode): string {
    return `${tmpl}()`;
  }

  private nextEl(): string {
    return `_el$${this.elCount++}`;
  }

  /** Builds the template tree of `el`: static DOM nodes, markers, and where inserts go. */
  private buildTemplate(el: ElementNode): TElement {
    const t: TElement = { el, children: [], items: [], id: null, needsId: hasBindings(el) };
    for (const child of flatten(el.children)) {
      if (child.kind === 'text') {
        const last = t.items[t.items.length - 1];
        if (last && 'dom' in last && last.dom.kind === 'text') last.dom.value += child.value;
        else t.items.push({ dom: { kind: 'text', value: child.value } });
      } else if (child.kind === 'element') {
        const ct = this.buildTemplate(child);
        t.items.push({ dom: { kind: 'element', t: ct } });
      } else {
        t.items.push({ insert: child, marker: null });
      }
    }
    const insertCount = this.placeMarkers(t);
    for (const item of t.items) if ('dom' in item) t.children.push(item.dom);
    if (insertCount > 0) t.needsId = true;
    for (const c of t.children) if (c.kind === 'element' && c.t.needsId) t.needsId = true;
    if (t.children.some((c) => c.kind !== 'element' && c.kind !== 'text')) t.needsId = true;
    return t;
  }

  /**
   * Gives every insert of `t` its marker, adding marker nodes to `t.items`; returns the number of
   * inserts.
   *
   * Every dynamic child gets its own: the runtime keeps an insert's nodes right before its marker
   * and never leaves placeholders, so two inserts must not share one. The next template node
   * serves when it is an element; before text (adjacent text would merge in the template) and
   * between two dynamic children a <!> comment is added; the last dynamic child of an element
   * appends (marker null, or omitted when it is the element's only content).
   */
  protected placeMarkers(t: TElement): number {
    const items = t.items;
    const domCount = items.filter((i) => 'dom' in i).length;
    const insertCount = items.length - domCount;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (!('insert' in item)) continue;
      const next = items[i + 1];
      if (next === undefined) {
        item.marker = domCount === 0 && insertCount === 1 ? undefined : null;
      } else if ('dom' in next && next.dom.kind === 'element') {
        next.dom.t.needsId = true;
        item.marker = next.dom;
      } else {
        const m: DomChild = { kind: 'marker', id: null };
        items.splice(i + 1, 0, { dom: m });
        item.marker = m;
      }
    }
    return insertCount;
  }

  /**
   * The template HTML of `t`, as short as the HTML parser allows while building the same nodes:
   * attribute values without quotes where the tokenizer reads them alike, no space after a quoted
   * value (the tokenizer starts the next attribute there anyway), and, at the end of the markup
   * (`atEnd`), no end tags: the end of the input closes every open element.
   */
  private html(t: TElement, atEnd = true): string {
    const el = t.el;
    let out = `<${el.tag}`;
    let quoted = false;
    for (const a of el.attrs) {
      if (a.kind !== 'static') continue;
      out += quoted ? a.name : ` ${a.name}`;
      quoted = false;
      if (a.value === true || a.value === '') continue;
      if (UNQUOTED_VALUE.test(a.value)) out += `=${a.value}`;
      else {
        out += `="${escapeAttribute(a.value)}"`;
        quoted = true;
      }
    }
    out += '>';
    if (el.ns === 'html' && VOID_ELEMENTS.has(el.tag)) return out;
    const raw = el.ns === 'html' && RAW_TEXT_ELEMENTS.has(el.tag);
    const children = t.children;
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      if (c.kind === 'text') out += raw ? c.value : escapeText(c.value);
      else if (c.kind === 'marker') out += '<!>';
      else if (c.kind === 'open') out += '<!--[-->';
      else if (c.kind === 'close') out += '<!--]-->';
      else out += this.html(c.t, atEnd && i === children.length - 1);
    }
    return atEnd && !KEEP_END_TAG.has(el.tag) ? out : `${out}</${el.tag}>`;
  }

  /** Declares the variables of the nodes that are bound or walked through. */
  private walks(t: TElement, line: (s: string) => void): void {
    let prev: string | null = null;
    let skipped = 0;
    for (const c of t.children) {
      const needs = c.kind !== 'text' && (c.kind !== 'element' || c.t.needsId);
      if (!needs) {
        skipped++;
        continue;
      }
      // A region's close bracket is found from its open one: in server HTML the region's content
      // lies between them (packages/server/CONTRACT.md §3).
      const path: string =
        c.kind === 'close'
          ? `${this.out.helper('close')}(${c.open.id})`
          : prev
            ? `${prev}.nextSibling` + '.nextSibling'.repeat(skipped)
            : `${t.id}.firstChild` + '.nextSibling'.repeat(skipped);
      const id = this.nextEl();
      line(`const ${id} = ${path};`);
      if (c.kind !== 'element') c.id = id;
      else {
        c.t.id = id;
        this.walks(c.t, line);
      }
      prev = id;
      skipped = 0;
    }
  }

  /** Events, refs and spreads, then the inserts of the element's children, in document order. */
  private early(t: TElement, indent: string): void {
    const el = t.el;
    const id = t.id!;
    const line = (): void => {
      this.w.text(`\n${indent}`);
    };
    if (el.spreadProps) {
      line();
      this.w.text(`${this.out.helper('spread')}(${id}, `);
      this.props(el.spreadProps, [], indent);
      this.w.text(`, ${el.ns === 'svg'}, ${el.children.length > 0});`);
    }
    for (const a of el.attrs) {
      if (a.kind === 'event') {
        line();
        if (a.delegated) {
          this.out.delegate(a.name);
          this.w.text(`${id}.$$${a.name} = `);
          this.expr(a.expr);
          this.w.text(';');
        } else {
          this.w.text(`${this.out.helper('addEventListener')}(${id}, ${JSON.stringify(a.name)}, `);
          this.expr(a.expr);
          this.w.text(');');
        }
      } else if (a.kind === 'ref') {
        line();
        const ref = this.out.helper('ref');
        if (assignable(a.expr)) {
          const name = a.expr.identifier!.name;
          this.w.text('typeof ').keep(a.expr).text(` === "function" ? ${ref}(${id}, ${name}) : (${name} = ${id});`);
        } else {
          this.w.text(`${ref}(${id}, `);
          this.expr(a.expr);
          this.w.text(');');
        }
      }
    }
    for (const item of t.items) {
      if ('dom' in item) {
        if (item.dom.kind === 'element' && item.dom.t.needsId) this.early(item.dom.t, indent);
        continue;
      }
      line();
      this.insert(id, item, indent);
    }
  }

  /** `insert(parent, value, marker);` for one dynamic child. */
  protected insert(parent: string, item: InsertItem, indent: string): void {
    this.w.text(`${this.out.helper('insert')}(${parent}, `);
    this.insertValue(item.insert, indent);
    const m = item.marker;
    if (m === undefined) this.w.text(');');
    else if (m === null) this.w.text(', null);');
    else this.w.text(`, ${nodeId(m)});`);
  }

  /** The value an insert receives: a thunk for a dynamic expression, else the value itself. */
  protected insertValue(child: JsxNode, indent: string): void {
    if (child.kind === 'expr' && child.expr.dynamic) this.thunk(child.expr);
    else this.value(child, indent, false);
  }

  /** Attributes applied once, then one render effect for the element's dynamic attributes. */
  private late(t: TElement, indent: string): void {
    const el = t.el;
    const id = t.id!;
    const dynamic: Attr[] = [];
    for (const a of el.attrs) {
      switch (a.kind) {
        case 'attribute':
        case 'class':
        case 'style':
          if (a.expr.dynamic) dynamic.push(a);
          else this.once(a, id, indent);
          break;
        case 'property':
        case 'classToggle':
        case 'styleProperty':
          if ('expr' in a.value && a.value.expr.dynamic) dynamic.push(a);
          else this.once(a, id, indent);
          break;
        case 'bind': {
          // `bindInputValue` leaves out what only a <select> needs (bindValue handles both).
          const fn =
            a.property === 'value' ? (el.tag === 'select' ? 'bindValue' : 'bindInputValue') : a.property === 'checked' ? 'bindChecked' : 'bindGroup';
          this.w.text(`\n${indent}${this.out.helper(fn)}(${id}, `);
          this.expr(a.expr);
          this.w.text(');');
          break;
        }
      }
    }
    if (dynamic.length > 0) this.effect(dynamic, id, indent, staticClassNames(el.attrs));
    for (const c of t.children) if (c.kind === 'element' && c.t.needsId) this.late(c.t, indent);
  }

  /** An attribute whose value is known once (a literal or a non-reactive expression). */
  private once(a: Attr, id: string, indent: string): void {
    this.w.text(`\n${indent}`);
    const call = (fn: string, name: string | null): void => {
      this.w.text(`${this.out.helper(fn)}(${id}, ${name === null ? '' : JSON.stringify(name) + ', '}`);
    };
    switch (a.kind) {
      case 'attribute':
        if (a.ns) this.w.text(`${this.out.helper('setAttributeNS')}(${id}, ${JSON.stringify(a.ns)}, ${JSON.stringify(a.name)}, `);
        else call('setAttribute', a.name);
        this.expr(a.expr);
        break;
      case 'class':
        call('className', null);
        this.expr(a.expr);
        break;
      case 'style':
        call('style', null);
        this.expr(a.expr);
        break;
      case 'property':
        call('setProperty', a.name);
        this.propValue(a.value);
        break;
      case 'classToggle':
        call('toggleClass', a.name);
        this.propValue(a.value);
        break;
      case 'styleProperty':
        call('setStyleProperty', a.name);
        this.propValue(a.value);
        break;
      default:
        return;
    }
    this.w.text(');');
  }

  /** The previous value an attribute's first comparison sees (see `effect`). */
  protected initialState(a: Attr, staticClasses: ReadonlySet<string> | null): string {
    return a.kind === 'classToggle' && staticClasses !== null && !staticClasses.has(a.name) ? 'false' : 'undefined';
  }

  /**
   * `renderEffect` comparing each value with the previous one (contract §worked example).
   * A `class:name` toggle starts from `false` when the template's static `class` lacks that name:
   * the element is known not to have it, so a first value of `false` costs no DOM call (a list
   * of 1,000 unselected rows would otherwise make 1,000 `classList.toggle` calls on creation).
   */
  private effect(attrs: Attr[], id: string, indent: string, staticClasses: ReadonlySet<string> | null): void {
    const initial = (a: Attr): string => this.initialState(a, staticClasses);
    const h = this.out.helper('renderEffect');
    const inner = indent + '  ';
    const exprOf = (a: Attr): Expr => ('expr' in a ? a.expr : ((a as { value: { expr: Expr } }).value.expr));
    const apply = (a: Attr, v: string, store: string): string => {
      switch (a.kind) {
        case 'attribute':
          return a.ns
            ? `${this.out.helper('setAttributeNS')}(${id}, ${JSON.stringify(a.ns)}, ${JSON.stringify(a.name)}, ${store})`
            : `${this.out.helper('setAttribute')}(${id}, ${JSON.stringify(a.name)}, ${store})`;
        case 'property':
          return `${this.out.helper('setProperty')}(${id}, ${JSON.stringify(a.name)}, ${store})`;
        case 'class':
          return `${this.out.helper('className')}(${id}, ${store})`;
        case 'classToggle':
          return `${this.out.helper('toggleClass')}(${id}, ${JSON.stringify(a.name)}, ${store})`;
        case 'styleProperty':
          return `${this.out.helper('setStyleProperty')}(${id}, ${JSON.stringify(a.name)}, ${store})`;
        default:
          return v;
      }
    };
    if (attrs.length === 1) {
      const a = attrs[0]!;
      if (a.kind === 'style') {
        this.w.text(`\n${indent}${h}((_p$) => ${this.out.helper('style')}(${id}, `);
        this.expr(exprOf(a));
        this.w.text(', _p$));');
        return;
      }
      const v = `_v$${this.vCount++}`;
      this.w.text(`\n${indent}${h}((_p$) => {\n${inner}const ${v} = `);
      this.expr(exprOf(a));
      const start = initial(a);
      this.w.text(`;\n${inner}${v} !== _p$ && ${apply(a, v, v)};\n${inner}return ${v};\n${indent}}${start === 'undefined' ? '' : `, ${start}`});`);
      return;
    }
    const names = attrs.map(() => `_v$${this.vCount++}`);
    const keys = attrs.map((_, i) => slotKey(i));
    this.w.text(`\n${indent}${h}((_p$) => {\n${inner}const `);
    attrs.forEach((a, i) => {
      if (i > 0) this.w.text(`,\n${inner}  `);
      this.w.text(`${names[i]} = `);
      this.expr(exprOf(a));
    });
    this.w.text(';');
    attrs.forEach((a, i) => {
      const v = names[i]!;
      const slot = `_p$.${keys[i]}`;
      if (a.kind === 'style') this.w.text(`\n${inner}${slot} = ${this.out.helper('style')}(${id}, ${v}, ${slot});`);
      else this.w.text(`\n${inner}${v} !== ${slot} && ${apply(a, v, `(${slot} = ${v})`)};`);
    });
    this.w.text(`\n${inner}return _p$;\n${indent}}, { ${keys.map((k, i) => `${k}: ${initial(attrs[i]!)}`).join(', ')} });`);
  }
}

/**
 * The class names an element's static `class` attribute gives it in the template; `null` when its
 * classes are not known at compile time (a dynamic `class` or a spread could set any name).
 */
function staticClassNames(attrs: readonly Attr[]): ReadonlySet<string> | null {
  const names = new Set<string>();
  for (const a of attrs) {
    if (a.kind === 'class' || a.kind === 'spread') return null;
    if (a.kind === 'static' && (a.name === 'class' || a.name === 'className') && typeof a.value === 'string') {
      for (const name of a.value.split(/\s+/)) if (name) names.add(name);
    }
  }
  return names;
}

/**
 * An attribute value the tokenizer reads the same without quotes: not empty, and none of the
 * characters that end an unquoted value or are a parse error in one (`&` is left quoted, escaped).
 * A final `/` stays quoted too: `href=/>` is right by the spec, but some parsers (happy-dom) take
 * it for a self-closing tag.
 */
const UNQUOTED_VALUE = /^[^\s"'=<>`&]*[^\s"'=<>`&/]$/;

/**
 * Elements whose end tag is written even at the end of a template: their content is raw text or
 * RCDATA, or a nested document fragment, where relying on the end of input is needlessly subtle.
 */
const KEEP_END_TAG = new Set(['script', 'style', 'textarea', 'title', 'template', 'noscript']);

/** The variable holding a bound template node (set by `walks`). */
function nodeId(c: DomChild): string {
  return c.kind === 'element' ? c.t.id! : (c as { id: string }).id;
}

/** Flattens fragments nested among children (they contribute their children in place). */
export function flatten(children: JsxNode[]): JsxNode[] {
  if (!children.some((c) => c.kind === 'fragment')) return children;
  const out: JsxNode[] = [];
  for (const c of children) {
    if (c.kind === 'fragment') out.push(...flatten(c.children));
    else out.push(c);
  }
  return out;
}

/** True if the element itself has anything to bind (not counting its children). */
function hasBindings(el: ElementNode): boolean {
  return el.spreadProps !== null || el.attrs.some((a) => a.kind !== 'static');
}

/** A plain identifier bound with let/var or as a parameter: `ref={el}` assigns it. */
function assignable(e: Expr): boolean {
  const id = e.identifier;
  return !!id && !id.rewritten && (id.kind === 'let' || id.kind === 'var' || id.kind === 'param');
}

/** `a`, `b`, …, `z`, `aa`, `ab`, … */
function slotKey(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** An object-literal key for a prop name. */
function propertyKey(name: string): string {
  // `__proto__: x` in an object literal would set the prototype: make it an own property.
  if (name === '__proto__') return '["__proto__"]';
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

