/**
 * `renderToString`: the app's HTML, synchronously. Suspense boundaries still loading render
 * their fallback (in `<!--$s:id-->…<!--/$s-->` markers); the data of every resource that
 * settled during the render follows the HTML in one script.
 */
import { NO_ERROR, RenderSession, type RenderOptions } from './render.js';

/**
 * Renders `app()` to a string: the hydration script (unless `hydrationScript: false`), the
 * app's HTML, then the data script. Throws what the app threw (no ErrorBoundary caught it):
 * answer with `errorDocument(error)` and status 500. Whatever is still loading afterwards is
 * aborted.
 *
 * @example const html = renderToString(() => <App />, { nonce });
 */
export function renderToString(app: () => unknown, options: RenderOptions = {}): string {
  const session = new RenderSession(options, () => false);
  try {
    const shell = session.shell(app);
    if (shell.error !== NO_ERROR) throw shell.error;
    const html = session.lead(shell.piece.html) + session.script();
    if (session.data.encoding) {
      session.report(
        new Error('Resource values holding promises cannot be sent by renderToString (it cannot wait): use renderToStream.'),
      );
    }
    return html;
  } finally {
    session.close();
  }
}
