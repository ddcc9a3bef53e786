/**
 * `lepta/runtime`: the module compiled components import their helpers from (the compiler's
 * `moduleName`, see packages/dom/CONTRACT.md). In the browser it is @lepta/dom's runtime.
 */
export * from '@lepta/dom';
