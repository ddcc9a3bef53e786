/**
 * The request handler: server functions under `/_server/…` (`createHandler`), everything else
 * the page, streamed. A form posted without JavaScript comes back here (303) with a flash cookie,
 * which the page hands to its `<ActionForm>` so it shows the result or the error.
 */
import { FlashContext, provideContext } from 'lepta';
import { createHandler, hydrationScript, readFlash, renderToStream, streamDocument, type Handler } from 'lepta/server';
import { App } from './App.js';

export interface PageOptions {
  /** The origin the page is served from (server functions refuse requests from any other). */
  origin: string;
  /** Serves the client's built files (`/client.js`); `undefined` for a 404. */
  asset(path: string): Promise<Response | undefined>;
}

export function createApp(options: PageOptions): Handler {
  return createHandler({
    origin: options.origin,
    async app(request) {
      const path = new URL(request.url).pathname;
      if (path !== '/') return (await options.asset(path)) ?? new Response('Not found', { status: 404 });
      const headers = new Headers({ 'content-type': 'text/html; charset=utf-8' });
      const flash = readFlash(request, headers);
      const body = renderToStream(
        () => {
          provideContext(FlashContext, flash);
          return <App />;
        },
        // In order: the page streams top to bottom and is complete without JavaScript (an
        // out-of-order page needs its swap scripts), which a form posted without it relies on.
        { mode: 'in-order', signal: request.signal, hydrationScript: false },
      );
      const status = await body.status;
      if (status !== 200) return new Response(body, { status, headers });
      return new Response(page(body), { headers });
    },
  });
}

/** The document around the app's stream. */
function page(app: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Server functions</title>${hydrationScript()}</head><body><div id="app">`;
  return streamDocument(head, app, '</div><script type="module" src="/client.js"></script></body></html>');
}
