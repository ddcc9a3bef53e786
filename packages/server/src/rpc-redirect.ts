/**
 * `redirect(url)` inside a server function ends it and sends the browser to `url`: a fetch call
 * answers 200 with `x-lepta-redirect` (the client stub navigates), a no-JS form post answers
 * with a real redirect (SERVER-FUNCTIONS.md §4). It throws, so code after it never runs.
 */

/** What `redirect` throws; the handler recognizes it with `isRedirect`, never by shape. */
class Redirect {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {}
}

/**
 * Throws a redirect to `url`. `status` (301, 302, 303, 307 or 308; default 303) is used when the
 * handler answers with a real redirect (no-JS form posts).
 */
export function redirect(url: string | URL, status = 303): never {
  if (![301, 302, 303, 307, 308].includes(status)) throw new RangeError(`redirect: ${status} is not a redirect status`);
  throw new Redirect(String(url), status);
}

export function isRedirect(value: unknown): value is Redirect {
  return value instanceof Redirect;
}
