/**
 * What the compiler knows about HTML, SVG and MathML: element sets, how the HTML parser treats
 * markup inside a `<template>`, escaping, and JSX whitespace. Generator-neutral: the `ssr`
 * generator will need the same facts.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Elements with no end tag. */
export const VOID_ELEMENTS = set(
  'area base br col embed hr img input link meta param source track wbr keygen',
);

/** Every SVG element name (SVG 1.1 + SVG 2). */
export const SVG_ELEMENTS = set(`
  a animate animateMotion animateTransform circle clipPath defs desc ellipse feBlend feColorMatrix
  feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight
  feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode
  feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence filter
  foreignObject g image line linearGradient marker mask metadata mpath path pattern polygon polyline
  radialGradient rect script set stop style svg switch symbol text textPath title tspan use view
`);

/** SVG names that are also HTML elements: which one is meant depends on the parent. */
export const SVG_HTML_SHARED = set('a script style title');

/** Every MathML element name (MathML Core + common legacy ones). */
export const MATHML_ELEMENTS = set(`
  math maction annotation annotation-xml menclose merror mfenced mfrac mi mmultiscripts mn mo mover
  mpadded mphantom mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable mtd mtext
  mtr munder munderover semantics none
`);

/** Elements whose text content is raw: never entity-escaped (and never holding elements). */
export const RAW_TEXT_ELEMENTS = set('script style');

/** Elements whose content a `<template>` does not expose as child nodes (no bindings inside). */
export const OPAQUE_ELEMENTS = set('template noscript');

/** Elements that are never created by a client-side template. */
export const DOCUMENT_ELEMENTS = set('html head body');

/**
 * Attributes whose *dynamic* value must be written as a DOM property on HTML elements, because
 * the attribute only sets the initial (default) state.
 */
export const PROPERTY_ATTRIBUTES = set('value checked selected muted indeterminate');

/** Properties that replace an element's content; such an element cannot have JSX children. */
export const CONTENT_PROPERTIES = set('innerHTML textContent innerText');

/** JSX spellings of attributes, as React users write them → the HTML attribute. */
export const ATTRIBUTE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['className', 'class'],
  ['htmlFor', 'for'],
]);

/** Attribute namespaces spelled `ns:name` in JSX and set with `setAttributeNS`. */
export const ATTRIBUTE_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['xlink', 'http://www.w3.org/1999/xlink'],
  ['xml', 'http://www.w3.org/XML/1998/namespace'],
  ['xmlns', 'http://www.w3.org/2000/xmlns/'],
]);

/**
 * Bubbling UI events handled by one document-level listener (CONTRACT.md): `onClick` on an
 * element becomes `el.$$click = handler`.
 */
export const DELEGATED_EVENTS = set(`
  click dblclick contextmenu input beforeinput keydown keyup focusin focusout
  pointerdown pointerup pointermove pointerover pointerout
  mousedown mouseup mousemove mouseover mouseout touchstart touchend touchmove
`);

/** `<p>` is closed by the HTML parser when one of these starts inside it. */
const CLOSES_P = set(`
  address article aside blockquote details dialog div dl fieldset figcaption figure footer form
  h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre search section table ul
`);

const TABLE_SECTIONS = set('thead tbody tfoot');
const HEADINGS = set('h1 h2 h3 h4 h5 h6');

/**
 * If the HTML parser would not build `child` as a child of `parent` when parsing a template
 * (it would close the parent, move the child, or insert an element in between), returns why,
 * with what to write instead. Element-bound code walks the template with `firstChild` /
 * `nextSibling`, so markup the parser rewrites would bind the wrong nodes.
 */
export function invalidNesting(parent: string, child: string): { reason: string; hint: string } | null {
  const bad = (reason: string, hint: string) => ({ reason, hint });
  if (parent === 'p' && CLOSES_P.has(child))
    return bad(
      `<${child}> cannot be inside <p>: the HTML parser closes the <p> first`,
      `Use a <div> (or another flow container) instead of the <p>, or a <span> instead of the <${child}>.`,
    );
  if (parent === child && (child === 'a' || child === 'button' || child === 'form' || child === 'li' || child === 'option' || child === 'select'))
    return bad(
      `<${child}> cannot be nested directly in another <${child}>: the HTML parser closes the outer one`,
      `Restructure the markup so the two <${child}> elements are siblings.`,
    );
  if (HEADINGS.has(parent) && HEADINGS.has(child))
    return bad(`<${child}> cannot be inside <${parent}>`, 'Headings cannot contain headings; make them siblings.');
  if (parent === 'table' && (child === 'tr' || child === 'td' || child === 'th' || child === 'col'))
    return bad(
      `<${child}> directly inside <table>: the HTML parser inserts a <${child === 'col' ? 'colgroup' : 'tbody'}>`,
      child === 'col' ? 'Wrap the <col> elements in <colgroup>.' : 'Wrap the rows in <tbody> (or <thead>/<tfoot>).',
    );
  if (parent === 'table' && !(TABLE_SECTIONS.has(child) || child === 'caption' || child === 'colgroup' || child === 'script' || child === 'template' || child === 'style'))
    return bad(`<${child}> cannot be inside <table>: the HTML parser moves it out of the table`, 'Put it inside a <td> or <caption>.');
  if (TABLE_SECTIONS.has(parent) && child !== 'tr' && child !== 'script' && child !== 'template')
    return bad(`<${parent}> can only contain <tr>`, child === 'td' || child === 'th' ? `Wrap the cells in <tr>.` : `Put the <${child}> inside a <td>.`);
  if (parent === 'tr' && child !== 'td' && child !== 'th' && child !== 'script' && child !== 'template')
    return bad(`<tr> can only contain <td> and <th>`, `Put the <${child}> inside a <td>.`);
  if (parent === 'colgroup' && child !== 'col' && child !== 'template')
    return bad('<colgroup> can only contain <col>', 'Remove the element or move it out of the <colgroup>.');
  if (parent === 'select' && child !== 'option' && child !== 'optgroup' && child !== 'hr' && child !== 'script' && child !== 'template')
    return bad(`<${child}> cannot be inside <select>`, 'A <select> holds <option>, <optgroup> and <hr> elements.');
  if (parent === 'optgroup' && child !== 'option' && child !== 'script' && child !== 'template')
    return bad(`<${child}> cannot be inside <optgroup>`, 'An <optgroup> holds <option> elements.');
  if ((parent === 'dt' || parent === 'dd') && (child === 'dt' || child === 'dd'))
    return bad(`<${child}> cannot be inside <${parent}>: the HTML parser closes the <${parent}>`, 'Make them siblings in the <dl>.');
  if (VOID_ELEMENTS.has(parent))
    return bad(`<${parent}> is a void element and cannot have children`, `Remove the children of <${parent}>.`);
  return null;
}

/** Text in a parent whose content would be moved or dropped by the HTML parser. */
export function textNotAllowedIn(parent: string): boolean {
  return parent === 'table' || TABLE_SECTIONS.has(parent) || parent === 'tr' || parent === 'colgroup' || parent === 'select' || VOID_ELEMENTS.has(parent);
}

/** Escapes text for HTML content (`&`, `<`). */
export function escapeText(text: string): string {
  return /[&<]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;') : text;
}

/** Escapes an attribute value for a double-quoted HTML attribute (`&`, `"`). */
export function escapeAttribute(value: string): string {
  return /[&"]/.test(value) ? value.replace(/&/g, '&amp;').replace(/"/g, '&quot;') : value;
}

/**
 * JSX whitespace: lines are trimmed (except the outer edges of the first and last line), lines
 * that become empty are dropped, the rest are joined with one space. Tabs count as spaces.
 * Returns '' when nothing is left.
 */
export function jsxText(raw: string): string {
  if (raw.indexOf('\n') === -1 && raw.indexOf('\r') === -1) return raw.indexOf('\t') === -1 ? raw : raw.replace(/\t/g, ' ');
  const lines = raw.split(/\r\n|\n|\r/);
  let last = -1;
  for (let i = 0; i < lines.length; i++) if (/[^ \t]/.test(lines[i]!)) last = i;
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.replace(/\t/g, ' ');
    if (i !== 0) line = line.replace(/^ +/, '');
    if (i !== lines.length - 1) line = line.replace(/ +$/, '');
    if (line) {
      out += line;
      if (i !== last) out += ' ';
    }
  }
  return out;
}

/**
 * True for an intrinsic element name (`div`, `my-element`): JSX treats lowercase-first names as
 * tags. A name with a hyphen cannot be a JavaScript identifier, so it is a (custom) element too.
 */
export function isIntrinsicName(name: string): boolean {
  const c = name.charCodeAt(0);
  return (c >= 97 && c <= 122) || name.includes('-');
}
