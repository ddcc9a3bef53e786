/**
 * Where the graph is running. The server renderer switches this on: on the server, `effect` and
 * `watch` never run (there is no DOM to act on and no later moment to act in), as in Leptos, and
 * lists map once (server-list.ts).
 */
import { serverList } from './server-list.js';

let server = false;

/**
 * While server mode is on: how lists map there (`serverList`), else `undefined`. Set only by
 * `setServer`, so a browser bundle (which never calls it) drops the server's list code and
 * `mapArray` / `indexArray` test one variable.
 */
export let serverLists: typeof serverList | undefined;

/** True while running as the server renderer. */
export function isServer(): boolean {
  return server;
}

/** Internal: set by the server renderer. */
export function setServer(value: boolean): void {
  server = value;
  serverLists = value ? serverList : undefined;
}
