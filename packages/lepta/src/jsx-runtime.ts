/**
 * `lepta/jsx-runtime`: where TypeScript finds the `JSX` namespace under
 * `"jsxImportSource": "lepta"`. Lepta's JSX is compiled ahead of time by @lepta/compiler (with
 * `"jsx": "preserve"`, TypeScript leaves it alone), so the runtime functions below only exist to
 * fail loudly if a tool compiles JSX to `jsx()` calls instead.
 */
export type { JSX } from './jsx.js';

const message = 'JSX must be compiled by @lepta/compiler (use the Vite plugin)';

export function jsx(): never {
  throw new Error(message);
}
export { jsx as jsxs, jsx as jsxDEV };

export function Fragment(): never {
  throw new Error(message);
}
