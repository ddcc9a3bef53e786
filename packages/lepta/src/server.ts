/**
 * `lepta/server`: rendering on the server — `renderToString`, `renderToStream` and what a page
 * needs around them (packages/server/README.md).
 */
export * from '@lepta/server';
export { createApp, resolveAppConfig, streamDocument, type AppOptions, type AppConfig } from './server-app.js';
export type { AppAssets } from './app-assets.js';
