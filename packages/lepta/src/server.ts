/**
 * `lepta/server`: rendering on the server — `renderToString`, `renderToStream` and what a page
 * needs around them (packages/server/README.md).
 */
export * from '@lepta/server';
