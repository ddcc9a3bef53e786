/**
 * The inline scripts the renderer writes into a page (packages/server/CONTRACT.md §5, §6).
 *
 * - The *hydration script* defines `self.$lepta = { d, e, s }`: `d` the server's resource data
 *   by id, `e` the queue of events captured before hydration (the client replays them and sets
 *   `e` to `null`), `s(id)` the out-of-order swap. It must run before any element of the app can
 *   receive an event: the renderer writes it before the app's first byte (or, when the app
 *   renders the whole document, at the start of its `<head>`).
 * - *Data scripts* assign entries into `$lepta.d`; they create `$lepta` themselves if the
 *   hydration script is missing, so data is never lost.
 * - Every script removes itself once it has run, so hydration finds only the app's HTML.
 *
 * Every script carries the CSP nonce when one is given. Only values produced by the serializer
 * (safe inside `<script>`) and ids escaped with `escapeScriptText` are interpolated.
 */
import { escapeAttr, escapeScriptText } from './escape.js';

/** The delegated event types captured before hydration. */
const CAPTURED =
  'click dblclick contextmenu input beforeinput keydown keyup focusin focusout pointerdown pointerup mousedown mouseup touchend';

/**
 * The swap, `$lepta.s(id)`: finds the `<!--$s:id-->` comment, removes everything up to its
 * matching `<!--/$s-->` (counting nested boundaries' markers), puts the content of
 * `<template id="ls:id">` in place of that close marker, and removes the open marker and the
 * template. Without the open marker (the slot was in a fallback that its own boundary's content
 * has replaced meanwhile) it only removes the template: hydration must not find it in the page.
 */
const SWAP =
  'i=>{let t=d.getElementById("ls:"+i),w=d.createTreeWalker(d,128),a,b,k=1;' +
  'while((a=w.nextNode())&&a.data!="$s:"+i);' +
  'if(!t||!a)return t&&t.remove();' +
  'while((b=a.nextSibling)&&!(b.nodeType==8&&(b.data.startsWith("$s:")?!++k:b.data=="/$s"&&!--k)))b.remove();' +
  'b&&b.replaceWith(t.content);a.remove();t.remove()}';

/** The hydration script's body (kept small: it is in every page). Idempotent. */
export const HYDRATION_SCRIPT_BODY =
  '(d=>{let l=self.$lepta||(self.$lepta={d:{}});' +
  `if(!l.s){l.e=[];"${CAPTURED}".split(" ").forEach(t=>d.addEventListener(t,e=>{l.e&&l.e.push(e)},!0));` +
  `l.s=${SWAP}}` +
  'd.currentScript&&d.currentScript.remove()})(document)';

/** What `removeSelf` appends: a script that has run leaves the DOM. */
const REMOVE_SELF = 'document.currentScript.remove()';

export interface ScriptOptions {
  /** The CSP nonce to put on the script (`Content-Security-Policy: script-src 'nonce-…'`). */
  nonce?: string | undefined;
}

/** A `<script>` element with `body`, carrying the nonce if any. */
export function inlineScript(body: string, nonce: string | undefined): string {
  return nonce === undefined ? `<script>${body}</script>` : `<script nonce="${escapeAttr(nonce)}">${body}</script>`;
}

/**
 * The hydration script, for a page that writes its own `<head>` around the app's stream (then
 * pass `hydrationScript: false` to the renderer, which otherwise writes it too — harmlessly:
 * the second copy does nothing).
 *
 * @example `<head>${hydrationScript({ nonce })}<script type="module" src="/entry.js"></script></head>`
 */
export function hydrationScript(options: ScriptOptions = {}): string {
  return inlineScript(HYDRATION_SCRIPT_BODY, options.nonce);
}

/** A data script's statement for one entry: `code` is serializer output (an expression). */
export function dataStatement(id: string, code: string): string {
  return `$lepta.d[${escapeScriptText(JSON.stringify(id))}]=${code};`;
}

/**
 * One script running `statements` (data statements, then a swap call if any), with `$lepta`
 * created first if the hydration script has not run, and removing itself afterwards.
 */
export function dataScript(statements: string, nonce: string | undefined): string {
  return inlineScript(`$lepta=self.$lepta||{d:{},e:null};${statements}${REMOVE_SELF}`, nonce);
}

/** The statement that swaps boundary `id`'s streamed content into place. */
export function swapStatement(id: string): string {
  return `$lepta.s(${escapeScriptText(JSON.stringify(id))});`;
}

/** The `<template>` element holding boundary `id`'s streamed content. */
export function swapTemplate(id: string, html: string): string {
  return `<template id="ls:${escapeAttr(id)}">${html}</template>`;
}

/** A boundary left showing its fallback, delimited for the swap (and for the hydrating client). */
export function fallbackSlot(id: string, fallback: string): string {
  return `<!--$s:${id}-->${fallback}<!--/$s-->`;
}

/**
 * `html` with `script` at the place it must run from: before the app's first byte, except when
 * the app renders the whole document (`<!DOCTYPE …>` or `<html …>` first), where a script in
 * front would put the page in quirks mode: then right after the `<head>` tag (or the `<html>`
 * tag, or the doctype, whichever comes first in that order of preference).
 */
export function withLeadingScript(html: string, script: string): string {
  // `html` is usually a long rope of concatenated pieces; any look at its characters makes V8
  // join it. Looking at `script + html` instead joins once the string the caller needs anyway.
  const page = script + html;
  WHOLE_DOCUMENT.lastIndex = script.length;
  if (!WHOLE_DOCUMENT.test(page)) return page;
  const tag = HEAD_TAG.exec(html) ?? HTML_TAG.exec(html) ?? DOCTYPE.exec(html);
  if (tag === null) return script + html;
  const at = tag.index + tag[0].length;
  return html.slice(0, at) + script + html.slice(at);
}

/** Sticky: tested at the start of the app's HTML inside `script + html`. */
const WHOLE_DOCUMENT = /\s*<(?:!doctype|html)[\s>]/iy;
// Attribute values never contain a raw `>` (they are escaped), so a tag ends at the first one.
const HEAD_TAG = /<head(?=[\s/>])[^>]*>/i;
const HTML_TAG = /<html(?=[\s/>])[^>]*>/i;
const DOCTYPE = /<!doctype[^>]*>/i;
