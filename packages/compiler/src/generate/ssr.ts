/**
 * The `ssr` generator: analyzed JSX → server code that builds HTML strings, exactly as
 * packages/server/CONTRACT.md §2 describes it.
 *
 * - An element or fragment root becomes one string concatenation wrapped in `ssr(…)` (an `Html`):
 *   static markup is escaped here and merged into string literals; each dynamic part is one
 *   helper call returning a string (`escape(child)`, `attr(name, value)`, …).
 * - Dynamic children are bracketed `<!--[-->…<!--]-->` unless they are the only child of their
 *   element (§1); in a fragment, components and `{expr}`s are bracketed and two static texts in
 *   a row are separated by `<!---->` (the client has one text node per item).
 * - A component becomes `createComponent(Comp, props)` with the `dom` generator's props (this
 *   class extends `DomGenerator` for them: getters, `mergeProps`, the `children` prop); only
 *   how a JSX value is written differs (`value`). Items of a `children` array that the client
 *   brackets go through `ssrHole`.
 * - An element's attributes are written in source order; `class`, `class:x` and a static class
 *   become one `class` attribute at the place of the first of them, `style` and `style:x` one
 *   `style` attribute; events, refs and `prop:` directives without an HTML form are dropped
 *   without evaluating their expressions.
 *
 * The output is one line per root: what matters is the work it does per render, and every
 * static byte is already in a literal.
 */
import type { Attr, ElementNode, Expr, JsxNode, Prop, PropValue } from '../analyze/ir.js';
import { CONTENT_PROPERTIES, RAW_TEXT_ELEMENTS, VOID_ELEMENTS } from '../html.js';
import { DomGenerator, flatten } from './dom.js';
import type { RootWriter } from './emit.js';
import { literal, stringLiteral } from './module.js';

const OPEN = '<!--[-->';
const CLOSE = '<!--]-->';

/** Elements whose content is not parsed as markup: one text, so their children are never bracketed. */
const RCDATA_ELEMENTS: ReadonlySet<string> = new Set(['title', 'textarea']);

/** Elements whose first newline the HTML parser drops: dynamic content starting there gets one more. */
const NEWLINE_ELEMENTS: ReadonlySet<string> = new Set(['pre', 'textarea', 'listing']);

/** Properties whose state the HTML attribute of the same name gives (`value` is handled apart). */
const BOOLEAN_PROPERTIES: ReadonlySet<string> = new Set(['checked', 'selected', 'muted']);

/**
 * Expression types that can be an operand of `?:` or `+` without parentheses (everything but the
 * assignment-level expressions), and those that can be followed by `[0]` (member/call level).
 */
const TEST_SAFE: ReadonlySet<string> = new Set([
  'Identifier', 'Literal', 'TemplateLiteral', 'MemberExpression', 'CallExpression', 'ParenthesizedExpression',
  'ThisExpression', 'ArrayExpression', 'ObjectExpression', 'BinaryExpression', 'LogicalExpression', 'UnaryExpression',
]);
const MEMBER_SAFE: ReadonlySet<string> = new Set([
  'Identifier', 'MemberExpression', 'CallExpression', 'ParenthesizedExpression', 'ThisExpression', 'ArrayExpression',
]);

/**
 * One string concatenation being written: static markup accumulates and is written as a single
 * literal when a dynamic part (or the end) comes; ` + ` goes between parts.
 */
class Concat {
  private pending = '';
  private parts = 0;

  constructor(private readonly w: RootWriter) {}

  /** Static markup, already escaped. */
  html(s: string): void {
    this.pending += s;
  }

  /** Starts a dynamic part: the caller then writes one expression that binds tighter than `+`. */
  dynamic(): RootWriter {
    this.flush();
    if (this.parts++ > 0) this.w.text(' + ');
    return this.w;
  }

  /** Ends the concatenation (`""` when it is empty). */
  end(): void {
    this.flush();
    if (this.parts === 0) this.w.text('""');
  }

  private flush(): void {
    if (this.pending === '') return;
    if (this.parts++ > 0) this.w.text(' + ');
    this.w.text(stringLiteral(this.pending));
    this.pending = '';
  }
}

/** What an element's attributes say about its content, apart from its JSX children. */
interface Content {
  /** `innerHTML` (raw), `textContent`/`innerText` (escaped). */
  property: { raw: boolean; value: PropValue; attr: Attr } | null;
  /** `value` / `bind:value` of a `<textarea>` (its text) or a `<select>` (the selected options). */
  formValue: { write: () => void; attr: Attr } | null;
}

/** Generates `ssr`-mode code for the JSX roots of one module. */
export class SsrGenerator extends DomGenerator {
  /** Writes an expression producing `node`: markup is an `Html`, a component its result. */
  protected override value(node: JsxNode, indent: string, inArray: boolean): void {
    switch (node.kind) {
      case 'element':
      case 'fragment': {
        this.w.text(`${this.out.helper('ssr')}(`);
        const c = new Concat(this.w);
        if (node.kind === 'element') this.elementHtml(node, c, indent);
        else this.fragmentHtml(node.children, c, indent);
        c.end();
        this.w.text(')');
        return;
      }
      case 'component':
      case 'expr':
        // In a children array the client brackets these (CONTRACT §1).
        if (inArray) this.w.text(`${this.out.helper('ssrHole')}(`);
        if (node.kind === 'component') super.value(node, indent, false);
        else this.expr(node.expr);
        if (inArray) this.w.text(')');
        return;
      case 'text':
        super.value(node, indent, inArray);
        return;
    }
  }

  /**
   * On the server a prop is a getter only when it is JSX: control flow (`Show`, `Suspense`)
   * decides whether such a prop renders at all. Every other prop is evaluated at the call, as a
   * plain value. Nothing changes on the server after a component ran, so the value is the one
   * the component would have read, and it is far cheaper: V8 builds an object literal with
   * accessors more than fifty times slower than one with plain values, which was half the time
   * of rendering a list of small components. What differs from the browser: a prop read that
   * suspends or throws is caught by the boundaries around the component's call, not by ones
   * inside it, and a prop the component never reads is still evaluated.
   */
  protected override lazyProp(e: Expr): boolean {
    // `<Await future={load()}>` (lepta's Await, under whatever local name): as a getter the
    // future starts once, when Await's resource loads — not again when its boundary re-renders
    // with the data, where the resource takes the settled value and never reads it.
    if (this.out.lazyPropsComponents.has(this.componentTag)) return super.lazyProp(e);
    return e.hasJsx && !e.isFunction;
  }

  // ---------------------------------------------------------------------------------------------
  // Children

  /** A fragment's items: components and expressions bracketed, separators between two texts. */
  private fragmentHtml(children: JsxNode[], c: Concat, indent: string): void {
    let textBefore = false;
    for (const child of flatten(children)) {
      if (child.kind === 'text') {
        if (textBefore) c.html('<!---->');
        c.html(escapeText(child.value));
      } else if (child.kind === 'element') {
        this.elementHtml(child, c, indent);
      } else {
        c.html(OPEN);
        this.dynamicChild(child, c, indent, 'escape');
        c.html(CLOSE);
      }
      textBefore = child.kind === 'text';
    }
  }

  /** An element's JSX children. */
  private children(el: ElementNode, c: Concat, indent: string): void {
    const html = el.ns === 'html';
    const items = flatten(el.children);
    if (items.length === 0) return;
    const first = items[0]!;
    const dynamic = (n: JsxNode): boolean => n.kind === 'expr' || n.kind === 'component';
    if (html && NEWLINE_ELEMENTS.has(el.tag) && dynamic(first)) c.html('\n');
    // <script>/<style> (raw text) and <title>/<textarea> (escapable raw text) hold one text:
    // comments there would be text, so nothing is bracketed.
    const rawText = html && RAW_TEXT_ELEMENTS.has(el.tag);
    const oneText = rawText || (html && RCDATA_ELEMENTS.has(el.tag));
    const sole = items.length === 1 || (oneText && items.every((n) => n.kind !== 'element'));
    for (const child of items) {
      if (child.kind === 'text') c.html(rawText ? child.value : escapeText(child.value));
      else if (child.kind === 'element') this.elementHtml(child, c, indent);
      else {
        if (!sole) c.html(OPEN);
        this.dynamicChild(child, c, indent, rawText ? 'escapeScript' : 'escape');
        if (!sole) c.html(CLOSE);
      }
    }
  }

  /** `escape(expr)` / `escape(createComponent(…))`. */
  private dynamicChild(child: JsxNode, c: Concat, indent: string, helper: string): void {
    c.dynamic().text(`${this.out.helper(helper)}(`);
    if (child.kind === 'expr') this.expr(child.expr);
    else super.value(child, indent, false);
    this.w.text(')');
  }

  // ---------------------------------------------------------------------------------------------
  // Elements

  private elementHtml(el: ElementNode, c: Concat, indent: string): void {
    const html = el.ns === 'html';
    const isVoid = html && VOID_ELEMENTS.has(el.tag);
    if (isVoid && el.children.length > 0) {
      throw this.file.error('LEPTA_SSR_VOID_CONTENT', el.start, el.end, `<${el.tag}> is a void element: it cannot have children in HTML`, `Remove the children of <${el.tag}>.`);
    }
    c.html(`<${el.tag}`);
    if (el.spreadProps) {
      // ssrSpread writes the attributes, the `>` and, without JSX children, the content from the props.
      const skipContent = isVoid || el.children.length > 0;
      c.dynamic().text(`${this.out.helper('ssrSpread')}(`);
      this.props(serverProps(el.spreadProps), [], indent);
      this.w.text(`, ${el.ns === 'svg'}, ${skipContent})`);
    } else {
      const content = this.attributes(el, c);
      c.html('>');
      if (this.content(el, content, c, indent)) {
        c.html(`</${el.tag}>`);
        return;
      }
    }
    if (isVoid) return;
    this.children(el, c, indent);
    c.html(`</${el.tag}>`);
  }

  /**
   * The content an attribute gives the element (`innerHTML`, `textContent`, a textarea's or a
   * select's value). Returns true when it wrote the whole content.
   */
  private content(el: ElementNode, content: Content, c: Concat, indent: string): boolean {
    const isVoid = el.ns === 'html' && VOID_ELEMENTS.has(el.tag);
    const from = content.property ?? content.formValue;
    if (isVoid && content.property) {
      throw this.file.error('LEPTA_SSR_VOID_CONTENT', content.property.attr.start, content.property.attr.end, `<${el.tag}> is a void element: it cannot have content in HTML`, 'Remove the attribute.');
    }
    if (!from) return false;
    if (content.formValue && el.tag === 'select') {
      // The options are rendered first, then the ones the value selects are marked.
      c.dynamic().text(`${this.out.helper('ssrSelect')}(`);
      content.formValue.write();
      this.w.text(', ');
      const options = new Concat(this.w);
      this.children(el, options, indent);
      options.end();
      this.w.text(')');
      return true;
    }
    if (el.children.length > 0) {
      throw this.file.error(
        'LEPTA_SSR_VALUE_AND_CHILDREN',
        from.attr.start,
        from.attr.end,
        `<${el.tag}> has both a value and children: on the server its value is its content`,
        'Remove the children (they would be replaced by the value), or the value.',
      );
    }
    if (content.formValue) {
      c.html('\n'); // the parser drops a first newline in <textarea>: a value starting with one keeps it
      c.dynamic().text(`${this.out.helper('escapeText')}(`);
      content.formValue.write();
      this.w.text(')');
      return true;
    }
    const { raw, value } = content.property!;
    if ('expr' in value) {
      c.dynamic().text(`${this.out.helper(raw ? 'raw' : 'escapeText')}(`);
      this.expr(value.expr);
      this.w.text(')');
    } else if (value.literal !== null) {
      // As the property: `null` is empty, anything else its string.
      c.html(raw ? String(value.literal) : escapeText(String(value.literal)));
    }
    return true;
  }

  /**
   * Writes the attributes of a spread-free element in source order (merged `class` and `style`
   * where the first of their parts is) and returns what they say about its content.
   */
  private attributes(el: ElementNode, c: Concat): Content {
    const formElement = el.ns === 'html' && !el.tag.includes('-');
    const takesValue = formElement && (el.tag === 'textarea' || el.tag === 'select');
    const content: Content = { property: null, formValue: null };
    const classParts = el.attrs.filter(isClassPart);
    const styleParts = el.attrs.filter(isStylePart);
    const group = el.attrs.find((a) => a.kind === 'bind' && a.property === 'group') as (Attr & { kind: 'bind' }) | undefined;
    for (const a of el.attrs) {
      if (a === classParts[0]) this.classAttribute(classParts, c);
      if (a === styleParts[0]) this.styleAttribute(styleParts, c);
      switch (a.kind) {
        case 'static':
          if (!isClassPart(a) && !isStylePart(a)) c.html(literalAttribute(a.name, a.value));
          break;
        case 'attribute':
          if (!isClassPart(a) && !isStylePart(a)) this.call(c, 'attr', JSON.stringify(a.name), () => this.expr(a.expr));
          break;
        case 'property': {
          if (CONTENT_PROPERTIES.has(a.name)) {
            content.property = { raw: a.name === 'innerHTML', value: a.value, attr: a };
            break;
          }
          if (!formElement) break; // prop:x on SVG, MathML and custom elements: a property only
          if (a.name === 'value') {
            if (takesValue) content.formValue = { write: () => this.writeValue(a.value), attr: a };
            else if (group) break; // written with the group's `checked`
            else if ('expr' in a.value) {
              const e = a.value.expr;
              this.call(c, 'attr', '"value"', () => this.expr(e));
            } else c.html(literalAttribute('value', a.value.literal));
          } else if (BOOLEAN_PROPERTIES.has(a.name)) {
            this.booleanAttribute(a.name, a.value, c);
          }
          // Other properties (indeterminate, prop:x) have no HTML form.
          break;
        }
        case 'bind':
          this.bind(el, a, takesValue, content, c);
          break;
        // class/style parts are written above; events and refs do nothing on the server.
      }
    }
    return content;
  }

  /** `bind:value` / `bind:checked` / `bind:group`: the attribute from the binding's current value. */
  private bind(el: ElementNode, a: Attr & { kind: 'bind' }, takesValue: boolean, content: Content, c: Concat): void {
    const current = (): void => {
      this.wrapped(a.expr, MEMBER_SAFE);
      this.w.text('[0]()');
    };
    if (a.property === 'value') {
      if (takesValue) content.formValue = { write: current, attr: a };
      else this.call(c, 'attr', '"value"', current);
    } else if (a.property === 'checked') {
      c.dynamic().text('(');
      current();
      this.w.text(' ? " checked" : "")');
    } else {
      // The input's own value: a dynamic one is written here with the `checked` it gives.
      const value = el.attrs.find((v): v is Attr & { kind: 'property' | 'static' } => (v.kind === 'property' || v.kind === 'static') && v.name === 'value');
      if (value && value.kind === 'property' && 'expr' in value.value) {
        const e = value.value.expr;
        this.call(c, 'groupValue', null, () => {
          this.expr(e);
          this.w.text(', ');
          current();
        });
        return;
      }
      if (value && value.kind === 'property') c.html(literalAttribute('value', (value.value as { literal: string | number | boolean | null }).literal));
      const mine = !value ? 'on' : value.kind === 'static' ? value.value : (value.value as { literal: string | number | boolean | null }).literal;
      this.call(c, 'groupChecked', JSON.stringify(mine === true ? '' : mine), current);
    }
  }

  /** `checked={on}` → ` checked` when truthy (the property's state, not the attribute's text). */
  private booleanAttribute(name: string, value: PropValue, c: Concat): void {
    if (!('expr' in value)) {
      if (value.literal) c.html(` ${name}`);
      return;
    }
    c.dynamic().text('(');
    this.wrapped(value.expr, TEST_SAFE);
    this.w.text(` ? " ${name}" : "")`);
  }

  /**
   * One `class` attribute from a static class or `class={…}` and the `class:x` toggles. With a
   * static class (or none), literal toggles are applied here (when no dynamic toggle has the same
   * name, the order between them does not matter); then, if no dynamic toggle is left, the
   * attribute is a literal; if the dynamic toggles have distinct names the class lacks, it is the
   * literal with `(on ? " x" : "")` parts. Anything else is `ssrClass(base, [name, on, …])`.
   */
  private classAttribute(parts: Attr[], c: Concat): void {
    let { base, named: toggles } = mergedParts(parts);
    if (typeof base === 'string' || base === null) {
      const dynamic = toggles.filter((t) => 'expr' in t.value);
      const names = new Set(dynamic.map((t) => t.name));
      const fixed = toggles.filter((t) => !('expr' in t.value));
      if (!fixed.some((t) => names.has(t.name))) {
        base = foldToggles(base, fixed.map((t) => ({ name: t.name, on: !!(t.value as { literal: unknown }).literal })));
        toggles = dynamic;
      }
      if (toggles.length === 0) {
        if (base !== null) c.html(` class="${escapeAttr(base)}"`);
        return;
      }
      const inline = names.size === toggles.length && (base === null || !splitClasses(base).some((n) => names.has(n)));
      if (inline && base !== null && base !== '') {
        c.html(` class="${escapeAttr(base)}`);
        for (const t of toggles) this.toggle(` ${escapeAttr(t.name)}`, t.value, c);
        c.html('"');
        return;
      }
      if (inline && base === null && toggles.length === 1) {
        this.toggle(` class="${escapeAttr(toggles[0]!.name)}"`, toggles[0]!.value, c);
        return;
      }
    }
    this.merged(c, 'ssrClass', base, toggles);
  }

  /** `(on ? "markup" : "")`. */
  private toggle(markup: string, value: PropValue, c: Concat): void {
    c.dynamic().text('(');
    this.wrapped((value as { expr: Expr }).expr, TEST_SAFE);
    this.w.text(` ? ${stringLiteral(markup)} : "")`);
  }

  /**
   * One `style` attribute from a static style or `style={…}` and the `style:x` properties:
   * folded into the literal when everything is static, else `ssrStyle(base, [name, value, …])`.
   */
  private styleAttribute(parts: Attr[], c: Concat): void {
    const { base, named: properties } = mergedParts(parts);
    if ((typeof base === 'string' || base === null) && properties.every((p) => !('expr' in p.value))) {
      let css = base ?? '';
      for (const p of properties) {
        const v = (p.value as { literal: string | number | boolean | null }).literal;
        if (v === null || v === false) continue;
        if (css.trim() !== '' && !css.trimEnd().endsWith(';')) css += ';';
        css += `${p.name}:${String(v)};`;
      }
      if (css !== '') c.html(` style="${escapeAttr(css)}"`);
      return;
    }
    this.merged(c, 'ssrStyle', base, properties);
  }

  /** `helper(base, [name, value, name, value…])`: `ssrClass` / `ssrStyle` with what is not folded. */
  private merged(c: Concat, helper: string, base: string | Expr | null, list: Named[]): void {
    this.call(c, helper, null, () => {
      if (base === null) this.w.text('null');
      else if (typeof base === 'string') this.w.text(stringLiteral(base));
      else this.expr(base);
      if (list.length === 0) return;
      this.w.text(', [');
      list.forEach((p, i) => {
        this.w.text(`${i > 0 ? ', ' : ''}${stringLiteral(p.name)}, `);
        this.writeValue(p.value);
      });
      this.w.text(']');
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /** A dynamic part `helper(first, …)`: `first` is literal text (or none), `rest` writes the other arguments. */
  private call(c: Concat, helper: string, first: string | null, rest: () => void): void {
    c.dynamic().text(`${this.out.helper(helper)}(${first === null ? '' : first + ', '}`);
    rest();
    this.w.text(')');
  }

  /** A literal prop value or the expression. */
  private writeValue(v: PropValue): void {
    if ('expr' in v) this.expr(v.expr);
    else this.w.text(literal(v.literal));
  }

  /** The expression, parenthesized unless its type is in `safe` (for `e ? …` or `e[0]`). */
  private wrapped(e: Expr, safe: ReadonlySet<string>): void {
    if (safe.has(e.node.type)) this.w.keep(e);
    else this.w.text('(').keep(e).text(')');
  }
}

/** A `class:x` toggle or a `style:x` property. */
type Named = { name: string; value: PropValue };

/**
 * The parts of a merged `class` or `style` attribute: the base (a static value, an expression,
 * or none; a later one replaces an earlier one) and the `class:x` / `style:x` parts in order.
 */
function mergedParts(parts: Attr[]): { base: string | Expr | null; named: Named[] } {
  let base: string | Expr | null = null;
  const named: Named[] = [];
  for (const p of parts) {
    if (p.kind === 'static') base = p.value === true ? '' : p.value;
    else if (p.kind === 'class' || p.kind === 'style' || p.kind === 'attribute') base = p.expr;
    else if (p.kind === 'classToggle' || p.kind === 'styleProperty') named.push({ name: p.name, value: p.value });
  }
  return { base, named };
}

/** A part of the merged `class` attribute. */
function isClassPart(a: Attr): boolean {
  return a.kind === 'class' || a.kind === 'classToggle' || ((a.kind === 'static' || (a.kind === 'attribute' && a.ns === null)) && a.name === 'class');
}

/** A part of the merged `style` attribute. */
function isStylePart(a: Attr): boolean {
  return a.kind === 'style' || a.kind === 'styleProperty' || ((a.kind === 'static' || (a.kind === 'attribute' && a.ns === null)) && a.name === 'style');
}

/**
 * The props of a spread element that can reach HTML: events (`onClick`, `on:x`), `ref` and
 * `prop:` directives other than `prop:value|checked|selected` are left out here, so their
 * expressions are never evaluated (ssrSpread skips such keys from spread objects too).
 */
function serverProps(props: Prop[]): Prop[] {
  return props.filter((p) => {
    if (p.kind === 'spread') return true;
    const name = p.name;
    if (name === 'ref' || name.startsWith('on:')) return false;
    if (name.startsWith('prop:')) return name === 'prop:value' || BOOLEAN_PROPERTIES.has(name.slice(5));
    const third = name.charCodeAt(2);
    return !(name.length > 2 && name.startsWith('on') && ((third >= 65 && third <= 90) || 'expr' in p.value));
  });
}

/** A static attribute: ` name`, ` name="value"`, or nothing (`null`/`false`). */
function literalAttribute(name: string, value: string | number | boolean | null): string {
  if (value === null || value === false) return '';
  return value === true ? ` ${name}` : ` ${name}="${escapeAttr(String(value))}"`;
}

/** The classes of a class attribute (split on ASCII whitespace). */
function splitClasses(value: string): string[] {
  return value.split(/[ \t\n\f\r]+/).filter(Boolean);
}

/**
 * Literal `class:x` toggles applied to a static class at compile time, with the DOM's result:
 * the attribute unchanged (or absent: `null`) unless a toggle adds or removes a class, then its
 * distinct classes joined by spaces.
 */
function foldToggles(base: string | null, toggles: Array<{ name: string; on: boolean }>): string | null {
  let classes: string[] | null = null;
  for (const t of toggles) {
    const current: string[] = classes ?? (base === null ? [] : splitClasses(base));
    if (t.on === current.includes(t.name)) continue;
    const next = [...new Set(current)];
    if (t.on) next.push(t.name);
    else next.splice(next.indexOf(t.name), 1);
    classes = next;
  }
  return classes === null ? base : classes.join(' ');
}

/** Escapes text content as the server's `escapeText` does: `&`, `<`, `>`, CR. */
function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (ch) => ENTITIES[ch]!);
}

/** Escapes a double-quoted attribute value as the server's `escapeAttr` does: `&`, `"`, `<`, `>`, CR. */
function escapeAttr(value: string): string {
  return value.replace(/[&"<>\r]/g, (ch) => ENTITIES[ch]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };
