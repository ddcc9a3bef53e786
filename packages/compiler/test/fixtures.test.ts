/**
 * Fixture pairs: each folder of fixtures/ holds an input.tsx and the expected output.js (and,
 * optionally, options.json with compile options). These outputs are the compiler's contract with
 * the runtime (packages/dom/CONTRACT.md): change them deliberately.
 *
 * UPDATE_FIXTURES=1 npx vitest run --project unit packages/compiler   rewrites the outputs;
 * review the diff by eye before committing.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, type CompileOptions } from '../src/index.js';

const root = fileURLToPath(new URL('./fixtures/', import.meta.url));
const update = process.env.UPDATE_FIXTURES === '1';

describe('fixtures (input.tsx → output.js)', () => {
  const names = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  it('has fixtures', () => expect(names.length).toBeGreaterThan(20));
  for (const name of names) {
    it(name, () => {
      const dir = join(root, name);
      const input = readFileSync(join(dir, 'input.tsx'), 'utf8');
      const optionsFile = join(dir, 'options.json');
      const options: Partial<CompileOptions> = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      const result = compile(input, { filename: 'input.tsx', sourceMap: false, ...options });
      let output = result.code;
      if (result.warnings.length > 0) {
        output += '\n// warnings:\n' + result.warnings.map((w) => `// ${w.line}:${w.column} ${w.code}: ${w.message}`).join('\n') + '\n';
      }
      const expectedFile = join(dir, 'output.js');
      if (update) writeFileSync(expectedFile, output);
      else if (!existsSync(expectedFile)) throw new Error(`${name}/output.js is missing: run with UPDATE_FIXTURES=1 and review it`);
      expect(output).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
