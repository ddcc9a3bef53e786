/**
 * Output sanity: whatever the compiler emits parses, for every fixture and for the benchmark's
 * realistic corpus, in both TypeScript modes; helpers and small pieces behave.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/compiler/src/corpus.js';
import { compile } from '../src/index.js';
import { decodeEntities, entityTable } from '../src/entities.js';
import { jsxText } from '../src/html.js';

/** Parses as `.ts` / `.js` (no JSX allowed): JSX left in the output is an error too. */
function expectParses(code: string, lang: 'ts' | 'js', name: string): void {
  const { errors } = parseSync(`${name}.${lang}`, code, { lang, sourceType: 'module' });
  expect(errors.map((e) => e.message), name).toEqual([]);
}

describe('every output parses', () => {
  const root = fileURLToPath(new URL('./fixtures/', import.meta.url));
  for (const name of readdirSync(root).sort()) {
    it(`fixture ${name}`, () => {
      const input = readFileSync(join(root, name, 'input.tsx'), 'utf8');
      expectParses(compile(input, { filename: 'input.tsx' }).code, 'ts', name);
      expectParses(compile(input, { filename: 'input.tsx', typescript: 'strip' }).code, 'js', name);
    });
  }

  it('the benchmark corpus (realistic components), both TypeScript modes', () => {
    const corpus = generateCorpus(2000);
    expect(corpus.reduce((n, f) => n + f.code.split('\n').length, 0)).toBeGreaterThanOrEqual(2000);
    for (const file of corpus) {
      const kept = compile(file.code, { filename: file.filename });
      expect(kept.warnings).toEqual([]);
      expectParses(kept.code, 'ts', file.filename); // parsed as .ts: any JSX left would not parse
      expectParses(compile(file.code, { filename: file.filename, typescript: 'strip' }).code, 'js', file.filename);
    }
  });
});

describe('options', () => {
  it('moduleName is where helpers come from; lepta/runtime by default', () => {
    expect(compile('const a = <p>{x()}</p>;', { filename: 'a.tsx' }).code).toContain('from "lepta/runtime";');
    expect(compile('const a = <p>{x()}</p>;', { filename: 'a.tsx', moduleName: '@lepta/dom' }).code).toContain('from "@lepta/dom";');
  });
  it('.jsx and .js files are JavaScript with JSX; strip leaves them alone', () => {
    const out = compile('const a = <p>{x()}</p>;', { filename: 'a.jsx', typescript: 'strip' });
    expect(out.code).toContain('_$insert(_el$0, () => x());');
  });
  it('TypeScript generics that look like JSX in .ts files are types', () => {
    const out = compile('const f = <T,>(x: T): T => x;\nconst y = <number>f(1);', { filename: 'a.ts' });
    expect(out.code).toBe('const f = <T,>(x: T): T => x;\nconst y = <number>f(1);');
  });
});

describe('warnings', () => {
  it('children attribute overridden, with position', () => {
    const { warnings } = compile('const a = <div children={x}>\n  y\n</div>;', { filename: 'w.tsx' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'LEPTA_CHILDREN_OVERRIDDEN', filename: 'w.tsx', line: 1, column: 16 });
    expect(warnings[0]!.frame).toContain('> 1 |');
  });
});

describe('JSX text', () => {
  it('decodes the 253 HTML 4 named references and numeric ones; unknown stay', () => {
    expect(entityTable().size).toBe(253);
    expect(decodeEntities('&amp;&lt;&gt;&quot;&apos;&nbsp;&copy;&hellip;&euro;&Omega;&omega;&sigmaf;&thetasym;&diams;')).toBe(
      '&<>"\'\u00a0©…€Ωωςϑ♦',
    );
    expect(decodeEntities('&#65;&#x42;&#x1F600;&bogus;&amp')).toBe('AB😀&bogus;&amp');
    expect(decodeEntities('&yuml;&Yuml;&frac34;&iquest;')).toBe('ÿŸ¾¿');
  });
  it('follows the JSX whitespace rules', () => {
    expect(jsxText('  a  ')).toBe('  a  ');
    expect(jsxText('\n  a\n  b\n')).toBe('a b');
    expect(jsxText('a\n\n   \n  b')).toBe('a b');
    expect(jsxText('\n   \n')).toBe('');
    expect(jsxText('x\t\ty')).toBe('x  y');
    expect(jsxText(' a \r\n b ')).toBe(' a b ');
  });
});
