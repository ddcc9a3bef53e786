/**
 * @lepta/compiler — compiles JSX (TSX) modules for Lepta.
 *
 * `compile(code, { filename })` returns the module with every JSX expression replaced by calls
 * into the runtime (`@lepta/dom` in the browser), the destructured props of components made
 * reactive, and a source map. See README.md for the pipeline and the output format, and
 * packages/dom/CONTRACT.md for the contract with the runtime.
 */
export { compile, type CompileOptions, type CompileResult } from './compile.js';
export { LeptaCompileError, type CompileWarning, type SourceLocation } from './errors.js';
export { originalPositionFor, type SourceMap } from './sourcemap.js';
