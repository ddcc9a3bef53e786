/**
 * `@lepta/server/node`: serve a handler (`createHandler`) on Node with srvx, which adapts
 * Node's `http` server to `(Request) => Promise<Response>` (back-pressure, client aborts) without
 * patching globals. (Edge runtimes take the handler itself: it is already a `fetch` handler.)
 */
import { FastResponse, serve, type Server } from 'srvx';
import type { Handler } from './handler.js';
import { setResponseClass, type ResponseClass } from './handler-response.js';

export interface ServeNodeOptions {
  /** Default: the `PORT` environment variable, else 3000; 0 picks a free port. */
  port?: number;
  /** Default: the `HOST` environment variable, else every interface. */
  hostname?: string;
  /** Print the address once listening (default true). */
  log?: boolean;
}

/**
 * Makes every handler from `createHandler` (and `createApp`) in this process answer with srvx's
 * FastResponse, whose string bodies go to the socket in one write, with their length, instead of
 * through a Web stream. It behaves as a `Response` anywhere else too. `serveNode` and
 * `lepta serve` call it; call it yourself when you serve a handler with srvx another way.
 */
export function useFastResponses(): void {
  setResponseClass(FastResponse as unknown as ResponseClass);
}

/** Starts listening; resolves once the server accepts connections. `server.close()` stops it. */
export function serveNode(handler: Handler, options: ServeNodeOptions = {}): Promise<Server> {
  useFastResponses();
  const server = serve({
    fetch: handler,
    port: options.port,
    hostname: options.hostname,
    silent: options.log === false,
  });
  return server.ready();
}
