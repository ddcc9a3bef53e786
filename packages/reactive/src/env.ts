/**
 * Where the graph is running. The server renderer switches this on: on the server, `effect` and
 * `watch` never run (there is no DOM to act on and no later moment to act in), as in Leptos.
 */
let server = false;

/** True while running as the server renderer. */
export function isServer(): boolean {
  return server;
}

/** Internal: set by the server renderer. */
export function setServer(value: boolean): void {
  server = value;
}
