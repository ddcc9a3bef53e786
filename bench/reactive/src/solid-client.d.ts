// Types for solid-js's client build, imported by path (see adapters/solid.ts).
declare module 'solid-js/dist/solid.js' {
  export * from 'solid-js';
}
