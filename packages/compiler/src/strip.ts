/**
 * Type stripping, after the JSX transform: the transformed module is still TypeScript (user
 * code is kept as written); oxc-transform removes the types and its source map is composed
 * with the transform's, so positions still point into the original file.
 *
 * Stripping *after* means the compiler reports every error at original positions and never
 * sees a second version of the user's code.
 */
import { transformSync } from 'oxc-transform';
import type { SourceFile } from './errors.js';
import { composeMaps, decodeMappings, encodeMappings, type Segment, type SourceMap } from './sourcemap.js';

/** Strips TypeScript from `code` (the transformed module). `map` is the transform's map, if any. */
export function stripTypes(
  file: SourceFile,
  code: string,
  map: { mappings: Segment[][] } | null,
): { code: string; mappings: Segment[][] | null } {
  const result = transformSync(`${file.filename}.ts`, code, {
    lang: 'ts',
    sourceType: 'module',
    jsx: 'preserve',
    sourcemap: map !== null,
  });
  const errors = result.errors.filter((e) => e.severity === 'Error');
  if (errors.length > 0) {
    const e = errors[0]!;
    throw file.error(
      'LEPTA_STRIP',
      0,
      1,
      `Stripping TypeScript failed: ${e.message}`,
      'Compile with typescript: "preserve" and let the bundler strip types, and please report this file.',
    );
  }
  if (map === null || !result.map) return { code: result.code, mappings: null };
  const composed = composeMaps(decodeMappings(result.map.mappings), map.mappings);
  return { code: result.code, mappings: composed };
}

/** Builds the final map object. */
export function makeMap(file: SourceFile, mappings: Segment[][] | string): SourceMap {
  return {
    version: 3,
    file: file.filename.replace(/^.*[\\/]/, '').replace(/\.[cm]?[jt]sx?$/, '') + '.js',
    sources: [file.filename],
    sourcesContent: [file.code],
    names: [],
    mappings: typeof mappings === 'string' ? mappings : encodeMappings(mappings),
  };
}
