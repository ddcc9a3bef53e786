/**
 * The server entry (packages/vite/APP.md §1). Two renderings of the same app:
 *
 * - out of order (the default): the shell at once, the list swapped in by a small script when the
 *   database answered. That swap needs JavaScript, so this page's head carries a `<noscript>`
 *   refresh to `?nojs=1`, which only a browser without JavaScript follows;
 * - in order for `?nojs=1`: the stream waits for the list in place, complete without any
 *   script. Forms posted from it come back to it (the server redirects to the referring page), so
 *   a visitor without JavaScript stays on it.
 */
import { createApp } from 'lepta/server';
import { App } from './App.js';

const title = 'Lepta todos';
const NO_JS_PARAM = 'nojs';

const streamed = createApp(() => <App />, {
  title,
  head: `<noscript><meta http-equiv="refresh" content="0; url=?${NO_JS_PARAM}=1"></noscript>`,
});
const inOrder = createApp(() => <App />, { title, ssrMode: 'in-order' });

export default function app(request: Request): Promise<Response> {
  const noJs = new URL(request.url).searchParams.has(NO_JS_PARAM);
  return (noJs ? inOrder : streamed)(request);
}
