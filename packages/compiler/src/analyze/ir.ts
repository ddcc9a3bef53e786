/**
 * The analyzed JSX tree: what each JSX node *is*, independent of how a generator renders it.
 * The `dom` generator turns it into templates and bindings; the `ssr` and `hydrate` generators
 * will turn the same tree into HTML strings and hydration walks.
 *
 * Every user expression is referenced by its source range (`Expr.start`/`Expr.end`): generators
 * keep that text in place (with magic-string) so source maps point into it.
 */
import type { Node } from '../ast.js';

/** The namespace an element is created in. */
export type Namespace = 'html' | 'svg' | 'mathml';

/** A user expression inside JSX, classified. */
export interface Expr {
  /** The expression node (parentheses included when the source has them). */
  node: Node;
  start: number;
  end: number;
  /**
   * Reactive: contains a call, a member access, `in`, a tagged template, or a destructured prop
   * (outside nested functions). Generators wrap it (getter, effect, `() => …`).
   */
  dynamic: boolean;
  /** Contains JSX outside nested functions (its value creates nodes). */
  hasJsx: boolean;
  /** The unwrapped expression is a function or arrow function. */
  isFunction: boolean;
  /**
   * Uses `this`, `arguments` or `super` of the enclosing code: outside nested non-arrow
   * functions, including inside the JSX nested in it.
   */
  usesThis: boolean;
  /**
   * When the unwrapped expression is a plain identifier: its name, whether the props rewrite
   * turned it into a props read, and — for `ref` values only — how it is bound where it is used
   * (`let`/`var`/`param` are assignable; see `BindingKind`).
   */
  identifier?: { name: string; rewritten: boolean; kind?: BindingKind };
}

/** How an identifier is declared at the place it is read. */
export type BindingKind = 'let' | 'var' | 'const' | 'param' | 'function' | 'class' | 'import' | 'catch' | 'global' | 'other';

/** A JSX child or root. */
export type JsxNode = ElementNode | ComponentNode | FragmentNode | TextNode | ExprNode;

/** An intrinsic element (`<div>`, `<svg>`, `<my-element>`). */
export interface ElementNode {
  kind: 'element';
  /** The tag as written (case preserved: SVG names are case-sensitive). */
  tag: string;
  ns: Namespace;
  attrs: Attr[];
  children: JsxNode[];
  /**
   * Set when the element has a `{...spread}`: all its attributes as props, JSX spelling kept
   * (`onClick`, `class:x`, `ref`), in source order. Later ones win over earlier spreads, so a
   * generator applies them all together (the `dom` one with `spread(el, mergeProps(...))`).
   */
  spreadProps: Prop[] | null;
  /** Has an explicit content property (`innerHTML`, `textContent`, `innerText`). */
  hasContentProperty: boolean;
  /** Source range of the whole element. */
  start: number;
  end: number;
  /** Source range of the tag name in the opening tag (for diagnostics). */
  nameStart: number;
  nameEnd: number;
}

/**
 * A component: an uppercase identifier or member expression tag (`<Row>`, `<ui.Button>`,
 * `<Dynamic>`). Props keep their source order; JSX children become the `children` prop.
 */
export interface ComponentNode {
  kind: 'component';
  /** The tag as it appears in source (`Row`, `ui.Button`). */
  tagName: string;
  /** The tag's identifier / member expression node. */
  tag: Node;
  /** The root identifier of the tag (`ui` in `ui.Button`), for props rewriting. */
  tagRoot: Node;
  props: Prop[];
  children: JsxNode[];
  start: number;
  end: number;
}

/** `<>…</>`. Produces an array. */
export interface FragmentNode {
  kind: 'fragment';
  children: JsxNode[];
  start: number;
  end: number;
}

/** Static text: JSX text (entities decoded, JSX whitespace applied) or a literal `{"…"}`. */
export interface TextNode {
  kind: 'text';
  value: string;
  start: number;
  end: number;
}

/** `{expression}` as a child. */
export interface ExprNode {
  kind: 'expr';
  expr: Expr;
  start: number;
  end: number;
}

/** A component prop, in source order. */
export type Prop =
  | { kind: 'value'; name: string; value: PropValue; start: number; end: number }
  | { kind: 'spread'; expr: Expr; start: number; end: number };

/** A prop's value: a static literal (`"x"`, `{1}`, a bare attribute = `true`) or an expression. */
export type PropValue = { literal: string | number | boolean | null } | { expr: Expr };

/** An attribute of an intrinsic element, in source order. */
export type Attr =
  /** Known at compile time: goes into the template / HTML string. `value: true` = boolean attribute. */
  | { kind: 'static'; name: string; value: string | true; start: number; end: number }
  /** `name={expr}`: an attribute (or `attr:name`). `ns` is set for `xlink:href` and the like. */
  | { kind: 'attribute'; name: string; ns: string | null; expr: Expr; start: number; end: number }
  /** `prop:name={expr}`, `value={expr}` on form elements, `innerHTML="…"`… */
  | { kind: 'property'; name: string; value: PropValue; start: number; end: number }
  /** `class={expr}` / `className={expr}`. */
  | { kind: 'class'; expr: Expr; start: number; end: number }
  /** `style={expr}`: a string or an object. */
  | { kind: 'style'; expr: Expr; start: number; end: number }
  /** `class:name={bool}` (a literal value when written `class:name` or `class:name={true}`). */
  | { kind: 'classToggle'; name: string; value: PropValue; start: number; end: number }
  /** `style:name={value}` (a literal value when written `style:name="red"`). */
  | { kind: 'styleProperty'; name: string; value: PropValue; start: number; end: number }
  /**
   * `onClick={h}` (`delegated` for the bubbling UI events) or `on:name={h}` (always native).
   * `name` is the DOM event name (lowercased for `onX`, as written for `on:x`).
   */
  | { kind: 'event'; name: string; delegated: boolean; expr: Expr; start: number; end: number }
  /** `ref={el}` / `ref={fn}`. */
  | { kind: 'ref'; expr: Expr; start: number; end: number }
  /** `bind:value|checked|group={[get, set]}`. */
  | { kind: 'bind'; property: 'value' | 'checked' | 'group'; expr: Expr; start: number; end: number }
  /** `{...props}`. */
  | { kind: 'spread'; expr: Expr; start: number; end: number };

/** One JSX root as found in the source: an element/fragment not nested in other JSX markup. */
export interface JsxRoot {
  node: JsxNode;
  start: number;
  end: number;
  /** Roots nested in this root's expressions (`{items.map(i => <li/>)}`), in source order. */
  nested: JsxRoot[];
}
