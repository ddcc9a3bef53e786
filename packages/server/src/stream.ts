/**
 * `renderToStream`: the app as a Web `ReadableStream<Uint8Array>` (no Node APIs: it runs on edge
 * runtimes too), in one of four modes.
 *
 * ## Algorithm
 *
 * The shell is rendered synchronously when the stream is created. Each pending Suspense boundary
 * in it is either *inline* (its placeholder is in the shell; the stream waits for its content
 * there) or *streamed* (its fallback is in the shell; its content comes later, anywhere), as
 * the mode says:
 *
 * | mode                | inline boundaries  | the shell is written                          |
 * |---------------------|--------------------|-----------------------------------------------|
 * | `out-of-order`      | none               | at once                                       |
 * | `in-order`          | all                | piece by piece, up to the next placeholder    |
 * | `async`             | all                | whole, once every boundary is done            |
 * | `partially-blocked` | those reading a `blocking` resource | whole, once those are done   |
 *
 * A *unit* is the shell, or one streamed boundary's content. Writing a unit walks its HTML: text
 * is written, each placeholder is replaced by its inline boundary's outcome (awaited; walked the
 * same way, recursively). Then come the data statements of the resources that settled so far
 * (and, for a boundary's content, wrapped in `<template id="ls:id">`, the swap call
 * `$lepta.s(id)`), in one script. The streamed boundaries the unit contained are scheduled only
 * then, so a nested boundary's swap always follows its parent's. Inline boundaries all start
 * waiting as soon as their unit is walked, so they load in parallel even in `in-order` mode.
 *
 * The stream ends when every scheduled boundary wrote its unit (or gave up), with the data that
 * settled meanwhile; then the render's root is disposed: anything still loading is aborted and
 * not sent (the client loads it).
 *
 * ## Failures
 *
 * - The app throws before the shell (no ErrorBoundary caught it): the stream is a complete error
 *   document (`errorDocument` option) and `stream.status` resolves to 500.
 * - A boundary's render fails after the shell: see boundary.ts (the nearest ErrorBoundary's
 *   fallback is streamed in the boundary's place; with none, the boundary keeps its fallback).
 * - `timeoutMs` (default 10 s) after the stream was created, everything still loading is given
 *   up: each waiting boundary renders again, its unsettled resources failing with a
 *   `TimeoutError` (so its ErrorBoundary's fallback is streamed, or with none its fallback stays),
 *   and the stream ends.
 * - The consumer cancels the stream, or `signal` aborts (then the stream errors with its
 *   reason): the render stops, the root is disposed (every fetcher's AbortSignal aborts), the
 *   timer is cleared.
 */
import { NO_ERROR, RenderSession, type RenderOptions } from './render.js';
import { errorDocument } from './render-error.js';
import { swapStatement, swapTemplate } from './scripts.js';
import type { Piece, ServerBoundary } from './boundary.js';

export type StreamMode = 'out-of-order' | 'in-order' | 'async' | 'partially-blocked';

export interface StreamOptions extends RenderOptions {
  /** Default `'out-of-order'`. */
  mode?: StreamMode;
  /** Milliseconds after which whatever still loads is given up (default 10 000; `Infinity`: never). */
  timeoutMs?: number;
  /** Aborts the render (pass the request's signal: a client that goes away stops the work). */
  signal?: AbortSignal;
  /** The document sent when the app fails before its shell (default: `errorDocument`). */
  errorDocument?: (error: unknown) => string;
}

/** The stream, with the HTTP status its content calls for. */
export interface RenderStream extends ReadableStream<Uint8Array> {
  /**
   * Resolves before the first byte is available: 200, or 500 when the app failed before its
   * shell (the stream is then a complete error document). In `async` and `partially-blocked`
   * modes that is once the awaited boundaries are done.
   */
  readonly status: Promise<200 | 500>;
}

const INLINE: Record<StreamMode, (blocking: boolean) => boolean> = {
  'out-of-order': () => false,
  'in-order': () => true,
  async: () => true,
  'partially-blocked': (blocking) => blocking,
};

/**
 * Renders `app()` to a stream of HTML (see the top of this file for the modes).
 *
 * @example
 * const body = renderToStream(() => <App />, { signal: request.signal, nonce });
 * return new Response(body, { status: await body.status, headers: { 'content-type': 'text/html; charset=utf-8' } });
 */
export function renderToStream(app: () => unknown, options: StreamOptions = {}): RenderStream {
  const mode = options.mode ?? 'out-of-order';
  const inline = INLINE[mode];
  if (inline === undefined) throw new TypeError(`Unknown stream mode "${String(mode)}".`);
  const session = new RenderSession(options, inline);
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let settleStatus!: (status: 200 | 500) => void;
  const status = new Promise<200 | 500>((resolve) => (settleStatus = resolve));
  let started = false;
  /** Units written or being written: the stream ends when none is left. */
  let outstanding = 1;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => stop(),
  });

  const signal = options.signal;
  const onAbort = (): void => {
    if (session.closed) return;
    stop();
    controller.error(signal!.reason);
  };

  function stop(): void {
    signal?.removeEventListener('abort', onAbort);
    settleStatus(500); // no effect once settled
    session.close();
  }

  function write(html: string): void {
    if (html === '' || session.closed) return;
    if (!started) {
      started = true;
      settleStatus(200);
      html = session.lead(html);
    }
    controller.enqueue(encoder.encode(html));
  }

  /** Writes a unit (the shell when `id` is undefined, else boundary `id`'s content). */
  async function writeUnit(piece: Piece, id: string | undefined, progressive: boolean): Promise<void> {
    const streamed: ServerBoundary[] = [];
    let buffer = '';
    const out = progressive ? write : (html: string): void => void (buffer += html);
    await walk(piece, out, streamed);
    if (session.closed) return;
    if (id === undefined) write(buffer + session.script());
    else write(swapTemplate(id, buffer) + session.script(swapStatement(id)));
    for (const boundary of streamed) schedule(boundary);
  }

  /** Writes `piece`, awaiting its inline boundaries in place; collects its streamed ones. */
  async function walk(piece: Piece, out: (html: string) => void, streamed: ServerBoundary[]): Promise<void> {
    const inlines = new Map<string, ServerBoundary>();
    for (const boundary of piece.boundaries) {
      if (!boundary.inline) streamed.push(boundary);
      else {
        inlines.set(boundary.id, boundary);
        void boundary.activate(); // start waiting now: every inline boundary loads in parallel
      }
    }
    const html = piece.html;
    const prefix = session.placeholderPrefix;
    let at = 0;
    if (inlines.size > 0 && prefix !== undefined) {
      for (let start = html.indexOf(prefix); start >= 0; start = html.indexOf(prefix, start + 1)) {
        const end = html.indexOf('-->', start);
        const boundary = inlines.get(html.slice(start + prefix.length, end));
        if (boundary === undefined) continue; // not one of this piece's (a discarded render's)
        out(html.slice(at, start));
        at = end + 3;
        const content = await boundary.activate();
        if (content === null) return;
        await walk(content, out, streamed);
        if (session.closed) return;
      }
    }
    out(html.slice(at));
  }

  function schedule(boundary: ServerBoundary): void {
    outstanding++;
    boundary
      .activate()
      .then((content) => (content === null ? undefined : writeUnit(content, boundary.id, false)))
      .catch((error: unknown) => session.report(error))
      .finally(done);
  }

  /** A unit is written; after the last one, the data that settled meanwhile, and the end. */
  function done(): void {
    if (--outstanding > 0 || session.closed) return;
    void Promise.race([session.data.encoded(), session.interrupted]).then(() => {
      if (session.closed) return;
      write(session.script());
      end();
    });
  }

  function end(): void {
    settleStatus(200); // (an empty page wrote nothing)
    signal?.removeEventListener('abort', onAbort);
    controller.close();
    session.close();
  }

  if (signal?.aborted) {
    stop();
    controller.error(signal.reason);
    return Object.assign(stream, { status });
  }
  signal?.addEventListener('abort', onAbort);
  session.startTimer(options.timeoutMs ?? 10_000);

  const shell = session.shell(app);
  if (shell.error !== NO_ERROR) {
    session.report(shell.error);
    settleStatus(500);
    started = true; // the error document replaces the page: no hydration script, no data
    write(failurePage(shell.error, options));
    end();
  } else {
    writeUnit(shell.piece, undefined, mode === 'in-order')
      .catch((error: unknown) => session.report(error))
      .finally(done);
  }
  return Object.assign(stream, { status });
}

function failurePage(error: unknown, options: StreamOptions): string {
  const dev = options.dev === true;
  if (options.errorDocument !== undefined) {
    try {
      return options.errorDocument(error);
    } catch {
      // A failing custom page: the default one still makes a complete document.
    }
  }
  return errorDocument(error, dev);
}
