/**
 * One server render: its root owner (everything the app creates, disposed when the render ends:
 * fetches still in flight are aborted), its data channel, its boundaries' host, its timeout and
 * its end. `renderToString` and `renderToStream` (stream.ts) drive one each.
 */
import {
  RendererContext,
  HydrationContext,
  Owner,
  disposeOwner,
  setContextValue,
  type HydrationHandle,
} from '@lepta/reactive/internal';
import { NO_ERROR, renderPiece, serverBoundaries, type BoundaryHost, type Rendered } from './boundary.js';
import { ServerData } from './serialize-registry.js';
import { ssrElement } from './ssr-spread.js';
import { dataScript, hydrationScript, withLeadingScript } from './scripts.js';

/** Options of every render. */
export interface RenderOptions {
  /** The CSP nonce put on every inline script the renderer writes. */
  nonce?: string;
  /**
   * Development: errors sent to the client keep everything seroval sends (stack, cause,
   * properties) instead of only their name and message; the error document shows the error.
   */
  dev?: boolean;
  /**
   * Whether the renderer writes the hydration script before the app (default `true`). Set it to
   * `false` when the page's `<head>` already has `hydrationScript()`, or for HTML that will not
   * be hydrated.
   */
  hydrationScript?: boolean;
  /**
   * Called with every error the renderer handles and no ErrorBoundary did: the shell's failure
   * (`renderToString` throws it instead), a boundary's failure after the shell, the timeout, a
   * value that cannot be serialized. Default: `console.error`.
   */
  onError?: (error: unknown) => void;
}

export class RenderSession implements BoundaryHost {
  readonly data: ServerData;
  readonly root: Owner;
  closed = false;
  timeoutError: Error | undefined = undefined;
  readonly interrupted: Promise<void>;
  private interrupt!: () => void;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private token: string | undefined;
  private local = 0;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly options: RenderOptions,
    /** The stream mode's rule: is a pending boundary awaited in place? */
    readonly inline: (blocking: boolean) => boolean,
  ) {
    this.onError = options.onError ?? defaultOnError;
    this.data = new ServerData(options.dev === true, (error) => this.report(error));
    this.interrupted = new Promise((resolve) => (this.interrupt = resolve));
    this.root = new Owner(null, 0);
    setContextValue(this.root, HydrationContext.id, this.data.handle);
    setContextValue(this.root, RendererContext.id, {
      ...serverBoundaries(this),
      element: ssrElement,
      // A portal's content belongs elsewhere in the document: the browser renders it there.
      portal: () => undefined,
    });
  }

  /** Renders the app: the page's shell, with the slots of its pending boundaries. */
  shell(app: () => unknown): Rendered {
    return renderPiece(this, this.root, app);
  }

  /** The HTML written first: `html` with the hydration script at its start (unless disabled). */
  lead(html: string): string {
    return this.options.hydrationScript === false ? html : withLeadingScript(html, hydrationScript(this.options));
  }

  /** A script with `statements` and the data ready since the last call, or `''` if empty. */
  script(statements = ''): string {
    const all = this.data.drain() + statements;
    return all === '' ? '' : dataScript(all, this.options.nonce);
  }

  get localHandle(): HydrationHandle {
    return this.data.local;
  }

  localId(): string {
    return `_${this.local++}`;
  }

  placeholder(id: string): string {
    // Random per render: markup from the app (raw `innerHTML`) cannot fake a placeholder.
    this.token ??= randomToken();
    return `<!--${this.token}:${id}-->`;
  }

  /** The start of every placeholder of this render (`undefined` while none was made). */
  get placeholderPrefix(): string | undefined {
    return this.token === undefined ? undefined : `<!--${this.token}:`;
  }

  report(error: unknown): void {
    try {
      this.onError(error);
    } catch {
      // A failing error reporter must not break the render.
    }
  }

  /** Gives up on everything still loading after `ms` milliseconds (`Infinity`: never). */
  startTimer(ms: number): void {
    if (!(ms < Infinity)) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const error = new Error(`The render timed out: data still loading after ${ms} ms.`);
      error.name = 'TimeoutError';
      this.timeoutError = error;
      this.data.giveUp(error);
      this.report(error);
      this.interrupt();
    }, ms);
  }

  /** Ends the render: no more rendering or data; the root is disposed (fetches in flight abort). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.data.stop();
    this.interrupt();
    try {
      disposeOwner(this.root);
    } catch (error) {
      this.report(error);
    }
  }
}

export { NO_ERROR };

function defaultOnError(error: unknown): void {
  console.error('[lepta/server]', error);
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  let out = 'lepta-';
  for (const b of bytes) out += (b < 16 ? '0' : '') + b.toString(16);
  return out;
}
