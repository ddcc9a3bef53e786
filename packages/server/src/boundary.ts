/**
 * Suspense and ErrorBoundary on the server: the `RendererHooks` the shared components consult
 * (packages/reactive/src/suspense.ts). A component renders to HTML once, so instead of a live
 * view a boundary is rendered as a *piece* — a string of HTML plus the pending Suspense
 * boundaries inside it — and rendered again when there is something new to show.
 *
 * ## Suspense
 *
 * The first render happens where the boundary is, inside its parent's piece: the children are
 * rendered under a fresh owner with a counting `SuspenseContext` and a scoped hydration handle
 * (`<id>.<n>` ids). If no read registered pending work, their HTML goes in place. Otherwise the
 * boundary is *pending*: its parent's HTML gets either its fallback between `<!--$s:id-->` and
 * `<!--/$s-->` (a *streamed* boundary: its content is swapped in later) or a placeholder (an
 * *inline* boundary: the stream waits for it there); which one, the render's mode decides.
 *
 * Once activated (by the stream, when the HTML around it has been written or is being written),
 * a pending boundary waits for its pending work, then renders its children again: resources
 * whose loads settled take their values from the render's data (`take`), those still loading
 * hand their loads over (`adopt`), so nothing is fetched twice. The earlier render's owner stays
 * alive until the render ends, so its loads keep running for whoever adopted them. It repeats
 * while new reads are pending (a waterfall), and ends with the content's piece, whose own pending
 * boundaries the stream activates in turn.
 *
 * Pending boundaries inside a streamed boundary's fallback stream into that fallback while it is
 * shown. When the content (or an ErrorBoundary's fallback in the boundary's place) is ready, the
 * fallback is leaving the page: they are *dropped* — they resolve with nothing, the fallback's
 * owner is disposed (their loads abort) — and so are the boundaries in what they showed.
 *
 * ## Errors
 *
 * An error while a piece renders is caught by the piece (`catchError`): in an ErrorBoundary's
 * children the ErrorBoundary renders its fallback instead; in a Suspense boundary's first render
 * it is rethrown to what encloses the boundary, as any render error. After the page's shell, when
 * a boundary's later render fails (a resource rejected, or the render timed out), the nearest
 * ErrorBoundary around the boundary renders its fallback *in the boundary's place* (the
 * ErrorBoundary's own HTML is already on its way to the browser). With none, the error is
 * reported and the boundary keeps its fallback.
 */
import { catchError, getOwner, isServer, runWithOwner, untrack } from '@lepta/reactive';
import {
  HydrationContext,
  Owner,
  SuspenseContext,
  disposeOwner,
  lookupContext,
  scopedHandle,
  errorBoundaryChildrenScope,
  setContextValue,
  setServer,
  suspenseBoundary,
  type RendererHooks,
  type CountingBoundary,
  type ErrorBoundaryRender,
  type HydrationHandle,
  type SuspenseRender,
} from '@lepta/reactive/internal';
import { Html, escapeChild } from './html.js';
import { fallbackSlot } from './scripts.js';

/** Rendered HTML and the pending boundaries in it. */
export interface Piece {
  html: string;
  /** The pending boundaries whose slots (fallbacks or placeholders) are in `html`. */
  boundaries: ServerBoundary[];
}

/** What the boundaries need from the render they belong to. */
export interface BoundaryHost {
  /** Whether a pending boundary is awaited in place (`true`) or streamed with its fallback shown meanwhile. */
  inline(blocking: boolean): boolean;
  /** The placeholder an inline boundary leaves in its parent's HTML. */
  placeholder(id: string): string;
  /** The handle fallbacks are rendered under (scoped per boundary): loads cached, not sent. */
  readonly localHandle: HydrationHandle;
  /** An id for a boundary outside any hydration scope: never a hydration id. */
  localId(): string;
  /** Settles when the render times out or is cancelled: pending boundaries stop waiting. */
  readonly interrupted: Promise<void>;
  /** The error timed-out work fails with, once the render timed out. */
  readonly timeoutError: Error | undefined;
  /** The render is over (finished or cancelled): nothing more is rendered. */
  readonly closed: boolean;
  /** Reports an error no ErrorBoundary handled. */
  report(error: unknown): void;
}

/** `piece.error` when nothing was thrown. */
export const NO_ERROR: unique symbol = Symbol('no error');

export interface Rendered {
  piece: Piece;
  /** The owner everything the piece created belongs to. */
  owner: Owner;
  /** The first error thrown while rendering, or `NO_ERROR`. */
  error: unknown;
}

/** Context keys private to this module (set with `setContextValue`, read with `lookupContext`). */
const PIECE = Symbol('lepta.piece');
const ERROR_BOUNDARY = Symbol('lepta.errorBoundary');

/**
 * Renders `render()`'s value to HTML as a new piece, under a new owner below `parent` (after
 * `setup` provided its context), with the reactive graph in server mode. Errors are caught and
 * returned; any error that reaches the piece's owner after it rendered (from an effect below it)
 * is reported.
 */
export function renderPiece(
  host: BoundaryHost,
  parent: Owner | null,
  render: () => unknown,
  setup?: (owner: Owner) => void,
): Rendered {
  const piece: Piece = { html: '', boundaries: [] };
  let owner!: Owner;
  let error: unknown = NO_ERROR;
  let rendering = true;
  const wasServer = isServer();
  setServer(true);
  try {
    runWithOwner(parent, () =>
      catchError(
        () => {
          owner = getOwner()!;
          setContextValue(owner, PIECE, piece);
          setup?.(owner);
          piece.html = escapeChild(render());
        },
        (e) => {
          if (rendering) {
            if (error === NO_ERROR) error = e;
          } else host.report(e);
        },
      ),
    );
  } finally {
    rendering = false;
    setServer(wasServer);
  }
  return { piece, owner, error };
}

/** The piece being rendered at `owner`, which receives the pending boundaries found there. */
function enclosingPiece(owner: Owner | null): Piece {
  const piece = lookupContext(owner, PIECE) as Piece | undefined;
  if (piece === undefined) throw new Error('A server boundary rendered outside renderToString/renderToStream.');
  return piece;
}

/** Puts a rendered piece's HTML in place, its pending boundaries going to the enclosing piece. */
function place(piece: Piece, owner: Owner | null): Html {
  if (piece.boundaries.length > 0) enclosingPiece(owner).boundaries.push(...piece.boundaries);
  return new Html(piece.html);
}

/** The boundary hooks of one render. */
export function serverBoundaries(host: BoundaryHost): Pick<RendererHooks, 'suspense' | 'errorBoundary'> {
  return {
    suspense: (spec) => new ServerBoundary(host, spec, getOwner()!).first(),
    errorBoundary: (spec) => renderErrorBoundary(host, spec),
  };
}

// ---------------------------------------------------------------------------------------------
// ErrorBoundary

/** What a Suspense boundary that failed after the shell asks of the ErrorBoundary around it. */
interface ServerErrorBoundary {
  /** The next ErrorBoundary up, for errors its fallback throws. */
  readonly parent: ServerErrorBoundary | undefined;
  renderFallback(error: unknown): Rendered;
}

function renderErrorBoundary(host: BoundaryHost, spec: ErrorBoundaryRender): Html {
  const owner = getOwner();
  const { id, parent } = spec;
  const boundary: ServerErrorBoundary = {
    parent: lookupContext(owner, ERROR_BOUNDARY) as ServerErrorBoundary | undefined,
    // In the ErrorBoundary's own scope, counted from zero on each render (as the client's one
    // render does), and sent: the client hydrates it with the same ids whether it went out in the
    // shell or was streamed later in a failed boundary's place.
    renderFallback: (error) =>
      renderPiece(host, owner, () => spec.fallback(error), (o) => {
        if (id !== undefined && parent !== undefined) setContextValue(o, HydrationContext.id, scopedHandle(parent, id));
      }),
  };
  const children = renderPiece(host, owner, spec.children, (o) => {
    setContextValue(o, ERROR_BOUNDARY, boundary);
    if (id !== undefined && parent !== undefined) setContextValue(o, HydrationContext.id, errorBoundaryChildrenScope(parent, id));
  });
  if (children.error === NO_ERROR) return place(children.piece, owner);
  disposeOwner(children.owner);
  const fallback = boundary.renderFallback(children.error);
  if (fallback.error !== NO_ERROR) {
    disposeOwner(fallback.owner);
    throw fallback.error; // to the next boundary up, as the browser's ErrorBoundary does
  }
  return place(fallback.piece, owner);
}

// ---------------------------------------------------------------------------------------------
// Suspense

/** What one render of a boundary's children found. */
interface Attempt extends Rendered {
  pending: CountingBoundary;
  /** A read of a `blocking` resource registered pending work. */
  blocking: boolean;
}

/** A Suspense (or Transition) boundary on the server. See the top of this file. */
export class ServerBoundary {
  readonly id: string;
  /** Awaited in place, rather than streamed. Set by the first render. */
  inline = false;
  /** The pending work of the latest render. */
  private pending: CountingBoundary | undefined;
  private outcome: Promise<Piece | null> | undefined;
  /**
   * The pending boundaries in what the slot shows: its fallback's (streamed into it while it is
   * shown), then those of what replaced it.
   */
  private inside: ServerBoundary[] = [];
  /** The owner of the fallback the slot shows, until something replaces it. */
  private fallbackOwner: Owner | undefined;
  /** The HTML holding the slot left the page (see `drop`). */
  private dropped = false;
  /** Ends the current wait for pending work early (`drop`). */
  private wake: (() => void) | undefined;

  constructor(
    private readonly host: BoundaryHost,
    private readonly spec: SuspenseRender,
    /** Where the boundary is: its renders and fallback are created below this owner. */
    private readonly owner: Owner,
  ) {
    this.id = spec.id ?? host.localId();
  }

  /** The first render, in the parent's piece: the content, or the pending boundary's slot. */
  first(): Html {
    const attempt = this.render();
    if (attempt.error !== NO_ERROR) {
      disposeOwner(attempt.owner);
      throw attempt.error;
    }
    if (untrack(attempt.pending.pending) === 0) return place(attempt.piece, this.owner);
    this.pending = attempt.pending;
    this.inline = this.host.inline(attempt.blocking);
    enclosingPiece(this.owner).boundaries.push(this);
    if (this.inline) return new Html(this.host.placeholder(this.id));
    const fallback = this.renderFallback();
    if (fallback.error !== NO_ERROR) {
      disposeOwner(fallback.owner);
      throw fallback.error;
    }
    this.inside = fallback.piece.boundaries;
    this.fallbackOwner = fallback.owner;
    return new Html(fallbackSlot(this.id, place(fallback.piece, this.owner).t));
  }

  /**
   * Starts waiting (once; later calls return the same promise). Resolves with what to put in
   * the boundary's place — its content, or an ErrorBoundary's fallback, or (inline boundaries
   * only) its own fallback in its slot markers — or `null` for nothing: a streamed boundary
   * keeps its fallback, or the render is over.
   */
  activate(): Promise<Piece | null> {
    return (this.outcome ??= this.settle());
  }

  private async settle(): Promise<Piece | null> {
    for (;;) {
      if (!this.dropped) {
        const woken = new Promise<void>((resolve) => (this.wake = resolve));
        await Promise.race([this.pending!.settled(), this.host.interrupted, woken]);
      }
      if (this.host.closed || this.dropped) return null;
      const timedOut = this.host.timeoutError;
      const attempt = this.render();
      if (attempt.error !== NO_ERROR) {
        disposeOwner(attempt.owner);
        return this.replaceSlot(this.failed(attempt.error));
      }
      if (untrack(attempt.pending.pending) === 0) return this.replaceSlot(attempt.piece);
      // Still pending: a waterfall (this render read resources the earlier one did not reach).
      // This render's owner stays alive (its loads are adopted by the next render) until the
      // render ends.
      if (timedOut !== undefined) return this.replaceSlot(this.failed(timedOut));
      this.pending = attempt.pending;
    }
  }

  /**
   * `piece` (if any) is what the slot will show instead of the fallback. The fallback leaves the
   * page with that swap: the boundaries pending in it are dropped — else each would keep the
   * response open until its data arrived (or the timeout), then stream a `<template>` for a slot
   * that is gone — and its owner is disposed, so their loads abort.
   */
  private replaceSlot(piece: Piece | null): Piece | null {
    if (piece === null) return null;
    for (const boundary of this.inside) boundary.drop();
    this.inside = piece.boundaries;
    const owner = this.fallbackOwner;
    this.fallbackOwner = undefined;
    if (owner !== undefined) {
      try {
        disposeOwner(owner);
      } catch (error) {
        this.host.report(error); // (a failing cleanup must not keep the content from the page)
      }
    }
    return piece;
  }

  /**
   * The HTML holding the slot left the page (it was in a fallback that its boundary's content
   * replaced): the boundary stops waiting and resolves with nothing (the stream counts it as
   * done, writes nothing for it), and so do the boundaries in what its slot shows.
   */
  private drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.wake?.();
    for (const boundary of this.inside) boundary.drop();
  }

  /** Renders the children once, in a fresh scope. */
  private render(): Attempt {
    const counting = suspenseBoundary();
    let blocking = false;
    const rendered = renderPiece(this.host, this.owner, this.spec.children, (owner) => {
      setContextValue(owner, SuspenseContext.id, {
        track(promise: Promise<unknown>, isBlocking?: boolean) {
          if (isBlocking === true) blocking = true;
          counting.track(promise);
        },
      });
      // (Outside a hydration scope, its children are outside one too.)
      if (this.spec.parent !== undefined) setContextValue(owner, HydrationContext.id, scopedHandle(this.spec.parent, this.id));
    });
    return { ...rendered, pending: counting, blocking };
  }

  /**
   * The fallback, outside the boundary's hydration scope (the client renders it afresh, and only
   * while loading): in a scope of its own whose loads are never sent.
   */
  private renderFallback(): Rendered {
    return renderPiece(this.host, this.owner, this.spec.fallback, (owner) =>
      setContextValue(owner, HydrationContext.id, scopedHandle(this.host.localHandle, `${this.id}f`)),
    );
  }

  /** A render after the shell failed: the nearest ErrorBoundary's fallback goes in its place. */
  private failed(error: unknown): Piece | null {
    let boundary = lookupContext(this.owner, ERROR_BOUNDARY) as ServerErrorBoundary | undefined;
    for (; boundary !== undefined; boundary = boundary.parent) {
      const fallback = boundary.renderFallback(error);
      if (fallback.error === NO_ERROR) return fallback.piece;
      disposeOwner(fallback.owner);
      error = fallback.error;
    }
    this.host.report(error);
    if (!this.inline) return null;
    const fallback = this.renderFallback();
    if (fallback.error !== NO_ERROR) {
      disposeOwner(fallback.owner);
      this.host.report(fallback.error);
      return { html: fallbackSlot(this.id, ''), boundaries: [] };
    }
    return { html: fallbackSlot(this.id, fallback.piece.html), boundaries: fallback.piece.boundaries };
  }
}
