/**
 * `lepta/hmr`: the dev-only component hot-replacement runtime the Vite plugin's footer imports
 * (`@lepta/dom/hmr`, re-exported here so an app that depends only on `lepta` resolves it under
 * strict installs).
 */
export * from '@lepta/dom/hmr';
