/**
 * `lepta/server-runtime`: the module `ssr`-compiled components import their helpers from (the
 * compiler's default `moduleName` in `ssr` mode; packages/server/CONTRACT.md).
 */
export * from '@lepta/server/runtime';
