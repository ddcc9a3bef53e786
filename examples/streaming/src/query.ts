/** The page's query string, read the same way on the server and in the browser. */

/** Default delays: the last panel's data arrives first (3 s, 2 s, 1 s). */
export const DEFAULT_DELAYS = [3000, 2000, 1000];
const MODES = ['out-of-order', 'in-order', 'async', 'partially-blocked'];

/** `?delays=300,200,100&mode=in-order`; anything unreadable falls back to the defaults. */
export function parsePageQuery(params: URLSearchParams): { delays: number[]; mode: string } {
  const delays = (params.get('delays') ?? '')
    .split(',')
    .map((d) => Number(d))
    .filter((d) => Number.isFinite(d) && d >= 0 && d <= 60_000);
  const mode = params.get('mode') ?? 'out-of-order';
  return { delays: delays.length === 3 ? delays : DEFAULT_DELAYS, mode: MODES.includes(mode) ? mode : 'out-of-order' };
}
