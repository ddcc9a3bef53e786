/**
 * Test helpers for the renderer: components in the shape compiled `ssr` code has, stream
 * readers, and a browser (happy-dom, scripts enabled) that parses a stream chunk by chunk as a
 * real one would, running the renderer's inline scripts.
 */
import { Window } from 'happy-dom';
import type { HydrationEntry } from '@lepta/reactive/internal';

import { ssr as toHtml } from '../src/html.js';
import type { JSX } from 'lepta';

export { escapeChild, Html } from '../src/html.js';
export { createComponent } from '../src/ssr-content.js';
export { deferred, tick, type Deferred } from '../../reactive/test/helpers.js';

/**
 * `ssr(markup)` as compiled code calls it, typed as what the components' props expect (the JSX
 * types describe the browser's elements; on the server every element is an `Html`).
 */
export function ssr(markup: string): JSX.Element {
  return toHtml(markup) as unknown as JSX.Element;
}

/** Reads a stream to its end, chunk by chunk (decoded), handing each to `onChunk` as it comes. */
export async function readChunks(stream: ReadableStream<Uint8Array>, onChunk?: (chunk: string) => void): Promise<string[]> {
  const decoder = new TextDecoder();
  const out: string[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    const chunk = decoder.decode(value, { stream: true });
    out.push(chunk);
    onChunk?.(chunk);
  }
}

export async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return (await readChunks(stream)).join('');
}

/** The HTML without the renderer's inline scripts (what a page without JavaScript shows). */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
}

/** The bodies of the inline scripts in `html`. */
export function scriptBodies(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

/**
 * The data the page's scripts leave in `$lepta.d`, by running every inline script except the
 * hydration script as a browser would, minus the DOM: with `self` and `document` stand-ins, in
 * this realm (so the values compare with `toEqual` and `instanceof`).
 */
export function pageData(html: string): Record<string, HydrationEntry> {
  // (the hydration script's swap, `s`, does nothing here)
  const self: { $lepta?: { d: Record<string, HydrationEntry>; s(): void } } = { $lepta: { d: {}, s() {} } };
  const document = { currentScript: { remove() {} } };
  for (const body of scriptBodies(html)) {
    if (body.includes('addEventListener')) continue;
    // `$lepta` is a global in the page; here a local, handed on through `self`.
    new Function('self', 'document', `var $lepta = self.$lepta; ${body}; self.$lepta = $lepta;`)(self, document);
  }
  return self.$lepta?.d ?? {};
}

/**
 * A browser document that parses HTML and runs its scripts. (happy-dom parses each write on its
 * own, not continuing open elements: write whole units — the stream's chunks in the
 * out-of-order mode, or a whole page.)
 */
export interface TestBrowser {
  window: Window;
  document: Window['document'];
  /** Feeds one chunk to the parser. */
  write(html: string): void;
  /** `self.$lepta`. */
  readonly lepta: { d: Record<string, HydrationEntry>; e: Event[] | null; s?: (id: string) => void } | undefined;
  /** The body's HTML: the app. */
  app(): string;
  close(): Promise<void>;
}

/** A page `<!DOCTYPE html><html><head></head><body>` + what is written. */
export function testBrowser(): TestBrowser {
  const window = new Window({
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  const document = window.document;
  document.write('<!DOCTYPE html><html><head></head><body>');
  return {
    window,
    document,
    write: (html) => document.write(html),
    get lepta() {
      return (window as unknown as { $lepta?: TestBrowser['lepta'] }).$lepta;
    },
    app: () => document.body.innerHTML,
    close: () => window.happyDOM.close(),
  };
}

/** Feeds a whole stream to a test browser, chunk by chunk. */
export function streamInto(browser: TestBrowser, stream: ReadableStream<Uint8Array>): Promise<string[]> {
  return readChunks(stream, browser.write);
}
