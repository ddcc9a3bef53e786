/**
 * The request handler: `(Request) => Promise<Response>`, the contract every Lepta server speaks.
 * It streams the page: the document's head (with the hydration script, so clicks before
 * hydration are kept), the app rendered by `renderToStream`, and the client entry script.
 */
import { hydrationScript, renderToStream, streamDocument, type StreamOptions } from 'lepta/server';
import { App } from './App.js';
import { parsePageQuery } from './query.js';

export interface HandlerOptions {
  /** Serves the client's built files (`/client.js`); `undefined` for a 404. */
  asset(path: string): Promise<Response | undefined>;
  /** Called once per resource fetch on the server (tests count them). */
  onFetch?: (panel: string) => void;
}

export function createHandler(options: HandlerOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname !== '/') {
      return (await options.asset(url.pathname)) ?? new Response('Not found', { status: 404 });
    }
    const { delays, mode } = parsePageQuery(url.searchParams);
    const app = renderToStream(() => <App delays={delays} onFetch={options.onFetch} />, {
      mode: mode as StreamOptions['mode'],
      signal: request.signal,
      hydrationScript: false,
    });
    const status = await app.status;
    // A failure before the shell: the stream is a complete error document of its own.
    if (status !== 200) return new Response(app, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
    const head =
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lepta streaming</title>' +
      hydrationScript() +
      '</head><body><div id="app">';
    const tail = '</div><script type="module" src="/client.js"></script></body></html>';
    return new Response(streamDocument(head, app, tail), { headers: { 'content-type': 'text/html; charset=utf-8' } });
  };
}
