/**
 * The page sent when the app fails before its shell could be sent: a complete document (never
 * half a page), status 500.
 */
import { escapeText } from './escape.js';

/**
 * A minimal, complete `500 Internal Server Error` document. In development (`dev`) it shows the
 * error (its stack when there is one); otherwise nothing of it.
 *
 * @example catch (error) { return new Response(errorDocument(error), { status: 500, headers }); }
 */
export function errorDocument(error: unknown, dev = false): string {
  const detail = dev ? `<pre>${escapeText(describe(error))}</pre>` : '';
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>500 Internal Server Error</title></head>' +
    `<body><h1>500 Internal Server Error</h1>${detail}</body></html>`
  );
}

/** The error as text; never throws (a `stack` getter that throws, an object without `toString`). */
function describe(error: unknown): string {
  try {
    if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
    return String(error);
  } catch {
    return '[an error that cannot be printed]';
  }
}
