/**
 * `@lepta/server/runtime` (re-exported as `lepta/server-runtime`): the helpers compiled `ssr`
 * code imports (packages/server/CONTRACT.md §2).
 */
export { ssr, escapeChild as escape, Html } from './html.js';
