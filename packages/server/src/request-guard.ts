/**
 * Who may call (SERVER-FUNCTIONS.md §5 step 3), decided from headers alone, before the body is
 * read. A browser marks every request with `Sec-Fetch-Site` and/or `Origin`; the allowed origins
 * are configured, never derived from `Host` (which the client chooses).
 */

/** The configured origins, normalized (`https://example.com:443/` → `https://example.com`). */
export function normalizeOrigins(origin: string | readonly string[]): ReadonlySet<string> {
  const list = typeof origin === 'string' ? [origin] : origin;
  if (!Array.isArray(list) || list.length === 0) throw new TypeError('createHandler: `origin` (the site\'s origin, or a list) is required');
  return new Set(
    list.map((value: string) => {
      const normalized = new URL(value).origin;
      if (normalized === 'null') throw new TypeError(`createHandler: "${value}" has no origin`);
      return normalized;
    }),
  );
}

/** Whether the request comes from another site (or cannot show it does not). */
export function isCrossSite(request: Request, origins: ReadonlySet<string>): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site') return true;
  const origin = request.headers.get('origin');
  // `Origin: null` (sandboxed frames, some redirects) is never a configured origin.
  if (origin !== null) return !origins.has(origin);
  // A browser's POST always carries one of the two; other clients must send `Origin`.
  return request.method === 'POST' && site === null;
}

/** Where a no-JS form post goes back to: the same-origin `Referer` (without its fragment), else `/`. */
export function backTo(request: Request, origins: ReadonlySet<string>): string {
  const referer = request.headers.get('referer');
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    // Absolute, so a path such as `//evil.example` cannot be read as another host.
    return origins.has(url.origin) ? url.origin + url.pathname + url.search : '/';
  } catch {
    return '/';
  }
}
