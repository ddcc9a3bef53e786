/**
 * Hydration mismatches: the server's HTML differs from what the client renders
 * (packages/server/CONTRACT.md §4). Each one is reported once, with the components being created
 * and the JSX location when known, and the part concerned is rendered by the client instead.
 */

/** How many mismatches were reported: a region reports only if none was inside it already. */
let count = 0;

/** The names of the components being created, outermost first (kept while hydrating). */
export const components: string[] = [];

export function mismatchCount(): number {
  return count;
}

/**
 * Reports a mismatch: `what` differs, at `location` ("file:line:column" of the JSX) if known.
 * `expected`: the server said so itself (a boundary it left pending): counted, not printed.
 */
export function mismatch(what: string, location?: string, expected = false): void {
  count++;
  if (expected) return;
  const where = components.length > 0 ? ` in ${components.map((name) => `<${name}>`).join(' › ')}` : '';
  console.warn(
    `[lepta] Hydration mismatch${where}${location ? ` (${location})` : ''}: ${what}. ` +
      'The client renders this part instead of adopting the server HTML.',
  );
}
