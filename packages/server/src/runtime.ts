/**
 * `@lepta/server/runtime` (re-exported as `lepta/server-runtime`): the helpers compiled `ssr`
 * code imports (packages/server/CONTRACT.md §2).
 *
 * What the compiler emits, by construct:
 * - a template root: `ssr("…static…" + dynamic + "…")` → `Html`
 * - a dynamic child: `escape(value)` (`escapeChild`); `<script>`/`<style>` content `escapeScript`;
 *   `innerHTML` `raw`; `textContent` `escapeText`; `<select value>` options `ssrSelect`
 * - an attribute: `attr(name, value)`; merged `class` / `style`: `ssrClass(base, [name, on, …])`,
 *   `ssrStyle(base, [name, value, …])`; `bind:group`: `groupChecked(mine, bound)`, `groupValue`
 * - a spread: `ssrSpread(props, isSVG, skipContent)` (attributes, `>`, content)
 * - a component: `createComponent(Comp, props)`; props with spreads `mergeProps`; destructured
 *   props with a rest element `splitProps`; a bracketed item of a children array `ssrHole`
 */
export { ssr, escapeChild as escape, Html } from './html.js';
export { escapeText, escapeAttr, escapeScriptText } from './escape.js';
export { isValidAttributeName, isValidTagName, isValidStyleProperty } from './names.js';
export { isUrlAttribute, isSafeUrl, sanitizeUrl, BLOCKED_URL } from './url.js';
export { renderAttribute } from './attribute.js';
export { setSafetyReporter, type SafetyIssue, type SafetyReporter } from './report.js';
export { attr, ssrClass, ssrStyle, groupChecked, groupValue } from './ssr-attributes.js';
export { createComponent, ssrHole, raw, escapeScript, ssrSelect } from './ssr-content.js';
export { ssrSpread, ssrElement } from './ssr-spread.js';
export { mergeProps, splitProps } from '@lepta/reactive';
