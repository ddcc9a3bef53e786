/**
 * Validation of names that come from values rather than from the compiled template: attribute
 * names from spreads, tag names from `<Dynamic component="…">`, CSS property names from `style`
 * objects. A name that fails is never written.
 */

/**
 * Whether `name` may be written as an attribute name. The HTML standard's rule: one or more
 * characters other than controls (U+0000–U+001F, U+007F–U+009F), space, `"`, `'`, `>`, `/`, `=`
 * and noncharacters (U+FDD0–U+FDEF and every U+xFFFE/U+xFFFF). We also refuse `<` (a parse error
 * in a name, never legitimate), every ASCII whitespace character (all of them are controls or
 * space) and lone surrogates (not characters at all; they would be written as U+FFFD).
 *
 * Case is kept as given; HTML lowercases attribute names when parsing.
 */
export function isValidAttributeName(name: string): boolean {
  const n = name.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) continue; // a-z: the common case
    if (c < 0x7f) {
      if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x2f || c === 0x3c || c === 0x3d || c === 0x3e) return false;
      continue;
    }
    if (c <= 0x9f) return false; // DEL and C1 controls
    if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is fine unless it encodes a noncharacter (U+1FFFE, U+1FFFF, …).
      const next = i + 1 < n ? name.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) return false;
      if ((next & 0x3fe) === 0x3fe && (c & 0x3f) === 0x3f) return false;
      i++;
      continue;
    }
    if ((c >= 0xfdd0 && c <= 0xfdef) || c >= 0xfffe) return false;
  }
  return true;
}

/**
 * Whether `name` may be written as a tag name (`<Dynamic component="…">` on the server).
 *
 * Accepted: an ASCII letter, then ASCII letters, digits, `-`, `.`, `_`, or the non-ASCII
 * characters the HTML standard allows in custom element names (PCENChar: U+00B7, U+00C0–U+00D6,
 * U+00D8–U+00F6, U+00F8–U+037D, U+037F–U+1FFF, U+200C–U+200D, U+203F–U+2040, U+2070–U+218F,
 * U+2C00–U+2FEF, U+3001–U+D7FF, U+F900–U+FDCF, U+FDF0–U+FFFD, U+10000–U+EFFFF). That covers every
 * HTML, SVG (`foreignObject`, `font-face`) and MathML (`annotation-xml`) element and every valid
 * custom element name (`my-element`), and nothing that can end a tag or start an attribute
 * (whitespace, `/`, `>`, quotes, `=`, `<`, `:`, controls).
 *
 * This is syntax only: whether an app should let data choose to render `script`, `iframe` or
 * `object` is the app's decision, as with `document.createElement` in the browser.
 */
export function isValidTagName(name: string): boolean {
  const n = name.length;
  if (n === 0) return false;
  const first = name.charCodeAt(0) | 0x20;
  if (first < 0x61 || first > 0x7a) return false;
  for (let i = 1; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x80) {
      const l = c | 0x20;
      if ((l >= 0x61 && l <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f) continue;
      return false;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      // Supplementary planes: U+10000–U+EFFFF, i.e. high surrogates D800–DB7F.
      const next = i + 1 < n ? name.charCodeAt(i + 1) : 0;
      if (c > 0xdb7f || next < 0xdc00 || next > 0xdfff) return false;
      i++;
      continue;
    }
    if (
      c === 0xb7 ||
      (c >= 0xc0 && c <= 0xd6) ||
      (c >= 0xd8 && c <= 0xf6) ||
      (c >= 0xf8 && c <= 0x37d) ||
      (c >= 0x37f && c <= 0x1fff) ||
      c === 0x200c ||
      c === 0x200d ||
      c === 0x203f ||
      c === 0x2040 ||
      (c >= 0x2070 && c <= 0x218f) ||
      (c >= 0x2c00 && c <= 0x2fef) ||
      (c >= 0x3001 && c <= 0xd7ff) ||
      (c >= 0xf900 && c <= 0xfdcf) ||
      (c >= 0xfdf0 && c <= 0xfffd)
    ) continue;
    return false;
  }
  return true;
}

/**
 * Whether `name` may be written as a CSS property name in a `style` attribute: ASCII letters,
 * digits, `-`, `_` and non-ASCII characters (custom properties such as `--brand-colour` too).
 * Refuses everything that could end the declaration or the attribute (`:`, `;`, whitespace,
 * quotes, braces, `<`, `>`, `&`, `\`, controls, lone surrogates).
 */
export function isValidStyleProperty(name: string): boolean {
  const n = name.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x80) {
      const l = c | 0x20;
      if ((l >= 0x61 && l <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f) continue;
      return false;
    }
    if (c <= 0x9f) return false; // C1 controls
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < n ? name.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) return false;
      i++;
    }
  }
  return true;
}
