/**
 * Source maps: positions inside JSX expressions map back to where they are written, whether the
 * generator moved them (effects, getters) or not, with and without type stripping.
 */
import { describe, expect, it } from 'vitest';
import { compile, originalPositionFor, type SourceMap } from '../src/index.js';

const input = [
  "import { signal } from 'lepta';",
  'export function Counter(props: { label: string }) {',
  '  const [count, setCount] = signal<number>(0);',
  '  return (',
  '    <button title={props.label} onClick={() => setCount((c: number) => c + 1)} class:on={count() > 2}>',
  '      Count: {count()} <Icon size={size()} />',
  '      <ul>{props.items.map((item: string) => <li data-x={item.length}>{item.toUpperCase()}</li>)}</ul>',
  '    </button>',
  '  );',
  '}',
  'export const after: number = 1;',
].join('\n');

/** 0-based line/column of the `nth` occurrence of `needle` in `code`, plus `offset`. */
function position(code: string, needle: string, offset = 0, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = code.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${needle} not found`);
  }
  at += offset;
  const before = code.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, column: at - (before.lastIndexOf('\n') + 1) };
}

/**
 * Asserts that `needle` in the output (at `offset` into it) maps to `originalNeedle` (the `nth`
 * occurrence) in the input, at the same offset into the original expression.
 */
function expectMapsBack(code: string, map: SourceMap, needle: string, originalNeedle = needle, offset = 0, nth = 0): void {
  const prefix = needle.length - originalNeedle.length > 0 && needle.endsWith(originalNeedle) ? needle.length - originalNeedle.length : 0;
  const generated = position(code, needle, prefix + offset);
  const original = position(input, originalNeedle, offset, nth);
  expect(originalPositionFor(map, generated.line, generated.column), `${needle} (+${offset})`).toEqual(original);
}

describe('source maps', () => {
  for (const typescript of ['preserve', 'strip'] as const) {
    describe(`typescript: ${typescript}`, () => {
      const { code, map } = compile(input, { filename: 'src/Counter.tsx', typescript });

      it('is a v3 map of the original file', () => {
        expect(map).toBeDefined();
        expect(map!.version).toBe(3);
        expect(map!.sources).toEqual(['src/Counter.tsx']);
        expect(map!.sourcesContent).toEqual([input]);
        expect(map!.file).toBe('Counter.js');
      });

      it('maps expressions moved into the render effect', () => {
        expectMapsBack(code, map!, 'props.label');
        expectMapsBack(code, map!, 'props.label', 'props.label', 6);
        expectMapsBack(code, map!, 'count() > 2');
      });

      it('maps event handlers, inserts and getters', () => {
        expectMapsBack(code, map!, 'setCount((c');
        expectMapsBack(code, map!, 'c + 1');
        expectMapsBack(code, map!, 'return size()', 'size()');
        expectMapsBack(code, map!, '() => count()', 'count()', 0, 1);
        // oxc-transform maps tokens, not characters: inside a token, only the preserved output is exact.
        if (typescript === 'preserve') expectMapsBack(code, map!, '() => count()', 'count()', 5, 1);
      });

      it('maps JSX nested in expressions', () => {
        expectMapsBack(code, map!, 'props.items.map');
        expectMapsBack(code, map!, 'item.length');
        expectMapsBack(code, map!, 'item.toUpperCase()');
        expectMapsBack(code, map!, 'toUpperCase', 'toUpperCase');
      });

      it('maps code outside JSX', () => {
        expectMapsBack(code, map!, 'const [count, setCount]');
        expectMapsBack(code, map!, 'export const after');
      });
    });
  }

  it('maps destructured props rewritten to props reads to the original identifier', () => {
    const source = 'export function Row({ label }: { label: string }) {\n  return <p title={label}>{label}</p>;\n}\n';
    const { code, map } = compile(source, { filename: 'Row.tsx' });
    const generated = position(code, 'props.label', 0, 0);
    const original = originalPositionFor(map!, generated.line, generated.column)!;
    expect(original.line).toBe(1);
    expect(source.split('\n')[1]!.slice(original.column, original.column + 5)).toBe('label');
  });

  it('sourceMap: false returns no map', () => {
    expect(compile(input, { filename: 'a.tsx', sourceMap: false }).map).toBeUndefined();
  });

  it('a module without JSX gets an identity map', () => {
    const { code, map } = compile('const a = 1;\nconst b = 2;\n', { filename: 'a.ts' });
    expect(code).toBe('const a = 1;\nconst b = 2;\n');
    expect(originalPositionFor(map!, 1, 0)).toEqual({ line: 1, column: 0 });
  });
});
