/**
 * `template(html, flags)`: the static markup of one JSX root, parsed once and cloned per use.
 *
 * The HTML is parsed lazily, on the first call (a module full of components costs nothing until
 * one renders), by a `<template>` element: its content is an inert fragment, so parsing runs no
 * scripts, loads no images and upgrades no custom elements. The first node of that content is
 * then imported into the document once, and every call returns `cloneNode(true)` of it.
 * Importing once, rather than cloning straight out of the template's inert document, means each
 * clone is born in the document it will be inserted into: inserting it needs no adoption (a walk
 * of the whole subtree), and custom elements in a clone are upgraded as it is created, exactly as
 * `document.createElement` would (the inert document has no custom element registry).
 *
 * Flags: `1` parses the markup as SVG content (inside `<svg>`), `2` as MathML (inside `<math>`),
 * so `<circle>` or `<mi>` get their namespace; the wrapper itself is dropped.
 */

export const SVG = 1;
export const MATHML = 2;

export function template(html: string, flags = 0): () => Node {
  let node: Node | null = null;
  return () => (node ?? (node = parse(html, flags))).cloneNode(true);
}

function parse(html: string, flags: number): Node {
  const t = document.createElement('template');
  // The wrapper needs no closing tag: the end of the markup closes it.
  t.innerHTML = flags ? `<${flags & SVG ? 'svg' : 'math'}>${html}` : html;
  let first = t.content.firstChild;
  if (flags) first = first && first.firstChild;
  // Development builds say which markup; in production `importNode(null)` throws a TypeError.
  if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' && first === null) {
    throw new Error(`template(): the markup ${JSON.stringify(html.slice(0, 80))} produced no node.`);
  }
  return document.importNode(first!, true);
}

declare const process: { env: { NODE_ENV?: string } };
