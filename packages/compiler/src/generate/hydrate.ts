/**
 * The `hydrate` generator: the `dom` generator's output, adjusted so that the same code adopts
 * the DOM the server rendered (packages/server/CONTRACT.md §3). It extends `DomGenerator` and
 * changes only what differs:
 *
 * - Templates bracket every dynamic child that is not the sole content of its element with
 *   `<!--[--><!--]-->` (the server puts the child's HTML between the brackets), instead of the
 *   `dom` mode's optional `<!>`.
 * - A template root is obtained with `claim(tmpl)` (`claim(tmpl, "file:line:column")` in
 *   development output): the server's node at the hydration cursor, or a clone.
 * - The node after a region is reached from its close bracket, `close(open)`; the insert gets
 *   both brackets, `insert(parent, value, close, open)`; a value that creates nodes right away
 *   (a component, an expression holding JSX) is preceded by `at(parent, open)`, which puts the
 *   cursor inside the region first.
 * - Items of a fragment or `children` array that the server brackets (components and
 *   expressions) are wrapped in `hole(() => item)`; a `children` array holding one becomes a
 *   getter, so the holes run where the children are placed.
 * - `class:name` toggles start from `undefined`: on a server node the template does not tell
 *   whether the class is there, so the first run compares (the runtime skips equal writes).
 */
import type { Attr, ElementNode, JsxNode } from '../analyze/ir.js';
import { DomGenerator, type InsertItem, type OpenBracket, type TElement } from './dom.js';

export class HydrateGenerator extends DomGenerator {
  /** `claim(tmpl, location)`: the location (development output only) names the JSX in mismatch warnings. */
  protected override instantiate(tmpl: string, el: ElementNode): string {
    if (!this.out.dev) return `${this.out.helper('claim')}(${tmpl})`;
    const { line, column } = this.file.locate(el.start);
    // The file's name without its directories: enough to find the JSX, and a build machine's
    // paths do not end up in the bundle.
    const name = this.file.filename.slice(this.file.filename.search(/[^/\\]*$/));
    const where = `${name}:${line}:${column}`;
    return `${this.out.helper('claim')}(${tmpl}, ${JSON.stringify(where)})`;
  }

  /**
   * Brackets every insert, except the sole content of the element (CONTRACT §1): there the
   * element's children are the region.
   */
  protected override placeMarkers(t: TElement): number {
    const inserts = t.items.filter((i): i is InsertItem => 'insert' in i);
    if (inserts.length === 1 && t.items.length === 1) {
      inserts[0]!.marker = undefined;
      return 1;
    }
    const items: TElement['items'] = [];
    for (const item of t.items) {
      if (!('insert' in item)) {
        items.push(item);
        continue;
      }
      const open: OpenBracket = { kind: 'open', id: null };
      const close = { kind: 'close' as const, id: null, open };
      item.open = open;
      item.marker = close;
      items.push({ dom: open }, item, { dom: close });
    }
    t.items = items;
    return inserts.length;
  }

  /** `insert(parent, value, close, open)`, with `at(parent, open)` before an eager value. */
  protected override insert(parent: string, item: InsertItem, indent: string): void {
    const child = item.insert;
    const open = item.open ? (item.open.id as string) : null;
    this.w.text(`${this.out.helper('insert')}(${parent}, `);
    const eager = child.kind === 'component' || (child.kind === 'expr' && !child.expr.dynamic && child.expr.hasJsx && !child.expr.isFunction);
    if (eager) this.w.text(`(${this.out.helper('at')}(${parent}${open ? `, ${open}` : ''}), `);
    this.insertValue(child, indent);
    if (eager) this.w.text(')');
    this.w.text(open ? `, ${(item.marker as { id: string }).id}, ${open});` : ');');
  }

  /** Components and expressions in an array are bracketed on the server: `hole(() => item)`. */
  protected override arrayItem(node: JsxNode, indent: string): void {
    if (!this.deferredItem(node)) {
      super.arrayItem(node, indent);
      return;
    }
    this.w.text(`${this.out.helper('hole')}(() => `);
    super.arrayItem(node, indent);
    this.w.text(')');
  }

  protected override deferredItem(node: JsxNode): boolean {
    return node.kind === 'component' || node.kind === 'expr';
  }

  protected override initialState(_a: Attr, _staticClasses: ReadonlySet<string> | null): string {
    return 'undefined';
  }
}
