/** `lepta/jsx-dev-runtime`: the same as `lepta/jsx-runtime` (see there). */
export * from './jsx-runtime.js';
