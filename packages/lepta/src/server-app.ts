/**
 * `createApp`: the app's server (packages/vite/APP.md §1). Server functions under the prefix
 * (`createHandler`); every other request renders the whole document around the app, streamed:
 * head (hydration script, asset links), the app in `<div id="app">`, the client entry scripts.
 *
 * Configuration is read once, when the app is created: options, then `process.env.LEPTA_*` (the
 * CLI puts its merged flags/config there, APP.md §4), then the Vite plugin's options (carried by
 * the assets module), then the defaults. Nothing here needs
 * Node: on an edge runtime without `process`, pass the options.
 */
import { provideContext } from '@lepta/reactive';
import { createHandler, escapeAttr, escapeText, hydrationScript, readFlash, renderToStream, type Handler, type StreamMode } from '@lepta/server';
// Resolved by @lepta/vite to its `virtual:lepta/assets` module; elsewhere an empty list.
import assets from 'lepta/app-assets';
import type { AppAssets } from './app-assets.js';
import { FlashContext } from './forms.js';
import { setServerFunctionPrefix } from './server-functions.js';
import type { JSX } from './jsx.js';

export interface AppOptions {
  /** The document's `<title>` (text, escaped). Default: none. */
  title?: string;
  /** `<html lang>`. Default `en`. */
  lang?: string;
  /** Extra markup for the end of `<head>`, written as is (trusted HTML, not escaped). */
  head?: string;
  /** How the page streams (`renderToStream`'s `mode`). Default: `LEPTA_SSR_MODE`, else `out-of-order`. */
  ssrMode?: StreamMode;
  /**
   * The site's origin(s); server-function calls from others get 403. Default: `LEPTA_ORIGIN`;
   * else, in dev, the origin of each request's URL; else `http://` + `LEPTA_ADDR` (default
   * `127.0.0.1:3000`).
   */
  origin?: string | readonly string[];
  /** Where server functions live. Default: `LEPTA_PREFIX`, else `/_server`. */
  prefix?: string;
  /** Largest accepted server-function body in bytes. Default: `LEPTA_BODY_LIMIT`, else 1 MiB. */
  bodyLimit?: number;
  /**
   * Errors shown whole (error page, server-function errors). Default: what the Vite plugin says
   * (on under the dev server, off in builds), else `NODE_ENV === 'development'`.
   */
  dev?: boolean;
}

/** The configuration a `createApp` runs with, every default applied. */
export interface AppConfig {
  title: string | undefined;
  lang: string;
  head: string;
  ssrMode: StreamMode;
  /** `undefined`: each request's own origin (dev only). */
  origin: string | readonly string[] | undefined;
  prefix: string;
  bodyLimit: number;
  dev: boolean;
}

const MODES: readonly StreamMode[] = ['out-of-order', 'in-order', 'async', 'partially-blocked'];
const DEFAULT_ADDR = '127.0.0.1:3000';
const DEFAULT_BODY_LIMIT = 1024 * 1024;

type Env = Record<string, string | undefined>;

/** `process.env` where there is one (Node, Deno, Bun); nothing on edge runtimes. */
function processEnv(): Env {
  return (globalThis as { process?: { env?: Env } }).process?.env ?? {};
}

/** Options → `LEPTA_*` environment → defaults (APP.md §4). Throws on values that cannot work. */
export function resolveAppConfig(options: AppOptions, env: Env = processEnv(), appAssets: AppAssets = assets): AppConfig {
  const plugin = appAssets.config ?? {};
  const ssrMode = (options.ssrMode ?? (env.LEPTA_SSR_MODE || plugin.ssrMode) ?? 'out-of-order') as StreamMode;
  if (!MODES.includes(ssrMode)) throw new TypeError(`createApp: unknown ssrMode "${ssrMode}" (expected ${MODES.join(', ')})`);
  const bodyLimit = options.bodyLimit ?? (env.LEPTA_BODY_LIMIT ? Number(env.LEPTA_BODY_LIMIT) : (plugin.bodyLimit ?? DEFAULT_BODY_LIMIT));
  if (!Number.isSafeInteger(bodyLimit) || bodyLimit < 0) throw new TypeError(`createApp: bodyLimit must be a byte count, got ${String(bodyLimit)}`);
  const dev = options.dev ?? appAssets.dev ?? env.NODE_ENV === 'development';
  const origin = options.origin ?? (env.LEPTA_ORIGIN || plugin.origin) ?? (dev ? undefined : `http://${env.LEPTA_ADDR || DEFAULT_ADDR}`);
  return {
    title: options.title,
    lang: options.lang ?? 'en',
    head: options.head ?? '',
    ssrMode,
    origin,
    prefix: options.prefix ?? (env.LEPTA_PREFIX || plugin.prefix || '/_server'),
    bodyLimit,
    dev,
  };
}

/**
 * The app's server: `(request) => Promise<Response>`.
 *
 * @example export default createApp(() => <App />, { title: 'Todos' });
 */
export function createApp(root: () => JSX.Element, options: AppOptions = {}): Handler {
  const config = resolveAppConfig(options);
  // `<ActionForm>`s rendered here post to the same endpoints the handler answers.
  setServerFunctionPrefix(config.prefix);
  const head = documentHead(config, assets);
  const tail = documentTail(assets);
  const handlerFor = (origin: string | readonly string[]): Handler =>
    createHandler({
      origin,
      prefix: config.prefix,
      bodyLimit: config.bodyLimit,
      dev: config.dev,
      app: (request) => renderPage(root, request, config, head, tail),
    });
  if (config.origin !== undefined) return handlerFor(config.origin);
  // Dev without a configured origin: the dev server's own (whatever host/port it got), taken
  // from each request. `Origin` headers are still compared with it, so cross-site calls still
  // fail. A handler per origin, kept: a dev server sees one or two (localhost, 127.0.0.1).
  const handlers = new Map<string, Handler>();
  return (request) => {
    const origin = new URL(request.url).origin;
    let handler = handlers.get(origin);
    if (!handler) {
      if (handlers.size >= 16) handlers.clear();
      handlers.set(origin, (handler = handlerFor(origin)));
    }
    return handler(request);
  };
}

const HTML = 'text/html; charset=utf-8';

async function renderPage(root: () => JSX.Element, request: Request, config: AppConfig, head: string, tail: string): Promise<Response> {
  const headers = new Headers({ 'content-type': HTML });
  // A form posted without JavaScript came back here (303) with its outcome in a cookie.
  const flash = readFlash(request, headers);
  const body = renderToStream(
    () => {
      provideContext(FlashContext, flash);
      return root();
    },
    // The hydration script goes in our head, before the asset tags.
    { mode: config.ssrMode, signal: request.signal, hydrationScript: false, dev: config.dev },
  );
  const status = await body.status;
  // A failure before the shell: the stream is a complete error document of its own.
  if (status !== 200) return new Response(body, { status, headers });
  return new Response(streamDocument(head, body, tail), { headers });
}

/** Everything before the app: the hydration script first (it captures events from the start). */
export function documentHead(config: Pick<AppConfig, 'lang' | 'title' | 'head'>, appAssets: AppAssets): string {
  let html = `<!doctype html><html lang="${escapeAttr(config.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`;
  if (config.title !== undefined) html += `<title>${escapeText(config.title)}</title>`;
  html += hydrationScript();
  for (const href of appAssets.styles) html += `<link rel="stylesheet" href="${escapeAttr(href)}">`;
  // The scripts run at the end of the body; preloading them here fetches them while the page
  // still streams.
  for (const src of appAssets.scripts) html += `<link rel="modulepreload" href="${escapeAttr(src)}">`;
  return html + config.head + '</head><body><div id="app">';
}

/** Everything after the app: the client entry (and, in dev, Vite's client). */
export function documentTail(appAssets: AppAssets): string {
  let html = '</div>';
  for (const src of appAssets.scripts) html += `<script type="module" src="${escapeAttr(src)}"></script>`;
  return html + '</body></html>';
}

const encoder = new TextEncoder();

/**
 * `head`, then every chunk of `body` as it comes, then `tail`; cancelling the result cancels
 * `body` (which aborts the render and its fetches).
 */
export function streamDocument(head: string, body: ReadableStream<Uint8Array>, tail: string): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(head));
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        controller.enqueue(encoder.encode(tail));
        controller.close();
      } else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
